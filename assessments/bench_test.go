package assessments_test

import (
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/gen"
	"github.com/readycheck/readycheck/rubric"
)

// batch is a generated rubric and 1,000 of its assessments, in memory.
func batch(b *testing.B) (*rubric.Rubric, [][]byte) {
	b.Helper()
	r, problems := rubric.Parse("generated", gen.Rubric(2000, 50, 1))
	if problems.Err() != nil {
		b.Fatal(problems)
	}
	var files [][]byte
	if err := gen.Assessments(r, 1000, 1, func(_ int, d []byte) error { files = append(files, d); return nil }); err != nil {
		b.Fatal(err)
	}
	return r, files
}

// BenchmarkBatchDecode parses and checks assessments: the cost any reader pays.
func BenchmarkBatchDecode(b *testing.B) {
	r, files := batch(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		decode(b, r, files[i%len(files)])
	}
}

// BenchmarkBatchDecodeAndScore adds scoring for the assessment's targets.
// Goal: no more than 5% over BenchmarkBatchDecode.
func BenchmarkBatchDecodeAndScore(b *testing.B) {
	r, files := batch(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a := decode(b, r, files[i%len(files)])
		targets, err := a.TargetCompanies(r, nil)
		if err != nil {
			b.Fatal(err)
		}
		r.Score(a.Levels(r), targets)
	}
}

func decode(b *testing.B, r *rubric.Rubric, data []byte) *assessments.Assessment {
	a, problems := assessments.Parse("a.yaml", data)
	if problems.Err() != nil {
		b.Fatal(problems)
	}
	if p := a.Check(r); p.Err() != nil {
		b.Fatal(p)
	}
	return a
}
