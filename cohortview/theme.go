package cohortview

import (
	"charm.land/lipgloss/v2"

	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/rubric"
)

// styles are the text report's styles. Colour only ever repeats what a word
// or a glyph already says.
type styles struct {
	title, heading, dim, must, header, cell, number lipgloss.Style
	verdict                                         map[rubric.Verdict]lipgloss.Style
}

// verdictGlyph fills a verdict's part of a stacked bar, so that the bar
// reads without colour.
var verdictGlyph = map[rubric.Verdict]string{
	rubric.Ready:   "█",
	rubric.Almost:  "▓",
	rubric.NotYet:  "▒",
	rubric.Blocked: "░",
}

// plainStyles are the styles without colour.
var plainStyles = func() styles {
	plain := lipgloss.NewStyle()
	return styles{
		title: plain, heading: plain, dim: plain, must: plain,
		header: plain.Padding(0, 1), cell: plain.Padding(0, 1), number: plain.Padding(0, 1).Align(lipgloss.Right),
		verdict: map[rubric.Verdict]lipgloss.Style{rubric.Ready: plain, rubric.Almost: plain, rubric.NotYet: plain, rubric.Blocked: plain},
	}
}()

// stylesFor is the styles of a palette: plain for the zero Palette.
func stylesFor(p palette.Palette) styles {
	if !p.Colored() {
		return plainStyles
	}
	green, amber, red, grey, violet := p.Green, p.Amber, p.Red, p.Grey, p.Violet
	base := lipgloss.NewStyle()
	return styles{
		title:   base.Bold(true).Foreground(violet),
		heading: base.Bold(true),
		dim:     base.Foreground(grey),
		must:    base.Foreground(red).Bold(true),
		header:  base.Bold(true).Padding(0, 1),
		cell:    base.Padding(0, 1),
		number:  base.Padding(0, 1).Align(lipgloss.Right),
		verdict: map[rubric.Verdict]lipgloss.Style{
			rubric.Ready:   base.Foreground(green),
			rubric.Almost:  base.Foreground(amber),
			rubric.NotYet:  base.Foreground(grey),
			rubric.Blocked: base.Foreground(red),
		},
	}
}
