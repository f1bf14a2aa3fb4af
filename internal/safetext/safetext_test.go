package safetext

import "testing"

func TestUnsafeAndClean(t *testing.T) {
	cases := []struct {
		in, clean string
		unsafe    bool
	}{
		{"plain text\twith tab\nand newline", "plain text\twith tab\nand newline", false},
		{"café ®", "café ®", false},
		{"red \x1b[31malert\x1b[0m", "red alert", true},
		{"bell\x07", "bell", true},
		{"c1\u0085", "c1", true},
		{"abc\u202edef", "abcdef", true},
		{"iso\u2066late\u2069", "isolate", true},
		{"marks\u200e\u200f\u061c", "marks", false},
		{"line\u2028sep\u2029", "linesep", false},
		{"bad \xff utf-8", "bad \ufffd utf-8", false},
		{"windows\r\nmac\rend", "windows\nmac\nend", true},
		{"csi \u009b31m", "csi 31m", true},
	}
	for _, c := range cases {
		_, bad := Unsafe(c.in)
		if bad != c.unsafe {
			t.Errorf("Unsafe(%q) = %v, want %v", c.in, bad, c.unsafe)
		}
		if got := Clean(c.in); got != c.clean {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.clean)
		}
	}
}

func TestCleanLineAndPath(t *testing.T) {
	if got := CleanLine("  Grace\x1b[31m\n\tHopper\u202e "); got != "Grace Hopper" {
		t.Errorf("CleanLine = %q", got)
	}
	for in, want := range map[string]string{
		"cohort/ada.yaml":               "cohort/ada.yaml",
		"evil\x1b]0;title\x07.yaml":     "evil?]0;title?.yaml",
		"two\nlines\t.yaml":             "two?lines?.yaml",
		"rtl\u202egpj.yaml":             "rtl?gpj.yaml",
		"c1\u009b.yaml":                 "c1?.yaml",
		"mark\u200f\u2028.yaml":         "mark??.yaml",
		"bad\xff.yaml":                  "bad\ufffd.yaml",
		"Application Support/é 日本.yaml": "Application Support/é 日本.yaml",
	} {
		if got := CleanPath(in); got != want {
			t.Errorf("CleanPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeJSON(t *testing.T) {
	got := string(EscapeJSON([]byte("{\"a\": \"x\u009b\u202e\u200f\u061c\x7fé\"}")))
	if want := `{"a": "x\u009b\u202e\u200f\u061c\u007fé"}`; got != want {
		t.Errorf("EscapeJSON = %s, want %s", got, want)
	}
}
