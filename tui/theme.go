package tui

import (
	"image/color"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Theme holds every style of the interface, built once.
type Theme struct {
	Title, Header, Dim, Question, Help, Selected, Cursor, Label, Descriptor lipgloss.Style
	Warning, Error, Saved, Unanswered, Marker, Badge                        lipgloss.Style
	Ready, Almost, NotYet, Blocked                                          lipgloss.Style
	Accent                                                                  color.Color
	Color                                                                   bool
}

// NewTheme returns the theme with colour, or plain when color is false
// (NO_COLOR): then markers and bold carry the meaning.
func NewTheme(color bool) Theme {
	base := lipgloss.NewStyle()
	if !color {
		return Theme{
			Title: base.Bold(true), Header: base.Bold(true), Dim: base, Question: base.Bold(true), Help: base,
			Selected: base.Bold(true), Cursor: base.Bold(true), Label: base.Bold(true), Descriptor: base,
			Warning: base.Bold(true), Error: base.Bold(true), Saved: base, Unanswered: base.Bold(true), Marker: base.Bold(true),
			Badge: base.Bold(true), Ready: base.Bold(true), Almost: base.Bold(true), NotYet: base.Bold(true), Blocked: base.Bold(true),
		}
	}
	purple := lipgloss.Color("#A371F7")
	grey := lipgloss.Color("#8B949E")
	green := lipgloss.Color("#3FB950")
	amber := lipgloss.Color("#D29922")
	red := lipgloss.Color("#F85149")
	return Theme{
		Title:      base.Bold(true).Foreground(purple),
		Header:     base.Foreground(grey),
		Dim:        base.Foreground(grey),
		Question:   base.Bold(true),
		Help:       base.Foreground(grey),
		Selected:   base.Bold(true).Foreground(purple),
		Cursor:     base.Foreground(purple),
		Label:      base.Bold(true),
		Descriptor: base,
		Warning:    base.Foreground(amber),
		Error:      base.Bold(true).Foreground(red),
		Saved:      base.Foreground(grey),
		Unanswered: base.Foreground(amber),
		Marker:     base.Foreground(purple),
		Badge:      base.Bold(true),
		Ready:      base.Bold(true).Foreground(green),
		Almost:     base.Bold(true).Foreground(amber),
		NotYet:     base.Bold(true).Foreground(grey),
		Blocked:    base.Bold(true).Foreground(red),
		Accent:     purple,
		Color:      true,
	}
}

// calmInput makes a text input's cursor steady: a blinking cursor repaints
// the screen twice a second for nothing.
func calmInput(in *textinput.Model) {
	s := in.Styles()
	s.Cursor.Blink = false
	in.SetStyles(s)
}

// calmArea makes a text area's cursor steady.
func calmArea(in *textarea.Model) {
	s := in.Styles()
	s.Cursor.Blink = false
	in.SetStyles(s)
}
