package assessments

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// positions keeps the nodes of levels and skill keys, to report problems
// once the rubric is known.
type positions struct {
	file string
	// rubricID is the node of rubric.id, nil when the file has none.
	rubricID *yaml.Node
	answers  map[string]levelPos
	reviews  []map[string]levelPos
	postings []postingPos
}

type levelPos struct {
	key   *yaml.Node
	level *yaml.Node
}

// LoadFile reads an assessment file. It does not check it against a rubric:
// call Check for that. On failure the error is a yamlfile.Problems.
func LoadFile(path string) (*Assessment, error) {
	data, err := rubric.ReadFile(path)
	if err != nil {
		return nil, err
	}
	a, problems := Parse(path, data)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

var topFields = []string{"format", "candidate", "rubric", "targets", "status", "started", "updated", "answers", "reviews", "postings"}

// Parse reads an assessment held in memory; file names it in problems. Levels
// written as labels are kept until Check resolves them against the rubric.
func Parse(file string, data []byte) (*Assessment, yamlfile.Problems) {
	top, problems := yamlfile.Parse(file, data)
	if top == nil {
		return nil, problems
	}
	p := &parser{Reporter: yamlfile.Reporter{File: file}}
	a := p.assessment(top)
	p.Problems.Sort()
	if p.Failed() {
		return nil, p.Problems
	}
	a.pos.file = file
	return a, p.Problems
}

type parser struct {
	yamlfile.Reporter
}

func (p *parser) assessment(top *yaml.Node) *Assessment {
	a := &Assessment{Answers: map[string]*Answer{}, Status: InProgress}
	if top.Kind != yaml.MappingNode {
		p.At(top, "an assessment file should be a mapping of fields (format, candidate, rubric, answers); this file holds a %s", kindName(top))
		return a
	}
	if !p.CheckFormat(top, fileKind) {
		return a
	}
	f := p.Fields(top, "the assessment", topFields...)
	p.Require(top, f, "the assessment", "candidate", "rubric")
	if an, ok := f["answers"]; !ok || an.Value == nil {
		p.At(top, "the assessment is missing the required field \"answers\"; write `answers: {}` when no skill is answered yet")
	}
	if c := f["candidate"].Value; c != nil {
		a.Candidate = p.person(c, "candidate")
	}
	if rn := f["rubric"].Value; rn != nil {
		rf := p.Fields(rn, "rubric", "id", "version", "digest")
		if rf != nil {
			p.Require(rn, rf, "rubric", "id")
			a.Rubric.ID = p.ID(rf["id"].Value, "rubric id")
			a.pos.rubricID = rf["id"].Value
			a.Rubric.Version = p.String(rf["version"].Value, "rubric version")
			a.Rubric.Digest = p.String(rf["digest"].Value, "rubric digest")
		}
	}
	if t := f["targets"].Value; t != nil && !yamlfile.IsNull(t) {
		for _, it := range p.Items(t, "targets") {
			if id := p.ID(it, "target company"); id != "" {
				a.Targets = append(a.Targets, id)
			}
		}
	}
	if s := f["status"].Value; s != nil && !yamlfile.IsNull(s) {
		switch v := p.String(s, "status"); Status(v) {
		case InProgress, Complete:
			a.Status = Status(v)
		default:
			p.At(s, "status %q is not one of %q or %q", v, InProgress, Complete)
		}
	}
	a.Started = p.time(f["started"].Value, "started")
	a.Updated = p.time(f["updated"].Value, "updated")
	if an := f["answers"].Value; an != nil && !yamlfile.IsNull(an) {
		p.answers(an, a)
	}
	if rv := f["reviews"].Value; rv != nil && !yamlfile.IsNull(rv) {
		for i, it := range p.Items(rv, "reviews") {
			review, pos := p.review(it, i)
			if review != nil {
				a.Reviews = append(a.Reviews, review)
				a.pos.reviews = append(a.pos.reviews, pos)
			}
		}
	}
	if ps := f["postings"].Value; ps != nil && !yamlfile.IsNull(ps) {
		p.postings(ps, a)
	}
	return a
}

func kindName(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		return "list"
	}
	return "single value"
}

