package scorecard

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
)

// mentorName is the reviewer's name as shown.
func (b *Both) mentorName() string {
	return clean(b.Mentor.Review.Reviewer.Name)
}

// rows pairs each company's two results.
func (b *Both) rows() [][2]rubric.CompanyResult {
	out := make([][2]rubric.CompanyResult, len(b.Self.Result.Companies))
	for i := range out {
		out[i] = [2]rubric.CompanyResult{b.Self.Result.Companies[i], b.Mentor.Result.Companies[i]}
	}
	return out
}

// comments lists the mentor's comments in rubric order: skill title and comment.
func (b *Both) comments() [][2]string {
	var out [][2]string
	for _, s := range b.Self.Rubric.Skills() {
		if rt := b.Mentor.Review.Ratings[s.ID]; rt != nil && rt.Comment != "" {
			out = append(out, [2]string{s.Title, rt.Comment})
		}
	}
	return out
}

func (b *Both) gapLine(g Gap) string {
	s, _ := b.Self.Rubric.Skill(g.Skill)
	if g.Unanswered {
		return fmt.Sprintf("%s: %s (counted as 0) vs %s", clean(g.Title), NotAnswered, LevelName(s.Scale, g.Mentor))
	}
	word := "rated higher than mentor"
	if g.Direction == "under" {
		word = "rated lower than mentor"
	}
	return fmt.Sprintf("%s: %s vs %s, %s", clean(g.Title), LevelName(s.Scale, g.Self), LevelName(s.Scale, g.Mentor), word)
}

// Text writes both views for a terminal: per company the two readiness
// figures and verdicts, what blocks each view (its unmet must requirements)
// and the requirements each view meets, must ones marked, then the gaps,
// the mentor's comments and summary, and the mentor view's next steps.
func (b *Both) Text(w io.Writer, width int) error {
	if width < MinWidth {
		width = DefaultWidth
	}
	var o strings.Builder
	a := b.Self.Assessment
	o.WriteString(termtext.Wrap(fmt.Sprintf("Readiness of %s: the candidate's view and %s's", clean(a.Candidate.Name), b.mentorName()), width) + "\n")
	o.WriteString(termtext.Wrap(b.Self.summary(" · "), width) + "\n")
	o.WriteString(b.Self.unansweredText(width))
	for _, row := range b.rows() {
		self, mentor := row[0], row[1]
		fmt.Fprintf(&o, "\n%s\n", termtext.Wrap(CompanyTitle(self.Company), width))
		for _, v := range []struct {
			who string
			cr  rubric.CompanyResult
		}{{"candidate", self}, {"mentor", mentor}} {
			fmt.Fprintf(&o, "  %-10s %5.1f%%  %s %s\n", v.who, v.cr.Readiness, VerdictMarker(v.cr.Verdict), strings.ToUpper(VerdictWord(v.cr.Verdict)))
			if blockers := Blockers(v.cr); len(blockers) > 0 {
				o.WriteString(indent(termtext.Wrap("blocked by: "+joinAnd(blockers), width-6), "    ", "      "))
			}
		}
		titleW := 0
		for _, rr := range self.Requirements {
			t := ansi.StringWidth(clean(rr.Requirement.Title))
			if rr.Requirement.Must {
				t += len(mustMark)
			}
			titleW = max(titleW, t)
		}
		titleW = min(titleW, width-2-24)
		fmt.Fprintf(&o, "  %s  %-10s %s\n", termtext.Pad("", titleW), "candidate", "mentor")
		for i, rr := range self.Requirements {
			mr := mentor.Requirements[i]
			title := clean(rr.Requirement.Title)
			if rr.Requirement.Must {
				title = termtext.Cut(title, titleW-len(mustMark)) + mustMark
			}
			fmt.Fprintf(&o, "  %s  %-10s %s\n", termtext.Exact(title, titleW), metWord(rr), metWord(mr))
		}
	}
	if len(b.Gaps) > 0 {
		o.WriteString("\nGaps of two levels or more\n")
		for _, g := range b.Gaps {
			o.WriteString(indent(termtext.Wrap("• "+b.gapLine(g), width-4), "  ", "    "))
		}
	}
	if cs := b.comments(); len(cs) > 0 {
		fmt.Fprintf(&o, "\nComments by %s\n", b.mentorName())
		for _, c := range cs {
			o.WriteString(indent(termtext.Wrap(clean(c[0])+": "+safetext.OneLine(clean(c[1])), width-4), "  ", "    "))
		}
	}
	if s := b.Mentor.Review.Summary; s != "" {
		fmt.Fprintf(&o, "\nSummary\n%s", indent(termtext.Wrap(safetext.OneLine(clean(s)), width-2), "  ", "  "))
	}
	if len(b.Mentor.Result.NextSteps) > 0 {
		o.WriteString("\nNext steps in the mentor's view\n")
		for i, st := range b.Mentor.Result.NextSteps {
			o.WriteString(indent(termtext.Wrap(fmt.Sprintf("%d. %s", i+1, NextStepSentence(st)), width-5), "  ", "     "))
		}
	}
	_, err := io.WriteString(w, o.String())
	return err
}

