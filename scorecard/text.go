package scorecard

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
)

// Widths of the text report.
const (
	// DefaultWidth is the width used when the output is not a terminal.
	DefaultWidth = 80
	// MinWidth is the narrowest width the report is laid out for.
	MinWidth = 40
	maxBar   = 30
	// markWidth is the width of "~ partial", the widest status.
	markWidth = 9
	mustMark  = " [must]"
	// levelsIndent is where a requirement's title starts: 2 + mark + 1.
	levelsIndent = 2 + markWidth + 1
)

// Bar draws a readiness bar of width cells for a percentage.
func Bar(pct float64, width int) string {
	if width < 1 {
		return ""
	}
	filled := int(pct/100*float64(width) + 0.5)
	filled = max(0, min(width, filled))
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}

// Text writes the readable report, fitted to a terminal of the given width
// (DefaultWidth when 0 or less, never narrower than MinWidth). color turns
// colour on, in the print palette (palette.Print); the caller turns it off
// for NO_COLOR and when the output is not a terminal. Every verdict and
// status has a word and a marker as well.
func (c *Card) Text(w io.Writer, width int, color bool) error {
	return c.TextIn(w, width, palette.Of(color, palette.Print()))
}

// TextIn is Text in the colours of p: the palette of the terminal's
// background, or the zero Palette for no colour.
func (c *Card) TextIn(w io.Writer, width int, p palette.Palette) error {
	if width <= 0 {
		width = DefaultWidth
	}
	width = max(width, MinWidth)
	st := stylesFor(p)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", st.title.Render(termtext.Cut(c.heading(), width)))
	b.WriteString(paint(st.dim, indent(termtext.Wrap(c.summary(" · "), width), "", "")))
	b.WriteString(paint(st.partial, c.unansweredText(width)))
	for _, cr := range c.Result.Companies {
		b.WriteString("\n")
		b.WriteString(paint(st.heading, indent(termtext.Wrap(CompanyTitle(cr.Company), width), "", "")))
		verdict := VerdictMarker(cr.Verdict) + " " + strings.ToUpper(VerdictWord(cr.Verdict))
		fmt.Fprintf(&b, "  %s  %5.1f%%  %s\n", Bar(cr.Readiness, min(maxBar, width-30)), cr.Readiness, st.verdict[cr.Verdict].Render(verdict))
		if blockers := Blockers(cr); len(blockers) > 0 {
			b.WriteString(paint(st.must, indent(termtext.Wrap("Blocked by "+joinAnd(blockers)+" (must)", width-2), "  ", "  ")))
		}
		titleW, stacked := titleWidth(cr, width)
		for _, rr := range cr.Requirements {
			b.WriteString(requirementLine(rr, st, titleW, width, stacked))
			if s := rr.Requirement.Sentence; s != "" && cr.Company.Source == rubric.SourcePosting {
				// On one line: the JSON and Markdown reports quote it whole.
				fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", levelsIndent), st.dim.Render(termtext.Cut("from “"+SentenceText(s)+"”", width-levelsIndent)))
			}
		}
	}
	if len(c.Result.NextSteps) > 0 {
		fmt.Fprintf(&b, "\n%s\n", st.heading.Render("Next steps"))
		for i, step := range c.Result.NextSteps {
			b.WriteString(indent(termtext.Wrap(fmt.Sprintf("%d. %s", i+1, NextStepSentence(step)), width-5), "  ", "     "))
		}
	}
	if n := len(c.Result.Unanswered); n > 0 {
		titles := make([]string, n)
		for i, s := range c.Result.Unanswered {
			titles[i] = clean(s.Title)
		}
		fmt.Fprintf(&b, "\n%s\n", st.heading.Render(fmt.Sprintf("Unanswered (%d, counted as level 0)", n)))
		b.WriteString(indent(termtext.Wrap(strings.Join(titles, ", "), width-2), "  ", "  "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// unansweredText is the unanswered skills' count, and on a line of its own
// the command that answers them; "" when every skill is answered.
func (c *Card) unansweredText(width int) string {
	count, action := c.unanswered()
	if count == "" {
		return ""
	}
	if c.AnswerCommand == "" {
		return indent(termtext.Wrap(count, width), "", "")
	}
	return indent(termtext.Wrap(count+"; "+action+", run:", width), "", "") + "  " + clean(c.AnswerCommand) + "\n"
}

// requirementLine is one requirement: status word and marker, title (with
// [must] for a knock-out requirement), the level reached against the level
// required; stacked puts the levels on a line of their own, for narrow
// terminals.
func requirementLine(rr rubric.RequirementResult, st styles, titleW, width int, stacked bool) string {
	var mark string
	switch Status(rr) {
	case StatusMet:
		mark = st.met.Render(termtext.Pad("✓ met", markWidth))
	case StatusPartial:
		mark = st.partial.Render(termtext.Pad("~ partial", markWidth))
	default:
		mark = st.unmet.Render(termtext.Pad("✗ unmet", markWidth))
	}
	req := rr.Requirement
	title := clean(req.Title)
	if req.Must {
		title = termtext.Cut(title, titleW-len(mustMark)) + mustMark
	}
	levels := LevelsText(rr)
	if stacked {
		return fmt.Sprintf("  %s %s\n%s%s\n", mark, termtext.Cut(title, titleW), strings.Repeat(" ", levelsIndent), st.dim.Render(termtext.Cut(levels, width-levelsIndent)))
	}
	return fmt.Sprintf("  %s %s  %s\n", mark, termtext.Exact(title, titleW), st.dim.Render(levels))
}

// LevelsText is the level a requirement's skill reached against the level
// it requires: "Capable (3) ≥ Capable (3)" when met, "Aware (1) < Beginner
// (2)" when not, "not answered < Beginner (2)" without an answer.
func LevelsText(rr rubric.RequirementResult) string {
	scale := rr.Requirement.Skills[0].Scale
	op := "<"
	if rr.Met {
		op = "≥"
	}
	return fmt.Sprintf("%s %s %s", ReachedName(rr), op, LevelName(scale, rr.Requirement.Min))
}

// titleWidth fits the requirement titles of a company beside their
// levels, or, when titles and levels do not fit side by side, stacks them.
func titleWidth(cr rubric.CompanyResult, width int) (titleW int, stacked bool) {
	levelsW := 0
	for _, rr := range cr.Requirements {
		t := ansi.StringWidth(clean(rr.Requirement.Title))
		if rr.Requirement.Must {
			t += len(mustMark)
		}
		titleW = max(titleW, t)
		levelsW = max(levelsW, ansi.StringWidth(LevelsText(rr)))
	}
	// Titles may be cut to make room, down to a third of the line.
	room := width - levelsIndent - 2 - levelsW
	if room < min(titleW, width/3) {
		return width - levelsIndent, true
	}
	return min(titleW, room), false
}

// paint styles each line of s on its own, so that no style pads one line
// to the width of another.
func paint(st lipgloss.Style, s string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		text := strings.TrimSuffix(l, "\n")
		if text != "" {
			b.WriteString(st.Render(text))
		}
		if len(text) < len(l) {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// indent puts first before the first line of s and rest before the others,
// and ends every line with a newline.
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