// fileKind is an assessment's format, for yamlfile.CheckFormat: a rubric
// passed where an assessment belongs is told so.
var fileKind = yamlfile.Kind{
	Format: Format, Family: "readycheck/assessment/", File: "an assessment file", Name: "assessment",
	OtherFormat: rubric.Format,
	IsOther:     "this file is a rubric (format %q), not an assessment; pass it with --rubric, and an assessment file here",
	OtherKeys:   []string{"categories", "companies", "scales"},
	LooksLikeOther: "this looks like a rubric, not an assessment (it has categories/companies); " +
		"pass it with --rubric, and an assessment file here",
}

func (p *parser) person(n *yaml.Node, what string) Person {
	f := p.Fields(n, what, "name", "email")
	if f == nil {
		return Person{}
	}
	p.Require(n, f, what, "name")
	return Person{Name: p.String(f["name"].Value, what+" name"), Email: p.String(f["email"].Value, what+" email")}
}

func (p *parser) time(n *yaml.Node, what string) time.Time {
	if n == nil || yamlfile.IsNull(n) {
		return time.Time{}
	}
	if !p.Kind(n, yaml.ScalarNode, what, "a date and time like 2026-11-23T10:00:00Z") {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, n.Value); err == nil {
			return t.UTC()
		}
	}
	p.At(n, "%s %q is not a date and time; write it like 2026-11-23T10:00:00Z", what, n.Value)
	return time.Time{}
}

// plainLevel reads a level written as a plain whole number from 0, the
// case that needs no message; ok is false for anything else, which level
// then reads.
func plainLevel(n *yaml.Node) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	return v, err == nil && v >= 0
}

// level reads a level scalar as written: a number, or a label kept for Check.
func (p *parser) level(n *yaml.Node, what string) (int, *yaml.Node) {
	if n == nil || yamlfile.IsNull(n) {
		return rubric.Unanswered, nil
	}
	if !p.Kind(n, yaml.ScalarNode, what, "a level number or label") {
		return rubric.Unanswered, nil
	}
	if n.Tag == "!!float" {
		p.At(n, "%s %s is not a level; levels are whole numbers from 0, or labels of the skill's scale", what, safetext.Clean(n.Value))
		return rubric.Unanswered, nil
	}
	if n.Tag == "!!int" {
		v, err := strconv.Atoi(n.Value)
		if err != nil || v < 0 {
			p.At(n, "%s %s is not a level; levels are whole numbers from 0, or labels of the skill's scale", what, safetext.Clean(n.Value))
			return rubric.Unanswered, nil
		}
		return v, n
	}
	if !p.SafeText(n, what, n.Value) {
		return rubric.Unanswered, nil
	}
	// A label: resolved by Check once the rubric is known.
	return rubric.Unanswered, n
}

func (p *parser) answers(n *yaml.Node, a *Assessment) {
	if !p.Kind(n, yaml.MappingNode, "answers", "a mapping from skill ids to answers") {
		return
	}
	// Sized once: a file may hold hundreds of thousands of answers.
	size := len(n.Content) / 2
	a.Answers = make(map[string]*Answer, size)
	a.pos.answers = make(map[string]levelPos, size)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := p.ID(k, "answer skill id")
		if id == "" {
			continue
		}
		if _, dup := a.pos.answers[id]; dup {
			p.At(k, "skill %q is answered twice; keep one answer", id)
			continue
		}
		if yamlfile.IsNull(v) {
			// `python:` with nothing after it: not answered yet.
			a.pos.answers[id] = levelPos{key: k}
			continue
		}
		ans := &Answer{Level: rubric.Unanswered}
		var lvNode *yaml.Node
		if lv, ok := plainLevel(v); ok {
			// `python: 3`, by far the most common answer: nothing to
			// name in a message.
			ans.Level, lvNode = lv, v
		} else if what := "the answer for " + strconv.Quote(id); v.Kind == yaml.ScalarNode && !yamlfile.IsNull(v) {
			// Shorthand people write by hand: `python: 3` or `python: Capable`.
			ans.Level, lvNode = p.level(v, what+" level")
		} else if f := p.Fields(v, what, "level", "note", "evidence"); f != nil {
			ans.Level, lvNode = p.level(f["level"].Value, what+" level")
			ans.Note = p.String(f["note"].Value, what+" note")
			ans.Evidence = p.strings(f["evidence"].Value, what+" evidence")
		}
		a.Answers[id] = ans
		a.order = append(a.order, id)
		a.pos.answers[id] = levelPos{key: k, level: lvNode}
	}
}

