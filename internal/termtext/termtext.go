// Package termtext lays text out in terminal cells for screens and text
// reports: padding, cutting with an ellipsis, wrapping, and the counted
// nouns their lines say. It uses terminal libraries (x/ansi, lipgloss), so
// rubric and assessments must not import it; cleaning untrusted text is
// safetext's job.
package termtext

import (
	"regexp"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Pad fills s with spaces to n cells; s already n cells or wider is left
// as it is.
func Pad(s string, n int) string {
	if w := ansi.StringWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// Cut shortens s to at most n cells, ending it with "…" when cut; with no
// room (n < 1) nothing is left. It never pads (see Exact).
func Cut(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > n {
		return ansi.Truncate(s, n, "…")
	}
	return s
}

// CutLeft shortens s to at most n cells from the left, starting it with
// "…" when cut ("…/assessments/ada.yaml"): for paths, whose end says most.
func CutLeft(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if w := ansi.StringWidth(s); w > n {
		return ansi.TruncateLeft(s, w-n+1, "…")
	}
	return s
}

// Exact makes s exactly n cells, for a column: cut with "…" when longer
// (Cut), padded with spaces when shorter (Pad).
func Exact(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return Pad(Cut(s, n), n)
}

// Wrap wraps text to width on spaces (and the hyphens inside words),
// breaking words longer than the width, but never inside a command-line
// flag: "--rubric" stays whole, where the wrapping library would leave
// "--" at the end of one line and "rubric" on the next.
func Wrap(s string, width int) string {
	if !strings.Contains(s, "--") {
		return lipgloss.Wrap(s, width, "")
	}
	protected := flagPattern.ReplaceAllStringFunc(s, func(f string) string { return strings.ReplaceAll(f, "-", noBreakHyphen) })
	return strings.ReplaceAll(lipgloss.Wrap(protected, width, ""), noBreakHyphen, "-")
}

// noBreakHyphen (U+2011) stands in for a flag's hyphens while wrapping.
const noBreakHyphen = "\u2011"

// flagPattern is a command-line flag such as --rubric or --follow-symlinks.
var flagPattern = regexp.MustCompile(`--[a-z][a-z-]*`)

// Plural says "1 file" or "3 files": one for exactly one, else many, after
// the number in plain digits ("1000 files").
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// PluralGrouped is Plural with the thousands grouped by commas ("1,000
// files"), as the command line's messages write counts.
func PluralGrouped(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}

// Thousands writes n with its thousands grouped by commas: 1,000 and
// 100,000.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}
