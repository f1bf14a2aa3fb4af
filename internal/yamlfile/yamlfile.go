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

// Error formats the problem the way every readycheck command prints it.
func (p Problem) Error() string {
	prefix := ""
	if p.Warning {
		prefix = "warning: "
	}
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s%s", p.File, p.Line, p.Column, prefix, p.Message)
	default:
		return fmt.Sprintf("%s: %s%s", p.File, prefix, p.Message)
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
	p := Problem{File: r.File, Message: fmt.Sprintf(format, args...), Warning: warn}
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
		r.At(nil, "the file is %s, over the %s limit; split it or remove unused text", humanSize(int64(len(data))), humanSize(MaxSize))
		return nil, r.Problems
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
	var doc yaml.Node
	if err := yaml.Load(data, &doc, yaml.WithUniqueKeys(false)); err != nil {
		line, col, msg := syntaxError(err)
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

func humanSize(n int64) string {
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

// syntaxError pulls a position out of the YAML library's error text, which
// reads "yaml: line 3: ..." or similar.
func syntaxError(err error) (line, col int, msg string) {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		return le.Mark.Line, le.Mark.Column, le.Message
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
