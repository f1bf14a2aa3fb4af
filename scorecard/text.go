package scorecard

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/readycheck/readycheck/rubric"
)

// styles are the text report's styles, with colour or without.
type styles struct {
	title, heading, dim, ok, partial, bad, must lipgloss.Style
	verdict                                     map[rubric.Verdict]lipgloss.Style
}

func newStyles(color bool) styles {
	if !color {
		plain := lipgloss.NewStyle()
		return styles{title: plain, heading: plain, dim: plain, ok: plain, partial: plain, bad: plain, must: plain,
			verdict: map[rubric.Verdict]lipgloss.Style{rubric.Ready: plain, rubric.Almost: plain, rubric.NotYet: plain, rubric.Blocked: plain}}
	}
	green, amber, red, grey := lipgloss.Color("#3FB950"), lipgloss.Color("#D29922"), lipgloss.Color("#F85149"), lipgloss.Color("#8B949E")
	base := lipgloss.NewStyle()
	return styles{
		title:   base.Bold(true).Foreground(lipgloss.Color("#A371F7")),
		heading: base.Bold(true),
		dim:     base.Foreground(grey),
		ok:      base.Foreground(green),
		partial: base.Foreground(amber),
		bad:     base.Foreground(red),
		must:    base.Foreground(red).Bold(true),
		verdict: map[rubric.Verdict]lipgloss.Style{
			rubric.Ready:   base.Bold(true).Foreground(green),
			rubric.Almost:  base.Bold(true).Foreground(amber),
			rubric.NotYet:  base.Bold(true).Foreground(grey),
			rubric.Blocked: base.Bold(true).Foreground(red),
		},
	}
}

// Bar draws a readiness bar of width cells for a percentage.
func Bar(pct float64, width int) string {
	if width < 1 {
		return ""
	}
	filled := int(pct/100*float64(width) + 0.5)
	filled = max(0, min(width, filled))
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}

// Text writes the readable report for a terminal of the given width; color
// turns colour on (off for NO_COLOR and when the output is not a terminal).
func (c *Card) Text(w io.Writer, width int, color bool) error {
	if width < 40 {
		width = 80
	}
	st := newStyles(color)
	var b strings.Builder
	a := c.Assessment
	fmt.Fprintf(&b, "%s\n", st.title.Render("Readiness of "+clean(a.Candidate.Name)))
	fmt.Fprintf(&b, "%s\n", st.dim.Render(wrap(fmt.Sprintf("%s · %d of %d skills answered", clean(c.Rubric.Title), len(c.Rubric.Skills())-len(c.Result.Unanswered), len(c.Rubric.Skills())), width)))
	for _, cr := range c.Result.Companies {
		b.WriteString("\n")
		name := clean(cr.Company.Name)
		if cr.Company.Role != "" {
			name += " — " + clean(cr.Company.Role)
		}
		fmt.Fprintf(&b, "%s\n", st.heading.Render(wrap(name, width)))
		verdict := fmt.Sprintf("%s %s", VerdictMarker(cr.Verdict), strings.ToUpper(VerdictWord(cr.Verdict)))
		barW := min(30, width-30)
		fmt.Fprintf(&b, "  %s  %5.1f%%  %s\n", Bar(cr.Readiness, barW), cr.Readiness, st.verdict[cr.Verdict].Render(verdict))
		titleW := titleWidth(cr, width)
		for _, rr := range cr.Requirements {
			b.WriteString(c.requirementLine(rr, st, titleW))
		}
	}
	if len(c.Result.NextSteps) > 0 {
		fmt.Fprintf(&b, "\n%s\n", st.heading.Render("Next steps"))
		for i, step := range c.Result.NextSteps {
			b.WriteString(indent(wrap(fmt.Sprintf("%d. %s", i+1, NextStepSentence(step)), width-5), "  ", "     "))
		}
	}
	if n := len(c.Result.Unanswered); n > 0 {
		titles := make([]string, n)
		for i, s := range c.Result.Unanswered {
			titles[i] = clean(s.Title)
		}
		fmt.Fprintf(&b, "\n%s\n", st.heading.Render(fmt.Sprintf("Unanswered (%d, counted as 0)", n)))
		b.WriteString(indent(wrap(strings.Join(titles, ", "), width-2), "  ", "  "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (c *Card) requirementLine(rr rubric.RequirementResult, st styles, titleW int) string {
	req := rr.Requirement
	var mark string
	switch Status(rr) {
	case "met":
		mark = st.ok.Render("✓ met    ")
	case "partial":
		mark = st.partial.Render("~ partial")
	default:
		mark = st.bad.Render("✗ unmet  ")
	}
	title := clean(req.Title)
	if req.Must {
		title += " [must]"
	}
	return fmt.Sprintf("  %s %s  %s\n", mark, pad(truncate(title, titleW), titleW), st.dim.Render(levelsText(rr)))
}

// levelsText is "Aware (1) of Beginner (2)".
func levelsText(rr rubric.RequirementResult) string {
	scale := rr.Requirement.Skills[0].Scale
	return fmt.Sprintf("%s of %s", levelName(scale, rr.Level), levelName(scale, rr.Requirement.Min))
}

// titleWidth fits the requirement titles of a company beside their levels.
func titleWidth(cr rubric.CompanyResult, width int) int {
	titleW, levelsW := 0, 0
	for _, rr := range cr.Requirements {
		t := len([]rune(clean(rr.Requirement.Title)))
		if rr.Requirement.Must {
			t += 7
		}
		titleW = max(titleW, t)
		levelsW = max(levelsW, len([]rune(levelsText(rr))))
	}
	return max(min(titleW, width-14-levelsW), 12)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if n <= 1 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func pad(s string, n int) string {
	if l := lipgloss.Width(s); l < n {
		return s + strings.Repeat(" ", n-l)
	}
	return s
}

// wrap wraps text to width on spaces.
func wrap(s string, width int) string {
	return lipgloss.Wrap(s, width, "")
}

func indent(s, first, rest string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(rest)
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
