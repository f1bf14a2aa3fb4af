package yamlfile

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/safetext"
)

// Field is one key of a mapping with its value.
type Field struct {
	Key   *yaml.Node
	Value *yaml.Node
}

// Fields reads a mapping node's keys, reporting aliases, duplicate keys and
// keys outside known (with a suggestion for a likely typo). what names the
// mapping in messages ("the rubric", `skill "python"`). It returns the
// accepted fields by name; nil when n is not a mapping.
func (r *Reporter) Fields(n *yaml.Node, what string, known ...string) map[string]Field {
	if !r.Kind(n, yaml.MappingNode, what, "a mapping of keys and values") {
		return nil
	}
	out := make(map[string]Field, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.At(k, "%s has a key that is not a plain name; use simple words as keys", what)
			continue
		}
		name := k.Value
		if !contains(known, name) {
			if name == "<<" {
				r.At(k, "%s uses a YAML merge key (<<); write the fields out instead", what)
				continue
			}
			msg := fmt.Sprintf("%s has an unknown field %q", what, name)
			sug := Suggest(name, known)
			if sug != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", sug)
			} else {
				msg += "; allowed fields: " + strings.Join(known, ", ")
			}
			r.At(k, "%s", msg)
			// Read a likely typo's value as the field it was meant to be,
			// so that one typo is one problem, not a cascade of others.
			if sug != "" && !hasKey(n, sug) && v.Kind != yaml.AliasNode {
				if _, dup := out[sug]; !dup {
					out[sug] = Field{Key: k, Value: v}
				}
			}
			continue
		}
		if prev, dup := out[name]; dup {
			r.At(k, "%s has the field %q twice (first at line %d); keep one", what, name, prev.Key.Line)
			continue
		}
		if v.Kind == yaml.AliasNode {
			r.At(v, "%s uses a YAML alias (*%s) for %q; aliases are not supported, write the value out", what, safetext.Clean(v.Value), name)
			// Present but unusable: an empty text, so that it is not also
			// reported as missing.
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Line: v.Line, Column: v.Column}
		}
		out[name] = Field{Key: k, Value: v}
	}
	return out
}

func hasKey(n *yaml.Node, name string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == name {
			return true
		}
	}
	return false
}

// Peek returns the text of a mapping's key without reporting anything, for
// naming the mapping in messages before its fields are read.
func Peek(n *yaml.Node, key string) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// Require reports each name missing from fields, at the mapping node. A
// mapping with a merge key (<<) is reported for that alone: the fields it
// lacks are the ones the merge was meant to bring.
func (r *Reporter) Require(n *yaml.Node, fields map[string]Field, what string, names ...string) {
	if n != nil && n.Kind == yaml.MappingNode && hasKey(n, "<<") {
		return
	}
	for _, name := range names {
		if f, ok := fields[name]; !ok || IsNull(f.Value) {
			r.At(n, "%s is missing the required field %q", what, name)
		}
	}
}

// IsNull reports whether a node is an explicit or implicit null.
func IsNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

var kindWords = map[yaml.Kind]string{
	yaml.MappingNode:  "a mapping",
	yaml.SequenceNode: "a list",
	yaml.ScalarNode:   "a single value",
	yaml.AliasNode:    "an alias",
	yaml.DocumentNode: "a document",
}

// Kind reports an error when n is not of kind k; want describes the
// expected shape in words.
func (r *Reporter) Kind(n *yaml.Node, k yaml.Kind, what, want string) bool {
	if n == nil {
		return false
	}
	if n.Kind == yaml.AliasNode {
		r.At(n, "%s is a YAML alias (*%s); aliases are not supported, write the value out", what, safetext.Clean(n.Value))
		return false
	}
	if n.Kind != k {
		got := kindWords[n.Kind]
		if IsNull(n) {
			got = "empty"
		}
		r.At(n, "%s should be %s, not %s", what, want, got)
		return false
	}
	return true
}

// Items returns a list's items, reporting a non-list and aliased items.
func (r *Reporter) Items(n *yaml.Node, what string) []*yaml.Node {
	if !r.Kind(n, yaml.SequenceNode, what, "a list") {
		return nil
	}
	items := make([]*yaml.Node, 0, len(n.Content))
	for _, it := range n.Content {
		if it.Kind == yaml.AliasNode {
			r.At(it, "%s has a YAML alias (*%s); aliases are not supported, write the value out", what, safetext.Clean(it.Value))
			continue
		}
		items = append(items, it)
	}
	return items
}

// String reads a text scalar, checking it is safe to show in a terminal:
// text that is not is reported and read as "". Numbers and booleans written
// without quotes are accepted as their text.
func (r *Reporter) String(n *yaml.Node, what string) string {
	if n == nil || IsNull(n) {
		return ""
	}
	if !r.Kind(n, yaml.ScalarNode, what, "text") {
		return ""
	}
	if !r.SafeText(n, what, n.Value) {
		// Reported; as no text, nothing else complains about it.
		return ""
	}
	return n.Value
}

// SafeText reports text that holds terminal escape sequences, control
// characters other than newline and tab, or bidirectional overrides.
func (r *Reporter) SafeText(n *yaml.Node, what, s string) bool {
	if bad, ok := safetext.Unsafe(s); ok {
		r.At(n, "%s contains %s; remove it (text from a file must not control the terminal)", what, bad)
		return false
	}
	return true
}

// ValidID reports whether s is a well-formed readycheck id:
// ^[a-z0-9][a-z0-9-]*$.
func ValidID(s string) bool {
	if s == "" || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// ID reads an id scalar and checks its form.
func (r *Reporter) ID(n *yaml.Node, what string) string {
	s := r.String(n, what)
	if s == "" {
		if n != nil && !IsNull(n) && n.Kind == yaml.ScalarNode && n.Value == "" {
			r.At(n, "%s is empty; give it an id of lower-case letters, digits and hyphens", what)
		}
		return ""
	}
	if !ValidID(s) {
		r.At(n, "%s %q is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. %q)", what, s, Slug(s))
		return ""
	}
	return s
}

// Int reads a whole number scalar.
func (r *Reporter) Int(n *yaml.Node, what string) (int, bool) {
	if !r.Kind(n, yaml.ScalarNode, what, "a whole number") {
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil || n.Tag != "!!int" {
		r.At(n, "%s should be a whole number, not %q", what, n.Value)
		return 0, false
	}
	return v, true
}

// Float reads a number scalar.
func (r *Reporter) Float(n *yaml.Node, what string) (float64, bool) {
	if !r.Kind(n, yaml.ScalarNode, what, "a number") {
		return 0, false
	}
	if n.Tag != "!!int" && n.Tag != "!!float" {
		r.At(n, "%s should be a number, not %q", what, n.Value)
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		r.At(n, "%s should be a finite number, not %q", what, safetext.Clean(n.Value))
		return 0, false
	}
	return v, true
}

// Bool reads a true/false scalar.
func (r *Reporter) Bool(n *yaml.Node, what string) (bool, bool) {
	if !r.Kind(n, yaml.ScalarNode, what, "true or false") {
		return false, false
	}
	switch strings.ToLower(n.Value) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	r.At(n, "%s should be true or false, not %q", what, n.Value)
	return false, false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo, else "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", math.MaxInt
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if len(s) <= 4 {
		limit = 1
	}
	if len(s) >= 8 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// SortedKeys returns a map's keys in order, for stable messages.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// distance is the Levenshtein edit distance between two strings.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Slug turns free text into a valid id, for suggestions.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		default:
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if out == "" {
		return "my-id"
	}
	return out
}
