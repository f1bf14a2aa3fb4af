package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// foreignCohort writes n assessments of the built-in rubric into a new
// folder, and returns it.
func foreignCohort(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		src := fmt.Sprintf("format: readycheck/assessment/v1\ncandidate: {name: C%03d}\nrubric: {id: backend-internship}\nanswers:\n  python: 2\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%03d.yaml", i)), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A cohort of another rubric is no report of nobody with exit 0: one line
// groups the skipped files, one message names the rubric found and the
// flag to pass, and the exit status is 1.
func TestReportNothingCounted(t *testing.T) {
	dir := foreignCohort(t, 1000)
	for _, format := range []string{"text", "json"} {
		out, errs, code := run(t, "report", dir, "--rubric", cohortRubric, "--format", format)
		if code != ExitFailure {
			t.Errorf("%s: exit %d, want %d", format, code, ExitFailure)
		}
		if out != "" {
			t.Errorf("%s: a report of nobody was written:\n%s", format, out)
		}
		lines := strings.Split(strings.TrimRight(errs, "\n"), "\n")
		want := []string{
			`readycheck: 1,000 files skipped: this assessment was taken against the built-in rubric "backend-internship", not "cohort"; leave out --rubric to use the built-in one (` +
				dir + "/c000.yaml:3:14, " + dir + "/c001.yaml:3:14, " + dir + "/c002.yaml:3:14, and 997 more)",
			`readycheck: no assessment counted: 1,000 files were taken against rubric "backend-internship", not "cohort"; leave out --rubric: that is the built-in rubric`,
		}
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: stderr:\n%s\nwant:\n%s", format, errs, strings.Join(want, "\n"))
		}
	}

	// Without --rubric: the built-in rubric is named as what was tried.
	_, errs, code := run(t, "report", cohortDir+"/ada.yaml", cohortDir+"/bob.yaml")
	if code != ExitFailure || !strings.Contains(errs, `2 files were taken against rubric "cohort", not the built-in "backend-internship"; pass that rubric with --rubric FILE`) {
		t.Errorf("exit %d:\n%s", code, errs)
	}

	// No assessment file at all is a failure too.
	_, errs, code = run(t, "report", t.TempDir())
	if code != ExitFailure || !strings.Contains(errs, "no assessment files (*.yaml, *.yml) under") {
		t.Errorf("empty folder: exit %d:\n%s", code, errs)
	}
}

// When some files count, the report is written and the skipped files are
// still grouped on stderr; JSON keeps every skipped file.
func TestReportGroupsSkipped(t *testing.T) {
	dir := foreignCohort(t, 10)
	out, errs, code := run(t, "report", dir, cohortDir+"/ada.yaml", "--rubric", cohortRubric, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(errs, "\n"); n != 2 || !strings.Contains(errs, "readycheck: 10 files skipped: this assessment was taken against the built-in rubric \"backend-internship\"") ||
		!strings.Contains(errs, "and 7 more)") {
		t.Errorf("stderr has %d lines:\n%s", n, errs)
	}
	var doc struct {
		Assessments int `json:"assessments"`
		Skipped     []struct {
			File string `json:"file"`
		} `json:"skipped"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Assessments != 1 || len(doc.Skipped) != 10 {
		t.Errorf("JSON: %d assessments, %d skipped; want 1 and 10", doc.Assessments, len(doc.Skipped))
	}
}

// simulate too fails when no file counts, naming the rubric found.
func TestSimulateNothingCounted(t *testing.T) {
	dir := foreignCohort(t, 5)
	out, errs, code := run(t, "simulate", "--rubric", "../report/testdata/cohort-must.yaml", "--baseline", cohortRubric, dir)
	if code != ExitFailure || out != "" {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if !strings.Contains(errs, "readycheck: 5 files skipped: this assessment was taken against the built-in rubric \"backend-internship\"") ||
		!strings.Contains(errs, `no assessment counted: 5 files were taken against rubric "backend-internship", not "cohort"; pass that rubric with --baseline FILE`) {
		t.Errorf("stderr:\n%s", errs)
	}
	_, errs, code = run(t, "simulate", "--rubric", "../report/testdata/cohort-must.yaml", "--baseline", cohortRubric, t.TempDir())
	if code != ExitFailure || !strings.Contains(errs, "no assessment files") {
		t.Errorf("empty folder: exit %d:\n%s", code, errs)
	}
}

// The report itself groups them too: one line in the text report, and in
// an anonymized one no file is named.
func TestReportTextGroupsSkipped(t *testing.T) {
	dir := foreignCohort(t, 10)
	t.Setenv("COLUMNS", "200")
	out, errs, code := run(t, "report", dir, cohortDir+"/ada.yaml", "--rubric", cohortRubric)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	_, section, _ := strings.Cut(out, "Skipped (10 files)\n")
	section, _, _ = strings.Cut(section, "\n\n")
	if want := `10 files skipped: this assessment was taken against the built-in rubric "backend-internship", not "cohort"; leave out --rubric to use the built-in one (` + dir + "/c000.yaml:3:14,"; !strings.HasPrefix(strings.Join(strings.Fields(section), ""), strings.Join(strings.Fields(want), "")) || !strings.Contains(section, "and 7") || strings.Contains(section, "c003") {
		t.Errorf("skipped section:\n%s\nwant one entry starting %q", section, want)
	}
	out, _, _ = run(t, "report", dir, cohortDir+"/ada.yaml", "--rubric", cohortRubric, "--anonymize", "--format", "markdown")
	if !strings.Contains(out, "- `10 files skipped: this assessment was taken against the built-in rubric \"backend-internship\", not \"cohort\"; leave out --rubric to use the built-in one`\n") || strings.Contains(out, "c000") {
		t.Errorf("anonymized markdown:\n%s", out)
	}
}
