package report

import (
	"context"
	"slices"
	"strings"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// SimulateOptions names the two rubrics a simulation compares.
type SimulateOptions struct {
	// Baseline is the rubric the assessments were taken against.
	Baseline *rubric.Rubric
	// Rubric is the changed rubric. Its id may differ from the baseline's
	// (a career center may rename its rubric): the assessments are then
	// scored against it as if they named it, and the reports say so.
	Rubric  *rubric.Rubric
	View    View
	Workers int
	// FollowSymlinks is as in Options.
	FollowSymlinks bool
}

// Simulation is how a changed rubric would move a cohort's verdicts. Its
// exported fields are the JSON contract of `readycheck simulate --format json`.
type Simulation struct {
	Baseline RubricDigest `json:"baseline"`
	Rubric   RubricDigest `json:"rubric"`
	View     View         `json:"view"`
	// Assessments is the number of assessments scored against both rubrics.
	Assessments int       `json:"assessments"`
	Skipped     []Skipped `json:"skipped"`
	// Companies are those in both rubrics, in the new rubric's order.
	Companies []SimCompany `json:"companies"`
	// AddedCompanies are in the new rubric only, RemovedCompanies in the
	// baseline only.
	AddedCompanies   []CompanyRef `json:"added_companies"`
	RemovedCompanies []CompanyRef `json:"removed_companies"`
	// MissingSkills are the skills that answers name and the new rubric
	// lacks, with how many files answer each, by id.
	MissingSkills []SkillFiles `json:"missing_skills"`

	// OtherRubrics are the rubrics other than the baseline that skipped
	// files were taken against, with how many files each, most first.
	OtherRubrics []RubricFiles `json:"-"`

	// Unreviewed counts, in the mentor view, the assessments without a
	// review, counted in the candidate's view.
	Unreviewed int `json:"-"`
}

// RubricDigest names one of the rubrics of a simulation.
type RubricDigest struct {
	assessments.RubricRef

	// Title is the rubric's title; File where it was loaded from.
	Title string `json:"-"`
	File  string `json:"-"`
}

// CompanyRef names a company.
type CompanyRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// SimCompany is how one company's verdicts move.
type SimCompany struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Candidates counts the assessments that count for the company under
	// both rubrics (their targets, empty meaning all).
	Candidates  int          `json:"candidates"`
	Transitions []Transition `json:"transitions"`
	// ReadinessChange summarises the candidates' change of readiness (new
	// minus baseline, each rounded first); nil when there are none.
	ReadinessChange *Change `json:"readiness_change"`
	// Changed lists the candidates whose verdict changes, by name then file.
	Changed []Changed `json:"changed"`
}

// Transition counts the candidates whose verdict goes from one to another
// (the same verdict included), best verdicts first.
type Transition struct {
	From  rubric.Verdict `json:"from"`
	To    rubric.Verdict `json:"to"`
	Count int            `json:"count"`
}

// Change is the median (PERCENTILE.INC) and mean of a readiness change,
// rounded to one decimal.
type Change struct {
	Median float64 `json:"median"`
	Mean   float64 `json:"mean"`
}

// Changed is a candidate whose verdict changes at a company.
type Changed struct {
	Name          string         `json:"name"`
	File          string         `json:"file"`
	From          rubric.Verdict `json:"from"`
	To            rubric.Verdict `json:"to"`
	ReadinessFrom float64        `json:"readiness_from"`
	ReadinessTo   float64        `json:"readiness_to"`
}

// Matrix returns the count of every pair of verdicts, best first:
// counts[from][to], indexed by VerdictOrder.
func (c SimCompany) Matrix() [4][4]int {
	var m [4][4]int
	for _, t := range c.Transitions {
		m[orderIndex(t.From)][orderIndex(t.To)] = t.Count
	}
	return m
}

func orderIndex(v rubric.Verdict) int { return 3 - v.Rank() }

// simTally holds one worker's figures.
type simTally struct {
	assessments int
	unreviewed  int
	companies   map[string]*simCompanyTally
	missing     map[string]int
}

type simCompanyTally struct {
	candidates int
	moves      [4][4]int // by rank, from and to
	change     counts    // new minus baseline readiness, in tenths
	changed    []Changed
}

func newSimTally() *simTally {
	return &simTally{companies: map[string]*simCompanyTally{}, missing: map[string]int{}}
}

func (t *simTally) company(id string) *simCompanyTally {
	c, ok := t.companies[id]
	if !ok {
		c = &simCompanyTally{change: newCounts(-maxTenths, maxTenths)}
		t.companies[id] = c
	}
	return c
}

