// Package scorecard renders one assessment's readiness as a person or a
// script reads it: text for the terminal, Markdown for a mentor, and the
// JSON contract of `readycheck score`. It draws no screen; the TUI's results
// screen reuses its sentences and markers.
package scorecard

import (
	"fmt"
	"strings"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/rubric"
)

// Card is an assessment scored against its rubric.
type Card struct {
	Assessment *assessments.Assessment
	Rubric     *rubric.Rubric
	Result     rubric.Result
	// Warnings are the problems that did not stop scoring: answers for
	// skills the rubric lacks, a rubric changed since the assessment.
	Warnings []string
	// View is "self" (the candidate's answers) or "mentor" (a review's
	// ratings where it has them, else the answers).
	View string
	// Review is the review of the mentor view; nil for the self view.
	Review *assessments.Review
	// AnswerCommand, when set, is the command that answers the unanswered
	// skills (`readycheck --resume FILE`, or `readycheck review FILE` in the
	// mentor view): the note at the top of the report names it.
	AnswerCommand string
}

// New scores an assessment, already checked against r (a.Check), for its
// target companies, or for companies instead when any are given. Warnings
// from loading it may be passed in to be reported with the card's own.
func New(a *assessments.Assessment, r *rubric.Rubric, companies []string, warnings ...string) (*Card, error) {
	targets, err := a.TargetCompanies(r, companies)
	if err != nil {
		return nil, err
	}
	c := &Card{Assessment: a, Rubric: r, Warnings: append([]string{}, warnings...), View: ViewSelf}
	if a.Rubric.Digest != "" && a.Rubric.Digest != r.Digest {
		c.Warnings = append(c.Warnings, fmt.Sprintf("rubric %q has changed since this assessment was taken (its digest differs); the answers are scored against the rubric as it is now", r.ID))
	}
	c.Result = r.Score(a.Levels(r), targets)
	return c, nil
}

// summary says which rubric, how much of it is answered, and whether the
// assessment is finished, with parts joined by sep.
func (c *Card) summary(sep string) string {
	r := c.Rubric
	parts := []string{clean(r.Title)}
	if r.Version != "" {
		parts[0] += " (version " + clean(r.Version) + ")"
	}
	total := len(r.Skills())
	parts = append(parts, fmt.Sprintf("%d of %d skills answered", total-len(c.Result.Unanswered), total))
	if c.Assessment.Status == assessments.InProgress {
		parts = append(parts, "in progress")
	}
	return strings.Join(parts, sep)
}

// LevelName names a level of a scale with its number: "Capable (3)".
func LevelName(s *rubric.Scale, level int) string {
	return fmt.Sprintf("%s (%d)", clean(s.Label(level)), level)
}

// NotAnswered is what every report shows for a skill without an answer (in
// the mentor view: without an answer or a rating), in place of a level.
const NotAnswered = "not answered"

// UnansweredCount is how many skills have no answer (in the mentor view,
// neither an answer nor a rating); each counts as 0.
func (c *Card) UnansweredCount() int { return len(c.Result.Unanswered) }

// UnansweredNote is the unanswered skills' count as one line, for the top
// of a report: "2 skills not answered (counted as 0); to answer them, run
// `readycheck --resume ada.yaml`"; without an AnswerCommand it stops after
// the count. It is "" when every skill is answered.
func (c *Card) UnansweredNote() string {
	count, action := c.unanswered()
	if count == "" || c.AnswerCommand == "" {
		return count
	}
	return fmt.Sprintf("%s; %s, run `%s`", count, action, clean(c.AnswerCommand))
}

// unanswered is the note's parts: "2 skills not answered (counted as 0)"
// and "to answer them"; both "" when every skill is answered.
func (c *Card) unanswered() (count, action string) {
	n := c.UnansweredCount()
	if n == 0 {
		return "", ""
	}
	what, verb, skills, them := "not answered", "answer", "skill", "it"
	if c.Review != nil {
		what, verb = "neither answered nor rated", "rate"
	}
	if n > 1 {
		skills, them = "skills", "them"
	}
	return fmt.Sprintf("%d %s %s (counted as 0)", n, skills, what), "to " + verb + " " + them
}

