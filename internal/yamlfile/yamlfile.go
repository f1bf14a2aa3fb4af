// Package yamlfile reads the YAML files that people write by hand (rubrics and
// assessments): it refuses oversized, empty, non-UTF-8 and unsafe input, parses
// into positioned nodes, and collects every problem as FILE:LINE:COL.
package yamlfile

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/safetext"
)

// MaxSize is the largest file readycheck parses; larger ones are refused
// before parsing.
const MaxSize = 4 << 20

// Problem is one thing wrong with a file, at a position.
type Problem struct {
	File    string
	Line    int
	Column  int
	Message string
	Warning bool
}

// Error formats the problem the way every readycheck command prints it. The
// file name and the message are made terminal-safe (safetext.Clean): both may carry
// text from outside, and a message is printed to someone's terminal.
func (p Problem) Error() string {
	prefix := ""
	if p.Warning {
		prefix = "warning: "
	}
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s%s", safetext.CleanPath(p.File), p.Line, p.Column, prefix, safetext.Clean(CutExcerpts(p.Message)))
	default:
		return fmt.Sprintf("%s: %s%s", safetext.CleanPath(p.File), prefix, safetext.Clean(CutExcerpts(p.Message)))
	}
}

// Problems is every problem found in one or more files, in file order.
type Problems []Problem

// Error joins the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Errors returns only the problems that are not warnings.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns only the warnings.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Err returns the errors among the problems as an error, or nil when there
// are none (warnings alone are not an error).
func (ps Problems) Err() error {
	if errs := ps.Errors(); len(errs) > 0 {
		return errs
	}
	return nil
}

// Sort orders problems by position, keeping the order of those at the same place.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
}

// Reporter collects the problems of one file.
type Reporter struct {
	File     string
	Problems Problems
}

// At records an error at a node's position.
func (r *Reporter) At(n *yaml.Node, format string, args ...any) {
	r.add(n, false, format, args...)
}

// WarnAt records a warning at a node's position.
func (r *Reporter) WarnAt(n *yaml.Node, format string, args ...any) {
	r.add(n, true, format, args...)
}

func (r *Reporter) add(n *yaml.Node, warn bool, format string, args ...any) {
	// Messages quote text from the file; whatever a format verb let
	// through, no escape sequence reaches a terminal, and no quoted
	// excerpt is longer than MaxExcerpt.
	p := Problem{File: r.File, Message: safetext.Clean(CutExcerpts(fmt.Sprintf(format, args...))), Warning: warn}
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	r.Problems = append(r.Problems, p)
}

// Failed reports whether any error (not warning) has been recorded.
func (r *Reporter) Failed() bool {
	for _, p := range r.Problems {
		if !p.Warning {
			return true
		}
	}
	return false
}

// ErrTooLarge is returned for files over MaxSize.
var ErrTooLarge = errors.New("file too large")

// Parse checks the raw bytes of a file and parses them into the document's
// top node. It returns nil and the problems when the file cannot be parsed.
func Parse(file string, data []byte) (*yaml.Node, Problems) {
	r := &Reporter{File: file}
	if len(data) > MaxSize {
		return nil, TooLarge(file, int64(len(data)))
	}
	if onlyComments(data) {
		r.At(nil, "the file is empty; write the YAML document in it (see `readycheck rubric init` for a starting point)")
		return nil, r.Problems
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8At(data)
		r.Problems = append(r.Problems, Problem{File: file, Line: line, Column: col,
			Message: "the file is not valid UTF-8 text; save it as UTF-8 in your editor"})
		return nil, r.Problems
	}
	if ps := controlCharacters(file, data); len(ps) > 0 {
		return nil, ps
	}
	var doc yaml.Node
	if err := yaml.Load(data, &doc, yaml.WithUniqueKeys(false)); err != nil {
		line, col, msg := syntaxError(err, data)
		r.Problems = append(r.Problems, Problem{File: file, Line: line, Column: col,
			Message: "YAML syntax error: " + msg})
		return nil, r.Problems
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		top := doc.Content[0]
		if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
			r.At(top, "the file holds no data; write the YAML document in it")
			return nil, r.Problems
		}
		return top, nil
	}
	r.At(nil, "the file holds no YAML document")
	return nil, r.Problems
}

// TooLarge is the problem of a file of size bytes, over MaxSize, for callers
// that refuse a file by its size before reading it.
func TooLarge(file string, size int64) Problems {
	return Problems{{File: file, Message: fmt.Sprintf("the file is %s, over the %s limit; split it or remove unused text", sizeOver(size), humanSize(MaxSize))}}
}

// maxControlProblems caps the problems reported for raw control characters:
// a binary file would otherwise give one per byte.
const maxControlProblems = 10