// Simulate scores the assessment files under paths against the baseline
// and the new rubric and tallies how verdicts move. Files that cannot be
// scored against both are skipped and listed, as Read does.
func Simulate(ctx context.Context, opts SimulateOptions, paths ...string) (*Simulation, error) {
	if opts.View == "" {
		opts.View = Self
	}
	var tallies []*simTally
	newReader := func() func(job) (struct{}, *skip) {
		t := newSimTally()
		tallies = append(tallies, t)
		return func(j job) (struct{}, *skip) { return struct{}{}, simulateFile(j, opts, t) }
	}
	skips, err := collect(ctx, opts.Workers, opts.FollowSymlinks, paths, newReader, func(struct{}) error { return nil })
	if err != nil {
		return nil, err
	}
	base, next := opts.Baseline, opts.Rubric
	sim := &Simulation{
		Baseline:         digestOf(base),
		Rubric:           digestOf(next),
		View:             opts.View,
		Skipped:          skippedList(skips, false),
		OtherRubrics:     otherRubrics(skips),
		Companies:        []SimCompany{},
		AddedCompanies:   []CompanyRef{},
		RemovedCompanies: []CompanyRef{},
		MissingSkills:    []SkillFiles{},
	}
	total := newSimTally()
	for _, t := range tallies {
		sim.Assessments += t.assessments
		sim.Unreviewed += t.unreviewed
		for id, c := range t.companies {
			tc := total.company(id)
			tc.candidates += c.candidates
			for i := range tc.moves {
				for j := range tc.moves[i] {
					tc.moves[i][j] += c.moves[i][j]
				}
			}
			tc.change.merge(c.change)
			tc.changed = append(tc.changed, c.changed...)
		}
		for id, n := range t.missing {
			total.missing[id] += n
		}
	}
	for _, c := range next.Companies {
		if _, ok := base.Company(c.ID); !ok {
			sim.AddedCompanies = append(sim.AddedCompanies, CompanyRef{ID: c.ID, Name: c.Name})
			continue
		}
		sc := SimCompany{ID: c.ID, Name: c.Name, Transitions: []Transition{}, Changed: []Changed{}}
		if tc, ok := total.companies[c.ID]; ok {
			sc.Candidates = tc.candidates
			for _, from := range VerdictOrder {
				for _, to := range VerdictOrder {
					if n := tc.moves[from.Rank()][to.Rank()]; n > 0 {
						sc.Transitions = append(sc.Transitions, Transition{From: from, To: to, Count: n})
					}
				}
			}
			if tc.change.total > 0 {
				sc.ReadinessChange = &Change{
					Median: rubric.Round(tc.change.percentile(0.5) / 10),
					Mean:   rubric.Round(float64(tc.change.sum) / float64(tc.change.total) / 10),
				}
			}
			slices.SortFunc(tc.changed, compareChanged)
			sc.Changed = append(sc.Changed, tc.changed...)
		}
		sim.Companies = append(sim.Companies, sc)
	}
	for _, c := range base.Companies {
		if _, ok := next.Company(c.ID); !ok {
			sim.RemovedCompanies = append(sim.RemovedCompanies, CompanyRef{ID: c.ID, Name: c.Name})
		}
	}
	for id, n := range total.missing {
		sim.MissingSkills = append(sim.MissingSkills, SkillFiles{Skill: id, Files: n})
	}
	slices.SortFunc(sim.MissingSkills, func(a, b SkillFiles) int { return strings.Compare(a.Skill, b.Skill) })
	return sim, nil
}

func digestOf(r *rubric.Rubric) RubricDigest {
	return RubricDigest{RubricRef: assessments.RubricRef{ID: r.ID, Version: r.Version, Digest: r.Digest}, Title: r.Title, File: r.File}
}

func compareChanged(a, b Changed) int {
	if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(a.File, b.File)
}

// simulateFile scores one file against both rubrics into t; it returns why
// the file is skipped, or nil.
func simulateFile(j job, opts SimulateOptions, t *simTally) *skip {
	base, next := opts.Baseline, opts.Rubric
	if j.err != nil {
		return &skip{file: j.path, problems: yamlfile.Problems{{File: j.path, Message: assessments.WalkProblem(j.err)}}}
	}
	a, before, fellBack, problems := load(j.path, base, opts.View)
	if problems != nil {
		return skipLoad(j.path, a, base, problems)
	}
	rubricTargets := a.RubricTargets()
	baseTargets, unknown := base.Targets(rubricTargets)
	if len(unknown) > 0 {
		return &skip{file: j.path, problems: unknownTargets(j.path, base, unknown, "fix the targets")}
	}
	baseResults := base.ScoreCompanies(before, baseTargets)

	// The same answers against the new rubric: its scales resolve labels
	// again, and its id stands in for the baseline's.
	a.Rubric.ID = next.ID
	if errs := a.Check(next).Errors(); len(errs) > 0 {
		for i := range errs {
			errs[i].Message = "with the new rubric, " + errs[i].Message
		}
		return &skip{file: j.path, problems: errs}
	}
	after := a.Levels(next)
	if opts.View == Mentor {
		if rv, ok := a.Review(""); ok {
			after = a.MentorLevels(next, rv)
		}
	}
	var ids []string
	for _, id := range rubricTargets {
		if _, ok := next.Company(id); ok {
			ids = append(ids, id)
		}
	}
	nextTargets := next.Companies
	if len(rubricTargets) > 0 {
		// Targets the new rubric lacks are removed companies.
		nextTargets, _ = next.Targets(ids)
		if len(ids) == 0 {
			nextTargets = nil
		}
	}
	nextResults := next.ScoreCompanies(after, nextTargets)

	t.assessments++
	if fellBack {
		t.unreviewed++
	}
	for _, id := range missingSkills(a, next) {
		t.missing[id]++
	}
	for _, nr := range nextResults {
		i := slices.IndexFunc(baseResults, func(br rubric.CompanyResult) bool { return br.Company.ID == nr.Company.ID })
		if i < 0 {
			continue
		}
		br := baseResults[i]
		c := t.company(nr.Company.ID)
		c.candidates++
		c.moves[br.Verdict.Rank()][nr.Verdict.Rank()]++
		c.change.add(tenths(nr.Readiness) - tenths(br.Readiness))
		if br.Verdict != nr.Verdict {
			c.changed = append(c.changed, Changed{
				Name: a.Candidate.Name, File: j.path,
				From: br.Verdict, To: nr.Verdict,
				ReadinessFrom: br.Readiness, ReadinessTo: nr.Readiness,
			})
		}
	}
	return nil
}

// missingSkills lists the skills an assessment answers that r lacks.
func missingSkills(a *assessments.Assessment, r *rubric.Rubric) []string {
	var out []string
	for id := range a.Answers {
		if _, ok := r.Skill(id); !ok {
			out = append(out, id)
		}
	}
	return out
}