func metWord(rr rubric.RequirementResult) string {
	switch Status(rr) {
	case StatusMet:
		return "✓ met"
	case StatusPartial:
		return "~ partial"
	}
	return "✗ unmet"
}

// Markdown writes both views as the report a mentor sends back to the
// candidate.
func (b *Both) Markdown(w io.Writer) error {
	var o strings.Builder
	a := b.Self.Assessment
	fmt.Fprintf(&o, "# Readiness of %s\n\nThe candidate's view and %s's review. %s.\n", md(a.Candidate.Name), md(b.mentorName()), md(b.Self.summary("; ")))
	if note := b.Self.unansweredMarkdown(); note != "" {
		o.WriteString("\n" + note + "\n")
	}
	o.WriteString("\n## Summary\n\n| Company | Candidate | Mentor |\n|---|---:|---:|\n")
	for _, row := range b.rows() {
		fmt.Fprintf(&o, "| %s | %.1f%% %s %s | %.1f%% %s %s |\n", cell(CompanyTitle(row[0].Company)),
			row[0].Readiness, VerdictMarker(row[0].Verdict), VerdictWord(row[0].Verdict), row[1].Readiness, VerdictMarker(row[1].Verdict), VerdictWord(row[1].Verdict))
	}
	for _, row := range b.rows() {
		fmt.Fprintf(&o, "\n## %s\n\n", md(CompanyTitle(row[0].Company)))
		blocked := false
		for i, who := range []string{"Candidate's", "Mentor's"} {
			if blockers := Blockers(row[i]); len(blockers) > 0 {
				for j, t := range blockers {
					blockers[j] = cell(t)
				}
				fmt.Fprintf(&o, "- %s view blocked by: %s\n", who, joinAnd(blockers))
				blocked = true
			}
		}
		if blocked {
			o.WriteString("\n")
		}
		o.WriteString("| Requirement | Required | Candidate | Mentor |\n|---|---|---|---|\n")
		for i, rr := range row[0].Requirements {
			mr := row[1].Requirements[i]
			scale := rr.Requirement.Skills[0].Scale
			title := cell(rr.Requirement.Title)
			if rr.Requirement.Must {
				title += " (must)"
			}
			fmt.Fprintf(&o, "| %s | %s | %s %s | %s %s |\n", title, cell(LevelName(scale, rr.Requirement.Min)),
				cell(ReachedName(rr)), metWord(rr), cell(ReachedName(mr)), metWord(mr))
		}
	}
	if len(b.Gaps) > 0 {
		o.WriteString("\n## Gaps of two levels or more\n\n")
		for _, g := range b.Gaps {
			fmt.Fprintf(&o, "- %s\n", md(b.gapLine(g)))
		}
	}
	if cs := b.comments(); len(cs) > 0 {
		fmt.Fprintf(&o, "\n## Comments by %s\n\n", md(b.mentorName()))
		for _, c := range cs {
			fmt.Fprintf(&o, "- **%s**: %s\n", md(c[0]), md(safetext.OneLine(c[1])))
		}
	}
	if s := b.Mentor.Review.Summary; s != "" {
		fmt.Fprintf(&o, "\n## Summary of the review\n\n%s\n", md(s))
	}
	if len(b.Mentor.Result.NextSteps) > 0 {
		o.WriteString("\n## Next steps in the mentor's view\n\n")
		for i, st := range b.Mentor.Result.NextSteps {
			fmt.Fprintf(&o, "%d. %s\n", i+1, md(NextStepSentence(st)))
		}
	}
	_, err := io.WriteString(w, o.String())
	return err
}
