package rubric_test

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/internal/testshared"
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

// Unanswered skills count 0 and are flagged: a requirement none of whose
// skills is answered, and a next step on a skill without an answer. An
// any_of requirement with one skill answered (java) is answered.
func TestScoreUnansweredFlags(t *testing.T) {
	r := mustLoad(t, "testdata/small.yaml")
	res := r.Score(levels(r, map[string]int{"java": 0, "sql": 1}), r.Companies)
	var reqs []string
	for _, c := range res.Companies {
		for _, rr := range c.Requirements {
			if rr.Unanswered {
				reqs = append(reqs, rr.Requirement.ID)
			}
		}
	}
	if got := strings.Join(reqs, " "); got != "dutch python testing" {
		t.Errorf("unanswered requirements = %q, want \"dutch python testing\"", got)
	}
	for _, st := range res.NextSteps {
		if want := st.Skill.ID != "java" && st.Skill.ID != "sql"; st.Unanswered != want || st.From != 0 && want {
			t.Errorf("next step %s from %d: unanswered %v, want %v", st.Skill.ID, st.From, st.Unanswered, want)
		}
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

// The real-world rubric (47 skills, 7 levels 0..6, French text, 24
// profiles) validates and scores. Worked example for its first profile,
// data-analyst-junior: 26 requirements, all min 1, weights summing to 45.
//
//	sql-bigquery 1 (weight 2): met, score 1
//	statistical-analysis 2 (weight 2): above min 1, score still 1
//	python-data 1 (weight 2), data-modeling 1 (weight 1): met
//	ml-fundamentals 3: not required by this profile
//	readiness = 100 * (2 + 2 + 2 + 1) / 45 = 15.555... -> 15.6, not-yet
//
// Next steps for this profile alone: each unmet weight-2 skill gains
// 100 * 2 / 45 = 4.444..., each weight-1 skill 2.222...; ties go in rubric
// order, so the first five are the first five unmet weight-2 skills of the
// rubric: insight-generation, product-metrics, attribution-marketing,
// tracking-design, dashboard-design. ml-fundamentals gains nothing here.
func TestRealWorldRubric(t *testing.T) {
	path := testshared.Path(t, "realworld/data-skills-matrix.yaml")
	r, problems := rubric.Parse(path, mustRead(t, path))
	if len(problems) != 0 {
		t.Fatalf("the real-world rubric has problems:\n%v", problems)
	}
	if len(r.Categories) != 14 || len(r.Skills()) != 47 || len(r.Companies) != 24 || r.Skills()[0].Scale.Top() != 6 {
		t.Fatalf("got %d categories, %d skills, %d companies, top %d; want 14, 47, 24, 6", len(r.Categories), len(r.Skills()), len(r.Companies), r.Skills()[0].Scale.Top())
	}
	// Labels match case-insensitively beyond ASCII.
	if lvl, ok := r.Skills()[0].Scale.Find("DÉBUTANT"); !ok || lvl != 1 {
		t.Errorf("Find(DÉBUTANT) = %d %v, want 1 (Débutant)", lvl, ok)
	}

	junior, unknown := r.Targets([]string{"data-analyst-junior"})
	if len(junior) != 1 || unknown != nil {
		t.Fatalf("Targets(data-analyst-junior) = %v, unknown %v", junior, unknown)
	}
	lv := levels(r, map[string]int{"sql-bigquery": 1, "statistical-analysis": 2, "python-data": 1, "data-modeling": 1, "ml-fundamentals": 3})
	res := r.Score(lv, junior)
	c := res.Companies[0]
	if len(c.Requirements) != 26 || !near(c.Raw, 700.0/45) || c.Readiness != 15.6 || c.Verdict != rubric.NotYet {
		t.Errorf("data-analyst-junior = %d requirements, raw %v, %v %s; want 26, 15.555..., 15.6 not-yet", len(c.Requirements), c.Raw, c.Readiness, c.Verdict)
	}
	wantSteps := []string{"insight-generation", "product-metrics", "attribution-marketing", "tracking-design", "dashboard-design"}
	for i, st := range res.NextSteps {
		if i >= len(wantSteps) || st.Skill.ID != wantSteps[i] || !near(st.Gain, 200.0/45) || st.From != 0 || st.To != 1 {
			t.Errorf("next step %d = %s %d->%d +%v, want %v +4.444...", i, st.Skill.ID, st.From, st.To, st.Gain, wantSteps)
		}
	}
	if len(res.NextSteps) != 5 || len(res.Unanswered) != 42 {
		t.Errorf("%d next steps, %d unanswered; want 5, 42", len(res.NextSteps), len(res.Unanswered))
	}

	// Every profile: nothing answered is 0.0, every skill at the top is 100.0.
	none := r.Score(r.NewLevels(), r.Companies)
	topLv := r.NewLevels()
	for _, s := range r.Skills() {
		topLv[s.Index] = s.Scale.Top()
	}
	top := r.Score(topLv, r.Companies)
	for i := range r.Companies {
		if c := none.Companies[i]; c.Readiness != 0 || c.Verdict != rubric.NotYet {
			t.Errorf("%s with nothing answered = %v %s, want 0 not-yet", c.Company.ID, c.Readiness, c.Verdict)
		}
		if c := top.Companies[i]; c.Readiness != 100 || c.Verdict != rubric.Ready {
			t.Errorf("%s at the top of every scale = %v %s, want 100 ready", c.Company.ID, c.Readiness, c.Verdict)
		}
	}
	if len(top.NextSteps) != 0 || len(top.Unanswered) != 0 {
		t.Errorf("at the top: %d next steps, %d unanswered; want none", len(top.NextSteps), len(top.Unanswered))
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// One company, one skill: a requirement's score is min(level, min) / min.
//
//	min 3 (Capable), weight 1
//	level 0 (or unanswered) -> 0/3 = 0      -> 0.0   not-yet
//	level 1                 -> 1/3          -> 33.3  not-yet
//	level 2                 -> 2/3 = 66.67  -> 66.7  almost (>= 60)
//	level 3                 -> 3/3          -> 100.0 ready, met
//	level 4                 -> min(4,3)/3 = 1 -> 100.0 ready, met
func TestScoreSingleSkill(t *testing.T) {
	r := mustParse(t, `format: readycheck/rubric/v1
id: one
title: One
scales:
  prof: [{label: None}, {label: Aware}, {label: Beginner}, {label: Capable}, {label: Expert}]
default_scale: prof
categories:
  - id: c
    title: C
    skills: [{id: sql, title: SQL}]
companies:
  - id: acme
    name: Acme
    requirements: [{skill: sql, min: CAPABLE}]
`)
	cases := []struct {
		level     int
		raw       float64
		readiness float64
		verdict   rubric.Verdict
		met       bool
	}{
		{rubric.Unanswered, 0, 0, rubric.NotYet, false},
		{0, 0, 0, rubric.NotYet, false},
		{1, 100.0 / 3, 33.3, rubric.NotYet, false},
		{2, 200.0 / 3, 66.7, rubric.Almost, false},
		{3, 100, 100, rubric.Ready, true},
		{4, 100, 100, rubric.Ready, true},
	}
	for _, tc := range cases {
		lv := r.NewLevels()
		lv[0] = tc.level
		c := r.Score(lv, r.Companies).Companies[0]
		rr := c.Requirements[0]
		if !near(c.Raw, tc.raw) || c.Readiness != tc.readiness || c.Verdict != tc.verdict || rr.Met != tc.met || rr.Level != max(tc.level, 0) {
			t.Errorf("level %d: raw %v, %v %s, met %v, level %d; want %v, %v %s, met %v", tc.level, c.Raw, c.Readiness, c.Verdict, rr.Met, rr.Level, tc.raw, tc.readiness, tc.verdict, tc.met)
		}
	}
}

const verdictRubric = `format: readycheck/rubric/v1
id: verdicts
title: Verdicts
scales:
  yn: [{label: "No"}, {label: "Yes"}]
default_scale: yn
categories:
  - id: c
    title: C
    skills: [{id: a, title: A}, {id: b, title: B}, {id: m, title: M}]
companies:
  - id: just-ready
    name: Just ready
    requirements:
      - {skill: a, min: 1, weight: 199.9}
      - {skill: b, min: 1, weight: 50.1}
  - id: just-below
    name: Just below
    requirements:
      - {skill: a, min: 1, weight: 399.7}
      - {skill: b, min: 1, weight: 100.3}
  - id: half-to-almost
    name: Half to almost
    requirements:
      - {skill: a, min: 1, weight: 119.9}
      - {skill: b, min: 1, weight: 80.1}
  - id: custom
    name: Custom thresholds
    thresholds: {almost: 40, ready: 50}
    requirements:
      - {skill: a, min: 1}
      - {skill: b, min: 1}
  - id: must
    name: Must
    requirements:
      - {skill: a, min: 1, weight: 9}
      - {skill: m, min: yes, must: true}
`

// The verdict is decided on the rounded readiness, and a must requirement
// unmet blocks whatever the readiness. With a = Yes, b = No, m = No:
//
//	just-ready:     100 * 199.9 / 250 = 79.96 -> 80.0 >= 80: ready
//	just-below:     100 * 399.7 / 500 = 79.94 -> 79.9 <  80: almost
//	half-to-almost: 100 * 119.9 / 200 = 59.95 -> 60.0 (half away from zero) >= 60: almost
//	custom:         100 * 1 / 2 = 50.0 >= its own ready 50: ready (by the defaults, not-yet)
//	must:           100 * 9 / 10 = 90.0, but m is a must and unmet: blocked
func TestVerdicts(t *testing.T) {
	r := mustParse(t, verdictRubric)
	res := r.Score(levels(r, map[string]int{"a": 1, "b": 0, "m": 0}), r.Companies)
	want := []struct {
		id        string
		raw       float64
		readiness float64
		verdict   rubric.Verdict
	}{
		{"just-ready", 79.96, 80, rubric.Ready},
		{"just-below", 79.94, 79.9, rubric.Almost},
		{"half-to-almost", 59.95, 60, rubric.Almost},
		{"custom", 50, 50, rubric.Ready},
		{"must", 90, 90, rubric.Blocked},
	}
	for i, w := range want {
		c := res.Companies[i]
		if c.Company.ID != w.id || !near(c.Raw, w.raw) || c.Readiness != w.readiness || c.Verdict != w.verdict {
			t.Errorf("%s = raw %v, %v %s; want raw %v, %v %s", c.Company.ID, c.Raw, c.Readiness, c.Verdict, w.raw, w.readiness, w.verdict)
		}
	}
	// Meeting the must lifts the block: 100 * 10 / 10 = 100.0, ready.
	must, _ := r.Targets([]string{"must"})
	if c := r.Score(levels(r, map[string]int{"a": 1, "m": 1}), must).Companies[0]; c.Readiness != 100 || c.Verdict != rubric.Ready {
		t.Errorf("must met = %v %s, want 100 ready", c.Readiness, c.Verdict)
	}
}

// Readiness rounds to one decimal, halves away from zero, after snapping
// binary noise: 0.15 is stored as 0.1499999..., yet reads as a half.
func TestRound(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{0.05, 0.1}, {0.15, 0.2}, {0.25, 0.3}, {2.25, 2.3}, {18.75, 18.8}, {56.25, 56.3}, {72.25, 72.3},
		{59.95, 60}, {79.95, 80}, {99.95, 100}, {-0.25, -0.3}, {-2.25, -2.3},
		{72.2499, 72.2}, {72.24999999999, 72.3}, {33.333333, 33.3}, {66.666666, 66.7}, {0, 0}, {100, 100},
	} {
		if got := rubric.Round(tc.in); got != tc.want {
			t.Errorf("Round(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// Skills unanswered count 0 and are listed, in rubric order; a skill
// answered 0 counts 0 too, but was answered.
func TestUnanswered(t *testing.T) {
	r := mustLoad(t, "testdata/small.yaml")
	res := r.Score(levels(r, map[string]int{"java": 0, "dutch": 1}), r.Companies)
	var ids []string
	for _, s := range res.Unanswered {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, " ") != "python sql testing" {
		t.Errorf("unanswered = %v, want python sql testing", ids)
	}
	// acme: lang 0 (weight 2), sql 0, dutch 1 of 1 (must, met):
	// 100 * (0 + 0 + 1) / 4 = 25.0, not blocked: not-yet.
	if c := res.Companies[0]; c.Readiness != 25 || c.Verdict != rubric.NotYet {
		t.Errorf("acme = %v %s, want 25 not-yet", c.Readiness, c.Verdict)
	}
}

const stepsRubric = `format: readycheck/rubric/v1
id: steps
title: Steps
scales:
  s: [{label: None}, {label: One}, {label: Two}, {label: Three}]
  yn: [{label: "No"}, {label: "Yes"}]
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
      - {id: m1, title: M1, scale: yn}
      - {id: m2, title: M2, scale: yn}
companies:
  - id: x
    name: X
    requirements:
      - {skill: a, min: 2, weight: 2}
      - {skill: b, min: 1}
      - {skill: m1, min: 1, must: true}
  - id: y
    name: Y
    requirements:
      - {skill: a, min: 1}
      - {skill: c, min: 3, weight: 3}
      - {skill: m1, min: 1, must: true}
      - {skill: m2, min: 1, must: true}
`

// Next steps, worked example. Levels: a 1, b 0, c unanswered, d 3 (the top),
// e 0, m1 No, m2 No.
//
//	x: a 1 of 2 -> 0.5 * 2 = 1; b 0; m1 0 (must)  -> 100 * 1 / 4 = 25.0 blocked
//	y: a 1 of 1 -> 1; c 0 * 3; m1 0; m2 0 (musts) -> 100 * 1 / 6 = 16.7 blocked
//
// Each skill raised by one level, over both companies:
//
//	a 1->2:  x +100 * 2 * 0.5 / 4 = 25; y met already: gain 25
//	b 0->1:  x +100 * 1 / 4 = 25: gain 25
//	c 0->1:  y +100 * 3 * (1/3) / 6 = 16.67: gain 16.67
//	d 3:     at the top of its scale: no step
//	e 0->1:  no company requires e: no gain, no unblock: dropped
//	m1 0->1: x +25 and x unblocked (its only unmet must); y +16.67 but still
//	         blocked by m2: gain 41.67, unblocks [x]
//	m2 0->1: y +16.67, still blocked by m1: gain 16.67
//
// Order: m1 (unblocks one), then a and b (25, tied: rubric order), then c
// and m2 (16.67, tied: rubric order).
func TestNextStepsOrder(t *testing.T) {
	r := mustParse(t, stepsRubric)
	lv := levels(r, map[string]int{"a": 1, "b": 0, "d": 3, "e": 0, "m1": 0, "m2": 0})
	res := r.Score(lv, r.Companies)
	if x, y := res.Companies[0], res.Companies[1]; x.Readiness != 25 || x.Verdict != rubric.Blocked || y.Readiness != 16.7 || y.Verdict != rubric.Blocked {
		t.Fatalf("x = %v %s, y = %v %s; want 25 blocked, 16.7 blocked", x.Readiness, x.Verdict, y.Readiness, y.Verdict)
	}
	checkSteps(t, res.NextSteps, []step{
		{"m1", 0, 1, 25 + 100.0/6, "x"},
		{"a", 1, 2, 25, ""},
		{"b", 0, 1, 25, ""},
		{"c", 0, 1, 100.0 / 6, ""},
		{"m2", 0, 1, 100.0 / 6, ""},
	})

	// For y alone, m1 unblocks nothing (m2 is still unmet) and gains 16.67;
	// c and m1 and m2 tie at 16.67, a and b gain nothing at y.
	y, _ := r.Targets([]string{"y"})
	checkSteps(t, r.Score(lv, y).NextSteps, []step{
		{"c", 0, 1, 100.0 / 6, ""},
		{"m1", 0, 1, 100.0 / 6, ""},
		{"m2", 0, 1, 100.0 / 6, ""},
	})

	// With m2 met, raising m1 unblocks both companies.
	lv2 := levels(r, map[string]int{"a": 1, "m2": 1})
	checkSteps(t, r.Score(lv2, r.Companies).NextSteps[:1], []step{{"m1", 0, 1, 25 + 100.0/6, "x,y"}})
}

// An any_of requirement counts the best level among its skills: raising
// the weaker one below the stronger gains nothing.
//
//	acme's lang: any_of [python, java], min Capable (3), weight 2
//	python 1, java 2: lang level 2, score 2/3
//	python 1->2: lang stays 2: no gain at acme; beta requires python min 2
//	             (weights 1 + 3 = 4): score 0.5 -> 1, +100 * 1 * 0.5 / 4 = 12.5
//	java 2->3:   lang 2 -> 3 at acme (weights 2 + 1 + 1 = 4):
//	             +100 * 2 * (1 - 2/3) / 4 = 16.67
//
// sql, testing and dutch are met everywhere: no gain. Order: java, python.
func TestScoreAnyOf(t *testing.T) {
	r := mustLoad(t, "testdata/small.yaml")
	lv := levels(r, map[string]int{"python": 1, "java": 2, "sql": 2, "testing": 2, "dutch": 1})
	res := r.Score(lv, r.Companies)
	lang := res.Companies[0].Requirements[0]
	if lang.Level != 2 || !near(lang.Score, 2.0/3) || lang.Met {
		t.Errorf("lang = level %d score %v met %v, want 2, 2/3, unmet", lang.Level, lang.Score, lang.Met)
	}
	// acme: 100 * (2 * 2/3 + 1 + 1) / 4 = 83.33 -> 83.3, ready.
	if c := res.Companies[0]; c.Readiness != 83.3 || c.Verdict != rubric.Ready {
		t.Errorf("acme = %v %s, want 83.3 ready", c.Readiness, c.Verdict)
	}
	checkSteps(t, res.NextSteps, []step{
		{"java", 2, 3, 100.0 * 2 / 3 / 4, ""},
		{"python", 1, 2, 12.5, ""},
	})
}

type step struct {
	skill    string
	from, to int
	gain     float64
	unblocks string
}

func checkSteps(t *testing.T, got []rubric.NextStep, want []step) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d next steps, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		var ids []string
		for _, c := range g.Unblocks {
			ids = append(ids, c.ID)
		}
		if g.Skill.ID != w.skill || g.From != w.from || g.To != w.to || !near(g.Gain, w.gain) || strings.Join(ids, ",") != w.unblocks {
			t.Errorf("next step %d = %s %d->%d +%v unblocks %v; want %s %d->%d +%v unblocks %q", i, g.Skill.ID, g.From, g.To, g.Gain, ids, w.skill, w.from, w.to, w.gain, w.unblocks)
		}
	}
}
