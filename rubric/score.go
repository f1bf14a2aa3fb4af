package rubric

import (
	"math"
	"slices"
)

// Verdict is a company's readiness verdict.
type Verdict string

// The verdicts, from worst to best.
const (
	Blocked Verdict = "blocked"
	NotYet  Verdict = "not-yet"
	Almost  Verdict = "almost"
	Ready   Verdict = "ready"
)

// Rank orders verdicts: blocked < not-yet < almost < ready.
func (v Verdict) Rank() int {
	switch v {
	case NotYet:
		return 1
	case Almost:
		return 2
	case Ready:
		return 3
	}
	return 0
}

// MaxNextSteps is how many next steps a result keeps.
const MaxNextSteps = 5

// Levels holds a candidate's level per skill, indexed by Skill.Index. A
// negative value means unanswered, which scores as 0.
type Levels []int

// Unanswered marks a skill without an answer in Levels.
const Unanswered = -1

// NewLevels returns levels for the rubric with every skill unanswered.
func (r *Rubric) NewLevels() Levels {
	l := make(Levels, len(r.skills))
	for i := range l {
		l[i] = Unanswered
	}
	return l
}

// Of returns the level counted for a skill: its answer, or 0.
func (l Levels) Of(s *Skill) int {
	if v := l[s.Index]; v > 0 {
		return v
	}
	return 0
}

// Result is a candidate's readiness against the target companies.
type Result struct {
	Companies  []CompanyResult
	NextSteps  []NextStep
	Unanswered []*Skill
}

// CompanyResult is the readiness for one company.
type CompanyResult struct {
	Company *Company
	// Readiness is the percentage rounded to one decimal, halves away from zero.
	Readiness float64
	// Raw is the unrounded percentage.
	Raw          float64
	Verdict      Verdict
	Requirements []RequirementResult
}

// RequirementResult is how a candidate stands on one requirement.
type RequirementResult struct {
	Requirement *Requirement
	Level       int
	Score       float64
	Met         bool
	// Unanswered is true when no skill the requirement names is answered:
	// its level counts 0 but is no answer.
	Unanswered bool
}

// NextStep is the effect of raising one skill by one level.
type NextStep struct {
	Skill *Skill
	From  int
	To    int
	// Gain is the sum over target companies of the unrounded readiness increase.
	Gain float64
	// Companies counts the target companies whose readiness rises.
	Companies int
	Unblocks  []*Company
	// Unanswered is true when the skill has no answer: From is the 0 it
	// counts as, and the step is to answer it.
	Unanswered bool
	// UpTo is, for an unanswered skill, the gain of answering it at the
	// top of its scale: the most that answering can bring, where Gain is
	// what its first level brings. 0 for an answered skill.
	UpTo float64
}

// Round rounds to one decimal, halves away from zero. The value is first
// snapped to nine decimals so that binary noise (72.249999999) does not
// decide a half.
func Round(x float64) float64 {
	x = math.Round(x*1e9) / 1e9
	return math.Round(x*10) / 10
}

// Targets resolves company ids to companies in rubric order; empty means all.
// Unknown ids are returned apart.
func (r *Rubric) Targets(ids []string) (companies []*Company, unknown []string) {
	if len(ids) == 0 {
		return r.Companies, nil
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		if _, ok := r.compByID[id]; !ok {
			unknown = append(unknown, id)
		}
		want[id] = true
	}
	for _, c := range r.Companies {
		if want[c.ID] {
			companies = append(companies, c)
		}
	}
	return companies, unknown
}

// Score applies the scoring rules to a candidate's levels for the target companies.
func (r *Rubric) Score(levels Levels, targets []*Company) Result {
	res := Result{Companies: make([]CompanyResult, len(targets))}
	for i, c := range targets {
		res.Companies[i] = scoreCompany(c, levels)
	}
	for _, s := range r.skills {
		if levels[s.Index] < 0 {
			res.Unanswered = append(res.Unanswered, s)
		}
	}
	res.NextSteps = r.nextSteps(levels, targets, res.Companies)
	return res
}

