package scorecard

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes the report a candidate sends to a mentor: readiness per
// company with each requirement, the next steps, unanswered skills, and the
// candidate's notes and evidence.
func (c *Card) Markdown(w io.Writer) error {
	var b strings.Builder
	a, r := c.Assessment, c.Rubric
	fmt.Fprintf(&b, "# Readiness of %s\n\n", md(a.Candidate.Name))
	fmt.Fprintf(&b, "Rubric: %s", md(r.Title))
	if r.Version != "" {
		fmt.Fprintf(&b, " (version %s)", md(r.Version))
	}
	fmt.Fprintf(&b, ". %d of %d skills answered", len(r.Skills())-len(c.Result.Unanswered), len(r.Skills()))
	if !a.Updated.IsZero() {
		fmt.Fprintf(&b, "; last changed %s", a.Updated.Format("2 January 2006 15:04 MST"))
	}
	b.WriteString(".\n")
	for _, wn := range c.Warnings {
		fmt.Fprintf(&b, "\n> **Warning:** %s\n", md(strings.Replace(wn, "warning: ", "", 1)))
	}
	b.WriteString("\n## Summary\n\n| Company | Readiness | Verdict |\n|---|---:|---|\n")
	for _, cr := range c.Result.Companies {
		fmt.Fprintf(&b, "| %s | %.1f%% | %s %s |\n", cell(companyName(cr.Company.Name, cr.Company.Role)), cr.Readiness, VerdictMarker(cr.Verdict), VerdictWord(cr.Verdict))
	}
	for _, cr := range c.Result.Companies {
		fmt.Fprintf(&b, "\n## %s\n\n", md(companyName(cr.Company.Name, cr.Company.Role)))
		fmt.Fprintf(&b, "**%s %s**, %.1f%% ready.\n\n", VerdictMarker(cr.Verdict), VerdictWord(cr.Verdict), cr.Readiness)
		b.WriteString("| Requirement | Level | Required | Weight | Status |\n|---|---|---|---:|---|\n")
		for _, rr := range cr.Requirements {
			req := rr.Requirement
			scale := req.Skills[0].Scale
			status := Status(rr)
			if req.Must {
				status += " (must)"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", cell(req.Title), cell(levelName(scale, rr.Level)), cell(levelName(scale, req.Min)), formatWeight(req.Weight), status)
		}
	}
	if len(c.Result.NextSteps) > 0 {
		b.WriteString("\n## Next steps\n\n")
		for i, st := range c.Result.NextSteps {
			fmt.Fprintf(&b, "%d. %s\n", i+1, md(NextStepSentence(st)))
		}
	}
	if len(c.Result.Unanswered) > 0 {
		b.WriteString("\n## Unanswered skills\n\nCounted as level 0:\n\n")
		for _, s := range c.Result.Unanswered {
			fmt.Fprintf(&b, "- %s\n", md(s.Title))
		}
	}
	var notes strings.Builder
	for _, s := range r.Skills() {
		ans, ok := a.Answers[s.ID]
		if !ok || (ans.Note == "" && len(ans.Evidence) == 0) {
			continue
		}
		level := "unanswered"
		if ans.Answered() {
			level = levelName(s.Scale, ans.Level)
		}
		fmt.Fprintf(&notes, "\n### %s — %s\n\n", md(s.Title), md(level))
		if ans.Note != "" {
			for _, line := range strings.Split(strings.TrimSpace(ans.Note), "\n") {
				fmt.Fprintf(&notes, "> %s\n", md(line))
			}
		}
		if len(ans.Evidence) > 0 {
			notes.WriteString("\nEvidence:\n\n")
			for _, e := range ans.Evidence {
				fmt.Fprintf(&notes, "- <%s>\n", strings.ReplaceAll(clean(e), ">", "%3E"))
			}
		}
	}
	if notes.Len() > 0 {
		b.WriteString("\n## Notes and evidence\n")
		b.WriteString(notes.String())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func companyName(name, role string) string {
	if role == "" {
		return name
	}
	return name + " — " + role
}

func formatWeight(w float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", w), "0"), ".")
}

// md escapes text from files so it reads as text in Markdown.
func md(s string) string {
	s = clean(s)
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`)
	return r.Replace(s)
}

// cell is md for a table cell: no line breaks either.
func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(md(s), "\r", " "), "\n", " ")
}
