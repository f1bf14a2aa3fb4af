package kit

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Modélisation":            "modelisation",
		"Éloïse Ŝtraße":           "eloise straße",
		"modé":                    "mode",
		"Go, SQL & C#":            "go, sql & c#",
		"日本語":                     "日本語",
		"Conversation in English": "conversation in english",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
