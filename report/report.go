// Package report computes a career center's cohort figures over many saved
// assessments of one rubric: per company the verdicts, readiness statistics,
// a histogram and the requirements most missed; per skill the levels
// reached; the training that would move most candidates; and the
// candidates themselves. It reads the files streamed and in parallel and
// keeps only the figures the report needs. Simulate previews how a changed
// rubric would move the same cohort's verdicts.
//
// It renders nothing: package cohortview writes a report or a preview as
// text, Markdown, CSV, JSON or a self-contained HTML page.
package report

import (
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// View says whose levels are scored.
type View string

// The views a report can take.
const (
	// Self scores the candidates' own answers.
	Self View = "self"
	// Mentor scores each assessment's last review: the mentor's rating
	// where there is one, else the candidate's answer. An assessment
	// without a review counts in the candidate's view.
	Mentor View = "mentor"
)

// Views lists the values of --view.
var Views = []View{Self, Mentor}

// MaxNextSteps is how many cohort next steps a report keeps.
const MaxNextSteps = 10

// Report is a cohort report. Its exported fields are the JSON contract of
// `readycheck report --format json`, but for the candidates, which are
// streamed by Candidates (there may be hundreds of thousands). Close
// releases the temporary files of large cohorts.
type Report struct {
	// Rubric is the rubric's id and version (no digest).
	Rubric assessments.RubricRef `json:"rubric"`
	View   View                  `json:"view"`
	// Assessments is the number of assessments counted.
	Assessments int          `json:"assessments"`
	Skipped     []Skipped    `json:"skipped"`
	Companies   []Company    `json:"companies"`
	Skills      []SkillStats `json:"skills"`
	NextSteps   []NextStep   `json:"next_steps"`

	// Title is the rubric's title.
	Title string `json:"-"`
	// Unreviewed counts, in the mentor view, the assessments without a
	// review, counted in the candidate's view.
	Unreviewed int `json:"-"`
	// UnknownSkills are the skills that answers name and the rubric lacks
	// (ignored when scoring), with how many files name each, by id.
	UnknownSkills []SkillFiles `json:"-"`
	// OtherRubrics are the rubrics other than the report's that skipped
	// files were taken against, with how many files each, most first.
	OtherRubrics []RubricFiles `json:"-"`
	// Anonymized is true when names were replaced and file names dropped.
	Anonymized bool `json:"-"`

	rubric   *rubric.Rubric
	roster   *roster
	problems []Skipped
}

// Problems lists the skipped files with their paths and reasons, also when
// the report is anonymized: for the person who runs the report.
func (rp *Report) Problems() []Skipped { return rp.problems }

// Skipped is a file left out of the report, and why.
type Skipped struct {
	// File is the path, "" in an anonymized report.
	File string `json:"file"`
	// Error holds the reasons, one FILE:LINE:COL line each (LINE:COL in an
	// anonymized report).
	Error string `json:"error"`

	// reason is the one problem's message, without its place, for grouping
	// files skipped for the same reason; "" when there are several.
	reason string
}

// Company is one company's figures over the candidates who count for it.
type Company struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Candidates int      `json:"candidates"`
	Verdicts   Verdicts `json:"verdicts"`
	// Readiness is nil when no candidate counts for the company.
	Readiness *Stats `json:"readiness"`
	// Histogram counts readiness in bins 0-9.9, 10-19.9, ..., 90-99.9, 100.
	Histogram [11]int `json:"histogram"`
	// Unmet lists the requirements that one candidate or more misses,
	// most missed first, then in rubric order.
	Unmet []Unmet `json:"unmet"`

	// Role is the company's role, for headings.
	Role string `json:"-"`
	// Almost and Ready are the company's verdict thresholds.
	Almost float64 `json:"-"`
	Ready  float64 `json:"-"`
}

// Verdicts counts a company's candidates by verdict.
type Verdicts struct {
	Ready   int `json:"ready"`
	Almost  int `json:"almost"`
	NotYet  int `json:"not-yet"`
	Blocked int `json:"blocked"`
}

