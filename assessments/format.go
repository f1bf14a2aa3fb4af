// Package assessments knows saved assessments: the readycheck/assessment/v1
// format, checking one against its rubric, and the store on disk (atomic
// writes, locks, listing and resuming).
package assessments

import (
	"fmt"
	"strings"
	"time"

	"github.com/readycheck/readycheck/rubric"
)

// Format is the value of the `format` field of every assessment file.
const Format = rubric.AssessmentFormat

// Status is where an assessment stands.
type Status string

// The statuses an assessment can have.
const (
	InProgress Status = "in-progress"
	Complete   Status = "complete"
)

// Person names a candidate or a reviewer. It is also the person of every
// JSON output (score, diff): {"name", "email"}.
type Person struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// RubricRef names the rubric an assessment was taken against. It is also
// the rubric of every JSON output: {"id", "version", "digest"} in score,
// diff and simulate, which always have the digest; a cohort report names
// its rubric by id and version only, with no digest.
type RubricRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Digest  string `json:"digest,omitempty"`
}

// Assessment is a candidate's self-rating against one rubric, with the
// mentors' reviews of it.
type Assessment struct {
	Candidate Person
	Rubric    RubricRef
	// Targets are the companies aimed at; empty means all, in rubric order.
	Targets []string
	Status  Status
	Started time.Time
	Updated time.Time
	// Answers are keyed by skill id.
	Answers map[string]*Answer
	Reviews []*Review
	// Postings are the job postings the candidate aims at, each drafted
	// into a company scored beside the rubric's (see WithPostings).
	Postings []Posting

	// order is the order answers are written in: the rubric's once Check
	// has run, else the file's.
	order []string
	// pos remembers where each answer's level and each rating's level
	// stood, for errors once the rubric is known.
	pos positions
}

// Answer is the candidate's answer for one skill.
type Answer struct {
	// Level is the chosen level, or rubric.Unanswered when the candidate
	// wrote a note but chose no level.
	Level    int
	Note     string
	Evidence []string
}

// Answered reports whether the answer has a level.
func (a *Answer) Answered() bool { return a != nil && a.Level >= 0 }

// Review is one mentor's review of an assessment; it never changes the answers.
type Review struct {
	Reviewer Person
	Started  time.Time
	Updated  time.Time
	// Ratings are keyed by skill id.
	Ratings map[string]*Rating
	Summary string

	order []string
}

// Rating is a mentor's own level for a skill, and a comment; either may be absent.
type Rating struct {
	// Level is rubric.Unanswered when the mentor only commented.
	Level   int
	Comment string
}

// Rated reports whether the rating has a level.
func (r *Rating) Rated() bool { return r != nil && r.Level >= 0 }

// New starts an assessment of a rubric for a candidate, at now.
func New(r *rubric.Rubric, candidate Person, targets []string, now time.Time) *Assessment {
	now = now.UTC().Truncate(time.Second)
	a := &Assessment{
		Candidate: candidate,
		Rubric:    RubricRef{ID: r.ID, Version: r.Version, Digest: r.Digest},
		Targets:   targets,
		Status:    InProgress,
		Started:   now,
		Updated:   now,
		Answers:   map[string]*Answer{},
	}
	a.setOrder(r)
	return a
}

func (a *Assessment) setOrder(r *rubric.Rubric) {
	a.order = a.order[:0]
	for _, s := range r.Skills() {
		a.order = append(a.order, s.ID)
	}
	for _, rv := range a.Reviews {
		rv.order = a.order
	}
}

// Levels returns the candidate's levels in the rubric's terms. Answers for
// skills the rubric lacks are ignored.
func (a *Assessment) Levels(r *rubric.Rubric) rubric.Levels {
	lv := r.NewLevels()
	for id, ans := range a.Answers {
		if s, ok := r.Skill(id); ok && ans.Answered() && ans.Level <= s.Scale.Top() {
			lv[s.Index] = ans.Level
		}
	}
	return lv
}

// TargetCompanies resolves the assessment's targets, or override when given,
// in rubric order. Unknown ids are an error naming them. Targets naming the
// assessment's postings are left out when r lacks them (r is then the
// rubric without the postings, not WithPostings' rubric).
func (a *Assessment) TargetCompanies(r *rubric.Rubric, override []string) ([]*rubric.Company, error) {
	ids := a.Targets
	if len(override) > 0 {
		ids = override
	} else if _, extended := r.Company(firstPosting(a)); !extended {
		ids = a.RubricTargets()
	}
	cs, unknown := r.Targets(ids)
	if len(unknown) > 0 {
		return nil, fmt.Errorf("unknown company %s in rubric %q; its companies are: %s",
			quoteList(unknown), r.ID, strings.Join(r.CompanyIDs(), ", "))
	}
	return cs, nil
}

func quoteList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}

// Answered counts the answers with a level.
func (a *Assessment) Answered() int {
	n := 0
	for _, ans := range a.Answers {
		if ans.Answered() {
			n++
		}
	}
	return n
}

// SetAnswer records an answer's level, keeping its note and evidence, and
// touches Updated.
func (a *Assessment) SetAnswer(skill string, level int, now time.Time) {
	ans := a.answer(skill)
	ans.Level = level
	a.Updated = now.UTC().Truncate(time.Second)
}

// SetNote records an answer's note and evidence, keeping its level, and
// touches Updated.
func (a *Assessment) SetNote(skill, note string, evidence []string, now time.Time) {
	ans := a.answer(skill)
	ans.Note = note
	ans.Evidence = evidence
	if ans.Level < 0 && note == "" && len(evidence) == 0 {
		delete(a.Answers, skill)
	}
	a.Updated = now.UTC().Truncate(time.Second)
}

func (a *Assessment) answer(skill string) *Answer {
	if a.Answers == nil {
		a.Answers = map[string]*Answer{}
	}
	ans, ok := a.Answers[skill]
	if !ok {
		ans = &Answer{Level: rubric.Unanswered}
		a.Answers[skill] = ans
	}
	return ans
}

// Review returns the last review by reviewer (names compared
// case-insensitively), or the last review of all when reviewer is "".
func (a *Assessment) Review(reviewer string) (*Review, bool) {
	for i := len(a.Reviews) - 1; i >= 0; i-- {
		rv := a.Reviews[i]
		if reviewer == "" || strings.EqualFold(rv.Reviewer.Name, reviewer) {
			return rv, true
		}
	}
	return nil, false
}

// MentorLevels returns the levels of a review's view: for each skill the
// review's rating where it has one, else the candidate's answer.
func (a *Assessment) MentorLevels(r *rubric.Rubric, rv *Review) rubric.Levels {
	lv := a.Levels(r)
	for id, rt := range rv.Ratings {
		if s, ok := r.Skill(id); ok && rt.Rated() && rt.Level <= s.Scale.Top() {
			lv[s.Index] = rt.Level
		}
	}
	return lv
}
