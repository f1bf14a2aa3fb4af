package termtext

import (
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

func TestCutPadExact(t *testing.T) {
	for _, c := range []struct {
		s               string
		n               int
		cut, pad, exact string
	}{
		{"readiness", 5, "read…", "readiness", "read…"},
		{"ok", 5, "ok", "ok   ", "ok   "},
		{"日本語", 4, "日…", "日本語", "日… "},
		{"\x1b[1mbold\x1b[0m", 6, "\x1b[1mbold\x1b[0m", "\x1b[1mbold\x1b[0m  ", "\x1b[1mbold\x1b[0m  "},
		{"anything", 0, "", "anything", ""},
		{"anything", -3, "", "anything", ""},
	} {
		if got := Cut(c.s, c.n); got != c.cut {
			t.Errorf("Cut(%q, %d) = %q, want %q", c.s, c.n, got, c.cut)
		}
		if got := Pad(c.s, c.n); got != c.pad {
			t.Errorf("Pad(%q, %d) = %q, want %q", c.s, c.n, got, c.pad)
		}
		if got := Exact(c.s, c.n); got != c.exact {
			t.Errorf("Exact(%q, %d) = %q, want %q", c.s, c.n, got, c.exact)
		}
	}
	if got := CutLeft("cohort/assessments/ada.yaml", 12); got != "…ts/ada.yaml" {
		t.Errorf("CutLeft = %q", got)
	}
	if got := CutLeft("ada.yaml", 12); got != "ada.yaml" {
		t.Errorf("CutLeft of a short path = %q", got)
	}
}

// PluralGrouped writes its numbers as the command line did with x/text's
// English printer; Plural as the reports do, in plain digits.
func TestPlural(t *testing.T) {
	english := message.NewPrinter(language.English)
	for _, n := range []int{0, 1, 2, 999, 1000, 12345, 1000000, -1, -1234} {
		want := english.Sprintf("%d files", n)
		if n == 1 {
			want = "1 file"
		}
		if got := PluralGrouped(n, "file", "files"); got != want {
			t.Errorf("PluralGrouped(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Plural(1000, "file", "files"); got != "1000 files" {
		t.Errorf("Plural(1000) = %q", got)
	}
	if got := Plural(1, "company", "companies"); got != "1 company" {
		t.Errorf("Plural(1) = %q", got)
	}
}
