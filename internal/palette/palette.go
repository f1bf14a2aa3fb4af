// Package palette is readycheck's one set of colours for text output, on a
// screen and in print: green for ready and met, amber for almost and partly
// met, red for blocked and unmet, grey for what is dimmed, violet for
// titles. A Palette is a value, built once for a background and passed to
// the renderers (scorecard, cohortview, the interactive programs' theme);
// colour only ever repeats what a word or a glyph already says.
package palette

import (
	"image/color"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
)

// Palette is a set of colours for one background. The zero Palette is no
// colour at all: plain text.
type Palette struct {
	Green, Amber, Red, Grey, Violet color.Color
	// Light and Faint are greys lighter and darker than Grey, for the keys
	// and the separators of a screen's help line; nil in the palettes of
	// text output (For), which has no help line.
	Light, Faint color.Color
}

// Colored reports whether p colours text (false for the zero Palette).
func (p Palette) Colored() bool { return p.Violet != nil }

// For is the palette for a dark or a light background. The dark one is the
// palette readycheck has always printed; the light one is its darker
// counterpart, readable on white.
func For(dark bool) Palette {
	ld := lipgloss.LightDark(dark)
	return Palette{
		Green:  ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#3FB950")),
		Amber:  ld(lipgloss.Color("#9A6700"), lipgloss.Color("#D29922")),
		Red:    ld(lipgloss.Color("#CF222E"), lipgloss.Color("#F85149")),
		Grey:   ld(lipgloss.Color("#656D76"), lipgloss.Color("#8B949E")),
		Violet: ld(lipgloss.Color("#8250DF"), lipgloss.Color("#A371F7")),
	}
}

// Screen is the palette of the interactive programs' screens: mid-tone
// colours, readable on dark and light backgrounds alike, so that no
// background is asked before the first screen is drawn.
func Screen() Palette {
	return Palette{
		Green:  lipgloss.Color("#2EA043"),
		Amber:  lipgloss.Color("#D29922"),
		Red:    lipgloss.Color("#E5534B"),
		Grey:   lipgloss.Color("#8A8F98"),
		Violet: lipgloss.Color("#8B5CF6"),
		Light:  lipgloss.Color("#B1B5BD"),
		Faint:  lipgloss.Color("#5C6068"),
	}
}

// Print is the palette of coloured output with no terminal to ask about
// its background: the dark one, as printed before backgrounds were asked.
func Print() Palette { return For(true) }

// Detect is the palette for the background of the terminal on in and out,
// which it asks (lipgloss.HasDarkBackground); the dark one when either is
// not a terminal or the terminal does not say.
func Detect(in, out term.File) Palette {
	if !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return Print()
	}
	return For(lipgloss.HasDarkBackground(in, out))
}

// Of is p when color, else no colour.
func Of(color bool, p Palette) Palette {
	if !color {
		return Palette{}
	}
	return p
}