// Of returns the count of one verdict.
func (v Verdicts) Of(verdict rubric.Verdict) int {
	switch verdict {
	case rubric.Ready:
		return v.Ready
	case rubric.Almost:
		return v.Almost
	case rubric.NotYet:
		return v.NotYet
	}
	return v.Blocked
}

// VerdictOrder lists the verdicts best first, as reports show them.
var VerdictOrder = []rubric.Verdict{rubric.Ready, rubric.Almost, rubric.NotYet, rubric.Blocked}

// Stats are readiness statistics: quartiles and median interpolate linearly
// between closest ranks (PERCENTILE.INC), every figure rounded to one decimal.
type Stats struct {
	Min    float64 `json:"min"`
	P25    float64 `json:"p25"`
	Median float64 `json:"median"`
	P75    float64 `json:"p75"`
	Max    float64 `json:"max"`
	Mean   float64 `json:"mean"`
}

// Unmet is how many of a company's candidates miss one requirement.
type Unmet struct {
	Requirement string `json:"requirement"`
	Title       string `json:"title"`
	Must        bool   `json:"must"`
	Count       int    `json:"count"`
}

// SkillStats is how the cohort stands on one skill.
type SkillStats struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Levels counts the candidates at each level of the skill's scale.
	Levels     []int `json:"levels"`
	Unanswered int   `json:"unanswered"`
	// Median is the median level of those who answered, nil when nobody did.
	Median *float64 `json:"median"`

	// Labels are the scale's labels, by level.
	Labels []string `json:"-"`
}

// NextStep is a training that would move the cohort: one skill raised by
// one level for every candidate below the top of its scale.
type NextStep struct {
	Skill string `json:"skill"`
	Title string `json:"title"`
	// Moves counts the candidates whose verdict improves at one of their
	// companies or more.
	Moves int `json:"moves"`
	// Gain is the sum over candidates of their next-step gain for the skill.
	Gain float64 `json:"gain"`
}

// SkillFiles is a skill id with the number of files that name it.
type SkillFiles struct {
	Skill string `json:"skill"`
	Files int    `json:"files"`
}

// Candidate is one assessment's line in the report.
type Candidate struct {
	Name string `json:"name"`
	// File is "" in an anonymized report.
	File   string `json:"file"`
	Status string `json:"status"`
	// Updated is the assessment's last change (the file's modification
	// time when the file does not say).
	Updated   time.Time          `json:"-"`
	Companies []CandidateCompany `json:"companies"`
}

// StandingAt is the candidate's standing at the company with that id, and
// whether they count for it: how a report's companies, in columns, find
// each candidate's cell.
func (c Candidate) StandingAt(id string) (CandidateCompany, bool) {
	for _, cc := range c.Companies {
		if cc.ID == id {
			return cc, true
		}
	}
	return CandidateCompany{}, false
}

// CandidateCompany is a candidate's standing at one company they count for.
type CandidateCompany struct {
	ID        string         `json:"id"`
	Readiness float64        `json:"readiness"`
	Verdict   rubric.Verdict `json:"verdict"`

	// Name is the company's name.
	Name string `json:"-"`
	// Met and Unmet count the company's requirements.
	Met   int `json:"-"`
	Unmet int `json:"-"`
	// BlockedBy lists the ids of the unmet must requirements.
	BlockedBy []string `json:"-"`
}

// Candidates calls fn for every candidate, by name (case-insensitively)
// then file; with Anonymized, in the order Options.Seed draws, named
// "Candidate 1", "Candidate 2", ... in that order, with files "". It stops
// at fn's first error.
func (rp *Report) Candidates(fn func(Candidate) error) error {
	i := 0
	return rp.roster.each(func(row []byte) error {
		i++
		c := decodeRow(row, rp.rubric)
		if rp.Anonymized {
			c.Name = anonymousName(i)
			c.File = ""
		}
		return fn(c)
	})
}

// Close removes the report's temporary files.
func (rp *Report) Close() error { return rp.roster.close() }

// ScoredRubric is the rubric the report scored the assessments against:
// its categories, skills and scales, for the renderings.
func (rp *Report) ScoredRubric() *rubric.Rubric { return rp.rubric }
