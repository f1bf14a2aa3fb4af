package rubric_test

import (
	"testing"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/sample"
)

// fullLevels answers every skill at the middle of its scale.
func fullLevels(r *rubric.Rubric) rubric.Levels {
	lv := r.NewLevels()
	for _, s := range r.Skills() {
		lv[s.Index] = s.Scale.Top() / 2
	}
	return lv
}

// BenchmarkBuiltinLoadValidateScore is the built-in rubric's whole path:
// parse and validate the embedded YAML, then score a full assessment for
// every company with next steps. Goal: under 2 ms.
func BenchmarkBuiltinLoadValidateScore(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r, problems := rubric.Parse("built-in", builtin.YAML)
		if problems.Err() != nil {
			b.Fatal(problems)
		}
		r.Score(fullLevels(r), r.Companies)
	}
}

var generated = sample.Rubric(2000, 50, 1)

// BenchmarkGeneratedRubricParse loads a 2,000-skill, 50-company rubric.
func BenchmarkGeneratedRubricParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(generated)))
	for b.Loop() {
		if _, problems := rubric.Parse("generated", generated); problems.Err() != nil {
			b.Fatal(problems)
		}
	}
}

// BenchmarkScoreGenerated scores one full assessment against all 50
// companies of the generated rubric, next steps included.
func BenchmarkScoreGenerated(b *testing.B) {
	r, problems := rubric.Parse("generated", generated)
	if problems.Err() != nil {
		b.Fatal(problems)
	}
	lv := fullLevels(r)
	b.ReportAllocs()
	for b.Loop() {
		r.Score(lv, r.Companies)
	}
}
