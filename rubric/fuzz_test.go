package rubric_test

import (
	"os"
	"testing"

	"github.com/readycheck/readycheck/rubric"
)

// FuzzParseRubric feeds arbitrary bytes to the rubric loader: it must never
// panic or hang, and whatever it accepts must be consistent.
func FuzzParseRubric(f *testing.F) {
	for _, path := range []string{"testdata/small.yaml", "builtin/backend-internship.yaml"} {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(head + okCategories + okCompanies))
	f.Add([]byte(roundingRubric))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("format: readycheck/rubric/v1\nscales: {s: [{label: A}, {label: B}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, problems := rubric.Parse("fuzz.yaml", data)
		if r == nil {
			if problems.Err() == nil {
				t.Fatal("no rubric and no error")
			}
			return
		}
		if problems.Err() != nil {
			t.Fatalf("a rubric with errors was returned: %v", problems)
		}
		for i, s := range r.Skills() {
			if s.Index != i || s.Scale == nil || s.Scale.Top() < 1 {
				t.Fatalf("skill %q inconsistent: index %d/%d, scale %v", s.ID, s.Index, i, s.Scale)
			}
		}
		for _, c := range r.Companies {
			if len(c.Requirements) == 0 || c.Almost >= c.Ready {
				t.Fatalf("company %q inconsistent", c.ID)
			}
			for _, req := range c.Requirements {
				if len(req.Skills) == 0 || req.Min < 1 || req.Min > req.Skills[0].Scale.Top() || req.Weight <= 0 {
					t.Fatalf("requirement %q of %q inconsistent: %+v", req.ID, c.ID, req)
				}
			}
		}
		res := r.Score(r.NewLevels(), r.Companies)
		for _, c := range res.Companies {
			if c.Readiness < 0 || c.Readiness > 100 {
				t.Fatalf("readiness %v out of range", c.Readiness)
			}
		}
	})
}