// controlCharacters reports the raw control characters in a file, which
// YAML refuses without saying where. Written as escapes inside quotes
// ("\e"), they parse and are reported where the text is read.
func controlCharacters(file string, data []byte) Problems {
	var ps Problems
	line, col := 1, 0
	for _, c := range string(data) {
		col++
		switch {
		case c == '\n':
			line, col = line+1, 0
			continue
		case c == '\t' || c == '\r' || c == 0x85 || c == 0xfeff:
			continue
		case c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0):
		default:
			continue
		}
		what := fmt.Sprintf("a control character (U+%04X)", c)
		if c == 0x1b {
			what = "a terminal escape sequence (ESC)"
		}
		if len(ps) == maxControlProblems {
			ps = append(ps, Problem{File: file, Line: line, Column: col, Message: "more control characters follow; is this a text file?"})
			break
		}
		ps = append(ps, Problem{File: file, Line: line, Column: col, Message: "the file contains " + what + "; remove it (text from a file must not control the terminal)"})
	}
	return ps
}

// onlyComments reports whether a file holds nothing but blank lines and
// comments.
func onlyComments(data []byte) bool {
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") && line != "---" {
			return false
		}
	}
	return true
}

// sizeOver describes the size of a file over MaxSize, exactly when rounding
// would make it read as the limit itself.
func sizeOver(n int64) string {
	if s := humanSize(n); s != strconv.FormatFloat(float64(MaxSize)/(1<<20), 'f', 1, 64)+" MiB" {
		return s
	}
	return fmt.Sprintf("%d bytes", n)
}

func humanSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

func invalidUTF8At(data []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col
}

// syntaxError turns the YAML library's error into a position and a message
// in plain words; messages it has no plainer words for pass through as
// they are.
func syntaxError(err error, data []byte) (line, col int, msg string) {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		if strings.Contains(le.Message, "expected single document") {
			line, col = secondDocument(data)
			return line, col, "the file holds more than one YAML document (a second one starts here with ---); keep one document per file"
		}
		return plainSyntax(le, data)
	}
	msg = err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				return n, 1, strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return 0, 0, msg
}

// plainSyntax rewords the library's most frequent syntax errors for people
// who do not know YAML's grammar, and points at where the mistake was made
// rather than where the parser noticed it.
func plainSyntax(le *yaml.LoadError, data []byte) (line, col int, msg string) {
	line, col, msg = le.Mark.Line, le.Mark.Column, le.Message
	switch {
	case msg == "found unexpected end of stream" && strings.Contains(le.ContextMsg, "quoted scalar") && le.ContextMark.Line > 0:
		return le.ContextMark.Line, le.ContextMark.Column, "a quoted text starts here but is never closed; add the closing quote"
	case strings.Contains(msg, "tab character"), msg == "found character that cannot start any token" && byteAt(data, line, col) == '\t':
		return line, col, "a tab is used for indentation; indent with spaces only"
	case msg == "found character that cannot start any token":
		if c := byteAt(data, line, col); c == '@' || c == '`' {
			return line, col, fmt.Sprintf("a value cannot start with %q; put the text in quotes", c)
		}
	case msg == "mapping values are not allowed in this context":
		return line, col, `unexpected ":" here; put text that holds ": " in quotes, or check the indentation of this line and the one above`
	case msg == "did not find expected key":
		return line, col, "this line's indentation does not match the lines around it; line it up with the fields it belongs with"
	case strings.HasPrefix(msg, "unknown anchor"):
		return line, col, "this alias (*name) refers to no anchor; aliases are not supported, write the value out"
	case msg == "found unknown escape character":
		return line, col, `unknown escape sequence in double-quoted text; write \\ for a backslash, or use single quotes`
	}
	return line, col, msg
}

// byteAt returns the byte at a 1-based line and column, or 0.
func byteAt(data []byte, line, col int) byte {
	if line < 1 || col < 1 {
		return 0
	}
	lines := strings.SplitN(string(data), "\n", line+1)
	if len(lines) < line {
		return 0
	}
	l := lines[line-1]
	if col > len(l) {
		return 0
	}
	return l[col-1]
}

// secondDocument finds the --- line that starts a file's second document.
func secondDocument(data []byte) (line, col int) {
	content := false
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimRight(l, " \t\r")
		if t == "---" || strings.HasPrefix(t, "--- ") {
			if content {
				return i + 1, 1
			}
			// An explicit start of the first document.
			content = strings.TrimSpace(t[3:]) != ""
			continue
		}
		if s := strings.TrimSpace(t); s != "" && !strings.HasPrefix(s, "#") && !strings.HasPrefix(s, "%") {
			content = true
		}
	}
	return 0, 0
}
