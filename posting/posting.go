// Package posting drafts a company profile from a job posting's text: it
// splits the posting into sections and sentences, finds the skills of a
// rubric each sentence names, and turns the posting's words into each
// requirement's weight, must and minimum level, keeping the sentence and
// the words behind every decision so a person can check the draft.
// It imports no terminal package.
//
// To draft: NewDrafter(r) once per rubric, then Draft(text, Options{})
// for each posting, giving a *Company. Company.YAML and Company.JSON
// render it; Into adds it to the rubric file's text and returns the
// validated *rubric.Rubric holding it, whose Company(id) a scorer passes
// to Rubric.Score beside the rubric's own companies.
package posting

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// MaxSize is the largest posting read: 1 MiB.
const MaxSize = 1 << 20

// Errors of postings that cannot be drafted from.
var (
	ErrEmpty    = errors.New("the posting is empty; paste or pass the text of a job posting")
	ErrBinary   = errors.New("the posting is not text (it holds NUL bytes or is not UTF-8); pass a text, Markdown or HTML file")
	ErrTooLarge = errors.New("the posting is over 1 MiB; a job posting is a few pages of text: pass only the posting")
	ErrNoSkills = errors.New("the posting names no skill of the rubric")
)

// Read reads a posting, refusing one over MaxSize, one that is not text
// and one that is empty.
func Read(r io.Reader) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return "", err
	}
	return Check(data)
}

// Check returns a posting's bytes as text, or why they are not a posting:
// over MaxSize, binary, or empty.
func Check(data []byte) (string, error) {
	if len(data) > MaxSize {
		return "", ErrTooLarge
	}
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return "", ErrBinary
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	return string(data), nil
}

// Options name the drafted company; each is taken from the posting's
// title line when empty.
type Options struct {
	ID, Name, Role string
}

// Company is a company entry drafted from a posting, every requirement
// with the sentence and the words it came from.
type Company struct {
	ID, Name, Role string
	Requirements   []*Requirement
	// NotMapped are the sentences with requirement words that name no
	// skill of the rubric: what the rubric lacks.
	NotMapped []NotMapped
	// Negated are the sentences dropped for a negation ("we do not
	// require a degree").
	Negated []string
}

// Requirement is one drafted requirement and why it is as it is.
type Requirement struct {
	ID     string
	Skills []*rubric.Skill
	// AnyOf is true for a list of skills of which one is enough.
	AnyOf  bool
	Min    int
	Weight float64
	Must   bool
	// Sentence is the posting's sentence it came from; Also holds other
	// sentences that named the same skills.
	Sentence string
	Also     []string
	// Heading is the heading the sentence stood under, and Section that
	// section's kind.
	Heading string
	Section Kind
	// WeightWhy, MustWhy and LevelWhy say which words set the weight,
	// must and minimum level ("essential", `heading "Nice to have"`,
	// "no weight word: the middle").
	WeightWhy, MustWhy, LevelWhy string
	// Notes are remarks on the list it came from (a mixed-scale list split).
	Notes []string
}

// NotMapped is a sentence with requirement words that named no skill.
type NotMapped struct {
	Sentence string
	// Closest is the skill whose names share the most words with the
	// sentence, or nil.
	Closest *rubric.Skill
}

// Drafter drafts companies against one rubric; build it once and reuse
// it, since it indexes every name of every skill.
type Drafter struct {
	r  *rubric.Rubric
	ix *index
}

// NewDrafter indexes a rubric's skills by title, id and aliases.
func NewDrafter(r *rubric.Rubric) *Drafter {
	return &Drafter{r: r, ix: newIndex(r)}
}

// Draft drafts a company from a posting's text against a rubric; see
// Drafter.Draft.
func Draft(text string, r *rubric.Rubric, opt Options) (*Company, error) {
	return NewDrafter(r).Draft(text, opt)
}

