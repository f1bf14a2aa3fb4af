package report_test

import (
	"context"
	"io"
	"testing"

	"github.com/readycheck/readycheck/cohortview"
	"github.com/readycheck/readycheck/report"
)

// BenchmarkReport builds the whole report of the benchmark cohort
// (bench_test.go), candidates included, and writes it as JSON. Goal: within
// 1.1x of BenchmarkDecodeOnly.
func BenchmarkReport(b *testing.B) {
	r, dir := report.BenchCohort(b)
	b.ReportAllocs()
	for b.Loop() {
		rp, err := report.Read(context.Background(), report.Options{Rubric: r}, dir)
		if err != nil {
			b.Fatal(err)
		}
		if rp.Assessments != report.BenchAssessments {
			b.Fatalf("%d assessments, want %d", rp.Assessments, report.BenchAssessments)
		}
		if err := cohortview.JSON(rp, io.Discard); err != nil {
			b.Fatal(err)
		}
		rp.Close()
	}
}
