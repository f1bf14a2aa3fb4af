package cmd

import (
	"encoding/json"
	"strings"
	"testing"
)

// testdata/ada.yaml then testdata/ada-later.yaml, against small.yaml, by hand:
//
//	sql 1 -> 2, testing unanswered -> 1, dutch 0 -> 1 (python, java unchanged)
//	acme:  62.5 blocked (see score_test) -> lang 1*2 + sql 1*1 + dutch 1*1 = 4/4 = 100.0 ready
//	beta:  25.0 not-yet -> python 1*1 + testing 0.5*3 = 2.5/4 = 62.5 almost (threshold 50)
func TestDiff(t *testing.T) {
	out, errs, code := run(t, "diff", "testdata/ada.yaml", "testdata/ada-later.yaml", "--rubric", "testdata/small.yaml", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d struct {
		Old, New struct {
			File    string
			Updated string
		}
		Skills []struct {
			Skill    string
			From, To *int
		}
		Companies []struct {
			ID                     string
			From, To, Change       float64
			VerdictFrom, VerdictTo string `json:"-"`
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	if d.Old.File != "testdata/ada.yaml" || d.New.Updated != "2027-01-10T10:30:00Z" {
		t.Errorf("files = %+v %+v", d.Old, d.New)
	}
	var skills []string
	for _, s := range d.Skills {
		from := "null"
		if s.From != nil {
			from = string(rune('0' + *s.From))
		}
		skills = append(skills, s.Skill+":"+from+"->"+string(rune('0'+*s.To)))
	}
	if strings.Join(skills, " ") != "sql:1->2 testing:null->1 dutch:0->1" {
		t.Errorf("skills = %v", skills)
	}
	if len(d.Companies) != 2 || d.Companies[0].From != 62.5 || d.Companies[0].To != 100 || d.Companies[0].Change != 37.5 ||
		d.Companies[1].From != 25 || d.Companies[1].To != 62.5 || d.Companies[1].Change != 37.5 {
		t.Errorf("companies = %+v", d.Companies)
	}
	comps := raw["companies"].([]any)
	if c := comps[0].(map[string]any); c["verdict_from"] != "blocked" || c["verdict_to"] != "ready" {
		t.Errorf("acme verdicts = %v → %v", c["verdict_from"], c["verdict_to"])
	}
	text, _, _ := run(t, "diff", "testdata/ada.yaml", "testdata/ada-later.yaml", "--rubric", "testdata/small.yaml")
	if i, j := strings.Index(text, "Acme: blocked → ready"), strings.Index(text, "Acme   62.5%"); i < 0 || j < 0 || i > j {
		t.Errorf("verdict changes do not come first:\n%s", text)
	}
	golden(t, "diff.txt", text)
	mdOut, _, _ := run(t, "diff", "testdata/ada.yaml", "testdata/ada-later.yaml", "--rubric", "testdata/small.yaml", "--format", "markdown")
	golden(t, "diff.md", mdOut)

	// --company narrows the comparison.
	out, _, _ = run(t, "diff", "testdata/ada.yaml", "testdata/ada-later.yaml", "--rubric", "testdata/small.yaml", "--company", "beta", "--format", "json")
	if strings.Contains(out, `"acme"`) || !strings.Contains(out, `"beta"`) {
		t.Errorf("--company beta:\n%s", out)
	}
	// Two rubrics: refused.
	_, errs, code = run(t, "diff", "testdata/ada.yaml", "testdata/readme-assessment.yaml", "--rubric", "testdata/small.yaml")
	if code != 1 || !strings.Contains(errs, `against rubric "small" and testdata/readme-assessment.yaml against "acme-backend"`) {
		t.Errorf("different rubrics: exit %d %s", code, errs)
	}
	if _, _, code := run(t, "diff", "testdata/ada.yaml"); code != 2 {
		t.Errorf("one file: exit %d, want 2", code)
	}
}
