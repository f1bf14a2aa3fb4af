package report

import (
	"math"
	"slices"
	"strings"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// tally holds the cohort's figures as one worker adds its files; the
// workers' tallies are merged at the end. Its size depends on the rubric,
// never on the number of files.
type tally struct {
	assessments int
	unreviewed  int
	companies   []companyTally // by rubric position
	skills      []skillTally   // by skill index
	unknown     map[string]int // skill id -> files naming it
	pos         map[*rubric.Company]int
}

type companyTally struct {
	candidates int
	verdicts   [4]int // by verdict rank
	readiness  counts // in tenths of a point
	unmet      []int  // by requirement
}

type skillTally struct {
	levels     []int
	unanswered int
	moves      int
	gain       sum
}

// sum adds floating-point numbers with Neumaier's compensation, so that the
// cohort's gains come out the same to the last shown decimal whichever
// worker added which file.
type sum struct{ s, c float64 }

func (x *sum) add(v float64) {
	t := x.s + v
	if math.Abs(x.s) >= math.Abs(v) {
		x.c += (x.s - t) + v
	} else {
		x.c += (v - t) + x.s
	}
	x.s = t
}

func (x *sum) merge(o sum) {
	x.add(o.s)
	x.add(o.c)
}

func (x sum) value() float64 { return x.s + x.c }

func newTally(r *rubric.Rubric) *tally {
	t := &tally{
		companies: make([]companyTally, len(r.Companies)),
		skills:    make([]skillTally, len(r.Skills())),
		unknown:   map[string]int{},
		pos:       make(map[*rubric.Company]int, len(r.Companies)),
	}
	for i, c := range r.Companies {
		t.pos[c] = i
		t.companies[i] = companyTally{readiness: newCounts(0, maxTenths), unmet: make([]int, len(c.Requirements))}
	}
	for _, s := range r.Skills() {
		t.skills[s.Index].levels = make([]int, s.Scale.Top()+1)
	}
	return t
}

// count adds one assessment: its levels, the results at its companies
// (targets, in rubric order), and the effect of raising each skill.
func (t *tally) count(r *rubric.Rubric, a *assessments.Assessment, levels rubric.Levels, targets []*rubric.Company, results []rubric.CompanyResult, fellBack bool) {
	t.assessments++
	if fellBack {
		t.unreviewed++
	}
	for i, cr := range results {
		ct := &t.companies[t.pos[targets[i]]]
		ct.candidates++
		ct.verdicts[cr.Verdict.Rank()]++
		ct.readiness.add(tenths(cr.Readiness))
		for j, rr := range cr.Requirements {
			if !rr.Met {
				ct.unmet[j]++
			}
		}
	}
	for _, s := range r.Skills() {
		if l := levels[s.Index]; l >= 0 {
			t.skills[s.Index].levels[l]++
		} else {
			t.skills[s.Index].unanswered++
		}
	}
	r.RaiseEffects(levels, targets, results, func(e rubric.Effect) {
		st := &t.skills[e.Skill.Index]
		if e.Improved > 0 {
			st.moves++
		}
		st.gain.add(e.Gain)
	})
	t.countUnknown(r, a)
}

// countUnknown counts, once per file, the skills that answers or ratings
// name and the rubric lacks.
func (t *tally) countUnknown(r *rubric.Rubric, a *assessments.Assessment) {
	// A set: a file may answer hundreds of thousands of unknown skills.
	var seen map[string]bool
	note := func(id string) {
		if _, ok := r.Skill(id); !ok && !seen[id] {
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[id] = true
			t.unknown[id]++
		}
	}
	for id := range a.Answers {
		note(id)
	}
	for _, rv := range a.Reviews {
		for id := range rv.Ratings {
			note(id)
		}
	}
}

func (t *tally) merge(o *tally) {
	t.assessments += o.assessments
	t.unreviewed += o.unreviewed
	for i := range t.companies {
		c, oc := &t.companies[i], &o.companies[i]
		c.candidates += oc.candidates
		for v := range c.verdicts {
			c.verdicts[v] += oc.verdicts[v]
		}
		c.readiness.merge(oc.readiness)
		for j := range c.unmet {
			c.unmet[j] += oc.unmet[j]
		}
	}
	for i := range t.skills {
		s, os := &t.skills[i], &o.skills[i]
		for l := range s.levels {
			s.levels[l] += os.levels[l]
		}
		s.unanswered += os.unanswered
		s.moves += os.moves
		s.gain.merge(os.gain)
	}
	for id, n := range o.unknown {
		t.unknown[id] += n
	}
}

// fill turns the merged tally into the report's figures, for the companies
// shown (targets, in rubric order).
func (rp *Report) fill(t *tally, shown []*rubric.Company) {
	r := rp.rubric
	rp.Assessments = t.assessments
	rp.Unreviewed = t.unreviewed
	rp.Companies = make([]Company, 0, len(shown))
	for _, c := range shown {
		ct := &t.companies[t.pos[c]]
		co := Company{
			ID:         c.ID,
			Name:       c.Name,
			Role:       c.Role,
			Almost:     c.Almost,
			Ready:      c.Ready,
			Candidates: ct.candidates,
			Verdicts: Verdicts{
				Ready:   ct.verdicts[rubric.Ready.Rank()],
				Almost:  ct.verdicts[rubric.Almost.Rank()],
				NotYet:  ct.verdicts[rubric.NotYet.Rank()],
				Blocked: ct.verdicts[rubric.Blocked.Rank()],
			},
			Readiness: ct.readiness.stats(),
			Histogram: ct.readiness.histogram(),
			Unmet:     []Unmet{},
		}
		for j, req := range c.Requirements {
			if n := ct.unmet[j]; n > 0 {
				co.Unmet = append(co.Unmet, Unmet{Requirement: req.ID, Title: req.Title, Must: req.Must, Count: n})
			}
		}
		// Stable: equal counts keep rubric order.
		slices.SortStableFunc(co.Unmet, func(a, b Unmet) int { return b.Count - a.Count })
		rp.Companies = append(rp.Companies, co)
	}

	rp.Skills = make([]SkillStats, len(r.Skills()))
	type step struct {
		index int
		NextStep
	}
	var steps []step
	for _, s := range r.Skills() {
		st := &t.skills[s.Index]
		ss := SkillStats{ID: s.ID, Title: s.Title, Levels: st.levels, Unanswered: st.unanswered}
		for _, l := range s.Scale.Levels {
			ss.Labels = append(ss.Labels, l.Label)
		}
		dist := counts{n: make([]int64, len(st.levels))}
		for l, n := range st.levels {
			dist.n[l] = int64(n)
			dist.total += int64(n)
		}
		if dist.total > 0 {
			m := rubric.Round(dist.percentile(0.5))
			ss.Median = &m
		}
		rp.Skills[s.Index] = ss
		if gain := st.gain.value(); st.moves > 0 || gain > 1e-9 {
			steps = append(steps, step{s.Index, NextStep{Skill: s.ID, Title: s.Title, Moves: st.moves, Gain: gain}})
		}
	}
	slices.SortFunc(steps, func(a, b step) int {
		if a.Moves != b.Moves {
			return b.Moves - a.Moves
		}
		if math.Abs(a.Gain-b.Gain) > 1e-9 {
			if a.Gain > b.Gain {
				return -1
			}
			return 1
		}
		return a.index - b.index
	})
	rp.NextSteps = make([]NextStep, 0, MaxNextSteps)
	for _, s := range steps[:min(len(steps), MaxNextSteps)] {
		s.Gain = rubric.Round(s.Gain)
		rp.NextSteps = append(rp.NextSteps, s.NextStep)
	}

	rp.UnknownSkills = make([]SkillFiles, 0, len(t.unknown))
	for id, n := range t.unknown {
		rp.UnknownSkills = append(rp.UnknownSkills, SkillFiles{Skill: id, Files: n})
	}
	slices.SortFunc(rp.UnknownSkills, func(a, b SkillFiles) int { return strings.Compare(a.Skill, b.Skill) })
}
