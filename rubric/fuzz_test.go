package rubric_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/internal/safetext"
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
			if _, bad := safetext.Unsafe(p.Error()); bad {
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
		if _, bad := safetext.Unsafe(s); bad {
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

// FuzzReadinessFinite is the property that no valid rubric can overflow:
// whatever the weights the loader accepts (MinWeight to MaxWeight) and
// whatever the levels, every readiness is a finite number from 0 to 100 and
// every next step's gain is finite, and equal weights score as weights of 1
// do. Weights it refuses must be the ones outside that range.
func FuzzReadinessFinite(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, uint8(0), uint8(2), uint8(4))
	f.Add(1e308, 1e308, 1.0, uint8(1), uint8(1), uint8(1))
	f.Add(1000.0, 1000.0, 1000.0, uint8(4), uint8(0), uint8(3))
	f.Add(5e-324, 1000.0, 5e-324, uint8(3), uint8(1), uint8(0))
	f.Add(5e-324, 5e-324, 5e-324, uint8(2), uint8(2), uint8(2))
	f.Add(math.Inf(1), math.NaN(), -1.0, uint8(0), uint8(0), uint8(0))
	f.Add(0.1, 0.2, 0.3, uint8(4), uint8(4), uint8(4))
	f.Add(0.001, 0.001, 0.001, uint8(3), uint8(1), uint8(2))
	f.Fuzz(func(t *testing.T, w1, w2, w3 float64, l1, l2, l3 uint8) {
		weights := []float64{w1, w2, w3}
		src := "format: readycheck/rubric/v1\nid: w\ntitle: W\nversion: \"1\"\n" +
			"scales: {prof: [{label: A}, {label: B}, {label: C}, {label: D}, {label: E}]}\n" +
			"default_scale: prof\ncategories:\n  - id: c\n    title: C\n    skills: [{id: a, title: A}, {id: b, title: B}, {id: m, title: M}]\n" +
			"companies:\n  - id: x\n    name: X\n    requirements:\n"
		for i, id := range []string{"a", "b", "m"} {
			src += fmt.Sprintf("      - {skill: %s, min: %d, weight: %s, must: %t}\n", id, i+2, strconv.FormatFloat(weights[i], 'g', -1, 64), id == "m")
		}
		r, problems := rubric.Parse("w.yaml", []byte(src))
		valid := true
		for _, w := range weights {
			valid = valid && w >= rubric.MinWeight && w <= rubric.MaxWeight
		}
		if (problems.Err() == nil) != valid {
			t.Fatalf("weights %v: valid %t, but the loader says %v", weights, valid, problems.Err())
		}
		if !valid {
			return
		}
		lv := r.NewLevels()
		for i, l := range []uint8{l1, l2, l3} {
			lv[i] = int(l%6) - 1 // -1 (unanswered) to 4
		}
		res := r.Score(lv, r.Companies)
		if w1 == w2 && w2 == w3 {
			ones, problems := rubric.Parse("ones.yaml", []byte(strings.NewReplacer("weight: "+strconv.FormatFloat(w1, 'g', -1, 64), "weight: 1").Replace(src)))
			if problems.Err() != nil {
				t.Fatal(problems.Err())
			}
			if got, want := res.Companies[0].Readiness, ones.Score(lv, ones.Companies).Companies[0].Readiness; got != want {
				t.Fatalf("equal weights %v score %v, weights of 1 score %v", w1, got, want)
			}
		}
		for _, c := range res.Companies {
			for _, x := range []float64{c.Raw, c.Readiness} {
				if math.IsNaN(x) || x < 0 || x > 100 {
					t.Fatalf("weights %v, levels %v: readiness %v", weights, lv, x)
				}
			}
		}
		for _, s := range res.NextSteps {
			if math.IsNaN(s.Gain) || math.IsInf(s.Gain, 0) {
				t.Fatalf("weights %v, levels %v: next step gain %v", weights, lv, s.Gain)
			}
		}
	})
}
