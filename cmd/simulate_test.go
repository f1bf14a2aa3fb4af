package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/sample"
)

// TestSimulateMustFlip runs the report package's hand-computed must flip
// (acme's dutch no longer a must, beta's git a must) through the command.
func TestSimulateMustFlip(t *testing.T) {
	out, errs, code := run(t, "simulate", "--rubric", "../report/testdata/cohort-must.yaml", "--baseline", cohortRubric, cohortDir, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var sim report.Simulation
	if err := json.Unmarshal([]byte(out), &sim); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range sim.Companies {
		var parts []string
		for _, tr := range c.Transitions {
			parts = append(parts, fmt.Sprintf("%s>%s:%d", tr.From, tr.To, tr.Count))
		}
		got[c.ID] = strings.Join(parts, " ")
	}
	want := map[string]string{
		"acme": "ready>ready:1 almost>almost:3 blocked>almost:1",
		"beta": "ready>ready:2 ready>blocked:1 not-yet>blocked:1",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s transitions = %q, want %q", id, got[id], w)
		}
	}
	if sim.Assessments != 6 || len(sim.Skipped) != 4 || strings.Count(errs, "\n") != 5 ||
		!strings.HasSuffix(errs, "readycheck: 4 files skipped, for the reasons above; the preview lists them too\n") {
		t.Errorf("assessments %d, skipped %d, stderr:\n%s", sim.Assessments, len(sim.Skipped), errs)
	}
}

func TestSimulateText(t *testing.T) {
	out, errs, code := run(t, "simulate", "--rubric", "../report/testdata/cohort-weights.yaml", "--baseline", cohortRubric, cohortDir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Readiness change: median -2.5, mean -7.0", "almost → ready: 1", "Removed companies (baseline only): Beta (beta)"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

// TestSimulateBuiltin: without --baseline the built-in rubric is the
// baseline when the new rubric has its id. Here the new rubric is the
// built-in one with every must flag dropped: nobody can be blocked any more.
func TestSimulateBuiltin(t *testing.T) {
	base, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	err = sample.Assessments(base, 40, 3, func(i int, data []byte) error {
		return os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.yaml", i)), data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.ReplaceAll(string(builtin.YAML), "must: true", "must: false")
	if changed == string(builtin.YAML) {
		t.Fatal("the built-in rubric has no must requirement to drop")
	}
	newPath := writeFile(t, "no-musts.yaml", changed)
	out, errs, code := run(t, "simulate", "--rubric", newPath, dir, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var sim report.Simulation
	if err := json.Unmarshal([]byte(out), &sim); err != nil {
		t.Fatal(err)
	}
	if sim.Baseline.ID != base.ID || sim.Baseline.Digest != base.Digest || sim.Rubric.Digest == base.Digest || sim.Assessments != 40 {
		t.Errorf("baseline %+v, rubric %+v, %d assessments", sim.Baseline, sim.Rubric, sim.Assessments)
	}
	for _, c := range sim.Companies {
		total := 0
		for _, tr := range c.Transitions {
			total += tr.Count
			if tr.To == "blocked" {
				t.Errorf("%s: %d candidates still blocked without must requirements", c.ID, tr.Count)
			}
		}
		if total != c.Candidates {
			t.Errorf("%s: transitions add up to %d, want %d candidates", c.ID, total, c.Candidates)
		}
	}
}

func TestSimulateErrors(t *testing.T) {
	other := "../report/testdata/cohort-weights.yaml"
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"simulate", cohortDir}, ExitUsage, `required flag(s) "rubric" not set`},
		{[]string{"simulate", "--rubric", other}, ExitUsage, "--help"},
		{[]string{"simulate", "--rubric", other, cohortDir}, ExitUsage, `is rubric "cohort-2027", not a version of the built-in "backend-internship": pass the rubric the assessments were taken against with --baseline FILE`},
		{[]string{"simulate", "--rubric", other, "--baseline", cohortRubric, cohortDir, "--format", "csv"}, ExitUsage, `unknown --format "csv"`},
		{[]string{"simulate", "--rubric", "missing.yaml", cohortDir}, ExitFailure, "missing.yaml"},
	} {
		_, errs, code := run(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}
