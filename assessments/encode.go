package assessments

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
)

// Encode writes the assessment in the readycheck/assessment/v1 format: every
// field, levels as numbers, answers in rubric order (after Check or New).
// What it writes always reads back: every text is written as safetext.Clean
// makes it (no escape sequence, control or bidirectional character, valid
// UTF-8), and what cannot be written so (an id that is not one, an unknown
// status, a file over yamlfile.MaxSize) is an error instead of a file.
func (a *Assessment) Encode() ([]byte, error) {
	if err := a.writable(); err != nil {
		return nil, err
	}
	doc := mapping(
		"format", str(Format),
		"candidate", person(a.Candidate),
		"rubric", flow(mapping("id", str(a.Rubric.ID), "version", text(a.Rubric.Version), "digest", text(a.Rubric.Digest))),
		"targets", flow(strList(a.Targets)),
		"status", str(string(a.Status)),
		"started", timestamp(a.Started),
		"updated", timestamp(a.Updated),
		"answers", a.answersNode(),
	)
	if len(a.Reviews) > 0 {
		reviews := &yaml.Node{Kind: yaml.SequenceNode}
		for _, rv := range a.Reviews {
			reviews.Content = append(reviews.Content, rv.node(a.order))
		}
		doc.Content = append(doc.Content, str("reviews"), reviews)
	}
	if len(a.Postings) > 0 {
		doc.Content = append(doc.Content, str("postings"), a.postingsNode())
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	if buf.Len() > yamlfile.MaxSize {
		return nil, fmt.Errorf("cannot save the assessment: its notes and comments are too long (the file would be %d bytes, over the %d readycheck reads); shorten the longest", buf.Len(), yamlfile.MaxSize)
	}
	return buf.Bytes(), nil
}

// writable reports what in the assessment the format cannot hold, so that
// Encode never writes a file that readycheck refuses to read.
func (a *Assessment) writable() error {
	ids := append([]string{a.Rubric.ID}, a.Targets...)
	for id := range a.Answers {
		ids = append(ids, id)
	}
	for _, rv := range a.Reviews {
		for id := range rv.Ratings {
			ids = append(ids, id)
		}
		if err := writableTimes(rv.Started, rv.Updated); err != nil {
			return err
		}
	}
	for _, id := range ids {
		if !yamlfile.ValidID(id) {
			return fmt.Errorf("cannot save the assessment: %q is not an id (lower-case letters, digits and dashes)", id)
		}
	}
	if err := a.writablePostings(); err != nil {
		return err
	}
	if a.Status != InProgress && a.Status != Complete {
		return fmt.Errorf("cannot save the assessment: status %q is not %q or %q", a.Status, InProgress, Complete)
	}
	return writableTimes(a.Started, a.Updated)
}

func writableTimes(ts ...time.Time) error {
	for _, t := range ts {
		if y := t.UTC().Year(); !t.IsZero() && (y < 0 || y > 9999) {
			return fmt.Errorf("cannot save the assessment: the date %s is not between the years 0 and 9999", t.UTC().Format(time.RFC3339))
		}
	}
	return nil
}

func (a *Assessment) answersNode() *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, id := range ordered(a.order, a.Answers) {
		ans := a.Answers[id]
		v := &yaml.Node{Kind: yaml.MappingNode}
		if ans.Answered() {
			v.Content = append(v.Content, str("level"), num(ans.Level))
		}
		// Decided on the text as written, so that reading it back and
		// writing again gives the same file.
		note, evidence := safetext.Clean(ans.Note), textList(ans.Evidence)
		if note != "" {
			v.Content = append(v.Content, str("note"), text(note))
		}
		if len(evidence.Content) > 0 {
			v.Content = append(v.Content, str("evidence"), evidence)
		}
		if note == "" && len(evidence.Content) == 0 {
			v.Style = yaml.FlowStyle
		}
		n.Content = append(n.Content, str(id), v)
	}
	return n
}

func (rv *Review) node(order []string) *yaml.Node {
	ratings := &yaml.Node{Kind: yaml.MappingNode}
	if len(rv.order) > 0 {
		order = rv.order
	}
	for _, id := range ordered(order, rv.Ratings) {
		rt := rv.Ratings[id]
		v := &yaml.Node{Kind: yaml.MappingNode}
		if rt.Rated() {
			v.Content = append(v.Content, str("level"), num(rt.Level))
		}
		if comment := safetext.Clean(rt.Comment); comment != "" {
			v.Content = append(v.Content, str("comment"), text(comment))
		} else {
			v.Style = yaml.FlowStyle
		}
		ratings.Content = append(ratings.Content, str(id), v)
	}
	n := mapping(
		"reviewer", person(rv.Reviewer),
		"started", timestamp(rv.Started),
		"updated", timestamp(rv.Updated),
		"ratings", ratings,
	)
	if summary := safetext.Clean(rv.Summary); summary != "" {
		n.Content = append(n.Content, str("summary"), text(summary))
	}
	return n
}

// ordered lists the keys of m: first those in order, then the rest sorted.
func ordered[V any](order []string, m map[string]V) []string {
	out := make([]string, 0, len(m))
	seen := make(map[string]bool, len(m))
	for _, id := range order {
		if _, ok := m[id]; ok && !seen[id] {
			out = append(out, id)
			seen[id] = true
		}
	}
	var rest []string
	for id := range m {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func mapping(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Content = append(n.Content, str(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return n
}

func person(p Person) *yaml.Node {
	n := mapping("name", text(p.Name))
	if email := safetext.Clean(p.Email); email != "" {
		n.Content = append(n.Content, str("email"), text(email))
	}
	n.Style = yaml.FlowStyle
	return n
}

func flow(n *yaml.Node) *yaml.Node {
	n.Style = yaml.FlowStyle
	return n
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// text is a string from a person, written as safetext.Clean makes it, that
// keeps its line breaks readable in the file.
func text(s string) *yaml.Node {
	n := str(safetext.Clean(s))
	if bytes.ContainsRune([]byte(s), '\n') {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func num(v int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
}

func timestamp(t time.Time) *yaml.Node {
	if t.IsZero() {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: t.UTC().Format(time.RFC3339)}
}

func strList(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

// textList is a list of texts, those empty once cleaned left out (a
// reader drops them).
func textList(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range items {
		if s = safetext.Clean(s); s != "" {
			n.Content = append(n.Content, text(s))
		}
	}
	return n
}
