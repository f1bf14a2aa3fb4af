package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/readycheck/readycheck/cohortview"
	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/sample"
)

// generated writes n generated assessments of a generated rubric into a
// folder and returns the rubric and the folder.
func generated(t testing.TB, skills, companies, n int) (*rubric.Rubric, string) {
	t.Helper()
	data := sample.Rubric(skills, companies, 5)
	r, problems := rubric.Parse("generated.yaml", data)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	err := sample.Assessments(r, n, 5, func(i int, b []byte) error {
		sub := filepath.Join(dir, fmt.Sprintf("group-%d", i%4))
		if err := os.MkdirAll(sub, 0o700); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d.yaml", i)), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	return r, dir
}

// TestLargeCohortIsDeterministic: spilling sorted runs to disk and reading
// with any number of workers give the same report, byte for byte, in every
// format.
func TestLargeCohortIsDeterministic(t *testing.T) {
	r, dir := generated(t, 60, 6, 400)
	render := func(workers, run int, view report.View) map[string]string {
		defer report.SetRunBytes(run)()
		rp, err := report.Read(context.Background(), report.Options{Rubric: r, Workers: workers, View: view}, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer rp.Close()
		if run < 1<<20 && report.Runs(rp) < 10 {
			t.Errorf("%d runs with runBytes %d, want many", report.Runs(rp), run)
		}
		out := map[string]string{}
		for name, write := range map[string]func(*bytes.Buffer) error{
			"text":     func(b *bytes.Buffer) error { return cohortview.Text(rp, b, 100, palette.Palette{}) },
			"markdown": func(b *bytes.Buffer) error { return cohortview.Markdown(rp, b) },
			"csv":      func(b *bytes.Buffer) error { return cohortview.CSV(rp, b) },
			"json":     func(b *bytes.Buffer) error { return cohortview.JSON(rp, b) },
			"html":     func(b *bytes.Buffer) error { return cohortview.HTML(rp, b) },
		} {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			out[name] = b.String()
		}
		// Twice: a spilled roster can be read again.
		var b bytes.Buffer
		cohortview.CSV(rp, &b)
		if b.String() != out["csv"] {
			t.Errorf("the second reading differs from the first")
		}
		return out
	}
	for _, view := range report.Views {
		base := render(1, 1<<30, view)
		for _, tc := range []struct{ workers, run int }{{4, 1 << 30}, {3, 1024}} {
			got := render(tc.workers, tc.run, view)
			for name := range base {
				if got[name] != base[name] {
					t.Errorf("%s view, %d workers, runs of %d bytes: the %s report differs", view, tc.workers, tc.run, name)
				}
			}
		}
	}
}
