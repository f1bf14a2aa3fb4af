package rubric

// This file serves the cohort report, which needs the effect of raising
// every skill for every candidate, not only a candidate's best five next
// steps, and scores many candidates without their next steps.

// ScoreCompanies scores the target companies only: the Companies of Score's
// Result, without the next steps and the unanswered list.
func (r *Rubric) ScoreCompanies(levels Levels, targets []*Company) []CompanyResult {
	out := make([]CompanyResult, len(targets))
	for i, c := range targets {
		out[i] = scoreCompany(c, levels)
	}
	return out
}

// Effect is what raising one skill by one level does for one candidate.
type Effect struct {
	Skill *Skill
	// Gain is the sum over the target companies of the unrounded readiness
	// increase, as a next step's Gain.
	Gain float64
	// Improved counts the target companies whose verdict gets better
	// (blocked < not-yet < almost < ready).
	Improved int
}

// RaiseEffects calls fn, in rubric order, with the effect of raising each
// skill below the top of its scale by one level, for the target companies
// whose results are base (ScoreCompanies or Score of the same levels and
// targets). It follows the next-step rules of Score: the same gain, for
// every skill rather than the best MaxNextSteps. Skills at the top are not
// passed; skills that no target company requires are passed with no gain.
func (r *Rubric) RaiseEffects(levels Levels, targets []*Company, base []CompanyResult, fn func(Effect)) {
	rs := r.newRaises(levels, targets, base)
	for {
		s, _, ok := rs.next()
		if !ok {
			return
		}
		e := Effect{Skill: s}
		for _, ci := range rs.touched {
			gain, blocked := rs.effect(ci)
			if gain > 1e-9 {
				e.Gain += gain
			}
			if targets[ci].verdict(Round(base[ci].Raw+gain), blocked).Rank() > base[ci].Verdict.Rank() {
				e.Improved++
			}
		}
		fn(e)
	}
}