// Draft drafts a company from a posting's text. It fails with ErrEmpty for
// a posting without text and with an error wrapping ErrNoSkills when no
// sentence names a skill of the rubric.
func (d *Drafter) Draft(text string, opt Options) (*Company, error) {
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	t := Parse(text)
	c := &Company{}
	c.Name, c.Role = splitTitle(t.Title)
	if opt.Name != "" {
		c.Name = opt.Name
	}
	if opt.Role != "" {
		c.Role = opt.Role
	}
	if c.Name == "" {
		c.Name = "Drafted from a posting"
	}
	c.ID = opt.ID
	if c.ID == "" {
		c.ID = yamlfile.Slug(c.Name)
	}
	b := builder{d: d, c: c, byKey: map[string]*Requirement{}}
	if t.Title != "" {
		b.sentence(t.Title, Section{Kind: Intro}, cues{})
	}
	for _, s := range t.Sections {
		var hc cues
		if s.Heading != "" {
			hc = scan(tokenize(s.Heading))
		}
		for _, sent := range s.Sentences {
			b.sentence(sent, s, hc)
		}
	}
	b.finish()
	if len(c.Requirements) == 0 {
		extra := ""
		if len(c.NotMapped) > 0 {
			extra = fmt.Sprintf(" (%d sentences ask for something, e.g. %q)", len(c.NotMapped), cut(c.NotMapped[0].Sentence, 80))
		}
		return nil, fmt.Errorf("%w%s; add the skills it asks for to the rubric, or as aliases of its skills", ErrNoSkills, extra)
	}
	return c, nil
}

// splitTitle takes a company name and a role from a title line such as
// "Harbor Bank — Summer Internship (Amsterdam)".
func splitTitle(t string) (name, role string) {
	for _, sep := range []string{" — ", " – ", " - ", " | ", ": "} {
		if i := strings.Index(t, sep); i > 0 {
			return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		}
	}
	return strings.TrimSpace(t), ""
}

// builder collects the requirements of one draft.
type builder struct {
	d     *Drafter
	c     *Company
	byKey map[string]*Requirement
	order []*Requirement
}

// sentence turns one sentence into requirements, or a not-mapped line.
// A sentence of two clauses joined by "but" or a semicolon ("a degree is
// not required, but you must be enrolled …") is read clause by clause:
// each has its own cues and its own negation.
func (b *builder) sentence(text string, sec Section, hc cues) {
	if sec.Kind == Benefits || sec.Kind == Other {
		return
	}
	for _, clause := range clauses(text) {
		b.clause(clause, text, sec, hc)
	}
}

// clause reads one clause of a sentence; the requirements it gives quote
// the whole sentence.
func (b *builder) clause(part, text string, sec Section, hc cues) {
	ts := tokenize(part)
	c := scan(ts)
	counts := sec.Kind == Requirements || sec.Kind == Duties || c.any
	if !counts {
		return
	}
	if c.negated != "" {
		if !slices.Contains(b.c.Negated, text) {
			b.c.Negated = append(b.c.Negated, text)
		}
		return
	}
	ms := b.d.ix.find(ts)
	if len(ms) == 0 {
		if (sec.Kind == Requirements || c.any) && len(ts) >= 3 && !slices.ContainsFunc(b.c.NotMapped, func(n NotMapped) bool { return n.Sentence == text }) {
			b.c.NotMapped = append(b.c.NotMapped, NotMapped{Sentence: text, Closest: b.d.ix.closest(ts)})
		}
		return
	}
	for _, g := range b.groups(part, ms, c) {
		b.add(g, text, sec, c, hc)
	}
}

// clauseBreaks join two clauses that each carry their own cues.
var clauseBreaks = regexp.MustCompile(`(?i)(?:,\s*|\s+)(?:but|whereas|however|maar|echter)\s+|;\s*`)