// ReachedName is the level a requirement reached as shown: "Capable (3)",
// or "not answered" when none of its skills is answered.
func ReachedName(rr rubric.RequirementResult) string {
	if rr.Unanswered {
		return NotAnswered
	}
	return LevelName(rr.Requirement.Skills[0].Scale, rr.Level)
}

// NextStepSentence says a next step in words: "Raise SQL from Beginner to
// Capable: +12.5 points across 2 companies, unblocks DEPT®", or for a skill
// without an answer "Answer Testing (counted as 0 now): up to +75.0 points",
// with the figure answering it at the top of its scale would give.
func NextStepSentence(step rubric.NextStep) string {
	s := step.Skill
	var b strings.Builder
	if step.Unanswered {
		fmt.Fprintf(&b, "Answer %s (counted as 0 now):", clean(s.Title))
	} else {
		fmt.Fprintf(&b, "Raise %s from %s to %s:", clean(s.Title), clean(s.Scale.Label(step.From)), clean(s.Scale.Label(step.To)))
	}
	gain := rubric.Round(step.Gain)
	if step.Unanswered {
		gain = rubric.Round(step.UpTo)
	}
	if gain > 0 {
		if step.Unanswered {
			b.WriteString(" up to")
		}
		fmt.Fprintf(&b, " +%.1f points", gain)
		if n := step.Companies; n > 1 {
			fmt.Fprintf(&b, " across %d companies", n)
		}
	}
	if len(step.Unblocks) > 0 {
		names := make([]string, len(step.Unblocks))
		for i, c := range step.Unblocks {
			names[i] = clean(c.Name)
		}
		if gain > 0 {
			b.WriteString(",")
		}
		b.WriteString(" unblocks " + joinAnd(names))
	}
	return b.String()
}

// Blockers returns the titles of a company's must requirements that are
// unmet: what keeps its verdict at blocked.
func Blockers(cr rubric.CompanyResult) []string {
	var out []string
	for _, rr := range cr.Requirements {
		if rr.Requirement.Must && !rr.Met {
			out = append(out, clean(rr.Requirement.Title))
		}
	}
	return out
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// DraftedMark follows the name of a company drafted from a job posting.
const DraftedMark = "(drafted from a posting)"

// CompanyTitle is a company's name and role as shown, marked
// DraftedMark when it was drafted from a job posting.
func CompanyTitle(c *rubric.Company) string {
	t := companyName(c.Name, c.Role)
	if c.Source == rubric.SourcePosting {
		t += " " + DraftedMark
	}
	return t
}

func companyName(name, role string) string {
	if role == "" {
		return clean(name)
	}
	return clean(name) + " — " + clean(role)
}

// clean makes text from a file safe for a terminal or a document.
func clean(s string) string { return safetext.Clean(s) }

// The standings of a requirement, as Status returns them.
const (
	StatusMet     = "met"
	StatusPartial = "partial"
	StatusUnmet   = "unmet"
)

// Status is how a requirement stands: met, partial (some level, below the
// minimum) or unmet (level 0).
func Status(rr rubric.RequirementResult) string {
	switch {
	case rr.Met:
		return StatusMet
	case rr.Level > 0:
		return StatusPartial
	}
	return StatusUnmet
}

// VerdictWord is a verdict as people read it.
func VerdictWord(v rubric.Verdict) string {
	switch v {
	case rubric.Ready:
		return "ready"
	case rubric.Almost:
		return "almost"
	case rubric.NotYet:
		return "not yet"
	}
	return "blocked"
}

// VerdictMarker is the marker that carries a verdict without colour.
func VerdictMarker(v rubric.Verdict) string {
	switch v {
	case rubric.Ready:
		return "✓"
	case rubric.Almost:
		return "~"
	case rubric.NotYet:
		return "·"
	}
	return "✗"
}
