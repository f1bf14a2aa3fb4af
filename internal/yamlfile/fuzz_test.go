package yamlfile

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
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
