package safetext

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// FuzzClean holds the cleaners to their promises for any input: Clean's
// text is valid UTF-8, never Unsafe, and clean already; CleanLine's has no
// line break; CleanPath's keeps one line and no control character; and
// EscapeJSON changes no JSON string's value while writing no C1 control or
// bidirectional character raw.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain", "red \x1b[31malert", "\u202e\u200f\u2028", "bad \xff", "a\r\nb\rc", "\u009b2J", "\x1b]8;;http://x\x07link"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) = %q, not UTF-8", s, c)
		}
		if bad, ok := Unsafe(c); ok {
			t.Fatalf("Clean(%q) = %q, holds %s", s, c, bad)
		}
		if again := Clean(c); again != c {
			t.Fatalf("Clean is not idempotent: %q then %q", c, again)
		}
		if l := CleanLine(s); strings.ContainsAny(l, "\n\t\r") {
			t.Fatalf("CleanLine(%q) = %q", s, l)
		}
		p := CleanPath(s)
		if _, ok := Unsafe(p); ok || strings.ContainsAny(p, "\n\t") || !utf8.ValidString(p) || Clean(p) != p {
			t.Fatalf("CleanPath(%q) = %q", s, p)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		e := EscapeJSON(b)
		var back string
		if err := json.Unmarshal(e, &back); err != nil {
			t.Fatalf("EscapeJSON(%s) = %s: %v", b, e, err)
		}
		var want string
		json.Unmarshal(b, &want)
		if back != want {
			t.Fatalf("EscapeJSON changed %q into %q", want, back)
		}
		for _, r := range string(e) {
			if r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiOverride(r) || isHidden(r) {
				t.Fatalf("EscapeJSON(%s) = %s, holds U+%04X raw", b, e, r)
			}
		}
	})
}

// FuzzStrip holds Strip to what charmbracelet/x/ansi's Strip does, on any
// bytes, valid UTF-8 or not.
func FuzzStrip(f *testing.F) {
	for _, s := range []string{
		"plain", "red \x1b[31malert\x1b[0m", "\x1b]8;;http://x\x07link\x1b]8;;\x1b\\",
		"\x1bP1$r0m\x1b\\dcs", "\x1b_apc\x9cafter", "\x1bX sos é \x1b\\", "\x1b^pm\x18x",
		"\x9b31mC1 csi", "\x9d0;title\x9c", "\x90q\x9c", "\u009b2J", "\x1b(B\x1b#8\x1b7",
		"\x1b[1;2\x05;3 p", "\x1b]ĜOSC cut in a rune", "bad \xff\xc3", "\x1b[\xc3\xa9x", "\x1bP\x1bx",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Strip(s), ansi.Strip(s); got != want {
			t.Fatalf("Strip(%q) = %q, ansi.Strip gives %q", s, got, want)
		}
	})
}
