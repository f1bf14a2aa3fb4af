package yamlfile

import (
	"strings"
	"unicode/utf8"
)

// MaxExcerpt is the most runes of a file's text that a message quotes: a
// longer quoted excerpt is cut there and ends with "…", so that a 3 MB key
// is not echoed whole.
const MaxExcerpt = 60

// CutExcerpts cuts every double-quoted excerpt in msg (Go-quoted, as %q
// writes it) longer than MaxExcerpt runes to its first MaxExcerpt runes and
// "…". Text outside quotes is left as it is.
func CutExcerpts(msg string) string {
	return mapExcerpts(msg, func(inner string) string {
		// Count an escape sequence (\n, \x00, \u00e9) as one character and
		// never cut one in two.
		n := 0
		for i := 0; i < len(inner); n++ {
			if n == MaxExcerpt {
				return inner[:i] + "…"
			}
			if inner[i] != '\\' || i+1 >= len(inner) {
				_, size := utf8.DecodeRuneInString(inner[i:])
				i += size
				continue
			}
			switch inner[i+1] {
			case 'x':
				i += 4
			case 'u':
				i += 6
			case 'U':
				i += 10
			case '0', '1', '2', '3', '4', '5', '6', '7':
				i += 4
			default:
				i += 2
			}
		}
		return inner
	})
}

// RedactExcerpts replaces every double-quoted excerpt in msg by "…": for
// reports shared outside, which must not carry any text of a file.
func RedactExcerpts(msg string) string {
	return mapExcerpts(msg, func(string) string { return "…" })
}

// mapExcerpts replaces the inside of each double-quoted span of msg by
// f's result; a quote without its closing one is left as it is.
func mapExcerpts(msg string, f func(inner string) string) string {
	if !strings.Contains(msg, `"`) {
		return msg
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(msg, '"')
		if open < 0 {
			break
		}
		end := closingQuote(msg, open+1)
		if end < 0 {
			break
		}
		b.WriteString(msg[:open+1])
		b.WriteString(f(msg[open+1 : end]))
		b.WriteByte('"')
		msg = msg[end+1:]
	}
	b.WriteString(msg)
	return b.String()
}

// closingQuote is the index of the quote closing a span that starts at i,
// skipping backslash escapes; -1 when there is none.
func closingQuote(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}