// scoreCompany scores one company.
func scoreCompany(c *Company, levels Levels) CompanyResult {
	cr := CompanyResult{Company: c, Requirements: make([]RequirementResult, len(c.Requirements))}
	var sum, weights float64
	blocked := false
	for i, req := range c.Requirements {
		lvl := req.level(levels)
		rr := RequirementResult{Requirement: req, Level: lvl, Score: req.score(lvl), Met: lvl >= req.Min, Unanswered: req.unanswered(levels)}
		cr.Requirements[i] = rr
		sum += req.Weight * rr.Score
		weights += req.Weight
		if req.Must && !rr.Met {
			blocked = true
		}
	}
	// sum ≤ weights, as every score is at most 1: the ratio is at most 1
	// before it is scaled, whatever the weights.
	cr.Raw = 100 * (sum / weights)
	cr.Readiness = Round(cr.Raw)
	cr.Verdict = c.verdict(cr.Readiness, blocked)
	return cr
}

func (c *Company) verdict(rounded float64, blocked bool) Verdict {
	switch {
	case blocked:
		return Blocked
	case rounded >= c.Ready:
		return Ready
	case rounded >= c.Almost:
		return Almost
	}
	return NotYet
}

// level is the requirement's level: its skill's, or the best among any_of.
func (req *Requirement) level(levels Levels) int {
	best := 0
	for _, s := range req.Skills {
		if v := levels.Of(s); v > best {
			best = v
		}
	}
	return best
}

// unanswered reports whether no skill of the requirement is answered.
func (req *Requirement) unanswered(levels Levels) bool {
	for _, s := range req.Skills {
		if levels[s.Index] >= 0 {
			return false
		}
	}
	return true
}

func (req *Requirement) score(level int) float64 {
	return float64(min(level, req.Min)) / float64(req.Min)
}

// nextSteps computes, for each skill below the top of its scale, the effect
// of raising it by one level, keeping the best MaxNextSteps.
func (r *Rubric) nextSteps(levels Levels, targets []*Company, base []CompanyResult) []NextStep {
	steps := make([]NextStep, 0, MaxNextSteps)
	rs := r.newRaises(levels, targets, base)
	for {
		s, from, ok := rs.next()
		if !ok {
			break
		}
		step := NextStep{Skill: s, From: from, To: from + 1, Unanswered: levels[s.Index] < 0}
		for _, ci := range rs.touched {
			gain, blocked := rs.effect(ci)
			if gain > 1e-9 {
				step.Gain += gain
				step.Companies++
			}
			if base[ci].Verdict == Blocked && !blocked {
				step.Unblocks = append(step.Unblocks, targets[ci])
			}
		}
		if step.Gain <= 1e-9 && len(step.Unblocks) == 0 {
			continue
		}
		steps = keepBest(steps, step)
	}
	for i := range steps {
		if steps[i].Unanswered {
			steps[i].UpTo = answerGain(levels, targets, base, steps[i].Skill)
		}
	}
	return steps
}

// answerGain is the sum over the targets of the readiness gained by
// answering s at the top of its scale.
func answerGain(levels Levels, targets []*Company, base []CompanyResult, s *Skill) float64 {
	top := append(Levels(nil), levels...)
	top[s.Index] = s.Scale.Top()
	gain := 0.0
	for i, c := range targets {
		for _, req := range c.Requirements {
			if slices.Contains(req.Skills, s) {
				gain += scoreCompany(c, top).Raw - base[i].Raw
				break
			}
		}
	}
	return gain
}

