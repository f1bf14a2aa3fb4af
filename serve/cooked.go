package serve

import (
	"io"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// cooked reads lines from a raw terminal as a terminal's line discipline
// would hand them over: under ssh -t the client's terminal sends each key
// as it is pressed and shows nothing, and the server's pseudo-terminal is
// emulated, so for line prompts (--accessible) the server echoes what is
// typed, erases with backspace and ctrl+u, ends a line at enter, ends the
// input at ctrl+d on an empty line or at ctrl+c, and drops the escape
// sequences of arrow and function keys.
type cooked struct {
	r    io.Reader
	echo io.Writer
	// line is the line being typed; ready holds whole lines not yet read.
	line  []rune
	ready []byte
	// partial holds the first bytes of a character split between reads.
	partial []byte
	// esc is the state of an escape sequence being dropped: 0 none, 1
	// after ESC, 2 inside CSI or SS3 until its final byte.
	esc int
	cr  bool // the last byte was \r, so a \n after it ends no new line
	eof bool
}

func (c *cooked) Read(p []byte) (int, error) {
	buf := make([]byte, 256)
	for len(c.ready) == 0 && !c.eof {
		n, err := c.r.Read(buf)
		c.take(buf[:n])
		if err != nil {
			c.eof = true
		}
	}
	if len(c.ready) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.ready)
	c.ready = c.ready[n:]
	return n, nil
}

// take handles the bytes a read brought.
func (c *cooked) take(b []byte) {
	b = append(c.partial, b...)
	c.partial = nil
	for len(b) > 0 {
		if c.eof {
			return
		}
		if b[0] < utf8.RuneSelf {
			c.key(b[0])
			b = b[1:]
			continue
		}
		if !utf8.FullRune(b) {
			c.partial = append([]byte(nil), b...)
			return
		}
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if c.esc == 0 && r != utf8.RuneError {
			c.line = append(c.line, r)
			_, _ = io.WriteString(c.echo, string(r))
		}
	}
}

// key handles one ASCII byte.
func (c *cooked) key(k byte) {
	switch {
	case c.esc == 1:
		c.esc = 0
		if k == '[' || k == 'O' {
			c.esc = 2
		}
		return
	case c.esc == 2:
		if k >= 0x40 && k <= 0x7e {
			c.esc = 0
		}
		return
	}
	cr := c.cr
	c.cr = false
	switch k {
	case 0x1b:
		c.esc = 1
	case '\r', '\n':
		if k == '\n' && cr {
			return
		}
		c.cr = k == '\r'
		_, _ = io.WriteString(c.echo, "\r\n")
		c.ready = append(c.ready, string(c.line)+"\n"...)
		c.line = c.line[:0]
	case 0x7f, 0x08: // backspace
		if len(c.line) > 0 {
			c.erase(c.line[len(c.line)-1:])
			c.line = c.line[:len(c.line)-1]
		}
	case 0x15: // ctrl+u
		c.erase(c.line)
		c.line = c.line[:0]
	case 0x03: // ctrl+c
		_, _ = io.WriteString(c.echo, "^C\r\n")
		c.eof = true
	case 0x04: // ctrl+d
		if len(c.line) == 0 {
			c.eof = true
		}
	default:
		if k >= ' ' {
			c.line = append(c.line, rune(k))
			_, _ = io.WriteString(c.echo, string(rune(k)))
		}
	}
}

// erase takes characters off the screen, as wide as they were shown.
func (c *cooked) erase(rs []rune) {
	w := ansi.StringWidth(string(rs))
	for range w {
		_, _ = io.WriteString(c.echo, "\b \b")
	}
}
