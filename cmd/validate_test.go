package cmd

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/internal/testshared"
	"github.com/readycheck/readycheck/rubric/builtin"
)

func TestValidateGoodFiles(t *testing.T) {
	b, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "validate", "testdata/small.yaml", "../rubric/builtin/backend-internship.yaml")
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "testdata/small.yaml: valid rubric \"small\" (2 categories, 5 skills, 2 companies)\n" +
		fmt.Sprintf("../rubric/builtin/backend-internship.yaml: valid rubric \"backend-internship\" (%d categories, %d skills, %d companies)\n",
			len(b.Categories), len(b.Skills()), len(b.Companies))
	if out != want {
		t.Errorf("stdout = %q, want %q", out, want)
	}
}

func TestValidateRealWorld(t *testing.T) {
	path := testshared.Path(t, "realworld/data-skills-matrix.yaml")
	out, errs, code := run(t, "validate", path)
	if code != ExitOK || out != path+": valid rubric \"data-skills-matrix\" (14 categories, 47 skills, 24 companies)\n" {
		t.Errorf("exit %d: %q %s", code, out, errs)
	}
}

// Every file is checked and every problem of every file is listed, each as
// FILE:LINE:COL, valid files still getting their summary line.
func TestValidateBadFiles(t *testing.T) {
	bad := writeFile(t, "bad.yaml", "format: readycheck/rubric/v1\nid: Bad\ntitle: x\nskales: {}\n")
	worse := writeFile(t, "worse.yaml", strings.Replace(strings.Replace(readFile(t, "testdata/small.yaml"),
		"{skill: sql, min: 2}", "{skill: sqll, min: 2}", 1),
		"ready: 75", "ready: 120", 1))
	out, errs, code := run(t, "validate", bad, "testdata/small.yaml", worse, "testdata/ada.yaml", "testdata/missing.yaml")
	if code != ExitFailure {
		t.Errorf("exit %d, want %d", code, ExitFailure)
	}
	if out != "testdata/small.yaml: valid rubric \"small\" (2 categories, 5 skills, 2 companies)\n" {
		t.Errorf("stdout = %q", out)
	}
	lines := problemLines(t, strings.Replace(errs, "testdata/missing.yaml: ", "testdata/missing.yaml:0:0: ", 1))
	want := []string{
		bad + `:2:5: the rubric id "Bad" is not a valid id`,
		bad + `:4:1: the rubric has an unknown field "skales" (did you mean "scales"?)`,
		worse + `:34:17: requirement "sqll" of company "acme" refers to unknown skill "sqll" (did you mean "sql"?)`,
		worse + `:38:37: company "beta" threshold "ready" is 120; thresholds are percentages from 0 to 100`,
		`testdata/ada.yaml:1:9: this file is an assessment (format "readycheck/assessment/v1"), not a rubric`,
		`testdata/missing.yaml:`,
	}
	for _, w := range want {
		found := false
		for _, l := range lines {
			found = found || strings.HasPrefix(l, w)
		}
		if !found {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	// Files are reported in the order given, each file's problems together.
	if i, j := strings.Index(errs, bad), strings.Index(errs, worse); i < 0 || j < i {
		t.Errorf("problems out of order:\n%s", errs)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Huge weights once passed validate and made NaN and +Inf readiness: they
// are refused at their line and column, with the range to use.
func TestValidateHugeWeight(t *testing.T) {
	src, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.ReplaceAll(string(src), "weight: 2", "weight: 1e308")
	if bad == string(src) {
		t.Fatal("testdata/small.yaml has no weight: 2")
	}
	path := t.TempDir() + "/huge.yaml"
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "validate", path)
	if code != ExitFailure || !strings.Contains(out+errs, "huge.yaml:33:") || !strings.Contains(out+errs, "has weight 1e308; a weight must be a number from 0.001 to 1000") {
		t.Errorf("exit %d:\n%s%s", code, out, errs)
	}
}