func (p *parser) strings(n *yaml.Node, what string) []string {
	if n == nil || yamlfile.IsNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{p.String(n, what)}
	}
	var out []string
	for _, it := range p.Items(n, what) {
		if s := p.String(it, what); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// reviewerName returns the reviewer's name of a review node as written,
// when it is safe to show, before the review is read.
func reviewerName(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "reviewer" {
			name := yamlfile.Peek(n.Content[i+1], "name")
			if _, bad := safetext.Unsafe(name); !bad {
				return name
			}
		}
	}
	return ""
}

func (p *parser) review(n *yaml.Node, i int) (*Review, map[string]levelPos) {
	what := fmt.Sprintf("review %d", i+1)
	// Name the review by its reviewer in every message, the first included.
	if name := reviewerName(n); name != "" {
		what = fmt.Sprintf("the review by %q", name)
	}
	f := p.Fields(n, what, "reviewer", "started", "updated", "ratings", "summary")
	if f == nil {
		return nil, nil
	}
	rv := &Review{Ratings: map[string]*Rating{}}
	if rn := f["reviewer"].Value; rn == nil || yamlfile.IsNull(rn) {
		p.At(n, "%s has no reviewer; add `reviewer: {name: ...}` naming the mentor", what)
	} else {
		rv.Reviewer = p.person(rn, "the reviewer of "+what)
	}
	rv.Started = p.time(f["started"].Value, what+" started")
	rv.Updated = p.time(f["updated"].Value, what+" updated")
	rv.Summary = p.String(f["summary"].Value, what+" summary")
	pos := map[string]levelPos{}
	if rt := f["ratings"].Value; rt != nil && !yamlfile.IsNull(rt) && p.Kind(rt, yaml.MappingNode, what+" ratings", "a mapping from skill ids to ratings") {
		for j := 0; j+1 < len(rt.Content); j += 2 {
			k, v := rt.Content[j], rt.Content[j+1]
			id := p.ID(k, what+" rating skill id")
			if id == "" {
				continue
			}
			if _, dup := pos[id]; dup {
				p.At(k, "%s rates skill %q twice; keep one", what, id)
				continue
			}
			if yamlfile.IsNull(v) {
				// `python:` with nothing after it: not rated.
				pos[id] = levelPos{key: k}
				continue
			}
			rw := fmt.Sprintf("the rating for %q in %s", id, what)
			if rv.Reviewer.Name != "" {
				// As Check names it.
				rw = fmt.Sprintf("the rating by %q for %q", rv.Reviewer.Name, id)
			}
			r := &Rating{Level: rubric.Unanswered}
			var lvNode *yaml.Node
			if v.Kind == yaml.ScalarNode && !yamlfile.IsNull(v) {
				r.Level, lvNode = p.level(v, rw+" level")
			} else if rf := p.Fields(v, rw, "level", "comment"); rf != nil {
				r.Level, lvNode = p.level(rf["level"].Value, rw+" level")
				r.Comment = p.String(rf["comment"].Value, rw+" comment")
			}
			rv.Ratings[id] = r
			rv.order = append(rv.order, id)
			pos[id] = levelPos{key: k, level: lvNode}
		}
	}
	return rv, pos
}

