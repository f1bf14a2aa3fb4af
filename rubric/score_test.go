package rubric_test

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/rubric"
)

func mustLoad(t *testing.T, path string) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return r
}

func mustParse(t *testing.T, src string) *rubric.Rubric {
	t.Helper()
	r, problems := rubric.Parse("test.yaml", []byte(src))
	if err := problems.Err(); err != nil {
		t.Fatalf("parse: %v", err)
	}
	return r
}

// levels builds a Levels from skill id to level; missing skills are unanswered.
func levels(r *rubric.Rubric, by map[string]int) rubric.Levels {
	lv := r.NewLevels()
	for id, l := range by {
		s, ok := r.Skill(id)
		if !ok {
			panic("no skill " + id)
		}
		lv[s.Index] = l
	}
	return lv
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The worked example of the small rubric (testdata/small.yaml):
//
//	python 2 (Beginner), java 3 (Capable), sql 1 (Aware), testing unanswered, dutch 0 (No)
//
// Acme: lang = best of python 2 and java 3 = 3 >= min Capable (3): score 1, weight 2
//
//	sql 1 of min 2: score 0.5, weight 1
//	dutch 0 of min Yes (1): score 0, weight 1, must and unmet
//	readiness = 100 * (2*1 + 1*0.5 + 1*0) / 4 = 62.5, verdict blocked (a must is unmet)
//
// Beta: python 2 of 2: score 1, weight 1; testing 0 of 2: score 0, weight 3
//
//	readiness = 100 * 1 / 4 = 25.0, below almost (50): not-yet
//
// Next steps, one level up each:
//
//	python 2->3: lang stays 3 (java), beta's python is met: no gain, dropped
//	java 3->4: lang is met already: dropped
//	sql 1->2: acme +100*1*0.5/4 = 12.5
//	testing 0->1: beta +100*3*0.5/4 = 37.5
//	dutch 0->1: acme +100*1*1/4 = 25, and acme is no longer blocked
//
// Order: dutch (unblocks 1), then testing (37.5), then sql (12.5).
func TestScoreWorkedExample(t *testing.T) {
	r := mustLoad(t, "testdata/small.yaml")
	lv := levels(r, map[string]int{"python": 2, "java": 3, "sql": 1, "dutch": 0})
	res := r.Score(lv, r.Companies)

	if len(res.Companies) != 2 {
		t.Fatalf("got %d companies, want 2", len(res.Companies))
	}
	acme, beta := res.Companies[0], res.Companies[1]
	if acme.Readiness != 62.5 || acme.Verdict != rubric.Blocked {
		t.Errorf("acme = %.2f %s, want 62.5 blocked", acme.Readiness, acme.Verdict)
	}
	wantReqs := []struct {
		level int
		score float64
		met   bool
	}{{3, 1, true}, {1, 0.5, false}, {0, 0, false}}
	for i, w := range wantReqs {
		got := acme.Requirements[i]
		if got.Level != w.level || !near(got.Score, w.score) || got.Met != w.met {
			t.Errorf("acme requirement %d = level %d score %v met %v, want %d %v %v", i, got.Level, got.Score, got.Met, w.level, w.score, w.met)
		}
	}
	if acme.Requirements[0].Requirement.Min != 3 {
		t.Errorf("min \"capable\" resolved to %d, want 3 (labels match case-insensitively)", acme.Requirements[0].Requirement.Min)
	}
	if beta.Readiness != 25 || beta.Verdict != rubric.NotYet {
		t.Errorf("beta = %.2f %s, want 25 not-yet", beta.Readiness, beta.Verdict)
	}

	want := []struct {
		skill    string
		from, to int
		gain     float64
		unblocks []string
	}{
		{"dutch", 0, 1, 25, []string{"acme"}},
		{"testing", 0, 1, 37.5, nil},
		{"sql", 1, 2, 12.5, nil},
	}
	if len(res.NextSteps) != len(want) {
		t.Fatalf("got %d next steps, want %d: %+v", len(res.NextSteps), len(want), res.NextSteps)
	}
	for i, w := range want {
		got := res.NextSteps[i]
		var ids []string
		for _, c := range got.Unblocks {
			ids = append(ids, c.ID)
		}
		if got.Skill.ID != w.skill || got.From != w.from || got.To != w.to || !near(got.Gain, w.gain) || strings.Join(ids, ",") != strings.Join(w.unblocks, ",") {
			t.Errorf("next step %d = %s %d->%d gain %v unblocks %v, want %+v", i, got.Skill.ID, got.From, got.To, got.Gain, ids, w)
		}
	}
	if len(res.Unanswered) != 1 || res.Unanswered[0].ID != "testing" {
		t.Errorf("unanswered = %v, want [testing]", res.Unanswered)
	}
}

// A target list names only some companies, in any order: results come in
// rubric order, and next-step gains count only those companies.
func TestScoreTargets(t *testing.T) {
	r := mustLoad(t, "testdata/small.yaml")
	targets, unknown := r.Targets([]string{"beta", "nope", "acme"})
	if len(unknown) != 1 || unknown[0] != "nope" {
		t.Errorf("unknown = %v, want [nope]", unknown)
	}
	if len(targets) != 2 || targets[0].ID != "acme" || targets[1].ID != "beta" {
		t.Errorf("targets not in rubric order: %v", targets)
	}
	all, _ := r.Targets(nil)
	if len(all) != 2 {
		t.Errorf("empty targets = %d companies, want all 2", len(all))
	}
	beta, _ := r.Targets([]string{"beta"})
	res := r.Score(levels(r, map[string]int{"python": 2}), beta)
	// Only beta counts: testing 0->1 gains 37.5; dutch and sql gain nothing at beta.
	if len(res.NextSteps) != 1 || res.NextSteps[0].Skill.ID != "testing" || !near(res.NextSteps[0].Gain, 37.5) {
		t.Errorf("next steps for beta only = %+v, want testing +37.5", res.NextSteps)
	}
}

const roundingRubric = `format: readycheck/rubric/v1
id: rounding
title: Rounding
scales:
  s: [{label: None}, {label: One}, {label: Two}, {label: Three}, {label: Four}]
default_scale: s
categories:
  - id: c
    title: C
    skills:
      - {id: a, title: A}
      - {id: b, title: B}
      - {id: c, title: C}
      - {id: d, title: D}
      - {id: e, title: E}
      - {id: f, title: F}
      - {id: g, title: G}
companies:
  - id: halves
    name: Halves
    thresholds: {almost: 56.3, ready: 90}
    requirements:
      - {skill: a, min: 1, weight: 9}
      - {skill: b, min: 1, weight: 7}
  - id: many
    name: Many
    requirements:
      - {skill: a, min: 1}
      - {skill: b, min: 1}
      - {skill: c, min: 1}
      - {skill: d, min: 1}
      - {skill: e, min: 1}
      - {skill: f, min: 1}
      - {skill: g, min: 4}
`

// Rounding is one decimal, halves away from zero, and the verdict is decided
// on the rounded figure: a = 1, b = 0 gives 100 * 9 / 16 = 56.25, reported
// 56.3, which meets an almost threshold of 56.3 although 56.25 does not.
func TestScoreRoundingAndThresholds(t *testing.T) {
	r := mustParse(t, roundingRubric)
	halves, _ := r.Targets([]string{"halves"})
	res := r.Score(levels(r, map[string]int{"a": 1, "b": 0}), halves)
	c := res.Companies[0]
	if !near(c.Raw, 56.25) || c.Readiness != 56.3 {
		t.Errorf("readiness raw %v rounded %v, want 56.25 and 56.3", c.Raw, c.Readiness)
	}
	if c.Verdict != rubric.Almost {
		t.Errorf("verdict %s, want almost (56.3 >= 56.3 on the rounded figure)", c.Verdict)
	}
	for _, tc := range []struct{ in, want float64 }{
		{0.05, 0.1}, {0.15, 0.2}, {2.25, 2.3}, {72.25, 72.3}, {72.2499, 72.2}, {72.24999999999, 72.3}, {79.95, 80}, {-0.25, -0.3}, {100, 100}, {33.333333, 33.3},
	} {
		if got := rubric.Round(tc.in); got != tc.want {
			t.Errorf("Round(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// Seven skills each gain something at "many"; a..f gain 100/7 each (from
// unanswered to 1 meets min 1) and g gains 100*0.25/7. Ties keep rubric
// order and only the first five are kept: a, b, c, d, e.
func TestNextStepsTiesAndLimit(t *testing.T) {
	r := mustParse(t, roundingRubric)
	many, _ := r.Targets([]string{"many"})
	res := r.Score(r.NewLevels(), many)
	if len(res.NextSteps) != rubric.MaxNextSteps {
		t.Fatalf("got %d next steps, want %d", len(res.NextSteps), rubric.MaxNextSteps)
	}
	for i, id := range []string{"a", "b", "c", "d", "e"} {
		st := res.NextSteps[i]
		if st.Skill.ID != id || !near(st.Gain, 100.0/7) || st.From != 0 || st.To != 1 {
			t.Errorf("next step %d = %s gain %v, want %s gain %v", i, st.Skill.ID, st.Gain, id, 100.0/7)
		}
	}
	if len(res.Unanswered) != 7 {
		t.Errorf("unanswered = %d, want 7", len(res.Unanswered))
	}
}

// A skill at the top of its scale has no next step.
func TestNextStepsSkipTopOfScale(t *testing.T) {
	r := mustParse(t, roundingRubric)
	many, _ := r.Targets([]string{"many"})
	lv := levels(r, map[string]int{"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 4})
	res := r.Score(lv, many)
	if res.Companies[0].Readiness != 100 || res.Companies[0].Verdict != rubric.Ready {
		t.Errorf("all met = %v %s, want 100 ready", res.Companies[0].Readiness, res.Companies[0].Verdict)
	}
	if len(res.NextSteps) != 0 {
		t.Errorf("next steps when everything is met = %+v, want none", res.NextSteps)
	}
}

func TestVerdictRank(t *testing.T) {
	order := []rubric.Verdict{rubric.Blocked, rubric.NotYet, rubric.Almost, rubric.Ready}
	for i := 1; i < len(order); i++ {
		if order[i-1].Rank() >= order[i].Rank() {
			t.Errorf("%s should rank below %s", order[i-1], order[i])
		}
	}
}

// The real-world rubric (47 skills, 7 levels, French text, 24 profiles)
// loads and scores.
func TestRealWorldRubric(t *testing.T) {
	const path = "../../shared/realworld/data-skills-matrix.yaml"
	if _, err := os.Stat(path); err != nil {
		t.Skip("real-world rubric not present")
	}
	r := mustLoad(t, path)
	if len(r.Skills()) != 47 || len(r.Companies) != 24 || r.Skills()[0].Scale.Top() != 6 {
		t.Fatalf("got %d skills, %d companies, top %d; want 47, 24, 6", len(r.Skills()), len(r.Companies), r.Skills()[0].Scale.Top())
	}
	lv := r.NewLevels()
	for i := range lv {
		lv[i] = 6
	}
	for _, c := range r.Score(lv, r.Companies).Companies {
		if c.Readiness != 100 || c.Verdict != rubric.Ready {
			t.Errorf("%s at the top of every scale = %v %s, want 100 ready", c.Company.ID, c.Readiness, c.Verdict)
		}
	}
}
