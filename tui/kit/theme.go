package kit

import (
	"fmt"
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
)

// Markers carry every meaning on screen without colour: with NO_COLOR the
// screens read the same.
const (
	MarkCursor    = "›" // the row the keys act on
	MarkChosen    = "●" // the saved level; an answered skill
	MarkOpen      = "○" // another level; a skill not answered yet
	MarkNote      = "✎" // a note or evidence links
	MarkChecked   = "[x]"
	MarkUnchecked = "[ ]"
	MarkError     = "✗"
	MarkNotice    = "!"
	MarkSaved     = "✓"
)

// Theme holds every style of the interface, built once: no screen builds a
// style while drawing.
type Theme struct {
	// Color is false when colour is off (NO_COLOR): bold and markers carry
	// the meaning then.
	Color bool
	// Accent colours the progress bar.
	Accent color.Color

	Brand         lipgloss.Style // the app's name
	Title         lipgloss.Style // a screen's title
	Header        lipgloss.Style // the position line at the top of a question
	Heading       lipgloss.Style // category headings, company names
	SkillTitle    lipgloss.Style // the skill asked about
	Question      lipgloss.Style
	Text          lipgloss.Style
	Dim           lipgloss.Style // help text, roles, hints
	Help          lipgloss.Style // quiet hints
	Cursor        lipgloss.Style // the › marker
	Selected      lipgloss.Style // the text of the row under the cursor
	SelectedLabel lipgloss.Style // a level's label under the cursor
	Label         lipgloss.Style // level labels, field names
	Chosen        lipgloss.Style // the ● of a saved answer
	Marker        lipgloss.Style // a marker that stands out
	Unanswered    lipgloss.Style // a skill not answered yet
	Saved         lipgloss.Style // the quiet "saved" at the top right
	Warning       lipgloss.Style
	Error         lipgloss.Style
	Verdict       map[rubric.Verdict]lipgloss.Style
	// HelpStyles style the help line at the bottom.
	HelpStyles help.Styles
}

// newTheme returns the colour theme, or the plain one when color is false.
func newTheme(color bool) Theme {
	base := lipgloss.NewStyle()
	bold := base.Bold(true)
	if !color {
		return Theme{
			Brand: bold, Title: bold, Header: base, Heading: bold, SkillTitle: bold, Question: bold,
			Text: base, Dim: base, Help: base, Cursor: bold, Selected: bold, SelectedLabel: bold,
			Label: bold, Chosen: bold, Marker: bold, Unanswered: base, Saved: base, Warning: bold, Error: bold,
			Verdict: map[rubric.Verdict]lipgloss.Style{rubric.Ready: bold, rubric.Almost: bold, rubric.NotYet: bold, rubric.Blocked: bold},
			HelpStyles: help.Styles{
				ShortKey: bold, ShortDesc: base, ShortSeparator: base, Ellipsis: base,
				FullKey: bold, FullDesc: base, FullSeparator: base,
			},
		}
	}
	// The screens' palette: mid-tone colours, readable on dark and light
	// backgrounds alike.
	p := palette.Screen()
	violet, grey, green, amber, red := p.Violet, p.Grey, p.Green, p.Amber, p.Red
	key := base.Foreground(p.Light)
	sep := base.Foreground(p.Faint)
	return Theme{
		Color:         true,
		Accent:        violet,
		Brand:         bold.Foreground(violet),
		Title:         bold,
		Header:        base.Foreground(grey),
		Heading:       bold,
		SkillTitle:    bold.Foreground(violet),
		Question:      bold,
		Text:          base,
		Dim:           base.Foreground(grey),
		Help:          base.Foreground(grey),
		Cursor:        bold.Foreground(violet),
		Selected:      base.Foreground(violet),
		SelectedLabel: bold.Foreground(violet),
		Label:         bold,
		Chosen:        base.Foreground(violet),
		Marker:        base.Foreground(violet),
		Unanswered:    base.Foreground(amber),
		Saved:         base.Foreground(grey),
		Warning:       base.Foreground(amber),
		Error:         bold.Foreground(red),
		Verdict: map[rubric.Verdict]lipgloss.Style{
			rubric.Ready:   bold.Foreground(green),
			rubric.Almost:  bold.Foreground(amber),
			rubric.NotYet:  bold.Foreground(grey),
			rubric.Blocked: bold.Foreground(red),
		},
		HelpStyles: help.Styles{
			ShortKey: key, ShortDesc: base.Foreground(grey), ShortSeparator: sep, Ellipsis: sep,
			FullKey: key, FullDesc: base.Foreground(grey), FullSeparator: sep,
		},
	}
}

// InputStyles styles a one-line text field: a steady cursor in the accent
// colour, a quiet placeholder.
func (t *Theme) InputStyles(in *textinput.Model) {
	s := in.Styles()
	s.Cursor.Blink = false
	s.Focused.Placeholder = t.Dim
	s.Blurred.Placeholder = t.Dim
	if t.Color {
		s.Cursor.Color = t.Accent
	}
	in.SetStyles(s)
}

// AreaStyles styles a text area like inputStyles, without line highlights.
func (t *Theme) AreaStyles(in *textarea.Model) {
	s := in.Styles()
	s.Cursor.Blink = false
	s.Focused.CursorLine = t.Text
	s.Focused.Placeholder = t.Dim
	s.Blurred.Placeholder = t.Dim
	if t.Color {
		s.Cursor.Color = t.Accent
	}
	in.SetStyles(s)
}

// Marks are the markers of the level list, drawn once with the theme.
type Marks struct {
	Cursor, NoCursor, Chosen, Open string
	// The save state at the top right.
	saved, saving, notSaved string
	// more holds "↑ 2 more levels" and "↓ 2 more levels" for small counts.
	above, below []string
	theme        *Theme
}

func newMarks(t *Theme) Marks {
	m := Marks{
		Cursor: t.Cursor.Render(MarkCursor) + " ", NoCursor: "  ",
		Chosen: t.Chosen.Render(MarkChosen), Open: t.Dim.Render(MarkOpen),
		saved: t.Saved.Render(MarkSaved + " saved"), saving: t.Saved.Render("saving…"),
		notSaved: t.Error.Render(MarkError + " not saved"),
		theme:    t,
	}
	for n := range 10 {
		m.above = append(m.above, m.more("↑", n))
		m.below = append(m.below, m.more("↓", n))
	}
	return m
}

func (m Marks) more(arrow string, n int) string {
	return " " + m.theme.Dim.Render(fmt.Sprintf("    %s %s", arrow, termtext.Plural(n, "more level", "more levels")))
}

// MoreAbove is the line that says n levels are above the ones shown.
func (m Marks) MoreAbove(n int) string {
	if n < len(m.above) {
		return m.above[n]
	}
	return m.more("↑", n)
}

// MoreBelow is the line that says n levels are below the ones shown.
func (m Marks) MoreBelow(n int) string {
	if n < len(m.below) {
		return m.below[n]
	}
	return m.more("↓", n)
}
