package rubric_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// FuzzParseRubric feeds arbitrary bytes to the rubric loader. It must never
// panic or hang; every problem it reports is positioned text that is safe
// for a terminal; and whatever it accepts is consistent enough to score.
// Seeds: the rubrics under testdata/ and builtin/, the validation cases of
// load_test.go, and the corpus in testdata/fuzz/FuzzParseRubric.
func FuzzParseRubric(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.yaml")
	paths = append(paths, "builtin/backend-internship.yaml")
	for _, path := range paths {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	for _, tc := range validationCases {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte(roundingRubric))
	f.Add([]byte(stepsRubric))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("format: readycheck/rubric/v1\nscales: {s: [{label: A}, {label: B}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, problems := rubric.Parse("fuzz.yaml", data)
		for _, p := range problems {
			if _, bad := yamlfile.Unsafe(p.Error()); bad {
				t.Fatalf("problem %q is not safe for a terminal", p.Error())
			}
			if p.Message == "" {
				t.Fatalf("a problem without a message at %d:%d", p.Line, p.Column)
			}
		}
		if r == nil {
			if problems.Err() == nil {
				t.Fatal("no rubric and no error")
			}
			return
		}
		if problems.Err() != nil {
			t.Fatalf("a rubric with errors was returned: %v", problems)
		}
		checkConsistent(t, r)
	})
}

// checkConsistent fails unless an accepted rubric keeps every promise the
// loader makes to the rest of readycheck.
func checkConsistent(t *testing.T, r *rubric.Rubric) {
	t.Helper()
	text := func(what, s string) {
		if _, bad := yamlfile.Unsafe(s); bad {
			t.Fatalf("%s %q is not safe for a terminal", what, s)
		}
	}
	if !yamlfile.ValidID(r.ID) || r.Title == "" {
		t.Fatalf("rubric id %q, title %q", r.ID, r.Title)
	}
	text("title", r.Title)
	text("description", r.Description)
	ids := map[string]bool{}
	for i, s := range r.Skills() {
		if s.Index != i || s.Scale == nil || s.Scale.Top() < 1 || !yamlfile.ValidID(s.ID) || ids[s.ID] {
			t.Fatalf("skill %q inconsistent: index %d/%d, scale %v, seen %v", s.ID, s.Index, i, s.Scale, ids[s.ID])
		}
		ids[s.ID] = true
		if got, ok := r.Skill(s.ID); !ok || got != s {
			t.Fatalf("Skill(%q) does not find it", s.ID)
		}
		for lvl, d := range s.Levels {
			if lvl < 0 || lvl > s.Scale.Top() {
				t.Fatalf("skill %q describes level %d outside 0..%d", s.ID, lvl, s.Scale.Top())
			}
			text("descriptor", d)
		}
		text("skill title", s.Title)
		text("question", s.Question)
		text("help", s.Help)
		for _, l := range s.Scale.Levels {
			text("label", l.Label)
			text("level description", l.Description)
		}
	}
	companies := map[string]bool{}
	for _, c := range r.Companies {
		if !yamlfile.ValidID(c.ID) || companies[c.ID] || len(c.Requirements) == 0 || c.Almost < 0 || c.Almost >= c.Ready || c.Ready > 100 {
			t.Fatalf("company %q inconsistent: %d requirements, thresholds %v/%v", c.ID, len(c.Requirements), c.Almost, c.Ready)
		}
		companies[c.ID] = true
		text("company name", c.Name)
		reqs := map[string]bool{}
		for _, req := range c.Requirements {
			if len(req.Skills) == 0 || req.Min < 1 || req.Min > req.Skills[0].Scale.Top() || !(req.Weight > 0) || reqs[req.ID] || (!req.AnyOf && len(req.Skills) != 1) {
				t.Fatalf("requirement %q of %q inconsistent: %+v", req.ID, c.ID, req)
			}
			reqs[req.ID] = true
			for _, s := range req.Skills {
				if s.Scale != req.Skills[0].Scale {
					t.Fatalf("requirement %q of %q mixes scales", req.ID, c.ID)
				}
			}
		}
	}
	// Scoring what was accepted works, at both ends of every scale.
	for _, fill := range []func(*rubric.Skill) int{
		func(*rubric.Skill) int { return rubric.Unanswered },
		func(s *rubric.Skill) int { return s.Scale.Top() },
	} {
		lv := r.NewLevels()
		for _, s := range r.Skills() {
			lv[s.Index] = fill(s)
		}
		res := r.Score(lv, r.Companies)
		if len(res.NextSteps) > rubric.MaxNextSteps {
			t.Fatalf("%d next steps", len(res.NextSteps))
		}
		for _, c := range res.Companies {
			if c.Readiness < 0 || c.Readiness > 100 {
				t.Fatalf("readiness %v out of range", c.Readiness)
			}
		}
	}
}
