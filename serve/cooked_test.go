package serve

import (
	"io"
	"strings"
	"testing"
)

// Line prompts under ssh -t read what a terminal's line discipline would
// give them, and the person sees what they type.
func TestCookedLines(t *testing.T) {
	for _, tc := range []struct{ name, keys, lines, echo string }{
		{"enter ends a line", "3\r", "3\n", "3\r\n"},
		{"crlf is one line end", "yes\r\nno\r", "yes\nno\n", "yes\r\nno\r\n"},
		{"backspace", "12\x7f3\r", "13\n", "12\b \b3\r\n"},
		{"ctrl+u", "abc\x15d\r", "d\n", "abc\b \b\b \b\b \bd\r\n"},
		{"wide backspace", "日\x7f\r", "\n", "日\b \b\b \b\r\n"},
		{"arrows are dropped", "a\x1b[A\x1bOBb\r", "ab\n", "ab\r\n"},
		{"ctrl+d on an empty line ends", "1\r\x04more\r", "1\n", "1\r\n"},
		{"ctrl+c ends", "1\r2\x03", "1\n", "1\r\n2^C\r\n"},
		{"accents", "modé\r", "modé\n", "modé\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var echo strings.Builder
			// One byte a read, as keys arrive.
			c := &cooked{r: &oneByte{s: tc.keys}, echo: &echo}
			got, err := io.ReadAll(c)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.lines || echo.String() != tc.echo {
				t.Errorf("read %q echo %q, want %q %q", got, echo.String(), tc.lines, tc.echo)
			}
		})
	}
}

type oneByte struct{ s string }

func (o *oneByte) Read(p []byte) (int, error) {
	if o.s == "" {
		return 0, io.EOF
	}
	p[0] = o.s[0]
	o.s = o.s[1:]
	return 1, nil
}
