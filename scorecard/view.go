package scorecard

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/rubric"
)

// The views of an assessment.
const (
	ViewSelf   = "self"
	ViewMentor = "mentor"
	ViewBoth   = "both"
)

// ErrNoReview is returned for the mentor view of an assessment without a
// review (by the reviewer asked for).
var ErrNoReview = errors.New("no review")

// NewMentor scores the mentor view of an assessment: for each skill the
// selected review's rating where it has one, else the candidate's answer.
// The selected review is the last by reviewer (names compared
// case-insensitively), or the last of all when reviewer is "".
func NewMentor(a *assessments.Assessment, r *rubric.Rubric, companies []string, reviewer string, warnings ...string) (*Card, error) {
	rv, ok := a.Review(reviewer)
	if !ok {
		if reviewer != "" {
			return nil, fmt.Errorf("%w by %q in this assessment; leave out --reviewer for the last review, or check the name", ErrNoReview, reviewer)
		}
		return nil, fmt.Errorf("%w in this assessment yet: a mentor adds one with `readycheck review`; use --view self for the candidate's view", ErrNoReview)
	}
	c, err := New(a, r, companies, warnings...)
	if err != nil {
		return nil, err
	}
	targets, _ := a.TargetCompanies(r, companies)
	c.View, c.Review = ViewMentor, rv
	c.Result = r.Score(a.MentorLevels(r, rv), targets)
	return c, nil
}

// heading names whose readiness a card shows, and in whose view.
func (c *Card) heading() string {
	h := "Readiness of " + clean(c.Assessment.Candidate.Name)
	if c.Review != nil {
		h += ", as " + clean(c.Review.Reviewer.Name) + " rates it"
	}
	return h
}

// confirmed reports whether the review rates every skill a requirement names.
func (c *Card) confirmed(req *rubric.Requirement) bool {
	for _, s := range req.Skills {
		if !c.Review.Ratings[s.ID].Rated() {
			return false
		}
	}
	return true
}

// Gap is a skill the mentor rated 2 or more levels away from the candidate.
type Gap struct {
	Skill     string `json:"skill"`
	Title     string `json:"title"`
	Self      int    `json:"self"`
	Mentor    int    `json:"mentor"`
	Direction string `json:"direction"`
	// Unanswered is present, true, only when the candidate left the skill
	// unanswered: "self" is the 0 it counts as.
	Unanswered bool `json:"unanswered,omitempty"`
	// Comment is the mentor's comment on the skill, "" when none.
	Comment string `json:"comment"`
}

// Gaps lists the skills rated by the review whose two levels differ by 2 or
// more: "over" when the candidate rated higher, "under" when lower; larger
// differences first, then rubric order. An unanswered skill counts 0.
func Gaps(a *assessments.Assessment, r *rubric.Rubric, rv *assessments.Review) []Gap {
	self := a.Levels(r)
	gaps := []Gap{}
	for _, s := range r.Skills() {
		rt := rv.Ratings[s.ID]
		if !rt.Rated() || rt.Level > s.Scale.Top() {
			continue
		}
		mine := self.Of(s)
		d := mine - rt.Level
		if d >= 2 || d <= -2 {
			dir := "over"
			if d < 0 {
				dir = "under"
			}
			gaps = append(gaps, Gap{Skill: s.ID, Title: s.Title, Self: mine, Mentor: rt.Level, Direction: dir, Unanswered: self[s.Index] < 0, Comment: rt.Comment})
		}
	}
	sort.SliceStable(gaps, func(i, j int) bool {
		return abs(gaps[i].Self-gaps[i].Mentor) > abs(gaps[j].Self-gaps[j].Mentor)
	})
	return gaps
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Both is the two views of an assessment side by side, and their gaps.
type Both struct {
	Self   *Card
	Mentor *Card
	Gaps   []Gap
}

// NewBoth scores both views.
func NewBoth(a *assessments.Assessment, r *rubric.Rubric, companies []string, reviewer string, warnings ...string) (*Both, error) {
	mentor, err := NewMentor(a, r, companies, reviewer, warnings...)
	if err != nil {
		return nil, err
	}
	self, err := New(a, r, companies, warnings...)
	if err != nil {
		return nil, err
	}
	return &Both{Self: self, Mentor: mentor, Gaps: Gaps(a, r, mentor.Review)}, nil
}

// JSON is `{"self": …, "mentor": …, "gaps": […], "review": {…}}`,
// indented, with a final newline. The mentor object is the mentor view's,
// its own "review" included.
func (b *Both) JSON() ([]byte, error) {
	out, err := json.MarshalIndent(struct {
		Self   Report        `json:"self"`
		Mentor Report        `json:"mentor"`
		Gaps   []Gap         `json:"gaps"`
		Review *ReviewReport `json:"review"`
	}{b.Self.Report(), b.Mentor.Report(), b.Gaps, b.Mentor.reviewReport()}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(safetext.EscapeJSON(out), '\n'), nil
}
