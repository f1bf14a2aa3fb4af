package report

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/sample"
)

// The benchmark cohort: 10,000 generated assessments of a generated rubric
// shaped like a career center's (60 skills, 20 companies), written once to a
// temporary folder that TestMain removes.
const (
	benchSkills      = 60
	benchCompanies   = 20
	benchAssessments = 10000
)

var bench struct {
	once sync.Once
	r    *rubric.Rubric
	dir  string
	err  error
}

func benchCohort(b *testing.B) (*rubric.Rubric, string) {
	b.Helper()
	bench.once.Do(func() {
		r, problems := rubric.Parse("generated.yaml", sample.Rubric(benchSkills, benchCompanies, 1))
		if bench.err = problems.Err(); bench.err != nil {
			return
		}
		bench.r = r
		if bench.dir, bench.err = os.MkdirTemp("", "readycheck-report-bench-*"); bench.err != nil {
			return
		}
		bench.err = sample.Assessments(r, benchAssessments, 1, func(i int, data []byte) error {
			return os.WriteFile(filepath.Join(bench.dir, fmt.Sprintf("%05d.yaml", i)), data, 0o600)
		})
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.r, bench.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// BenchmarkDecodeOnly reads, parses and checks every file with the same
// walk and the same pool of workers as the report, and keeps nothing: the
// least any reader of the files pays.
func BenchmarkDecodeOnly(b *testing.B) {
	r, dir := benchCohort(b)
	b.ReportAllocs()
	for b.Loop() {
		decodeReader := func() func(job) (struct{}, *skip) {
			return func(j job) (struct{}, *skip) {
				data, err := rubric.ReadFile(j.path)
				if err != nil {
					b.Fatal(err)
				}
				a, ps := assessments.Parse(j.path, data)
				if ps.Err() != nil {
					b.Fatal(ps)
				}
				if ps := a.Check(r); ps.Err() != nil {
					b.Fatal(ps)
				}
				return struct{}{}, nil
			}
		}
		if _, err := collect(context.Background(), 0, false, []string{dir}, decodeReader, func(struct{}) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead is BenchmarkReport (in report_bench_test.go) without
// writing the report: reading, scoring and tallying the files, and sorting
// the candidates' rows. The difference from BenchmarkReport is the JSON,
// written on one goroutine.
func BenchmarkRead(b *testing.B) {
	r, dir := benchCohort(b)
	b.ReportAllocs()
	for b.Loop() {
		rp, err := Read(context.Background(), Options{Rubric: r}, dir)
		if err != nil {
			b.Fatal(err)
		}
		if rp.Assessments != benchAssessments {
			b.Fatalf("%d assessments, want %d", rp.Assessments, benchAssessments)
		}
		rp.Close()
	}
}
