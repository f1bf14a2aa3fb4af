package cmd

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/readycheck/readycheck/internal/palette"
)

// The width of text output: defaultWidth without a terminal or COLUMNS
// (scorecard's and cohortview's DefaultWidth), and never wider than
// maxWidth, past which a report's columns drift too far apart to read.
const (
	defaultWidth = 80
	maxWidth     = 120
)

// outputWidth is the one rule for the width every command fits text to
// (score, diff, report, simulate, on the standard output or in an --out
// file): COLUMNS when it holds a positive number, else the terminal's
// width when w is one, else defaultWidth; at most maxWidth. color is
// whether to colour it: only on a terminal, and never when NO_COLOR holds
// any value.
func outputWidth(w io.Writer, columns, noColor string) (width int, color bool) {
	width = defaultWidth
	f, ok := w.(*os.File)
	isTerm := ok && term.IsTerminal(f.Fd())
	if isTerm {
		if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
			width = cols
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(columns)); err == nil && n > 0 {
		width = n
	}
	return min(width, maxWidth), isTerm && noColor == ""
}

// textOutput is outputWidth for w with this process's COLUMNS and NO_COLOR.
func textOutput(w io.Writer) (width int, color bool) {
	return outputWidth(w, os.Getenv("COLUMNS"), os.Getenv("NO_COLOR"))
}

// colored is out ready for text in colour when color: downsampled to the
// colours the terminal shows, with the palette of the terminal's background
// (asked once, when stdin and out are the terminal; else the print
// palette). Without color, out itself and the zero Palette: no colour.
func colored(out io.Writer, color bool) (io.Writer, palette.Palette) {
	if !color {
		return out, palette.Palette{}
	}
	p := palette.Print()
	if f, ok := out.(*os.File); ok {
		p = palette.Detect(os.Stdin, f)
	}
	return colorprofile.NewWriter(out, os.Environ()), p
}

// writeJSON writes to out the JSON document that marshal makes (score's,
// diff's): nothing when marshal fails.
func writeJSON(out io.Writer, marshal func() ([]byte, error)) error {
	b, err := marshal()
	if err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}
