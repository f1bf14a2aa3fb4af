package kit

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestCleaning(t *testing.T) {
	for _, c := range []struct {
		name, in, line, note string
		links                []string
	}{
		{"plain", "Built an API", "Built an API", "Built an API", []string{"Built", "an", "API"}},
		{"escapes", "a\x1b[2Jb", "ab", "ab", []string{"ab"}},
		{"lines", " one\r\ntwo\tthree \n", "one two three", "one\ntwo\tthree", []string{"one", "two", "three"}},
		{"bidi", "x\u202ey\u2066z", "xyz", "xyz", []string{"xyz"}},
		{"links", "https://a.example/x,https://b.example/y\nhttps://c.example", "https://a.example/x,https://b.example/y https://c.example", "https://a.example/x,https://b.example/y\nhttps://c.example",
			[]string{"https://a.example/x", "https://b.example/y", "https://c.example"}},
	} {
		if got := CleanLine(c.in); got != c.line {
			t.Errorf("%s: CleanLine = %q, want %q", c.name, got, c.line)
		}
		if got := CleanNote(c.in); got != c.note {
			t.Errorf("%s: CleanNote = %q, want %q", c.name, got, c.note)
		}
		if got := SplitEvidence(c.in); strings.Join(got, "|") != strings.Join(c.links, "|") {
			t.Errorf("%s: SplitEvidence = %q, want %q", c.name, got, c.links)
		}
	}
}

// The fields' own clipboard paste is a string message of theirs: cleaned too.
func TestTypedCleansClipboardPaste(t *testing.T) {
	type clipboard string
	if got := Typed(clipboard("a\u202eb\x1b[2Jc")); got != clipboard("abc") {
		t.Errorf("Typed(clipboard) = %#v", got)
	}
	if got := Typed(tea.WindowSizeMsg{Width: 3}); got != (tea.WindowSizeMsg{Width: 3}) {
		t.Errorf("Typed changed a message that holds no text: %#v", got)
	}
}
