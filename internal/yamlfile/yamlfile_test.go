package yamlfile

import "testing"

func TestValidID(t *testing.T) {
	for s, want := range map[string]bool{"sql": true, "c-sharp": true, "2fa": true, "": false, "-x": false, "Sql": false, "a_b": false, "a b": false, "é": false} {
		if got := ValidID(s); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", s, got, want)
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

func TestProblemPathIsCleaned(t *testing.T) {
	p := Problem{File: "evil\n\x1b[2J.yaml", Line: 1, Column: 1, Message: "m"}
	if got := p.Error(); got != "evil??[2J.yaml:1:1: m" {
		t.Errorf("Error() = %q", got)
	}
}
