package posting

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/readycheck/readycheck/internal/safetext"
)

// Kind is what a section of a posting is about, told from its heading.
type Kind int

// The kinds of section. Sentences count differently in each (see Draft).
const (
	// Intro is the text before any heading, or under a heading of no known
	// kind ("About the role"): only sentences with a requirement word count.
	Intro Kind = iota
	// Requirements is what the company asks for ("What we look for",
	// "Wat we vragen", "Nice to have"): every sentence counts.
	Requirements
	// Duties is the work itself ("What you will do", "Wat ga je doen"):
	// skills count at the lowest weight, unless also required.
	Duties
	// Benefits is what the company offers ("What we offer", "Wat we
	// bieden"): nothing counts.
	Benefits
	// Other is the rest that never states a requirement ("How to apply",
	// "About us"): nothing counts.
	Other
)

// String names the kind in comments and JSON.
func (k Kind) String() string {
	switch k {
	case Requirements:
		return "requirements"
	case Duties:
		return "duties"
	case Benefits:
		return "benefits"
	case Other:
		return "other"
	}
	return "intro"
}

// Section is a heading and the sentences under it.
type Section struct {
	// Heading is the heading's text; "" for the text before the first one.
	Heading string
	Kind    Kind
	// Sentences are one line each, with markup, bullets and extra spaces
	// removed.
	Sentences []string
}

// Text is a posting split into its title line and sections.
type Text struct {
	// Title is the posting's first line when it reads as a title (short,
	// no full stop): "Harbor Bank — Summer Internship (Amsterdam)".
	Title    string
	Sections []Section
}

// Parse splits a posting (plain text, Markdown or HTML) into its title and
// sections of sentences. HTML tags are stripped and entities decoded;
// Markdown emphasis, links and heading marks are removed. It never fails:
// any text gives some (possibly empty) result.
func Parse(text string) Text {
	text = strings.ToValidUTF8(text, "\uFFFD")
	if looksHTML(text) {
		text = htmlText(text)
	}
	text = safetext.Clean(strings.ReplaceAll(text, "\r\n", "\n"))
	var t Text
	cur := Section{}
	var para []string // lines of the paragraph or bullet being read
	flush := func() {
		if len(para) == 0 {
			return
		}
		cur.Sentences = append(cur.Sentences, Sentences(strings.Join(para, " "))...)
		para = para[:0]
	}
	startSection := func(heading string) {
		flush()
		if cur.Heading != "" || len(cur.Sentences) > 0 {
			t.Sections = append(t.Sections, cur)
		}
		kind, known := headingKind(heading)
		if !known && strings.HasSuffix(heading, ":") && cur.Kind != Intro {
			kind = cur.Kind // a lead-in ("You bring:") inside a known section
		}
		if !known && t.Title == "" && len(t.Sections) == 0 && cur.Heading == "" && len(cur.Sentences) == 0 && looksTitle(heading) {
			t.Title = heading // "# Acme — Backend Intern", <h1> in HTML
		}
		cur = Section{Heading: heading, Kind: kind}
	}
	lines := strings.Split(text, "\n")
	blankBefore := true
	first := true
	for i, raw := range lines {
		line := strings.TrimSpace(strings.Map(spaceLike, raw))
		if line == "" {
			flush()
			blankBefore = true
			continue
		}
		indented := raw != "" && (raw[0] == ' ' || raw[0] == '\t')
		if isRule(line) {
			// A setext underline makes the paragraph before it a heading.
			if (line[0] == '=' || line[0] == '-') && len(para) == 1 {
				h := para[0]
				para = para[:0]
				if first && !isKnownHeading(h) {
					t.Title = h
				} else {
					startSection(h)
				}
				first = false
			} else {
				flush()
			}
			blankBefore = true
			continue
		}
		body, heading, bullet := lineKind(line)
		body = inlineMarkdown(body)
		if strings.TrimSpace(body) == "" {
			continue
		}
		next := ""
		if i+1 < len(lines) {
			next = strings.TrimSpace(lines[i+1])
		}
		switch {
		case heading:
			first = false
			startSection(body)
		case first && !bullet && looksTitle(body) && !isKnownHeading(body):
			first = false
			flush()
			t.Title = body
		case !bullet && !indented && (isKnownHeading(body) || (blankBefore || len(para) == 0) && looksHeading(body, next)):
			first = false
			startSection(body)
		case bullet:
			first = false
			flush()
			para = append(para, body)
		default:
			first = false
			para = append(para, body)
		}
		blankBefore = false
	}
	flush()
	if cur.Heading != "" || len(cur.Sentences) > 0 {
		t.Sections = append(t.Sections, cur)
	}
	return t
}

