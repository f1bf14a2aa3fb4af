package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/sample"
)

// TestCareerCenterWalkthrough follows docs/career-centers.md (the README's
// quick start for career centers, in full) as a new user would: start a rubric with rubric init, make it one's own,
// validate it, report on a folder of assessments as HTML, and preview a
// weight change with simulate; the preview's figures must agree with the
// reports of the two rubrics.
func TestCareerCenterWalkthrough(t *testing.T) {
	dir := t.TempDir()
	acme := filepath.Join(dir, "acme.yaml")
	if _, errs, code := run(t, "rubric", "init", acme); code != ExitOK {
		t.Fatalf("rubric init: exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(acme)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "\nid: backend-internship\n", "\nid: acme-internship\n", 1)
	text = strings.Replace(text, "\ntitle: Backend Developer Internship Readiness\n", "\ntitle: Acme University Backend Internship\n", 1)
	if text == string(data) {
		t.Fatal("rubric init's file has no id or title line to change")
	}
	if err := os.WriteFile(acme, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "validate", acme)
	if code != ExitOK || !strings.Contains(out, `valid rubric "acme-internship"`) {
		t.Fatalf("validate: exit %d, %q %q", code, out, errs)
	}

	// The cohort: generated assessments of the rubric, in a folder with a
	// sub-folder.
	r, err := rubric.LoadFile(acme)
	if err != nil {
		t.Fatal(err)
	}
	cohort := filepath.Join(dir, "cohort")
	if err := os.MkdirAll(filepath.Join(cohort, "autumn"), 0o700); err != nil {
		t.Fatal(err)
	}
	const n = 120
	err = sample.Assessments(r, n, 1, func(i int, b []byte) error {
		sub := ""
		if i%2 == 1 {
			sub = "autumn"
		}
		return os.WriteFile(filepath.Join(cohort, sub, fmt.Sprintf("%03d.yaml", i)), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}

	html := filepath.Join(dir, "cohort.html")
	if _, errs, code := run(t, "report", cohort, "--rubric", acme, "--format", "html", "--out", html); code != ExitOK || errs != "" {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>Cohort report: Acme University Backend Internship</title>", "120 assessments", "Training that would move the cohort", sample.Person(0).Name} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}

	// A weight change at one company: testing weighs 3 instead of 2 in the
	// typical backend profile.
	next := filepath.Join(dir, "acme-next.yaml")
	i := strings.Index(text, "  - id: typical-backend")
	changed := strings.Replace(text[i:], "{skill: testing, min: Beginner, weight: 2}", "{skill: testing, min: Beginner, weight: 3}", 1)
	if i < 0 || changed == text[i:] {
		t.Fatal("no testing requirement to reweigh in the typical backend profile")
	}
	if err := os.WriteFile(next, []byte(text[:i]+changed), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code = run(t, "simulate", "--rubric", next, "--baseline", acme, cohort, "--format", "json")
	if code != ExitOK {
		t.Fatalf("simulate: exit %d: %s", code, errs)
	}
	var sim struct {
		Assessments int
		Companies   []struct {
			ID          string
			Candidates  int
			Transitions []struct {
				From, To string
				Count    int
			}
			Changed []struct {
				File, From, To string
				ReadinessFrom  float64 `json:"readiness_from"`
				ReadinessTo    float64 `json:"readiness_to"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &sim); err != nil {
		t.Fatal(err)
	}
	before, after := readinessByFile(t, cohort, acme), readinessByFile(t, cohort, next)
	if sim.Assessments != n {
		t.Errorf("simulate scored %d assessments, want %d", sim.Assessments, n)
	}
	moved := 0
	for _, c := range sim.Companies {
		total, moves := 0, 0
		for _, tr := range c.Transitions {
			total += tr.Count
			if tr.From != tr.To {
				moves += tr.Count
			}
		}
		if total != c.Candidates || moves != len(c.Changed) {
			t.Errorf("%s: transitions count %d candidates and %d moves; want %d and %d changed", c.ID, total, moves, c.Candidates, len(c.Changed))
		}
		if c.ID != "typical-backend" && moves > 0 {
			t.Errorf("%s: %d verdicts moved, but its requirements did not change", c.ID, moves)
		}
		for _, ch := range c.Changed {
			key := ch.File + " " + c.ID
			if b, a := before[key], after[key]; b.Readiness != ch.ReadinessFrom || a.Readiness != ch.ReadinessTo || b.Verdict != ch.From || a.Verdict != ch.To {
				t.Errorf("%s: simulate says %s %.1f → %s %.1f, the reports %s %.1f → %s %.1f", key, ch.From, ch.ReadinessFrom, ch.To, ch.ReadinessTo, b.Verdict, b.Readiness, a.Verdict, a.Readiness)
			}
		}
		moved += moves
	}
	t.Logf("%d verdicts moved", moved)
	if moved == 0 {
		t.Error("the weight change moved no verdict; the walk-through shows nothing")
	}
}

type standing struct {
	Readiness float64
	Verdict   string
}

// readinessByFile runs the JSON report and returns each candidate's
// standing by "FILE COMPANY".
func readinessByFile(t *testing.T, cohort, rubricFile string) map[string]standing {
	t.Helper()
	out, errs, code := run(t, "report", cohort, "--rubric", rubricFile, "--format", "json")
	if code != ExitOK {
		t.Fatalf("report --rubric %s: exit %d: %s", rubricFile, code, errs)
	}
	var doc struct {
		Candidates []struct {
			File      string
			Companies []struct {
				ID string
				standing
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	m := map[string]standing{}
	for _, c := range doc.Candidates {
		for _, cc := range c.Companies {
			m[c.File+" "+cc.ID] = cc.standing
		}
	}
	return m
}

// The walk-through above is the one the documents show: the commands it
// runs are those of docs/career-centers.md and of the README's quick start
// for career centers, demo cohort included.
func TestCareerCenterDocsShowTheWalkthrough(t *testing.T) {
	for doc, wants := range map[string][]string{
		"../docs/career-centers.md": {
			"## For career centers: your rubric, your cohort",
			"readycheck rubric init acme.yaml",
			"readycheck validate acme.yaml",
			"readycheck demo cohort --rubric acme.yaml",
			"readycheck report cohort/ --rubric acme.yaml --format html --out cohort.html",
			"readycheck simulate --rubric acme-next.yaml --baseline acme.yaml cohort/",
		},
		"../README.md": {
			"## Quick start for career centers",
			"readycheck rubric init acme.yaml",
			"readycheck validate acme.yaml",
			"readycheck demo cohort --rubric acme.yaml",
			"readycheck report cohort --rubric acme.yaml --format html --out cohort.html",
			"readycheck simulate --rubric acme-next.yaml --baseline acme.yaml cohort",
			"](docs/career-centers.md)",
		},
	} {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range wants {
			if !strings.Contains(string(data), want) {
				t.Errorf("%s lacks %q", doc, want)
			}
		}
	}
}
