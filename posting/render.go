package posting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// maxQuote is the longest sentence quoted in a comment, in characters.
const maxQuote = 300

// YAML renders the company as an item of a rubric's companies list, each
// line starting with indent: the entry, every requirement under a comment
// quoting its sentence and the words that set its weight, must and level,
// and a comment block of what was not mapped. source names the posting in
// the first comment.
func (c *Company) YAML(indent, source string) []byte {
	var b bytes.Buffer
	line := func(depth int, format string, args ...any) {
		b.WriteString(indent)
		b.WriteString(strings.Repeat("  ", depth))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	comment := func(depth int, text string) {
		line(depth, "# %s", commentLine(text))
	}
	comment(0, fmt.Sprintf("Drafted from the posting %s by `readycheck rubric from-posting`: each requirement", source))
	comment(0, "quotes its sentence and the words behind its weight, must and level; check them.")
	line(0, "- id: %s", c.ID)
	line(1, "name: %s", quote(c.Name))
	if c.Role != "" {
		line(1, "role: %s", quote(c.Role))
	}
	line(1, "requirements:")
	for _, r := range c.Requirements {
		comment(2, strconv.Quote(cut(r.Sentence, maxQuote)))
		for _, a := range r.Also {
			comment(2, "also "+strconv.Quote(cut(a, maxQuote)))
		}
		comment(2, "  "+r.why())
		for _, n := range r.Notes {
			comment(2, "  "+n)
		}
		line(2, "- %s", r.flow())
	}
	if len(c.NotMapped) > 0 {
		comment(1, "Not mapped: sentences that ask for something no skill of the rubric names.")
		comment(1, "Add the skill (or an alias of one) to the rubric, or ignore them.")
		for _, n := range c.NotMapped {
			s := "not mapped: " + strconv.Quote(cut(n.Sentence, maxQuote))
			if n.Closest != nil {
				s += fmt.Sprintf(" (closest skill: %s, %q)", n.Closest.ID, n.Closest.Title)
			}
			comment(1, s)
		}
	}
	for _, n := range c.Negated {
		comment(1, "not counted, a negation: "+strconv.Quote(cut(n, maxQuote)))
	}
	return b.Bytes()
}

// why says where the requirement came from and which words set it.
func (r *Requirement) why() string {
	parts := []string{}
	if r.Heading != "" {
		parts = append(parts, fmt.Sprintf("under %q (%s)", r.Heading, r.Section))
	} else {
		parts = append(parts, "before any heading")
	}
	parts = append(parts, fmt.Sprintf("weight %s from %s", num(r.Weight), r.WeightWhy))
	if r.Must {
		parts = append(parts, "must from "+r.MustWhy)
	}
	sc := r.Skills[0].Scale
	parts = append(parts, fmt.Sprintf("min %d %s from %s", r.Min, sc.Label(r.Min), r.LevelWhy))
	if r.AnyOf {
		parts = append(parts, "one of a list")
	}
	return strings.Join(parts, "; ")
}

// flow writes the requirement as a flow mapping.
func (r *Requirement) flow() string {
	var b strings.Builder
	b.WriteString("{")
	if r.AnyOf {
		ids := make([]string, len(r.Skills))
		for i, s := range r.Skills {
			ids[i] = s.ID
		}
		fmt.Fprintf(&b, "any_of: [%s]", strings.Join(ids, ", "))
	} else {
		fmt.Fprintf(&b, "skill: %s", r.Skills[0].ID)
	}
	fmt.Fprintf(&b, ", min: %s, weight: %s", minValue(r.Skills[0].Scale, r.Min), num(r.Weight))
	if r.Must {
		b.WriteString(", must: true")
	}
	b.WriteString("}")
	return b.String()
}

// minValue writes a level as its label when the label reads back as the
// same text in a flow mapping, else as its number.
func minValue(sc *rubric.Scale, n int) string {
	l := sc.Label(n)
	if l == "" {
		return strconv.Itoa(n)
	}
	for _, c := range l {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ') {
			return strconv.Quote(l)
		}
	}
	switch strings.ToLower(l) {
	case "yes", "no", "y", "n", "true", "false", "on", "off", "null":
		return strconv.Quote(l)
	}
	if l[0] == ' ' || l[len(l)-1] == ' ' || (l[0] >= '0' && l[0] <= '9') {
		return strconv.Quote(l)
	}
	return l
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// quote writes text as a YAML double-quoted scalar.
func quote(s string) string { return strconv.Quote(safetext.CleanLine(s)) }

// commentLine keeps a comment on one line and safe to show: line breaks
// and tabs become spaces, each kept (unlike safetext.OneLine, which folds
// runs of white space), and the end trimmed.
func commentLine(s string) string {
	return strings.TrimRight(strings.NewReplacer("\n", " ", "\t", " ").Replace(safetext.Clean(s)), " ")
}

// JSON renders the company for scripts: "source": "posting", each
// requirement with its sentence and the words behind it, what was not
// mapped and what was negated.
func (c *Company) JSON() ([]byte, error) {
	type why struct {
		Weight string `json:"weight"`
		Must   string `json:"must,omitempty"`
		Level  string `json:"level"`
	}
	type req struct {
		ID       string   `json:"id"`
		Skill    string   `json:"skill,omitempty"`
		AnyOf    []string `json:"any_of,omitempty"`
		Min      int      `json:"min"`
		MinLabel string   `json:"min_label"`
		Weight   float64  `json:"weight"`
		Must     bool     `json:"must"`
		Sentence string   `json:"sentence"`
		Also     []string `json:"also,omitempty"`
		Heading  string   `json:"heading"`
		Section  string   `json:"section"`
		Why      why      `json:"why"`
		Notes    []string `json:"notes,omitempty"`
	}
	type notMapped struct {
		Sentence string `json:"sentence"`
		Closest  string `json:"closest,omitempty"`
	}
	out := struct {
		Source       string      `json:"source"`
		ID           string      `json:"id"`
		Name         string      `json:"name"`
		Role         string      `json:"role,omitempty"`
		Requirements []req       `json:"requirements"`
		NotMapped    []notMapped `json:"not_mapped"`
		Negated      []string    `json:"negated"`
	}{Source: "posting", ID: c.ID, Name: c.Name, Role: c.Role, Requirements: []req{}, NotMapped: []notMapped{}, Negated: []string{}}
	for _, r := range c.Requirements {
		q := req{ID: r.ID, Min: r.Min, MinLabel: r.Skills[0].Scale.Label(r.Min), Weight: r.Weight, Must: r.Must,
			Sentence: r.Sentence, Also: r.Also, Heading: r.Heading, Section: r.Section.String(),
			Why: why{Weight: r.WeightWhy, Must: r.MustWhy, Level: r.LevelWhy}, Notes: r.Notes}
		if r.AnyOf {
			for _, s := range r.Skills {
				q.AnyOf = append(q.AnyOf, s.ID)
			}
		} else {
			q.Skill = r.Skills[0].ID
		}
		out.Requirements = append(out.Requirements, q)
	}
	for _, n := range c.NotMapped {
		m := notMapped{Sentence: n.Sentence}
		if n.Closest != nil {
			m.Closest = n.Closest.ID
		}
		out.NotMapped = append(out.NotMapped, m)
	}
	out.Negated = append(out.Negated, c.Negated...)
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(safetext.EscapeJSON(b), '\n'), nil
}

// Into adds the company to a rubric file's text, at the end of its
// companies list, leaving every other byte as it was (comments and layout
// kept). It refuses a company id the rubric already has and a companies
// list written in flow style, and validates the result: on any problem it
// returns an error and no text. file names the rubric in problems.
func Into(file string, data []byte, c *Company, source string) ([]byte, *rubric.Rubric, error) {
	if _, problems := rubric.Parse(file, data); problems.Err() != nil {
		return nil, nil, problems.Err()
	}
	top, problems := yamlfile.Parse(file, data)
	if top == nil {
		return nil, nil, problems.Err()
	}
	var key, list, nextKey *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "companies" {
			key, list = top.Content[i], top.Content[i+1]
			if i+2 < len(top.Content) {
				nextKey = top.Content[i+2]
			}
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
		return nil, nil, fmt.Errorf("%s has no companies list to add to", file)
	}
	if list.Style&yaml.FlowStyle != 0 {
		return nil, nil, fmt.Errorf("%s:%d:%d: companies is written in flow style ([...]); write it as a block list (one `- id: ...` per company) to add to it", file, list.Line, list.Column)
	}
	for _, it := range list.Content {
		if yamlfile.Peek(it, "id") == c.ID {
			return nil, nil, fmt.Errorf("%s:%d:%d: the rubric already has a company %q; pass another --id", file, it.Line, it.Column, c.ID)
		}
	}
	lines := strings.SplitAfter(string(data), "\n")
	// The items' dash column: the first item's line up to its first key.
	first := list.Content[0]
	indent := ""
	if first.Line-1 < len(lines) {
		l := lines[first.Line-1]
		if d := strings.LastIndex(l[:min(len(l), max(0, first.Column-1))], "-"); d >= 0 && strings.TrimSpace(l[:d]) == "" {
			indent = l[:d]
		}
	}
	if indent == "" && key.Column > 1 {
		indent = strings.Repeat(" ", key.Column-1)
	}
	// Insert after the last line of the list: before the next top-level
	// key and the comments and blank lines above it, or at the end.
	at := len(lines)
	if nextKey != nil {
		at = nextKey.Line - 1
	}
	for at > 0 {
		l := strings.TrimSpace(lines[at-1])
		if l != "" && !(strings.HasPrefix(l, "#") && !strings.HasPrefix(lines[at-1], " ")) {
			break
		}
		at--
	}
	var out bytes.Buffer
	for _, l := range lines[:at] {
		out.WriteString(l)
	}
	if at > 0 && !strings.HasSuffix(lines[at-1], "\n") {
		if bytes.Contains(data, []byte("\r\n")) {
			out.WriteByte('\r')
		}
		out.WriteByte('\n')
	}
	entry := c.YAML(indent, source)
	if bytes.Contains(data, []byte("\r\n")) {
		entry = bytes.ReplaceAll(entry, []byte("\n"), []byte("\r\n"))
	}
	out.Write(entry)
	for _, l := range lines[at:] {
		out.WriteString(l)
	}
	r, problems := rubric.Parse(file, out.Bytes())
	if err := problems.Err(); err != nil {
		return nil, nil, fmt.Errorf("the rubric with the drafted company would not be valid, so nothing was written:\n%w", err)
	}
	if _, ok := r.Company(c.ID); !ok {
		return nil, nil, fmt.Errorf("the drafted company %q did not land in %s's companies; nothing was written", c.ID, file)
	}
	return out.Bytes(), r, nil
}

// Entry is the company as a rubric.CompanyEntry, each requirement with
// its sentence: what an assessment keeps of a posting (see
// assessments.Assessment.AddPosting), and what Rubric.NewCompany builds a
// company from.
func (c *Company) Entry() rubric.CompanyEntry {
	e := rubric.CompanyEntry{ID: c.ID, Name: c.Name, Role: c.Role}
	for _, r := range c.Requirements {
		re := rubric.RequirementEntry{Min: strconv.Itoa(r.Min), Weight: r.Weight, Must: r.Must, Sentence: safetext.CleanLine(r.Sentence)}
		if r.AnyOf {
			for _, s := range r.Skills {
				re.AnyOf = append(re.AnyOf, s.ID)
			}
		} else {
			re.Skill = r.Skills[0].ID
		}
		e.Requirements = append(e.Requirements, re)
	}
	return e
}
