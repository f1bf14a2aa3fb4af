package yamlfile

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
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

// Clean makes text from a file safe for a terminal: escape sequences are
// stripped, other control characters but newline and tab dropped, and
// bidirectional overrides dropped.
func Clean(s string) string {
	if _, bad := Unsafe(s); !bad {
		return s
	}
	s = ansi.Strip(s)
	return strings.Map(func(c rune) rune {
		switch {
		case c == '\n' || c == '\t':
			return c
		case c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || isBidiOverride(c):
			return -1
		}
		return c
	}, s)
}
