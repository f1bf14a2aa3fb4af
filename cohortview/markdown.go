package cohortview

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/scorecard"
)

// matrixCompanies is how many companies the candidates' table shows as
// columns in Markdown and HTML; past it, each candidate's companies go in
// one cell.
const matrixCompanies = 6

// Markdown writes the report as a Markdown document to paste into a
// document or a wiki: the same sections as the text report, as tables.
func Markdown(rp *report.Report, w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# Cohort report: %s\n\n", cell(rp.Title))
	parts := []string{"Rubric `" + strings.ReplaceAll(rubricName(rp.Rubric), "`", "") + "`", termtext.Plural(rp.Assessments, "assessment", "assessments")}
	if n := len(rp.Skipped); n > 0 {
		parts = append(parts, termtext.Plural(n, "file", "files")+" skipped")
	}
	if rp.Anonymized {
		parts = append(parts, "anonymized")
	}
	fmt.Fprintf(b, "%s.\n\n%s\n\n", strings.Join(parts, " · "), viewSentence(rp))

	b.WriteString("## Companies\n\n")
	b.WriteString("| Company | Candidates | Ready | Almost | Not yet | Blocked | Min | P25 | Median | P75 | Max | Mean |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, c := range rp.Companies {
		stats := strings.Repeat(" — |", 6)
		if s := c.Readiness; s != nil {
			stats = fmt.Sprintf(" %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |", s.Min, s.P25, s.Median, s.P75, s.Max, s.Mean)
		}
		v := c.Verdicts
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d | %d |%s\n", cell(c.Name), c.Candidates, v.Ready, v.Almost, v.NotYet, v.Blocked, stats)
	}
	for _, c := range rp.Companies {
		fmt.Fprintf(b, "\n### %s\n\n", cell(companyTitle(c)))
		if c.Candidates == 0 {
			b.WriteString("No candidates count for this company.\n")
			continue
		}
		b.WriteString("Readiness of its candidates, in 10-point bins:\n\n| Readiness |")
		for i := range c.Histogram {
			fmt.Fprintf(b, " %s |", binLabel(i))
		}
		b.WriteString("\n|---|" + strings.Repeat("--:|", len(c.Histogram)) + "\n| Candidates |")
		for _, n := range c.Histogram {
			fmt.Fprintf(b, " %d |", n)
		}
		b.WriteString("\n")
		if len(c.Unmet) == 0 {
			b.WriteString("\nEvery candidate meets every requirement.\n")
			continue
		}
		b.WriteString("\nRequirements missed, most missed first:\n\n| Requirement | Must | Missed by | Share |\n|---|---|--:|--:|\n")
		for _, u := range c.Unmet {
			must := ""
			if u.Must {
				must = "must"
			}
			fmt.Fprintf(b, "| %s | %s | %d | %s |\n", cell(u.Title), must, u.Count, percent(u.Count, c.Candidates))
		}
	}

	b.WriteString("\n## Skills\n\nCandidates at each level (level:count), the median level of those who answered, and how many left the skill unanswered.\n\n")
	b.WriteString("| Skill | Category | Levels | Median | Unanswered |\n|---|---|---|---|--:|\n")
	for _, s := range rp.ScoredRubric().Skills() {
		ss := rp.Skills[s.Index]
		fmt.Fprintf(b, "| %s | %s | %s | %s | %d |\n", cell(ss.Title), cell(s.Category.Title), levelCounts(ss.Levels), cell(medianText(ss)), ss.Unanswered)
	}

	b.WriteString("\n## Training that would move the cohort\n\n")
	if len(rp.NextSteps) == 0 {
		b.WriteString("No skill raised by one level would change a readiness.\n")
	} else {
		b.WriteString("Each skill raised by one level for every candidate below the top: *moves* counts the candidates whose verdict improves at one of their companies or more; *gain* sums their readiness points.\n\n")
		b.WriteString("| # | Skill | Moves | Gain |\n|--:|---|--:|--:|\n")
		for i, s := range rp.NextSteps {
			fmt.Fprintf(b, "| %d | %s | %d | %.1f |\n", i+1, cell(s.Title), s.Moves, s.Gain)
		}
	}

	b.WriteString("\n## Candidates\n\n")
	if err := markdownCandidates(rp, b); err != nil {
		return err
	}

	if len(rp.Skipped) > 0 {
		fmt.Fprintf(b, "\n## Skipped files (%d)\n\n", len(rp.Skipped))
		for _, l := range skippedLines(rp.Skipped) {
			fmt.Fprintf(b, "- %s\n", code(l))
		}
	}
	if len(rp.UnknownSkills) > 0 {
		fmt.Fprintf(b, "\n## Answers for skills the rubric lacks\n\nIgnored when scoring: %s.\n", md(unknownSkills(rp.UnknownSkills)))
	}
	return b.Flush()
}

func markdownCandidates(rp *report.Report, b *bufio.Writer) error {
	if rp.Assessments == 0 {
		b.WriteString("No assessment was counted.\n")
		return nil
	}
	columns := len(rp.Companies) <= matrixCompanies
	// An anonymized report has no file names: no column for them.
	fixed := []string{"Name", "File", "Status", "Updated"}
	if rp.Anonymized {
		fixed = slices.Delete(fixed, 1, 2)
	}
	b.WriteString("| " + strings.Join(fixed, " | ") + " |")
	if columns {
		for _, c := range rp.Companies {
			fmt.Fprintf(b, " %s |", cell(c.Name))
		}
		b.WriteString("\n|" + strings.Repeat("---|", len(fixed)+len(rp.Companies)) + "\n")
	} else {
		b.WriteString(" Readiness per company |\n|" + strings.Repeat("---|", len(fixed)+1) + "\n")
	}
	return rp.Candidates(func(c report.Candidate) error {
		fmt.Fprintf(b, "| %s |", cell(c.Name))
		if !rp.Anonymized {
			fmt.Fprintf(b, " %s |", strings.ReplaceAll(code(c.File), "|", `\|`))
		}
		fmt.Fprintf(b, " %s | %s |", c.Status, date(c))
		if columns {
			for _, co := range rp.Companies {
				s := "—"
				if cc, ok := c.StandingAt(co.ID); ok {
					s = plainStanding(cc)
				}
				fmt.Fprintf(b, " %s |", s)
			}
		} else {
			parts := make([]string, len(c.Companies))
			for i, cc := range c.Companies {
				parts[i] = cell(cc.Name) + " " + plainStanding(cc)
			}
			fmt.Fprintf(b, " %s |", strings.Join(parts, "; "))
		}
		b.WriteString("\n")
		return nil
	})
}

// plainStanding is a readiness and verdict in words: "72.5 ~ almost".
func plainStanding(cc report.CandidateCompany) string {
	return strconv.FormatFloat(cc.Readiness, 'f', 1, 64) + " " + scorecard.VerdictMarker(cc.Verdict) + " " + scorecard.VerdictWord(cc.Verdict)
}

// md escapes text from files so that it reads as text in Markdown.
func md(s string) string { return scorecard.MarkdownText(s) }

// cell is md for a table cell or a heading, where a line break would end
// the row: line breaks become spaces.
func cell(s string) string { return strings.Join(strings.Fields(md(s)), " ") }

// code writes a path or a message as inline code, which shows any
// character as it is; backquotes inside take a longer fence.
func code(s string) string {
	s = strings.Join(strings.Fields(clean(s)), " ")
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}