// spaceLike turns tabs and no-break spaces into plain spaces.
func spaceLike(r rune) rune {
	if r == '\t' || r == '\u00a0' || r == '\u202f' {
		return ' '
	}
	return r
}

// isRule reports a Markdown horizontal rule or setext underline.
func isRule(line string) bool {
	if len(line) < 3 {
		return false
	}
	c := line[0]
	if c != '-' && c != '=' && c != '*' && c != '_' {
		return false
	}
	for i := 0; i < len(line); i++ {
		if line[i] != c && line[i] != ' ' {
			return false
		}
	}
	return true
}

// lineKind strips a Markdown heading mark or a bullet from a line.
func lineKind(line string) (body string, heading, bullet bool) {
	if strings.HasPrefix(line, "#") {
		n := 0
		for n < len(line) && line[n] == '#' {
			n++
		}
		if n <= 6 && (n == len(line) || line[n] == ' ') {
			return strings.TrimSpace(strings.TrimRight(line[n:], "# ")), true, false
		}
	}
	for _, m := range []string{"- ", "* ", "+ ", "• ", "· ", "– ", "— ", "▪ ", "◦ ", "> "} {
		if strings.HasPrefix(line, m) {
			return strings.TrimSpace(line[len(m):]), false, true
		}
	}
	// "1. ", "2) ", "a) ".
	n := 0
	for n < len(line) && n < 3 && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	if n == 0 && len(line) > 2 && line[0] >= 'a' && line[0] <= 'z' && line[1] == ')' {
		n = 1
	}
	if n > 0 && n+1 < len(line) && (line[n] == '.' || line[n] == ')') && line[n+1] == ' ' {
		return strings.TrimSpace(line[n+2:]), false, true
	}
	return line, false, false
}

