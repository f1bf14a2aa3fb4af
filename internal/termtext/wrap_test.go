package termtext

import (
	"strings"
	"testing"
)

// A flag is never cut at its dashes, at any width that holds it, and the
// text is otherwise wrapped as before.
func TestWrapKeepsFlags(t *testing.T) {
	s := "this assessment was taken against rubric x; leave out --rubric to use it, or pass --follow-symlinks"
	for w := 20; w <= 80; w++ {
		wrapped := Wrap(s, w)
		for _, flag := range []string{"--rubric", "--follow-symlinks"} {
			if !strings.Contains(wrapped, flag) {
				t.Fatalf("width %d cuts %s: %q", w, flag, wrapped)
			}
		}
		if got := strings.Join(strings.Fields(wrapped), " "); got != s {
			t.Fatalf("width %d changed the text: %q", w, got)
		}
	}
}
