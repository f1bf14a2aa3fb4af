package cmd

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
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
	t.Run("text", func(t *testing.T) { golden.RequireEqual(t, text) })
	mdOut, _, _ := run(t, "diff", "testdata/ada.yaml", "testdata/ada-later.yaml", "--rubric", "testdata/small.yaml", "--format", "markdown")
	t.Run("markdown", func(t *testing.T) { golden.RequireEqual(t, mdOut) })

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

// diff names the candidate in every format and refuses two different
// candidates unless --force.
func TestDiffCandidate(t *testing.T) {
	args := []string{"diff", "testdata/ada.yaml", "testdata/ada-later.yaml", "--rubric", "testdata/small.yaml"}
	text, errs, code := run(t, args...)
	if code != 0 || !strings.HasPrefix(text, "Progress of Ada Lovelace <ada@example.org>\n") {
		t.Errorf("text does not name the candidate first (exit %d %s):\n%s", code, errs, text)
	}
	mdOut, _, _ := run(t, append(args, "--format", "markdown")...)
	if !strings.HasPrefix(mdOut, "# Progress of Ada Lovelace &lt;ada\\@example.org&gt;\n") {
		t.Errorf("Markdown does not name the candidate first:\n%s", mdOut)
	}
	out, _, _ := run(t, append(args, "--format", "json")...)
	var d struct {
		Old, New struct {
			Candidate map[string]string
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"name": "Ada Lovelace", "email": "ada@example.org"}
	if !reflect.DeepEqual(d.Old.Candidate, want) || !reflect.DeepEqual(d.New.Candidate, want) {
		t.Errorf("candidates = %v, %v", d.Old.Candidate, d.New.Candidate)
	}

	// Grace's assessment is not Ada's progress: refused, then forced.
	later := readFile(t, "testdata/ada-later.yaml")
	grace := writeFile(t, "grace.yaml", strings.Replace(later, "{name: Ada Lovelace, email: ada@example.org}", "{name: Grace Hopper, email: grace@example.org}", 1))
	_, errs, code = run(t, "diff", "testdata/ada.yaml", grace, "--rubric", "testdata/small.yaml")
	if code != 1 || !strings.Contains(errs, "Ada Lovelace <ada@example.org>") || !strings.Contains(errs, "Grace Hopper <grace@example.org>") || !strings.Contains(errs, "--force") {
		t.Errorf("two candidates: exit %d %s", code, errs)
	}
	text, errs, code = run(t, "diff", "testdata/ada.yaml", grace, "--rubric", "testdata/small.yaml", "--force")
	if code != 0 || !strings.Contains(errs, "warning: ") || !strings.Contains(text, "Ada Lovelace <ada@example.org>") || !strings.Contains(text, "Grace Hopper <grace@example.org>") {
		t.Errorf("--force: exit %d %s\n%s", code, errs, text)
	}
	// The same email under another spelling of the name is the same person;
	// without emails, names are compared case-insensitively.
	renamed := writeFile(t, "renamed.yaml", strings.Replace(later, "name: Ada Lovelace", "name: Ada King", 1))
	if _, errs, code = run(t, "diff", "testdata/ada.yaml", renamed, "--rubric", "testdata/small.yaml"); code != 0 {
		t.Errorf("same email, other name: exit %d %s", code, errs)
	}
	noEmail := strings.Replace(later, "{name: Ada Lovelace, email: ada@example.org}", "{name: ada lovelace}", 1)
	if _, errs, code = run(t, "diff", writeFile(t, "a.yaml", strings.Replace(noEmail, "ada lovelace", "ADA LOVELACE", 1)), writeFile(t, "b.yaml", noEmail), "--rubric", "testdata/small.yaml"); code != 0 {
		t.Errorf("same name in another case: exit %d %s", code, errs)
	}
	if _, _, code = run(t, "diff", writeFile(t, "a.yaml", noEmail), writeFile(t, "b.yaml", strings.Replace(noEmail, "ada lovelace", "Ada Byron", 1)), "--rubric", "testdata/small.yaml"); code != 1 {
		t.Errorf("two names, no emails: exit %d, want 1", code)
	}
}

// OLD newer than NEW is said on stderr; a missing time is null in JSON.
func TestDiffOrderAndTimes(t *testing.T) {
	_, errs, code := run(t, "diff", "testdata/ada-later.yaml", "testdata/ada.yaml", "--rubric", "testdata/small.yaml")
	if code != 0 || !strings.Contains(errs, "warning: testdata/ada-later.yaml (10 Jan 2027 10:30 UTC) is newer than testdata/ada.yaml (23 Nov 2026 10:20 UTC)") {
		t.Errorf("swapped files: exit %d, stderr %q", code, errs)
	}
	if _, errs, _ = run(t, "diff", "testdata/ada.yaml", "testdata/ada-later.yaml", "--rubric", "testdata/small.yaml"); strings.Contains(errs, "newer") {
		t.Errorf("in order, yet warned: %s", errs)
	}
	undated := writeFile(t, "undated.yaml", strings.NewReplacer("started: 2027-01-10T10:00:00Z\n", "", "updated: 2027-01-10T10:30:00Z\n", "").Replace(readFile(t, "testdata/ada-later.yaml")))
	out, errs, code := run(t, "diff", "testdata/ada.yaml", undated, "--rubric", "testdata/small.yaml", "--format", "json")
	var d struct{ New map[string]any }
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("exit %d %s: %v", code, errs, err)
	}
	if v, ok := d.New["updated"]; !ok || v != nil || strings.Contains(out, "0001-01-01") {
		t.Errorf("a missing time is not null:\n%s", out)
	}
}

// The same file twice is no progress to show: a usage error, not an empty
// diff with exit status 0.
func TestDiffSameFile(t *testing.T) {
	_, errs, code := run(t, "diff", "testdata/ada.yaml", "./testdata/ada.yaml", "--rubric", "testdata/small.yaml")
	if code != ExitUsage || !strings.Contains(errs, "are the same file") {
		t.Errorf("exit %d: %s", code, errs)
	}
}
