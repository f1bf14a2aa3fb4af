package palette

import (
	"image/color"
	"os"
	"testing"

	"charm.land/lipgloss/v2"
)

// The dark palette is the one readycheck printed before backgrounds were
// asked: coloured output on a dark terminal, and printed output, keep
// their bytes.
func TestDarkIsThePrintPalette(t *testing.T) {
	want := Palette{
		Green:  lipgloss.Color("#3FB950"),
		Amber:  lipgloss.Color("#D29922"),
		Red:    lipgloss.Color("#F85149"),
		Grey:   lipgloss.Color("#8B949E"),
		Violet: lipgloss.Color("#A371F7"),
	}
	if got := For(true); got != want {
		t.Errorf("For(true) = %v, want %v", got, want)
	}
	if Print() != want {
		t.Errorf("Print() = %v, want the dark palette", Print())
	}
}

func TestLightDiffersInEveryColour(t *testing.T) {
	dark, light := For(true), For(false)
	for _, c := range []struct {
		name        string
		dark, light color.Color
	}{
		{"green", dark.Green, light.Green}, {"amber", dark.Amber, light.Amber}, {"red", dark.Red, light.Red},
		{"grey", dark.Grey, light.Grey}, {"violet", dark.Violet, light.Violet},
	} {
		if c.light == nil || c.light == c.dark {
			t.Errorf("%s: light %v, dark %v", c.name, c.light, c.dark)
		}
	}
}

func TestZeroIsNoColour(t *testing.T) {
	if (Palette{}).Colored() || !For(false).Colored() {
		t.Error("only the zero Palette is without colour")
	}
	if Of(false, Print()).Colored() || Of(true, For(false)) != For(false) {
		t.Error("Of(false, p) is no colour, Of(true, p) is p")
	}
}

// Without a terminal nothing is asked (no query written, no wait): the
// print palette.
func TestDetectWithoutTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := Detect(f, f); got != Print() {
		t.Errorf("Detect on a file = %v, want the print palette", got)
	}
	if info, _ := f.Stat(); info.Size() != 0 {
		t.Errorf("Detect wrote %d bytes to a file", info.Size())
	}
}

// The screens' palette keeps the colours the interactive programs always
// drew with, whatever the background.
func TestScreenKeepsTheScreensColours(t *testing.T) {
	p := Screen()
	for _, c := range []struct {
		name, hex string
		got       color.Color
	}{
		{"green", "#2EA043", p.Green}, {"amber", "#D29922", p.Amber}, {"red", "#E5534B", p.Red}, {"grey", "#8A8F98", p.Grey},
		{"violet", "#8B5CF6", p.Violet}, {"light", "#B1B5BD", p.Light}, {"faint", "#5C6068", p.Faint},
	} {
		if c.got != lipgloss.Color(c.hex) {
			t.Errorf("%s: %v, want %s", c.name, c.got, c.hex)
		}
	}
}
