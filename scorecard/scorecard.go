// Package scorecard renders one assessment's readiness as a person or a
// script reads it: text for the terminal, Markdown for a mentor, and the
// JSON contract of `readycheck score`.
package scorecard

import (
	"fmt"
	"strings"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/yamlfile"
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
}

// New scores a checked assessment for its targets, or for companies when
// given. warnings from loading it may be passed in to be reported.
func New(a *assessments.Assessment, r *rubric.Rubric, companies []string, warnings ...string) (*Card, error) {
	targets, err := a.TargetCompanies(r, companies)
	if err != nil {
		return nil, err
	}
	c := &Card{Assessment: a, Rubric: r, Warnings: append([]string{}, warnings...)}
	if a.Rubric.Digest != "" && a.Rubric.Digest != r.Digest {
		c.Warnings = append(c.Warnings, fmt.Sprintf("rubric %q changed since this assessment was taken (its digest differs); answers for skills that still exist are scored", r.ID))
	}
	c.Result = r.Score(a.Levels(r), targets)
	return c, nil
}

// levelName is "Capable (3)".
func levelName(s *rubric.Scale, level int) string {
	return fmt.Sprintf("%s (%d)", clean(s.Label(level)), level)
}

// NextStepSentence says a next step in words: "Raise SQL from Beginner to
// Capable: +12.5 points across 2 companies, unblocks DEPT®".
func NextStepSentence(step rubric.NextStep) string {
	s := step.Skill
	var b strings.Builder
	fmt.Fprintf(&b, "Raise %s from %s to %s", clean(s.Title), clean(s.Scale.Label(step.From)), clean(s.Scale.Label(step.To)))
	if g := rubric.Round(step.Gain); g > 0 {
		fmt.Fprintf(&b, ": +%.1f points", g)
		if n := step.Companies; n > 1 {
			fmt.Fprintf(&b, " across %d companies", n)
		}
	} else {
		b.WriteString(":")
	}
	if len(step.Unblocks) > 0 {
		names := make([]string, len(step.Unblocks))
		for i, c := range step.Unblocks {
			names[i] = clean(c.Name)
		}
		if rubric.Round(step.Gain) > 0 {
			b.WriteString(",")
		}
		b.WriteString(" unblocks " + joinAnd(names))
	}
	return b.String()
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

// clean makes text from a file safe for a terminal or a document.
func clean(s string) string { return yamlfile.Clean(s) }

// Status is how a requirement stands: met, partial (some level, below the
// minimum) or unmet (nothing).
func Status(rr rubric.RequirementResult) string {
	switch {
	case rr.Met:
		return "met"
	case rr.Level > 0:
		return "partial"
	}
	return "unmet"
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
