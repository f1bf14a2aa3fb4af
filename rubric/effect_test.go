package rubric_test

import (
	"math/rand"
	"testing"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/sample"
)

// The worked example of TestScoreWorkedExample (python 2, java 3, sql 1,
// testing unanswered, dutch 0), every skill raised by one level:
//
//	python 2->3: acme's lang stays 3 (java), beta's python is met: gain 0
//	java 3->4: acme's lang is met already: gain 0
//	sql 1->2: acme +12.5 (62.5 -> 75.0) but still blocked by dutch: no better verdict
//	testing 0->1: beta +100*3*0.5/4 = 37.5 (25.0 -> 62.5 >= almost 50): not-yet -> almost
//	dutch 0->1: acme +25 (62.5 -> 87.5), no must unmet any more: blocked -> ready
func TestRaiseEffectsWorkedExample(t *testing.T) {
	r := mustLoad(t, "testdata/small.yaml")
	lv := levels(r, map[string]int{"python": 2, "java": 3, "sql": 1, "dutch": 0})
	base := r.ScoreCompanies(lv, r.Companies)
	if base[0].Readiness != 62.5 || base[1].Readiness != 25 {
		t.Fatalf("ScoreCompanies = %.1f, %.1f, want 62.5, 25.0", base[0].Readiness, base[1].Readiness)
	}
	want := []struct {
		skill    string
		gain     float64
		improved int
	}{
		{"python", 0, 0},
		{"java", 0, 0},
		{"sql", 12.5, 0},
		{"testing", 37.5, 1},
		{"dutch", 25, 1},
	}
	var got []rubric.Effect
	r.RaiseEffects(lv, r.Companies, base, func(e rubric.Effect) { got = append(got, e) })
	if len(got) != len(want) {
		t.Fatalf("got %d effects, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Skill.ID != w.skill || !near(g.Gain, w.gain) || g.Improved != w.improved {
			t.Errorf("effect %d = %s gain %.2f improved %d, want %s gain %.2f improved %d",
				i, g.Skill.ID, g.Gain, g.Improved, w.skill, w.gain, w.improved)
		}
	}

	// Only beta as a target: sql and dutch no longer matter.
	beta := r.Companies[1:]
	got = got[:0]
	r.RaiseEffects(lv, beta, r.ScoreCompanies(lv, beta), func(e rubric.Effect) { got = append(got, e) })
	for _, e := range got {
		wantGain, wantImproved := 0.0, 0
		if e.Skill.ID == "testing" {
			wantGain, wantImproved = 37.5, 1
		}
		if !near(e.Gain, wantGain) || e.Improved != wantImproved {
			t.Errorf("beta only: %s gain %.2f improved %d, want %.2f %d", e.Skill.ID, e.Gain, e.Improved, wantGain, wantImproved)
		}
	}
}

// TestRaiseEffectsAgreesWithScore checks, on a generated rubric with random
// levels and targets, that every effect's gain is the gain of Score's next
// step for that skill (to the bit), and that Improved is what a full
// rescoring with the skill raised gives.
func TestRaiseEffectsAgreesWithScore(t *testing.T) {
	r, problems := rubric.Parse("generated.yaml", sample.Rubric(120, 8, 3))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(7))
	checked := 0
	for round := 0; round < 40; round++ {
		lv := r.NewLevels()
		for _, s := range r.Skills() {
			lv[s.Index] = rng.Intn(s.Scale.Top()+2) - 1
		}
		var targets []*rubric.Company
		for _, c := range r.Companies {
			if rng.Intn(2) == 0 {
				targets = append(targets, c)
			}
		}
		res := r.Score(lv, targets)
		steps := map[string]float64{}
		for _, st := range res.NextSteps {
			steps[st.Skill.ID] = st.Gain
		}
		r.RaiseEffects(lv, targets, res.Companies, func(e rubric.Effect) {
			if g, ok := steps[e.Skill.ID]; ok && g != e.Gain {
				t.Errorf("round %d: %s gain %v, Score's next step says %v", round, e.Skill.ID, e.Gain, g)
			}
			raised := append(rubric.Levels(nil), lv...)
			raised[e.Skill.Index] = lv.Of(e.Skill) + 1
			after := r.ScoreCompanies(raised, targets)
			improved := 0
			sum := 0.0
			for i := range after {
				if after[i].Verdict.Rank() > res.Companies[i].Verdict.Rank() {
					improved++
				}
				sum += after[i].Raw - res.Companies[i].Raw
			}
			if improved != e.Improved {
				t.Errorf("round %d: %s improved %d, rescoring says %d", round, e.Skill.ID, e.Improved, improved)
			}
			if !near(sum, e.Gain) {
				t.Errorf("round %d: %s gain %v, rescoring says %v", round, e.Skill.ID, e.Gain, sum)
			}
			checked++
		})
	}
	if checked < 1000 {
		t.Fatalf("only %d effects checked", checked)
	}
}
