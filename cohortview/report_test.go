package cohortview

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
)

// TestNoCandidates: with only the files that target acme, beta has no
// candidates and null statistics.
func TestNoCandidates(t *testing.T) {
	rp := read(t, report.Options{}, "testdata/cohort/ada-old.yaml", "testdata/cohort/cleo.yaml")
	beta := rp.Companies[1]
	if beta.Candidates != 0 || beta.Readiness != nil || beta.Histogram != [11]int{} || len(beta.Unmet) != 0 {
		t.Errorf("beta = %+v, want no candidates and no statistics", beta)
	}
	var b bytes.Buffer
	if err := JSON(rp, &b); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Companies []map[string]json.RawMessage `json:"companies"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if got := string(doc.Companies[1]["readiness"]); got != "null" {
		t.Errorf("beta readiness in JSON = %s, want null", got)
	}
	if got := string(doc.Companies[1]["unmet"]); got != "[]" {
		t.Errorf("beta unmet in JSON = %s, want []", got)
	}
}

// TestMentorView: ada's last review rates git 2; bob's last review (by
// Linus, after Grace's) rates python 3 and dutch 1; the other four have no
// review and count in the candidate's view.
//
//	acme: bob (2*1 + .5 + 1)/4 = 87.5 ready, no longer blocked; the rest as in
//	  the self view: ready 2 (ada, bob), almost 3.
//	beta: ada (1 + 1)/2 = 100.0 ready; bob (1 + 0)/2 = 50.0 almost;
//	  sorted 50.0 83.3 100.0 100.0: median h = 1.5 -> 83.3 + .5*16.7 = 91.65
//	  -> 91.7; mean 333.3/4 = 83.325 -> 83.3
func TestMentorView(t *testing.T) {
	rp := read(t, report.Options{View: report.Mentor}, "testdata/cohort")
	if rp.View != report.Mentor || rp.Unreviewed != 4 {
		t.Errorf("view %s, unreviewed %d, want mentor, 4", rp.View, rp.Unreviewed)
	}
	acme, beta := rp.Companies[0], rp.Companies[1]
	if acme.Verdicts != (report.Verdicts{Ready: 2, Almost: 3}) {
		t.Errorf("acme verdicts = %+v, want ready 2 almost 3", acme.Verdicts)
	}
	if beta.Verdicts != (report.Verdicts{Ready: 3, Almost: 1}) || beta.Readiness.Median != 91.7 || beta.Readiness.Mean != 83.3 {
		t.Errorf("beta = %+v %+v, want ready 3 almost 1, median 91.7, mean 83.3", beta.Verdicts, *beta.Readiness)
	}
	var b bytes.Buffer
	if err := Text(rp, &b, 100, palette.Palette{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "4 assessments have no review and count in the candidate's view") {
		t.Errorf("text does not say how many assessments have no review:\n%s", b.String())
	}
}

func TestAnonymize(t *testing.T) {
	rp := read(t, report.Options{Anonymize: true}, "testdata/cohort")
	cs := candidates(t, rp)
	for i, c := range cs {
		if want := fmt.Sprintf("Candidate %d", i+1); c.Name != want || c.File != "" {
			t.Errorf("candidate %d = %q %q, want %q and no file", i, c.Name, c.File, want)
		}
	}
	// Not name order, which would let anyone holding the named report map
	// the numbers back: an order drawn from the seed, the same for the
	// same seed.
	order := func(cs []report.Candidate) string {
		var b strings.Builder
		for _, c := range cs {
			fmt.Fprintf(&b, "%v %v;", c.Updated, c.Companies)
		}
		return b.String()
	}
	byName := order(candidates(t, read(t, report.Options{}, "testdata/cohort")))
	shuffled := 0
	for seed := range uint64(20) {
		first := order(candidates(t, read(t, report.Options{Anonymize: true, Seed: seed}, "testdata/cohort")))
		if again := order(candidates(t, read(t, report.Options{Anonymize: true, Seed: seed}, "testdata/cohort"))); again != first {
			t.Errorf("seed %d gives two orders:\n%s\n%s", seed, first, again)
		}
		if first != byName {
			shuffled++
		}
	}
	if shuffled < 15 {
		t.Errorf("%d seeds of 20 order the 6 candidates otherwise than by name; want nearly all", shuffled)
	}
	for _, s := range rp.Skipped {
		if s.File != "" || strings.Contains(s.Error, "testdata") || strings.Contains(s.Error, ".yaml") {
			t.Errorf("anonymized skipped entry names its file: %+v", s)
		}
	}
	if got := rp.Skipped[3].Error; !strings.HasPrefix(got, "5:11: ") {
		t.Errorf("anonymized reason = %q, want it to keep LINE:COL", got)
	}
	for name, write := range formats(rp) {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"Lovelace", "Jansen", "cleo", "Okafor", "Martin", "testdata/", "ada@example.org"} {
			if strings.Contains(b.String(), secret) {
				t.Errorf("anonymized %s report holds %q", name, secret)
			}
		}
		if !strings.Contains(b.String(), "Candidate 6") {
			t.Errorf("anonymized %s report lacks Candidate 6", name)
		}
		// Tables have no column of empty file names.
		for _, column := range []string{"| File |", "<th>File</th>"} {
			if strings.Contains(b.String(), column) {
				t.Errorf("anonymized %s report has a File column", name)
			}
		}
	}
}

// formats returns every writer of a report, by format name.
func formats(rp *report.Report) map[string]func(*bytes.Buffer) error {
	return map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return Text(rp, b, 100, palette.Palette{}) },
		"markdown": func(b *bytes.Buffer) error { return Markdown(rp, b) },
		"csv":      func(b *bytes.Buffer) error { return CSV(rp, b) },
		"json":     func(b *bytes.Buffer) error { return JSON(rp, b) },
		"html":     func(b *bytes.Buffer) error { return HTML(rp, b) },
	}
}

// TestEveryFormatHasTheFigures checks a few hand-computed figures in each
// format: beta's median 79.2, bob's blocked acme at 62.5, python's next
// step gain 83.3.
func TestEveryFormatHasTheFigures(t *testing.T) {
	rp := read(t, report.Options{}, "testdata/cohort")
	want := map[string][]string{
		"text":     {"median 79.2", "62.5 ✗ blocked", "83.3", "Bob Jansen"},
		"markdown": {"| Beta | 4 | 3 | 0 | 1 | 0 | 33.3 | 64.6 | 79.2 | 87.5 | 100.0 | 72.9 |", "62.5 ✗ blocked", "| 1 | Python | 3 | 83.3 |"},
		"csv":      {"Bob Jansen,testdata/cohort/bob.yaml,in-progress,2026-11-22T12:00:00Z,acme,62.5,blocked,1,2,dutch"},
		"json":     {`"median": 79.2`, `"gain": 83.3`, `"verdict": "blocked"`},
		"html":     {"<b>79.2</b>", "62.5", "83.3", "Bob Jansen"},
	}
	for name, write := range formats(rp) {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, w := range want[name] {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s report lacks %q", name, w)
			}
		}
	}
}

func TestJSONShape(t *testing.T) {
	rp := read(t, report.Options{}, "testdata/cohort")
	var b bytes.Buffer
	if err := JSON(rp, &b); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b.String())
	}
	keys := func(v any) []string {
		var out []string
		for k := range v.(map[string]any) {
			out = append(out, k)
		}
		sortStrings(out)
		return out
	}
	checks := []struct {
		what string
		v    any
		want []string
	}{
		{"report", doc, []string{"assessments", "candidates", "companies", "next_steps", "rubric", "skills", "skipped", "view"}},
		{"rubric", doc["rubric"], []string{"id", "version"}},
		{"skipped", doc["skipped"].([]any)[0], []string{"error", "file"}},
		{"company", doc["companies"].([]any)[0], []string{"candidates", "histogram", "id", "name", "readiness", "unmet", "verdicts"}},
		{"verdicts", doc["companies"].([]any)[0].(map[string]any)["verdicts"], []string{"almost", "blocked", "not-yet", "ready"}},
		{"readiness", doc["companies"].([]any)[0].(map[string]any)["readiness"], []string{"max", "mean", "median", "min", "p25", "p75"}},
		{"unmet", doc["companies"].([]any)[0].(map[string]any)["unmet"].([]any)[0], []string{"count", "must", "requirement", "title"}},
		{"skill", doc["skills"].([]any)[0], []string{"id", "levels", "median", "title", "unanswered"}},
		{"next step", doc["next_steps"].([]any)[0], []string{"gain", "moves", "skill", "title"}},
		{"candidate", doc["candidates"].([]any)[0], []string{"companies", "file", "name", "status", "updated"}},
		{"candidate company", doc["candidates"].([]any)[0].(map[string]any)["companies"].([]any)[0], []string{"id", "readiness", "verdict"}},
	}
	for _, c := range checks {
		if got := keys(c.v); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s keys = %q, want %q", c.what, got, c.want)
		}
	}
	if n := len(doc["companies"].([]any)[0].(map[string]any)["histogram"].([]any)); n != 11 {
		t.Errorf("histogram has %d bins, want 11", n)
	}
	if doc["assessments"].(float64) != 6 || doc["view"] != "self" {
		t.Errorf("assessments %v view %v, want 6 self", doc["assessments"], doc["view"])
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestGolden renders the cohort as text and Markdown and compares each with
// its golden file in cohortview/testdata/TestGolden (go test ./cohortview
// -update rewrites them; read the diff before committing).
func TestGolden(t *testing.T) {
	rp := read(t, report.Options{}, "testdata/cohort")
	t.Chdir("../cohortview") // golden.RequireEqual reads testdata/ of the current folder
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"text", func(b *bytes.Buffer) error { return Text(rp, b, 100, palette.Palette{}) }},
		{"markdown", func(b *bytes.Buffer) error { return Markdown(rp, b) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// The cohort is report's, in report/testdata, where the figures are tested
// on it; the renderings are tested on the same files under the same names
// ("testdata/cohort/bob.yaml" in a CSV row), so the tests run from report's
// folder (TestGolden alone moves to cohortview's for its golden files).
func TestMain(m *testing.M) {
	if err := os.Chdir("../report"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

// cohortRubric, read and candidates are report's test helpers: the
// cohort of testdata/cohort (described in report/report_test.go).
func cohortRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile("testdata/cohort-rubric.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func read(t testing.TB, opts report.Options, paths ...string) *report.Report {
	t.Helper()
	if opts.Rubric == nil {
		opts.Rubric = cohortRubric(t)
	}
	rp, err := report.Read(context.Background(), opts, paths...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rp.Close() })
	return rp
}

func candidates(t testing.TB, rp *report.Report) []report.Candidate {
	t.Helper()
	var out []report.Candidate
	if err := rp.Candidates(func(c report.Candidate) error { out = append(out, c); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}
