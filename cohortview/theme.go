package cohortview

import (
	"charm.land/lipgloss/v2"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
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

var (
	plainStyles = func() styles {
		plain := lipgloss.NewStyle()
		return styles{
			title: plain, heading: plain, dim: plain, must: plain,
			header: plain.Padding(0, 1), cell: plain.Padding(0, 1), number: plain.Padding(0, 1).Align(lipgloss.Right),
			verdict: map[rubric.Verdict]lipgloss.Style{rubric.Ready: plain, rubric.Almost: plain, rubric.NotYet: plain, rubric.Blocked: plain},
		}
	}()

	colorStyles = func() styles {
		green, amber, red, grey, violet := scorecard.Green, scorecard.Amber, scorecard.Red, scorecard.Grey, scorecard.Violet
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
	}()
)

func stylesFor(color bool) styles {
	if color {
		return colorStyles
	}
	return plainStyles
}
