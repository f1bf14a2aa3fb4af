package scorecard

import (
	"charm.land/lipgloss/v2"

	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/rubric"
)

// styles are the text report's styles. Colour only ever repeats what a word
// or a marker already says.
type styles struct {
	title, heading, dim, met, partial, unmet, must lipgloss.Style
	verdict                                        map[rubric.Verdict]lipgloss.Style
}

// plainStyles are the styles without colour.
var plainStyles = func() styles {
	plain := lipgloss.NewStyle()
	return styles{
		title: plain, heading: plain, dim: plain, met: plain, partial: plain, unmet: plain, must: plain,
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
		met:     base.Foreground(green),
		partial: base.Foreground(amber),
		unmet:   base.Foreground(red),
		must:    base.Foreground(red).Bold(true),
		verdict: map[rubric.Verdict]lipgloss.Style{
			rubric.Ready:   base.Bold(true).Foreground(green),
			rubric.Almost:  base.Bold(true).Foreground(amber),
			rubric.NotYet:  base.Bold(true).Foreground(grey),
			rubric.Blocked: base.Bold(true).Foreground(red),
		},
	}
}
