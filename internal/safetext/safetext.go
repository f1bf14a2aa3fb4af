// Package safetext makes untrusted text (from files, postings and people)
// safe to show in a terminal and to save, with no terminal library, so that
// rubric and assessments can use it.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Unsafe reports the first thing in s that must not reach a terminal: an
// escape sequence, a control character other than newline and tab, or a
// bidirectional override. It returns a description for messages.
func Unsafe(s string) (string, bool) {
	// Fast path: printable ASCII, newlines and tabs are safe.
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || (c < 0x20 && c != '\n' && c != '\t') {
			plain = false
			break
		}
	}
	if plain {
		return "", false
	}
	for _, c := range s {
		switch {
		case c == 0x1b:
			return "a terminal escape sequence (ESC)", true
		case c == '\n' || c == '\t':
		case c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0):
			return fmt.Sprintf("a control character (U+%04X)", c), true
		case isBidiOverride(c):
			return fmt.Sprintf("a bidirectional override character (U+%04X)", c), true
		}
	}
	return "", false
}

func isBidiOverride(c rune) bool {
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
}

// isHidden reports the invisible characters a file may hold but that are
// never shown: direction marks (U+200E, U+200F, U+061C), which reorder
// the text around them, and the line and paragraph separators (U+2028,
// U+2029), which some terminals and viewers take as line breaks.
func isHidden(c rune) bool {
	return c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029
}

// dropped reports the characters Clean removes (newline, tab and carriage
// return aside).
func dropped(c rune) bool {
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || isBidiOverride(c) || isHidden(c)
}

// clean reports whether s is already what Clean makes of it.
func clean(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || (c < 0x20 && c != '\n' && c != '\t') {
			ascii = false
			break
		}
	}
	if ascii {
		return true
	}
	if !utf8.ValidString(s) {
		return false
	}
	for _, c := range s {
		if c != '\n' && c != '\t' && dropped(c) {
			return false
		}
	}
	return true
}

// Clean makes text safe to show and to save: invalid UTF-8 becomes U+FFFD,
// escape sequences are stripped, carriage returns become line breaks, and
// other control characters but newline and tab, bidirectional overrides,
// direction marks and line or paragraph separators are dropped. What it
// returns is never Unsafe. It is the rule for all text from a file or a
// person: names (see CleanLine), notes, comments, titles.
func Clean(s string) string {
	if clean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = Strip(s)
	return strings.Map(func(c rune) rune {
		switch {
		case c == '\n' || c == '\t':
			return c
		case c == '\r':
			return '\n'
		case dropped(c):
			return -1
		}
		return c
	}, s)
}

// CleanLine is Clean for text shown or saved on one line, such as a
// person's name: runs of white space (line breaks and tabs included) are
// folded into one space, and surrounding space trimmed.
func CleanLine(s string) string {
	return OneLine(Clean(s))
}

// OneLine folds runs of white space in s (line breaks and tabs included)
// into one space and trims the ends; it cleans nothing.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// CleanPath makes a file name safe to print on one line, keeping its
// length: each character Clean would drop, and each line break or tab,
// shows as "?" (as ls does); invalid UTF-8 shows as U+FFFD. Every path
// readycheck prints goes through it.
func CleanPath(p string) string {
	if clean(p) && !strings.ContainsAny(p, "\n\t") {
		return p
	}
	p = strings.ToValidUTF8(p, "\uFFFD")
	return strings.Map(func(c rune) rune {
		if dropped(c) {
			return '?'
		}
		return c
	}, p)
}

// EscapeJSON rewrites JSON output so that no character that could control
// a terminal or reorder text is written raw: DEL, the C1 controls
// (U+0080 to U+009F), bidirectional overrides and direction marks become
// \u escapes. encoding/json escapes the C0 controls and U+2028/U+2029
// itself; these can only stand inside strings, so the rewrite never
// changes what the JSON means.
func EscapeJSON(b []byte) []byte {
	i := 0
	for i < len(b) && b[i] < 0x7f {
		i++
	}
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	for i < len(b) {
		c, size := utf8.DecodeRune(b[i:])
		if c == 0x7f || (c >= 0x80 && c < 0xa0) || isBidiOverride(c) || isHidden(c) {
			out = fmt.Appendf(out, `\u%04x`, c)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// ShellPath is a path as a command line shows it: cleaned as CleanPath
// cleans it, so that no escape, control or bidirectional character reaches
// the terminal even in quotes, and quoted for a POSIX shell when it needs
// it (macOS's data folder is under "Application Support").
func ShellPath(p string) string {
	p = CleanPath(p)
	if p != "" && strings.Trim(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./~+@%:,=") == "" {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}