// clauses cuts a sentence at "but", "whereas", "however" (and the Dutch
// "maar", "echter") and at semicolons.
func clauses(text string) []string {
	var out []string
	for _, c := range clauseBreaks.Split(text, -1) {
		if strings.TrimSpace(c) != "" {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return []string{text}
	}
	return out
}

// group is the skills of one requirement-to-be.
type group struct {
	skills []*rubric.Skill
	anyOf  bool
	note   string
}

// groups turns a sentence's mentions into requirements: a list joined by
// "or" (or introduced by "one of") over skills of one scale is one any_of;
// other skills one requirement each. A list with a plus word (a plus,
// bonus, nice to have) gives one requirement per skill: each is a plus of
// its own.
func (b *builder) groups(text string, ms []mention, c cues) []group {
	var out []group
	i := 0
	for i < len(ms) {
		j := i + 1
		isOr := false
		for j < len(ms) {
			gap := text[ms[j-1].end:ms[j].start]
			if ms[j].start < ms[j-1].end {
				gap = ""
			}
			joins, or := listGap(gap)
			if !joins {
				break
			}
			isOr = isOr || or
			j++
		}
		// A list whose last item the rubric lacks ("Python, Java or
		// Kotlin") still says "or": the skills it knows are the choice.
		if !isOr && j-i > 1 && trailingOr.MatchString(text[ms[j-1].end:]) {
			isOr = true
		}
		var skills []*rubric.Skill
		for _, m := range ms[i:j] {
			if !slices.Contains(skills, m.skill) {
				skills = append(skills, m.skill)
			}
		}
		i = j
		if len(skills) == 1 || !(isOr || c.oneOf) || c.plusWeight {
			for _, s := range skills {
				out = append(out, group{skills: []*rubric.Skill{s}})
			}
			continue
		}
		// One any_of per scale.
		var scales []*rubric.Scale
		for _, s := range skills {
			if !slices.Contains(scales, s.Scale) {
				scales = append(scales, s.Scale)
			}
		}
		note := ""
		if len(scales) > 1 {
			names := make([]string, len(scales))
			for k, sc := range scales {
				names[k] = sc.Name
			}
			note = "the list mixes scales (" + strings.Join(names, ", ") + "), so it is split into one requirement per scale"
		}
		for _, sc := range scales {
			var g group
			for _, s := range skills {
				if s.Scale == sc {
					g.skills = append(g.skills, s)
				}
			}
			g.anyOf = len(g.skills) > 1
			g.note = note
			out = append(out, g)
		}
	}
	return out
}

// trailingOr is the end of a list after its last known item: more items,
// the last after "or".
var trailingOr = regexp.MustCompile(`(?i)^(?:\s*,\s*[^,.;:]{1,40}?)*,?\s+(?:or|and/or|en/of)\s+[^\s,.;:]`)

// listGap reports whether the text between two skills joins them in a
// list (commas, and, or, slashes, brackets) and whether it says "or".
func listGap(gap string) (joins, or bool) {
	for _, r := range gap {
		switch r {
		case ' ', ',', '/', '(', ')', '&', ';', '+':
		default:
			if !isWord(r) {
				return false, false
			}
		}
	}
	for _, t := range tokenize(gap) {
		if !listWords[t.word] {
			return false, false
		}
		or = or || orWords[t.word]
	}
	return true, or || strings.Contains(gap, "/")
}

// add records one requirement, or merges it with an earlier one of the
// same skills.
func (b *builder) add(g group, text string, sec Section, c, hc cues) {
	req := &Requirement{Skills: g.skills, AnyOf: g.anyOf, Sentence: text, Heading: sec.Heading, Section: sec.Kind}
	if g.note != "" {
		req.Notes = append(req.Notes, g.note)
	}
	// Weight and must: the sentence's words first, then its heading's,
	// then the section's.
	tier := c.tier
	switch {
	case tier != NoTier:
		req.WeightWhy = fmt.Sprintf("%q", c.tierWord)
	case hc.tier != NoTier:
		tier = hc.tier
		req.WeightWhy = fmt.Sprintf("%q in the heading %q", hc.tierWord, sec.Heading)
	case sec.Kind == Duties:
		tier = Lowest
		req.WeightWhy = fmt.Sprintf("named under duties (%q), the lowest", sec.Heading)
	}
	switch {
	case c.must != "":
		req.Must = true
		req.MustWhy = fmt.Sprintf("%q", c.must)
	case hc.must != "" && c.tier == NoTier:
		req.Must = true
		req.MustWhy = fmt.Sprintf("%q in the heading %q", hc.must, sec.Heading)
	}
	if tier == NoTier {
		if req.Must {
			tier = Highest
			req.WeightWhy = "a must with no weight word: the highest"
		} else {
			tier = Middle
			req.WeightWhy = "no weight word: the middle"
		}
	}
	req.Weight = tier.Weight()
	req.Min, req.LevelWhy = level(g.skills[0].Scale, c)
	req.ID = reqID(g.skills)
	key := skillsKey(g.skills)
	if old, ok := b.byKey[key]; ok {
		b.merge(old, req)
		return
	}
	b.byKey[key] = req
	b.order = append(b.order, req)
}

// merge folds a later requirement on the same skills into an earlier one:
// a requirement outranks a duty; between equals the stronger wins.
func (b *builder) merge(old, req *Requirement) {
	switch {
	case old.Section == Duties && req.Section != Duties:
		// The requirement takes the duty's place in the key, and its own
		// place in the order.
		b.order = slices.DeleteFunc(b.order, func(r *Requirement) bool { return r == old })
		req.Also = append(append(req.Also, old.Sentence), old.Also...)
		b.byKey[skillsKey(req.Skills)] = req
		b.order = append(b.order, req)
		return
	case req.Section == Duties && old.Section != Duties:
		return
	}
	if req.Sentence != old.Sentence && !slices.Contains(old.Also, req.Sentence) {
		old.Also = append(old.Also, req.Sentence)
	}
	// A weaker mention (a nice-to-have after a requirement) sets no level:
	// "Expert Python is a plus" does not make a basic Python requirement
	// expert.
	stronger := req.Weight >= old.Weight || req.Must
	if req.Must && !old.Must {
		old.Must, old.MustWhy = true, req.MustWhy
	}
	if req.Weight > old.Weight {
		old.Weight, old.WeightWhy = req.Weight, req.WeightWhy
	}
	if stronger && req.Min > old.Min {
		old.Min, old.LevelWhy = req.Min, req.LevelWhy
	}
}

// finish drops from duties the skills also required, orders the
// requirements (requirements first, duties after) and gives them unique ids.
func (b *builder) finish() {
	required := map[*rubric.Skill]bool{}
	for _, r := range b.order {
		if r.Section != Duties {
			for _, s := range r.Skills {
				required[s] = true
			}
		}
	}
	var reqs, duties []*Requirement
	for _, r := range b.order {
		if r.Section != Duties {
			reqs = append(reqs, r)
			continue
		}
		left := slices.DeleteFunc(slices.Clone(r.Skills), func(s *rubric.Skill) bool { return required[s] })
		if len(left) == 0 {
			continue
		}
		if len(left) < len(r.Skills) {
			r.Notes = append(r.Notes, "the skills of this list that are also required are left to those requirements")
			r.Skills = left
			r.AnyOf = len(left) > 1
			r.ID = reqID(left)
		}
		duties = append(duties, r)
	}
	all := append(reqs, duties...)
	seen := map[string]bool{}
	var out []*Requirement
	for _, r := range all {
		if seen[r.ID] {
			continue // a duty list reduced to a skill another duty names
		}
		seen[r.ID] = true
		out = append(out, r)
	}
	b.c.Requirements = out
}

// skillsKey names a set of skills whatever their order, so that "Java or
// Python" and "Python or Java" are one requirement.
func skillsKey(skills []*rubric.Skill) string {
	ids := make([]string, len(skills))
	for i, s := range skills {
		ids[i] = s.ID
	}
	slices.Sort(ids)
	return strings.Join(ids, " ")
}

// reqID is the id the loader gives a requirement written without one.
func reqID(skills []*rubric.Skill) string {
	ids := make([]string, len(skills))
	for i, s := range skills {
		ids[i] = s.ID
	}
	return strings.Join(ids, "-or-")
}

// level sets a minimum level from the sentence's words, relative to the
// scale: see the words table.
func level(sc *rubric.Scale, c cues) (int, string) {
	top := sc.Top()
	if top <= 1 {
		return 1, "a yes/no scale: yes"
	}
	_, isCEFR := sc.Find("B2")
	if _, c1 := sc.Find("C1"); !c1 {
		isCEFR = false
	}
	if isCEFR && c.cefr != "" {
		n, _ := sc.Find(c.cefr)
		return n, fmt.Sprintf("%q, a CEFR level", c.cefr)
	}
	middle := (top + 1) / 2
	nearTop := max(1, top-1)
	why := func(where string) string { return fmt.Sprintf("%q: %s", c.levelWord, where) }
	switch c.level {
	case FirstLevel:
		return 1, why("the first level above none")
	case MiddleLevel:
		return middle, why("the middle of the scale")
	case NearTop:
		return nearTop, why("one below the top")
	case CEFRB2:
		if isCEFR {
			n, _ := sc.Find("B2")
			return n, why("B2")
		}
		return middle, why("the middle of the scale")
	case CEFRC1:
		if isCEFR {
			n, _ := sc.Find("C1")
			return n, why("C1")
		}
		return nearTop, why("one below the top")
	}
	return middle, "no level word: the middle of the scale"
}

// cut shortens text to at most n runes, marking the cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
