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
