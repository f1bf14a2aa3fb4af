package scorecard

import (
	"encoding/json"
	"math"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/rubric"
)

// Report is the JSON object `readycheck score --format json` prints. Field
// names are a contract with users' scripts: fields may be added (a view, a
// reviewer; "confirmed" on RequirementReport), never renamed or removed.
// Lists are never nil, so that they encode as [] rather than null.
type Report struct {
	View       string                `json:"view"`
	Reviewer   *assessments.Person   `json:"reviewer,omitempty"`
	Candidate  assessments.Person    `json:"candidate"`
	Rubric     assessments.RubricRef `json:"rubric"`
	Companies  []CompanyReport       `json:"companies"`
	NextSteps  []NextStep            `json:"next_steps"`
	Unanswered []string              `json:"unanswered"`
	Warnings   []string              `json:"warnings"`
	// Review, in the mentor view only, is the review's own words.
	Review *ReviewReport `json:"review,omitempty"`
}

// ReviewReport is a mentor's review in JSON: who, when (null when the file
// does not say), the summary and the comments, in rubric order.
type ReviewReport struct {
	Reviewer assessments.Person `json:"reviewer"`
	Started  *time.Time         `json:"started"`
	Updated  *time.Time         `json:"updated"`
	Summary  string             `json:"summary"`
	Comments []SkillComment     `json:"comments"`
}

// SkillComment is a mentor's comment on one skill.
type SkillComment struct {
	Skill   string `json:"skill"`
	Comment string `json:"comment"`
}

// reviewReport is the review of a card, or nil for the self view.
func (c *Card) reviewReport() *ReviewReport {
	rv := c.Review
	if rv == nil {
		return nil
	}
	rep := &ReviewReport{Reviewer: rv.Reviewer, Started: timeOrNil(rv.Started),
		Updated: timeOrNil(rv.Updated), Summary: rv.Summary, Comments: []SkillComment{}}
	for _, s := range c.Rubric.Skills() {
		if rt := rv.Ratings[s.ID]; rt != nil && rt.Comment != "" {
			rep.Comments = append(rep.Comments, SkillComment{Skill: s.ID, Comment: rt.Comment})
		}
	}
	return rep
}

// timeOrNil is t, or nil (null in JSON) when it is zero.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// CompanyReport is one company's readiness in JSON.
type CompanyReport struct {
	ID           string              `json:"id"`
	Name         string              `json:"name"`
	Readiness    float64             `json:"readiness"`
	Verdict      rubric.Verdict      `json:"verdict"`
	Requirements []RequirementReport `json:"requirements"`
	// Source is "posting" for a company drafted from a job posting (score
	// --posting, or the assessment's postings), absent for the rubric's own.
	Source string `json:"source,omitempty"`
}

// RequirementReport is one requirement's standing in JSON.
type RequirementReport struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Skills   []string `json:"skills"`
	Level    int      `json:"level"`
	Required int      `json:"required"`
	// Score is min(level, required) / required, rounded to four decimals so
	// that 2/3 reads 0.6667 rather than a float's full expansion.
	Score  float64 `json:"score"`
	Met    bool    `json:"met"`
	Must   bool    `json:"must"`
	Weight float64 `json:"weight"`
	// Confirmed, in the mentor view only: the review rates every skill the
	// requirement names.
	Confirmed *bool `json:"confirmed,omitempty"`
	// Sentence is, for a company drafted from a posting, the posting's
	// sentence the requirement came from.
	Sentence string `json:"sentence,omitempty"`
}

// NextStep is one next step in JSON.
type NextStep struct {
	Skill    string   `json:"skill"`
	Title    string   `json:"title"`
	From     int      `json:"from"`
	To       int      `json:"to"`
	Gain     float64  `json:"gain"`
	Unblocks []string `json:"unblocks"`
	// Unanswered is present, true, only on the step of a skill without an
	// answer ("from" is then the 0 it counts as).
	Unanswered bool `json:"unanswered,omitempty"`
	// UpTo is, with unanswered, the gain of answering at the top of the
	// scale: the "up to" of the sentence ("gain" is the first level's).
	UpTo *float64 `json:"up_to,omitempty"`
}

// Report builds the JSON object of the card.
func (c *Card) Report() Report {
	a, r := c.Assessment, c.Rubric
	rep := Report{
		View:       c.View,
		Candidate:  a.Candidate,
		Rubric:     assessments.RubricRef{ID: r.ID, Version: r.Version, Digest: r.Digest},
		Companies:  []CompanyReport{},
		NextSteps:  []NextStep{},
		Unanswered: []string{},
		Warnings:   append([]string{}, c.Warnings...),
	}
	if c.Review != nil {
		reviewer := c.Review.Reviewer
		rep.Reviewer = &reviewer
		rep.Review = c.reviewReport()
	}
	for _, cr := range c.Result.Companies {
		co := CompanyReport{ID: cr.Company.ID, Name: cr.Company.Name, Readiness: cr.Readiness, Verdict: cr.Verdict, Requirements: []RequirementReport{}, Source: cr.Company.Source}
		for _, rr := range cr.Requirements {
			req := rr.Requirement
			ids := make([]string, len(req.Skills))
			for i, s := range req.Skills {
				ids[i] = s.ID
			}
			rq := RequirementReport{
				ID: req.ID, Title: req.Title, Skills: ids, Level: rr.Level, Required: req.Min,
				Score: math.Round(rr.Score*1e4) / 1e4, Met: rr.Met, Must: req.Must, Weight: req.Weight,
				Sentence: req.Sentence,
			}
			if c.Review != nil {
				confirmed := c.confirmed(req)
				rq.Confirmed = &confirmed
			}
			co.Requirements = append(co.Requirements, rq)
		}
		rep.Companies = append(rep.Companies, co)
	}
	for _, st := range c.Result.NextSteps {
		ns := NextStep{Skill: st.Skill.ID, Title: st.Skill.Title, From: st.From, To: st.To, Gain: rubric.Round(st.Gain), Unblocks: []string{}, Unanswered: st.Unanswered}
		if st.Unanswered {
			upTo := rubric.Round(st.UpTo)
			ns.UpTo = &upTo
		}
		for _, co := range st.Unblocks {
			ns.Unblocks = append(ns.Unblocks, co.ID)
		}
		rep.NextSteps = append(rep.NextSteps, ns)
	}
	for _, s := range c.Result.Unanswered {
		rep.Unanswered = append(rep.Unanswered, s.ID)
	}
	return rep
}

// JSON returns the card as indented JSON with a final newline.
func (c *Card) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(c.Report(), "", "  ")
	if err != nil {
		return nil, err
	}
	return append(safetext.EscapeJSON(b), '\n'), nil
}