// inlineMarkdown removes emphasis marks, code ticks and link targets.
func inlineMarkdown(s string) string {
	if !strings.ContainsAny(s, "*_`[") {
		return s
	}
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	s = strings.ReplaceAll(s, "`", "")
	// [text](target) and ![alt](target) become text.
	var b strings.Builder
	for {
		open := strings.Index(s, "[")
		if open < 0 {
			break
		}
		mid := strings.Index(s[open:], "](")
		if mid < 0 {
			break
		}
		end := strings.Index(s[open+mid:], ")")
		if end < 0 {
			break
		}
		pre := s[:open]
		pre = strings.TrimSuffix(pre, "!")
		b.WriteString(pre)
		b.WriteString(s[open+1 : open+mid])
		s = s[open+mid+end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// looksTitle reports a first line that reads as the posting's title.
func looksTitle(s string) bool {
	return !endsSentence(s) && len(strings.Fields(s)) <= 20
}

// looksHeading reports a short line standing alone that reads as a
// heading: a known heading, or at most six words with no full stop, or a
// line of at most eight words ending in a colon, with text after it.
func looksHeading(s, next string) bool {
	if isKnownHeading(s) {
		return true
	}
	if next == "" && !strings.HasSuffix(s, ":") {
		return false
	}
	words := len(strings.Fields(s))
	if strings.HasSuffix(s, ":") {
		return words <= 8
	}
	r, _ := utf8.DecodeRuneInString(s)
	return words <= 6 && !endsSentence(s) && !strings.HasSuffix(s, ",") && (unicode.IsUpper(r) || unicode.IsDigit(r))
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, ")\"'”’ ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ";")
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "incl": true, "approx": true, "vs": true, "min": true, "max": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "no": true, "nr": true, "bijv": true, "o.a": true, "d.w.z": true,
	"ca": true, "resp": true, "zgn": true, "m.b.t": true, "t.a.v": true, "jr": true, "sr": true, "st": true,
}

// Sentences splits a paragraph into sentences at a full stop, question or
// exclamation mark followed by a space and a capital letter or digit, but
// not after an abbreviation (e.g., i.e., etc.) or an initial. Runs of
// spaces become one.
func Sentences(p string) []string {
	p = strings.Join(strings.Fields(p), " ")
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == ')' || p[j] == '"' || p[j] == '\'') {
			j++
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p[j+1:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '(' && r != '“' {
			continue
		}
		if c == '.' {
			w := lastWord(p[start:i])
			if abbreviations[strings.ToLower(w)] || utf8.RuneCountInString(w) == 1 {
				continue
			}
		}
		if s := strings.TrimSpace(p[start:j]); s != "" {
			out = append(out, s)
		}
		start = j + 1
		i = j
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

func lastWord(s string) string {
	i := strings.LastIndexAny(s, " (")
	return s[i+1:]
}

// looksHTML reports text that holds HTML markup: a tag of the kinds
// postings are written in.
func looksHTML(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		rest := strings.ToLower(s[i+1 : min(len(s), i+12)])
		rest = strings.TrimPrefix(rest, "/")
		for _, tag := range htmlTags {
			if strings.HasPrefix(rest, tag) {
				if len(rest) == len(tag) {
					return true
				}
				if c := rest[len(tag)]; c == '>' || c == ' ' || c == '/' || c == '\n' {
					return true
				}
			}
		}
	}
	return false
}

var htmlTags = []string{"!doctype", "html", "body", "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "span", "strong", "b", "em", "i", "a", "section", "article", "table", "tr", "td"}

// htmlText turns HTML into the plain text Parse reads: headings become
// Markdown headings, list items bullets, blocks paragraphs; scripts and
// styles are dropped and entities decoded.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip > 0 {
				continue
			}
			// Whitespace in HTML text is not significant.
			txt := string(z.Text())
			if strings.TrimSpace(txt) == "" {
				if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") && !strings.HasSuffix(b.String(), "\n") {
					b.WriteByte(' ')
				}
				continue
			}
			lead := txt[0] == ' ' || txt[0] == '\n' || txt[0] == '\t' || txt[0] == '\r'
			trail := strings.TrimRight(txt, " \n\t\r") != txt
			txt = strings.Join(strings.Fields(txt), " ")
			if lead && b.Len() > 0 && !strings.HasSuffix(b.String(), " ") && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
			}
			b.WriteString(txt)
			if trail {
				b.WriteByte(' ')
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch tag {
			case "script", "style", "head", "noscript", "template", "svg":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch tag {
			case "h1", "h2", "h3", "h4", "h5", "h6":
				if tt == html.StartTagToken {
					b.WriteString("\n\n# ")
				} else {
					b.WriteString("\n\n")
				}
			case "li":
				if tt == html.StartTagToken {
					b.WriteString("\n- ")
				} else {
					b.WriteString("\n")
				}
			case "br":
				b.WriteString("\n")
			case "p", "div", "ul", "ol", "section", "article", "header", "footer", "table", "tr", "dl", "dt", "dd", "blockquote", "main", "body":
				b.WriteString("\n\n")
			case "td", "th":
				b.WriteString(" ")
			}
		}
	}
}