// raises walks the skills below the top of their scale, in rubric order,
// with the effect of raising each by one level at the target companies
// that require it. Only the requirements that name a skill can change when
// it is raised, so each skill visits just those (r.refs), never every
// requirement of every company. Next steps and the cohort report's effects
// both come from it, so that they agree to the last bit.
type raises struct {
	r       *Rubric
	levels  Levels
	targets []*Company
	base    []CompanyResult
	// pos maps a company's rubric position to its place among the targets.
	pos       []int
	unmetMust []int
	delta     []float64
	fixed     []int
	seen      []bool
	i         int

	// touched holds the places among the targets of the companies that
	// require the skill, in target order (so that sums come out the same
	// whoever adds them); effect tells what the raise does at each.
	touched []int
}

// newRaises starts a walk; base holds the targets' results at levels.
func (r *Rubric) newRaises(levels Levels, targets []*Company, base []CompanyResult) *raises {
	n := len(targets)
	rs := &raises{r: r, levels: levels, targets: targets, base: base,
		pos: make([]int, len(r.Companies)), unmetMust: make([]int, n), delta: make([]float64, n),
		fixed: make([]int, n), seen: make([]bool, n), touched: make([]int, 0, n)}
	for i := range rs.pos {
		rs.pos[i] = -1
	}
	for i, c := range targets {
		rs.pos[c.index] = i
		for j, req := range c.Requirements {
			if req.Must && !base[i].Requirements[j].Met {
				rs.unmetMust[i]++
			}
		}
	}
	return rs
}

// next moves to the next skill below the top of its scale and returns it
// with its level; ok is false at the end.
func (rs *raises) next() (s *Skill, from int, ok bool) {
	for _, ci := range rs.touched {
		rs.delta[ci], rs.fixed[ci], rs.seen[ci] = 0, 0, false
	}
	rs.touched = rs.touched[:0]
	for ; rs.i < len(rs.r.skills); rs.i++ {
		s = rs.r.skills[rs.i]
		from = rs.levels.Of(s)
		if from >= s.Scale.Top() {
			continue
		}
		for _, ref := range rs.r.refs[s.Index] {
			ci := rs.pos[ref.company.index]
			if ci < 0 {
				continue
			}
			req := ref.company.Requirements[ref.req]
			old := rs.base[ci].Requirements[ref.req]
			lvl := max(old.Level, from+1)
			if !rs.seen[ci] {
				rs.seen[ci] = true
				rs.touched = append(rs.touched, ci)
			}
			rs.delta[ci] += req.Weight * (req.score(lvl) - old.Score)
			if req.Must && !old.Met && lvl >= req.Min {
				rs.fixed[ci]++
			}
		}
		sortInts(rs.touched)
		rs.i++
		return s, from, true
	}
	return nil, 0, false
}

// effect is what the current raise does at the target in place ci of
// touched: the unrounded readiness gain, and whether a must requirement is
// still unmet after it.
func (rs *raises) effect(ci int) (gain float64, blocked bool) {
	return 100 * rs.delta[ci] / rs.targets[ci].totalWeight, rs.unmetMust[ci] > rs.fixed[ci]
}

// better orders next steps: more companies unblocked first, then more gain,
// then rubric order.
func better(a, b NextStep) bool {
	if len(a.Unblocks) != len(b.Unblocks) {
		return len(a.Unblocks) > len(b.Unblocks)
	}
	if math.Abs(a.Gain-b.Gain) > 1e-9 {
		return a.Gain > b.Gain
	}
	return a.Skill.Index < b.Skill.Index
}

// keepBest inserts step into the sorted list of the best MaxNextSteps,
// without sorting every candidate (a 2,000-skill rubric has 2,000).
func keepBest(best []NextStep, step NextStep) []NextStep {
	if len(best) == MaxNextSteps && !better(step, best[len(best)-1]) {
		return best
	}
	i := len(best)
	for i > 0 && better(step, best[i-1]) {
		i--
	}
	if len(best) < MaxNextSteps {
		best = append(best, NextStep{})
	}
	copy(best[i+1:], best[i:len(best)-1])
	best[i] = step
	return best
}

// sortInts sorts a short slice in place (insertion sort: touched lists
// hold a handful of companies).
func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
