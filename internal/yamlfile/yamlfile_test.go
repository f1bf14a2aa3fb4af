package yamlfile

import "testing"

func TestValidID(t *testing.T) {
	for s, want := range map[string]bool{"sql": true, "c-sharp": true, "2fa": true, "": false, "-x": false, "Sql": false, "a_b": false, "a b": false, "é": false} {
		if got := ValidID(s); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", s, got, want)
		}
	}
}

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

func TestSuggest(t *testing.T) {
	known := []string{"skills", "scale", "title", "description"}
	for in, want := range map[string]string{"skils": "skills", "titel": "title", "descripton": "description", "zzz": "", "colour": ""} {
		if got := Suggest(in, known); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseRefusals(t *testing.T) {
	for name, data := range map[string]string{"empty": "", "comments": "# a\n\n# b\n", "null": "~\n"} {
		if top, ps := Parse("f.yaml", []byte(data)); top != nil || ps.Err() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	top, ps := Parse("f.yaml", []byte("a: 1\n"))
	if top == nil || ps.Err() != nil {
		t.Errorf("a valid document was refused: %v", ps)
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

func TestProblemPathIsCleaned(t *testing.T) {
	p := Problem{File: "evil\n\x1b[2J.yaml", Line: 1, Column: 1, Message: "m"}
	if got := p.Error(); got != "evil??[2J.yaml:1:1: m" {
		t.Errorf("Error() = %q", got)
	}
}
