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
	pos := make([]int, len(r.Companies))
	for i := range pos {
		pos[i] = -1
	}
	unmetMust := make([]int, len(targets))
	for i, c := range targets {
		pos[c.index] = i
		for j, req := range c.Requirements {
			if req.Must && !base[i].Requirements[j].Met {
				unmetMust[i]++
			}
		}
	}
	delta := make([]float64, len(targets))
	fixed := make([]int, len(targets))
	seen := make([]bool, len(targets))
	touched := make([]int, 0, len(targets))
	for _, s := range r.skills {
		from := levels.Of(s)
		if from >= s.Scale.Top() {
			continue
		}
		touched = touched[:0]
		for _, ref := range r.refs[s.Index] {
			ci := pos[ref.company.index]
			if ci < 0 {
				continue
			}
			req := ref.company.Requirements[ref.req]
			old := base[ci].Requirements[ref.req]
			lvl := max(old.Level, from+1)
			if !seen[ci] {
				seen[ci] = true
				touched = append(touched, ci)
			}
			delta[ci] += req.Weight * (req.score(lvl) - old.Score)
			if req.Must && !old.Met && lvl >= req.Min {
				fixed[ci]++
			}
		}
		e := Effect{Skill: s}
		// Sum in target order, as nextSteps does, so that both give the
		// same figure to the last bit.
		sortInts(touched)
		for _, ci := range touched {
			c := targets[ci]
			gain := 100 * delta[ci] / c.totalWeight
			if gain > 1e-9 {
				e.Gain += gain
			}
			after := c.verdict(Round(base[ci].Raw+gain), unmetMust[ci] > fixed[ci])
			if after.Rank() > base[ci].Verdict.Rank() {
				e.Improved++
			}
			delta[ci], fixed[ci], seen[ci] = 0, 0, false
		}
		fn(e)
	}
}
