package cohortview

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/scorecard"
)

// JSON writes the simulation as the JSON object of `readycheck simulate
// --format json`, indented.
func SimulationJSON(sim *report.Simulation, w io.Writer) error {
	b, err := marshal(sim, "")
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// notes are the sentences that introduce a simulation.
func notes(sim *report.Simulation) []string {
	var out []string
	if sim.Baseline.ID != sim.Rubric.ID {
		out = append(out, fmt.Sprintf("The new rubric's id is %q, the assessments' is %q: they are compared as two versions of one rubric.", clean(sim.Rubric.ID), clean(sim.Baseline.ID)))
	}
	if sim.Baseline.Digest == sim.Rubric.Digest {
		out = append(out, "The two rubric files are identical: nothing moves.")
	}
	if sim.View == report.Mentor {
		s := "Mentor view: each assessment's last review, the mentor's rating where there is one, else the candidate's answer."
		if sim.Unreviewed > 0 {
			s += " " + termtext.Plural(sim.Unreviewed, "assessment has no review and counts", "assessments have no review and count") + " in the candidate's view."
		}
		out = append(out, s)
	}
	return out
}

// summary says where verdicts move: "Verdicts move at 1 of 24 companies:
// Backend — Junior (4 candidates)."
func summary(sim *report.Simulation) string {
	var moved []string
	for _, c := range sim.Companies {
		if n := len(c.Changed); n > 0 {
			moved = append(moved, fmt.Sprintf("%s (%s)", clean(c.Name), termtext.Plural(n, "candidate", "candidates")))
		}
	}
	if len(moved) == 0 {
		return "No verdict moves at any company."
	}
	return fmt.Sprintf("Verdicts move at %d of %s: %s.", len(moved), termtext.Plural(len(sim.Companies), "company", "companies"), strings.Join(moved, ", "))
}

func rubrics(sim *report.Simulation) string {
	return fmt.Sprintf("baseline %s → new %s · %s", digestName(sim.Baseline), digestName(sim.Rubric), termtext.Plural(sim.Assessments, "assessment", "assessments"))
}

func digestName(r report.RubricDigest) string {
	return rubricName(r.RubricRef)
}

// changeText writes a readiness change with its sign: "+2.5", "-1.0", "0.0".
func changeText(x float64) string {
	if x > 0 {
		return "+" + strconv.FormatFloat(x, 'f', 1, 64)
	}
	if x == 0 {
		return "0.0"
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

// movesText lists a company's verdict changes: "ready → almost: 12".
func movesText(c report.SimCompany) []string {
	var out []string
	for _, t := range c.Transitions {
		if t.From != t.To {
			out = append(out, fmt.Sprintf("%s → %s: %d", scorecard.VerdictWord(t.From), scorecard.VerdictWord(t.To), t.Count))
		}
	}
	return out
}

// verdictCounts lists a company's verdicts where none moves: "ready 3,
// almost 1, not yet 0, blocked 2".
func verdictCounts(c report.SimCompany) string {
	m := c.Matrix()
	parts := make([]string, len(report.VerdictOrder))
	for i, v := range report.VerdictOrder {
		parts[i] = fmt.Sprintf("%s %d", scorecard.VerdictWord(v), m[i][i])
	}
	return strings.Join(parts, ", ")
}

func companyRefs(cs []report.CompanyRef) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s (%s)", clean(c.Name), clean(c.ID))
	}
	return strings.Join(parts, ", ")
}

// SimulationText writes the simulation for a terminal of the given width;
// see Text for width and palette.
func SimulationText(sim *report.Simulation, w io.Writer, width int, p palette.Palette) error {
	if width <= 0 {
		width = DefaultWidth
	}
	tw := &textWriter{w: bufio.NewWriter(w), width: max(width, MinWidth), st: stylesFor(p)}
	plain := lipgloss.NewStyle()
	tw.line(tw.st.title, "", "", "Rubric change preview: "+clean(sim.Rubric.Title))
	tw.line(tw.st.dim, "", "", rubrics(sim))
	for _, n := range notes(sim) {
		tw.line(plain, "", "", n)
	}
	tw.line(plain, "", "", summary(sim))
	for _, c := range sim.Companies {
		tw.blank()
		tw.line(tw.st.heading, "", "", clean(c.Name)+" · "+termtext.Plural(c.Candidates, "candidate", "candidates"))
		if c.ReadinessChange == nil {
			tw.line(tw.st.dim, "  ", "  ", "No candidates count for this company in both rubrics.")
			continue
		}
		tw.line(plain, "  ", "  ", fmt.Sprintf("Readiness change: median %s, mean %s", changeText(c.ReadinessChange.Median), changeText(c.ReadinessChange.Mean)))
		moves := movesText(c)
		if len(moves) == 0 {
			// Nothing moves: the verdicts in one line, not a table of zeros.
			tw.line(plain, "  ", "  ", "No verdict changes: "+verdictCounts(c)+".")
			continue
		}
		tw.line(plain, "  ", "    ", "Verdicts: "+strings.Join(moves, " · "))
		tw.blank()
		m := c.Matrix()
		headers := []string{"From \\ to"}
		for _, v := range report.VerdictOrder {
			headers = append(headers, scorecard.VerdictWord(v))
		}
		rows := make([][]string, 4)
		for i, v := range report.VerdictOrder {
			rows[i] = []string{scorecard.VerdictWord(v)}
			for j := range report.VerdictOrder {
				rows[i] = append(rows[i], strconv.Itoa(m[i][j]))
			}
		}
		tw.table("  ", headers, rows, 1, 2, 3, 4)
		if len(c.Changed) == 0 {
			continue
		}
		tw.blank()
		tw.line(tw.st.heading, "  ", "  ", "Candidates whose verdict changes")
		crow := make([][]string, len(c.Changed))
		for i, ch := range c.Changed {
			crow[i] = []string{clean(ch.Name), safetext.CleanPath(ch.File),
				scorecard.VerdictWord(ch.From) + " → " + scorecard.VerdictWord(ch.To),
				fmt.Sprintf("%.1f → %.1f", ch.ReadinessFrom, ch.ReadinessTo)}
		}
		tw.tableTail("  ", []string{"Name", "File", "Verdict", "Readiness"}, crow, 1, 3)
	}
	if len(sim.AddedCompanies) > 0 {
		tw.blank()
		tw.line(plain, "", "  ", "Added companies (new rubric only): "+companyRefs(sim.AddedCompanies))
	}
	if len(sim.RemovedCompanies) > 0 {
		tw.blank()
		tw.line(plain, "", "  ", "Removed companies (baseline only): "+companyRefs(sim.RemovedCompanies))
	}
	if len(sim.MissingSkills) > 0 {
		tw.blank()
		tw.line(plain, "", "  ", "Answers for skills the new rubric lacks (ignored by it): "+unknownSkills(sim.MissingSkills))
	}
	if len(sim.Skipped) > 0 {
		tw.blank()
		tw.line(tw.st.heading, "", "", fmt.Sprintf("Skipped (%s)", termtext.Plural(len(sim.Skipped), "file", "files")))
		for _, l := range skippedLines(sim.Skipped) {
			tw.line(plain, "  ", "    ", clean(l))
		}
	}
	return tw.w.Flush()
}

// Markdown writes the simulation as a Markdown document.
func SimulationMarkdown(sim *report.Simulation, w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# Rubric change preview: %s\n\n%s.\n", cell(sim.Rubric.Title), md(rubrics(sim)))
	for _, n := range notes(sim) {
		fmt.Fprintf(b, "\n%s\n", md(n))
	}
	fmt.Fprintf(b, "\n%s\n", md(summary(sim)))
	for _, c := range sim.Companies {
		fmt.Fprintf(b, "\n## %s\n\n%s.", cell(c.Name), termtext.Plural(c.Candidates, "candidate", "candidates"))
		if c.ReadinessChange == nil {
			b.WriteString(" No candidates count for this company in both rubrics.\n")
			continue
		}
		fmt.Fprintf(b, " Readiness change: median %s, mean %s.\n\n", changeText(c.ReadinessChange.Median), changeText(c.ReadinessChange.Mean))
		moves := movesText(c)
		if len(moves) == 0 {
			fmt.Fprintf(b, "No verdict changes: %s.\n", verdictCounts(c))
			continue
		}
		fmt.Fprintf(b, "Verdicts: %s.\n\n", strings.Join(moves, " · "))
		m := c.Matrix()
		b.WriteString("| From \\ to |")
		for _, v := range report.VerdictOrder {
			fmt.Fprintf(b, " %s |", scorecard.VerdictWord(v))
		}
		b.WriteString("\n|---|--:|--:|--:|--:|\n")
		for i, v := range report.VerdictOrder {
			fmt.Fprintf(b, "| %s |", scorecard.VerdictWord(v))
			for j := range report.VerdictOrder {
				fmt.Fprintf(b, " %d |", m[i][j])
			}
			b.WriteString("\n")
		}
		if len(c.Changed) == 0 {
			continue
		}
		b.WriteString("\nCandidates whose verdict changes:\n\n| Name | File | Verdict | Readiness |\n|---|---|---|--:|\n")
		for _, ch := range c.Changed {
			fmt.Fprintf(b, "| %s | %s | %s → %s | %.1f → %.1f |\n", cell(ch.Name), strings.ReplaceAll(code(ch.File), "|", `\|`),
				scorecard.VerdictWord(ch.From), scorecard.VerdictWord(ch.To), ch.ReadinessFrom, ch.ReadinessTo)
		}
	}
	if len(sim.AddedCompanies) > 0 {
		fmt.Fprintf(b, "\n**Added companies** (new rubric only): %s.\n", md(companyRefs(sim.AddedCompanies)))
	}
	if len(sim.RemovedCompanies) > 0 {
		fmt.Fprintf(b, "\n**Removed companies** (baseline only): %s.\n", md(companyRefs(sim.RemovedCompanies)))
	}
	if len(sim.MissingSkills) > 0 {
		fmt.Fprintf(b, "\n**Answers for skills the new rubric lacks** (ignored by it): %s.\n", md(unknownSkills(sim.MissingSkills)))
	}
	if len(sim.Skipped) > 0 {
		fmt.Fprintf(b, "\n## Skipped files (%d)\n\n", len(sim.Skipped))
		for _, l := range skippedLines(sim.Skipped) {
			fmt.Fprintf(b, "- %s\n", code(l))
		}
	}
	return b.Flush()
}
