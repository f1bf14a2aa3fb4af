package scorecard

import (
	"charm.land/lipgloss/v2"

	"github.com/readycheck/readycheck/rubric"
)

// styles are the text report's styles. Colour only ever repeats what a word
// or a marker already says.
type styles struct {
	title, heading, dim, met, partial, unmet, must lipgloss.Style
	verdict                                        map[rubric.Verdict]lipgloss.Style
}

// The colours of printed output, shared with the cohort report: green for
// ready and met, amber for almost and partly met, red for blocked and
// unmet, grey for what is dimmed, violet for titles.
var (
	Green  = lipgloss.Color("#3FB950")
	Amber  = lipgloss.Color("#D29922")
	Red    = lipgloss.Color("#F85149")
	Grey   = lipgloss.Color("#8B949E")
	Violet = lipgloss.Color("#A371F7")
)

var (
	plainStyles = func() styles {
		plain := lipgloss.NewStyle()
		return styles{
			title: plain, heading: plain, dim: plain, met: plain, partial: plain, unmet: plain, must: plain,
			verdict: map[rubric.Verdict]lipgloss.Style{rubric.Ready: plain, rubric.Almost: plain, rubric.NotYet: plain, rubric.Blocked: plain},
		}
	}()

	colorStyles = func() styles {
		green, amber, red, grey, violet := Green, Amber, Red, Grey, Violet
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
	}()
)

func stylesFor(color bool) styles {
	if color {
		return colorStyles
	}
	return plainStyles
}
