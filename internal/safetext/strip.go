package safetext

import (
	"strings"
	"unicode/utf8"
)

// The states of the escape-sequence reader, after the DEC/ECMA-48 parser
// (https://vt100.net/emu/dec_ansi_parser) as charmbracelet/x/ansi extends
// it: UTF-8 runes are read whole, OSC and DCS strings may hold UTF-8, and
// the C1 controls are bytes (0x9B CSI, 0x9D OSC, 0x90 DCS, 0x98 SOS, 0x9E
// PM, 0x9F APC, 0x9C ST); the rune U+009B, which is two bytes in UTF-8,
// is not a CSI but a character (which Clean then drops).
const (
	ground     = iota
	escape     // after ESC
	escInter   // ESC and intermediate bytes (0x20–0x2F)
	csi        // ESC [ or 0x9B, and parameter bytes (0x30–0x3F)
	csiInter   // a CSI's intermediate bytes
	dcsEntry   // ESC P or 0x90
	dcsParam   // a DCS's parameter bytes
	dcsInter   // a DCS's intermediate bytes
	dcsString  // a DCS's data, up to ST, ESC, CAN or SUB
	oscString  // ESC ] or 0x9D: up to BEL, ST, ESC, CAN or SUB
	textString // SOS, PM and APC (ESC X, ESC ^, ESC _): up to ST, ESC, CAN or SUB
)

// Strip removes terminal escape sequences from s: CSI (ESC [ … final byte
// 0x40–0x7E), OSC (ESC ] … BEL or ST), DCS, SOS, PM and APC strings (ESC
// P, X, ^, _ … ST), two-byte ESC sequences and their C1 byte forms. The
// control characters outside sequences are kept (Clean drops them); bytes
// that start no sequence and are not UTF-8 are dropped. It does what
// ansi.Strip of charmbracelet/x/ansi does, byte for byte (a fuzz test
// holds it to that), without a terminal library.
func Strip(s string) string {
	if strings.IndexByte(s, 0x1b) < 0 && utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	state := ground
	for i := 0; i < len(s); i++ {
		c := s[i]
		// A UTF-8 lead byte starts a character wherever it stands, except
		// in an OSC or DCS string, which holds it; the bytes after it are
		// taken as they come.
		if c >= 0xc2 && c <= 0xf4 && state != oscString && state != dcsString {
			n := 2
			if c >= 0xf0 {
				n = 4
			} else if c >= 0xe0 {
				n = 3
			}
			end := min(i+n, len(s))
			b = append(b, s[i:end]...)
			i = end - 1
			state = ground
			continue
		}
		var keep bool
		state, keep = step(state, c)
		if keep {
			b = append(b, c)
		}
	}
	return string(b)
}

// step reads byte c in state: the next state, and whether c is kept.
func step(state int, c byte) (int, bool) {
	// C0 controls but CAN, SUB and ESC: what each state does with them.
	if c < 0x20 && c != 0x18 && c != 0x1a && c != 0x1b {
		switch state {
		case ground, escape, escInter, csi, csiInter:
			return state, true
		case dcsEntry:
			if c >= 0x08 && c <= 0x0d {
				return dcsString, false
			}
			return state, false
		case oscString:
			if c == 0x07 {
				return ground, false
			}
			return state, false
		default:
			return state, false
		}
	}
	switch state {
	case ground:
		if c < 0x80 && c != 0x1b {
			return ground, true
		}
	case dcsString, oscString, textString:
		switch {
		case c == 0x1b:
			return escape, false
		case c == 0x18 || c == 0x1a || c == 0x9c:
			return ground, false
		case state == dcsString || state == oscString || c < 0x80:
			return state, false
		}
	case dcsEntry:
		switch {
		case c == 0x1b:
			return dcsString, false
		case c == 0x7f:
			return state, false
		case c >= 0x20 && c <= 0x2f:
			return dcsInter, false
		case c >= 0x30 && c <= 0x3f:
			return dcsParam, false
		case c >= 0x40 && c <= 0x7e:
			return dcsString, false
		}
	case dcsParam:
		switch {
		case c == 0x7f || (c >= 0x30 && c <= 0x3f):
			return state, false
		case c >= 0x20 && c <= 0x2f:
			return dcsInter, false
		case c >= 0x40 && c <= 0x7e:
			return dcsString, false
		}
	case dcsInter:
		switch {
		case c == 0x7f || (c >= 0x20 && c <= 0x2f):
			return state, false
		case c >= 0x30 && c <= 0x7e:
			return dcsString, false
		}
	case csi:
		switch {
		case c == 0x7f || (c >= 0x30 && c <= 0x3f):
			return state, false
		case c >= 0x20 && c <= 0x2f:
			return csiInter, false
		case c >= 0x40 && c <= 0x7e:
			return ground, false
		}
	case csiInter:
		switch {
		case c == 0x7f || (c >= 0x20 && c <= 0x2f):
			return state, false
		case c >= 0x30 && c <= 0x7e:
			return ground, false
		}
	case escape:
		switch {
		case c == 0x7f:
			return state, false
		case c >= 0x20 && c <= 0x2f:
			return escInter, false
		case c == 'P':
			return dcsEntry, false
		case c == '[':
			return csi, false
		case c == ']':
			return oscString, false
		case c == 'X' || c == '^' || c == '_':
			return textString, false
		case c >= 0x30 && c <= 0x7e:
			return ground, false
		}
	case escInter:
		switch {
		case c == 0x7f || (c >= 0x20 && c <= 0x2f):
			return state, false
		case c >= 0x30 && c <= 0x7e:
			return ground, false
		}
	}
	return anywhere(c)
}

// anywhere is what a byte does in any state that has no rule of its own
// for it: ESC and the C1 introducers start a sequence, CAN, SUB and the
// other C1 controls end one and are kept, and any other byte ends one and
// is dropped.
func anywhere(c byte) (int, bool) {
	switch c {
	case 0x1b:
		return escape, false
	case 0x9b:
		return csi, false
	case 0x9d:
		return oscString, false
	case 0x90:
		return dcsEntry, false
	case 0x98, 0x9e, 0x9f:
		return textString, false
	case 0x18, 0x1a, 0x99, 0x9a, 0x9c:
		return ground, true
	}
	if c >= 0x80 && c <= 0x97 {
		return ground, true
	}
	return ground, false
}