// Check checks the assessment against its rubric: levels written as labels
// become numbers, a level outside its skill's scale is an error with its
// line, and answers or ratings for skills the rubric lacks are warnings
// (those are ignored by scoring). A rubric id other than the assessment's is
// an error. After Check, the assessment writes its answers in rubric order.
func (a *Assessment) Check(r *rubric.Rubric) yamlfile.Problems {
	rep := &yamlfile.Reporter{File: a.pos.file}
	if a.Rubric.ID != r.ID {
		if a.Rubric.ID == builtin.ID() {
			rep.At(a.pos.rubricID, "this assessment was taken against the built-in rubric %q, not %q; leave out --rubric to use the built-in one", a.Rubric.ID, r.ID)
		} else {
			rep.At(a.pos.rubricID, "this assessment was taken against rubric %q, not %q; pass that rubric with --rubric", a.Rubric.ID, r.ID)
		}
		return rep.Problems
	}
	// Unknown skills are warned about by position, the first
	// MaxUnknownWarnings of them; the rest are counted in one last warning,
	// so that a file of many thousand foreign answers cannot flood the
	// screen (nor pay a suggestion for each).
	var ids []string
	var unknown, more int
	var firstMore *yaml.Node
	check := func(id string, lp levelPos, level *int, whatOf func() string) {
		s, ok := r.Skill(id)
		if !ok {
			if unknown++; unknown > MaxUnknownWarnings {
				if more++; more == 1 {
					firstMore = lp.key
				}
				return
			}
			msg := fmt.Sprintf("%s is for skill %q, which rubric %q does not have; it is ignored", whatOf(), id, r.ID)
			if ids == nil {
				ids = skillIDs(r)
			}
			if sug := yamlfile.Suggest(id, ids); sug != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", sug)
			}
			rep.WarnAt(lp.key, "%s", msg)
			return
		}
		n := lp.level
		if n == nil {
			return
		}
		what := whatOf()
		if n.Tag != "!!int" {
			v, ok := s.Scale.Find(n.Value)
			if d, err := strconv.Atoi(n.Value); !ok && err == nil && d >= 0 {
				// A number in quotes: labels are never numbers.
				v, ok = d, true
			}
			if !ok {
				rep.At(n, "%s is %q, which is not a label of the scale %q of skill %q; use a level from 0 to %d (%s)", what, n.Value, s.Scale.Name, id, s.Scale.Top(), labels(s.Scale))
				return
			}
			*level = v
		}
		if *level > s.Scale.Top() {
			rep.At(n, "%s is level %d, outside the scale %q of skill %q (levels 0 to %d: %s)", what, *level, s.Scale.Name, id, s.Scale.Top(), labels(s.Scale))
		}
	}
	// In file order, so that the warnings kept are the first ones.
	for _, id := range inFileOrder(a.order, a.Answers) {
		check(id, a.pos.answers[id], &a.Answers[id].Level, func() string { return fmt.Sprintf("the answer for %q", id) })
	}
	for i, rv := range a.Reviews {
		var pos map[string]levelPos
		if i < len(a.pos.reviews) {
			pos = a.pos.reviews[i]
		}
		for _, id := range inFileOrder(rv.order, rv.Ratings) {
			check(id, pos[id], &rv.Ratings[id].Level, func() string { return fmt.Sprintf("the rating by %q for %q", rv.Reviewer.Name, id) })
		}
	}
	a.checkPostings(r, rep)
	if more > 0 {
		rep.WarnAt(firstMore, "… and %s more unknown skills, which rubric %q does not have either; they are ignored", thousands(more), r.ID)
	}
	rep.Problems.Sort()
	if !rep.Failed() {
		a.setOrder(r)
	}
	return rep.Problems
}

func labels(s *rubric.Scale) string {
	parts := make([]string, len(s.Levels))
	for i, l := range s.Levels {
		parts[i] = fmt.Sprintf("%d %s", i, l.Label)
	}
	return strings.Join(parts, ", ")
}

// MaxUnknownWarnings is how many answers or ratings for skills the rubric
// lacks Check warns about one by one, per file; one more warning counts
// the rest.
const MaxUnknownWarnings = 20

// inFileOrder returns the keys of m in the order the file wrote them
// (order, as parsed), or sorted when order does not list them all.
func inFileOrder[V any](order []string, m map[string]V) []string {
	if len(order) != len(m) {
		return yamlfile.SortedKeys(m)
	}
	for _, id := range order {
		if _, ok := m[id]; !ok {
			return yamlfile.SortedKeys(m)
		}
	}
	return order
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func skillIDs(r *rubric.Rubric) []string {
	ids := make([]string, 0, len(r.Skills()))
	for _, s := range r.Skills() {
		ids = append(ids, s.ID)
	}
	return ids
}
