package rubric

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
)

// AssessmentFormat is the format of saved assessments, recognised here only
// to tell a person who passed one where a rubric was expected.
const AssessmentFormat = "readycheck/assessment/v1"

// Digest returns the digest readycheck records for a file's bytes.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// LoadFile reads and validates a rubric file. Files over the size limit are
// refused before they are read whole. On failure the error is a
// yamlfile.Problems listing every problem found.
func LoadFile(path string) (*Rubric, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	r, problems := Parse(path, data)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

// ReadFile reads a file people write by hand, refusing one over
// yamlfile.MaxSize before reading it and naming the file in every error.
// Only regular files are read: a pipe, device or socket (a FIFO named
// x.yaml, a link to /dev/stdin) is refused, and opening one never waits
// for a writer (readFlags).
func ReadFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|readFlags, 0)
	if err != nil {
		return nil, yamlfile.Problems{{File: path, Message: openMessage(err)}}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, yamlfile.Problems{{File: path, Message: openMessage(err)}}
	}
	if info.IsDir() {
		return nil, yamlfile.Problems{{File: path, Message: "is a folder, not a file; name a YAML file"}}
	}
	if !info.Mode().IsRegular() {
		return nil, yamlfile.Problems{{File: path, Message: "not a regular file (a pipe, device or socket); readycheck reads only regular files: name a YAML file"}}
	}
	if info.Size() > yamlfile.MaxSize {
		return nil, yamlfile.TooLarge(path, info.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, yamlfile.MaxSize+1))
	if err != nil {
		return nil, yamlfile.Problems{{File: path, Message: openMessage(err)}}
	}
	return data, nil
}

func openMessage(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file; check the path"
	case os.IsPermission(err):
		return "permission denied; check the file's permissions"
	}
	var pe *os.PathError
	if ok := asPathError(err, &pe); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func asPathError(err error, pe **os.PathError) bool {
	p, ok := err.(*os.PathError)
	if ok {
		*pe = p
	}
	return ok
}

// Parse validates a rubric held in memory. file names it in problems. It
// returns the rubric only when there are no errors; warnings may come with it.
func Parse(file string, data []byte) (*Rubric, yamlfile.Problems) {
	top, problems := yamlfile.Parse(file, data)
	if top == nil {
		return nil, problems
	}
	l := &loader{Reporter: yamlfile.Reporter{File: file}, r: &Rubric{File: file, Digest: Digest(data)}}
	l.rubric(top)
	l.Problems.Sort()
	if l.Failed() {
		return nil, l.Problems
	}
	l.r.index()
	return l.r, l.Problems
}

type loader struct {
	yamlfile.Reporter
	r      *Rubric
	scales map[string]*Scale
	skills map[string]*Skill
	// skillPos remembers where each skill id was first defined, for duplicates.
	skillPos map[string]int
	// badScales and badSkills hold names already reported as malformed, so
	// that a reference to one is not reported again as unknown; scalesBroken
	// is set when the scales field itself is missing or unreadable, which
	// makes every scale reference moot.
	badScales    map[string]bool
	badSkills    map[string]bool
	scalesBroken bool
	// defaultNamed is set when the rubric has a default_scale field, even
	// one naming an unknown scale; noScaleReported once a skill without any
	// scale has been reported, since one missing default_scale is one mistake.
	defaultNamed    bool
	noScaleReported bool
	// skillNames holds every skill's title and aliases as read, for the
	// check that no name stands for two skills (checkNames).
	skillNames []skillName
}

// skillName is one name a skill goes by: its title or one of its aliases.
type skillName struct {
	skill *Skill
	node  *yaml.Node
	kind  string // "title" or "alias"
}

var rubricFields = []string{"format", "id", "title", "version", "description", "scales", "default_scale", "categories", "companies"}

func (l *loader) rubric(top *yaml.Node) {
	if top.Kind != yaml.MappingNode {
		l.At(top, "a rubric file should be a mapping of fields (format, id, title, scales, categories, companies); this file holds %s", describe(top))
		return
	}
	if !l.CheckFormat(top, fileKind) {
		return
	}
	f := l.Fields(top, "the rubric", rubricFields...)
	l.Require(top, f, "the rubric", "id", "title", "scales", "categories", "companies")
	l.r.ID = l.ID(f["id"].Value, "the rubric id")
	l.r.Title = l.String(f["title"].Value, "the rubric title")
	l.r.Version = l.String(f["version"].Value, "the rubric version")
	l.r.Description = l.String(f["description"].Value, "the rubric description")
	l.scalesOf(f["scales"].Value)
	if d := f["default_scale"].Value; d != nil && !yamlfile.IsNull(d) {
		l.defaultNamed = true
		name := l.String(d, "default_scale")
		l.r.DefaultScale = l.scaleRef(d, name, "default_scale")
	}
	l.categories(f["categories"].Value)
	l.checkNames()
	l.companies(f["companies"].Value)
}

// fileKind is a rubric's format, for yamlfile.CheckFormat: an assessment
// passed where a rubric belongs is told so.
var fileKind = yamlfile.Kind{
	Format: Format, Family: "readycheck/rubric/", File: "a rubric file", Name: "rubric",
	OtherFormat: AssessmentFormat,
	IsOther:     "this file is an assessment (format %q), not a rubric; pass a rubric file here, and the assessment to `readycheck score`",
	OtherKeys:   []string{"answers", "candidate"},
	LooksLikeOther: "this looks like an assessment, not a rubric (it has candidate/answers and no format); " +
		"pass a rubric file here, and the assessment to `readycheck score`",
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	}
	return "something else"
}

func (l *loader) scalesOf(n *yaml.Node) {
	l.scales = map[string]*Scale{}
	l.badScales = map[string]bool{}
	if n == nil || yamlfile.IsNull(n) {
		l.scalesBroken = true
		return
	}
	if !l.Kind(n, yaml.MappingNode, "scales", "a mapping from scale names to lists of levels") {
		l.scalesBroken = true
		return
	}
	if len(n.Content) == 0 {
		l.At(n, "scales is empty; define at least one scale, e.g. proficiency: [{label: None}, {label: Aware}, ...]")
	}
	firstLine := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := l.ID(k, "scale name")
		if name == "" {
			if k.Kind == yaml.ScalarNode {
				l.badScales[k.Value] = true
			}
			continue
		}
		if line, dup := firstLine[name]; dup {
			l.At(k, "scale %q is defined twice (first at line %d); rename or remove one", name, line)
			continue
		}
		firstLine[name] = k.Line
		s := &Scale{Name: name}
		what := fmt.Sprintf("scale %q", name)
		items := l.Items(v, what)
		if v != nil && v.Kind == yaml.SequenceNode {
			switch len(v.Content) {
			case 0:
				l.At(v, "%s has no levels; a scale needs at least 2 (level 0 meaning none, then at least one more), e.g. [{label: None}, {label: Aware}]", what)
			case 1:
				l.At(v, "%s has only 1 level; a scale needs at least 2 (level 0 meaning none, then at least one more)", what)
			}
		}
		labels := map[string]int{}
		plainReported := false
		for j, it := range items {
			lw := fmt.Sprintf("level %d of %s", j, what)
			var lvl Level
			if it.Kind == yaml.ScalarNode && !yamlfile.IsNull(it) {
				// `[None, Aware]`: one mistake for the whole list, reported once.
				if !plainReported {
					plainReported = true
					l.At(it, "the levels of %s are written as plain text; write each level as {label: ...}, e.g. {label: %s}", what, safetext.Clean(it.Value))
				}
				if _, bad := safetext.Unsafe(it.Value); !bad {
					lvl.Label = it.Value
				}
			} else {
				lf := l.Fields(it, lw, "label", "description")
				l.Require(it, lf, lw, "label")
				lvl = Level{Label: l.String(lf["label"].Value, lw+" label"), Description: l.String(lf["description"].Value, lw+" description")}
			}
			if lvl.Label != "" && (it.Kind != yaml.ScalarNode || yamlfile.IsNull(it)) {
				lf := labelNode(it)
				key := strings.ToLower(lvl.Label)
				if prev, dup := labels[key]; dup {
					l.At(lf, "%s repeats the label %q of level %d; labels must differ so that `min: %s` is unambiguous", lw, lvl.Label, prev, lvl.Label)
				}
				labels[key] = j
				if _, err := strconv.Atoi(lvl.Label); err == nil {
					l.At(lf, "%s has a number as its label (%q); use a word, since numbers already mean levels", lw, lvl.Label)
				}
			}
			s.Levels = append(s.Levels, lvl)
		}
		l.r.Scales = append(l.r.Scales, s)
		l.scales[name] = s
	}
}

// labelNode returns the value node of a level's label field, which the
// loader has read already.
func labelNode(level *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(level.Content); i += 2 {
		if level.Content[i].Value == "label" || yamlfile.Suggest(level.Content[i].Value, []string{"label", "description"}) == "label" {
			return level.Content[i+1]
		}
	}
	return level
}

// scaleRef resolves a scale name used at n; what names the user of the
// scale in messages.
func (l *loader) scaleRef(n *yaml.Node, name, what string) *Scale {
	if name == "" {
		return nil
	}
	if s, ok := l.scales[name]; ok {
		return s
	}
	if l.scalesBroken || l.badScales[name] {
		// Already reported where the scales are defined.
		return nil
	}
	msg := fmt.Sprintf("%s refers to unknown scale %q", what, name)
	if sug := yamlfile.Suggest(name, yamlfile.SortedKeys(l.scales)); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
	} else if len(l.scales) > 0 {
		msg += "; defined scales: " + strings.Join(yamlfile.SortedKeys(l.scales), ", ")
	}
	l.At(n, "%s", msg)
	return nil
}

var categoryFields = []string{"id", "title", "description", "scale", "skills"}
var skillFields = []string{"id", "title", "aliases", "question", "help", "scale", "levels"}

func (l *loader) categories(n *yaml.Node) {
	l.skills = map[string]*Skill{}
	l.skillPos = map[string]int{}
	l.badSkills = map[string]bool{}
	items := l.Items(n, "categories")
	if n != nil && n.Kind == yaml.SequenceNode && len(items) == 0 && len(n.Content) == 0 {
		l.At(n, "categories is empty; add at least one category with skills")
	}
	seen := map[string]int{}
	for i, it := range items {
		what := fmt.Sprintf("category %d", i+1)
		if id := yamlfile.Peek(it, "id"); yamlfile.ValidID(id) {
			what = fmt.Sprintf("category %q", id)
		}
		f := l.Fields(it, what, categoryFields...)
		if f == nil {
			continue
		}
		c := &Category{}
		c.ID = l.ID(f["id"].Value, what+" id")
		if c.ID != "" {
			what = fmt.Sprintf("category %q", c.ID)
			if line, dup := seen[c.ID]; dup {
				l.At(f["id"].Value, "category id %q is used twice (first at line %d); category ids must be unique", c.ID, line)
			}
			seen[c.ID] = f["id"].Value.Line
		}
		l.Require(it, f, what, "id", "title", "skills")
		c.Title = l.String(f["title"].Value, what+" title")
		c.Description = l.String(f["description"].Value, what+" description")
		var catScale *Scale
		if sn := f["scale"].Value; sn != nil && !yamlfile.IsNull(sn) {
			catScale = l.scaleRef(sn, l.String(sn, what+" scale"), what)
		}
		skills := l.Items(f["skills"].Value, what+" skills")
		if sv := f["skills"].Value; sv != nil && sv.Kind == yaml.SequenceNode && len(sv.Content) == 0 {
			l.At(sv, "%s has no skills; add at least one", what)
		}
		for j, sn := range skills {
			s := l.skill(sn, c, j, catScale, f["scale"].Value != nil && !yamlfile.IsNull(f["scale"].Value))
			if s != nil {
				c.Skills = append(c.Skills, s)
			}
		}
		l.r.Categories = append(l.r.Categories, c)
	}
}

func (l *loader) skill(n *yaml.Node, c *Category, j int, catScale *Scale, catNamesScale bool) *Skill {
	what := fmt.Sprintf("skill %d of %s", j+1, categoryName(c))
	if id := yamlfile.Peek(n, "id"); yamlfile.ValidID(id) {
		what = fmt.Sprintf("skill %q", id)
	}
	f := l.Fields(n, what, skillFields...)
	if f == nil {
		return nil
	}
	s := &Skill{Category: c}
	s.ID = l.ID(f["id"].Value, what+" id")
	if idn := f["id"].Value; s.ID == "" && idn != nil && idn.Kind == yaml.ScalarNode {
		l.badSkills[idn.Value] = true
	}
	if s.ID != "" {
		what = fmt.Sprintf("skill %q", s.ID)
		if line, dup := l.skillPos[s.ID]; dup {
			l.At(f["id"].Value, "skill id %q is used twice (first at line %d); skill ids must be unique across the whole rubric", s.ID, line)
		} else {
			l.skillPos[s.ID] = f["id"].Value.Line
			l.skills[s.ID] = s
		}
	}
	l.Require(n, f, what, "id", "title")
	s.Title = l.String(f["title"].Value, what+" title")
	if s.Title != "" {
		l.skillNames = append(l.skillNames, skillName{s, f["title"].Value, "title"})
	}
	l.aliases(s, f["aliases"].Value, what)
	s.Question = l.String(f["question"].Value, what+" question")
	if s.Question == "" && s.Title != "" {
		s.Question = fmt.Sprintf("How would you rate your %s?", s.Title)
	}
	s.Help = l.String(f["help"].Value, what+" help")
	switch sn := f["scale"].Value; {
	case sn != nil && !yamlfile.IsNull(sn):
		s.Scale = l.scaleRef(sn, l.String(sn, what+" scale"), what)
	case catNamesScale:
		s.Scale = catScale
	default:
		s.Scale = l.r.DefaultScale
		if s.Scale == nil && !l.defaultNamed && !l.scalesBroken && !l.noScaleReported {
			l.noScaleReported = true
			l.At(n, "%s names no scale, and the rubric has no default_scale; set default_scale at the top of the rubric (or name a scale on each skill or its category)", what)
		}
	}
	// A scale unknown or too short is reported once, where it is named or defined.
	if s.Scale == nil || s.Scale.Top() < 1 {
		return s
	}
	if lv := f["levels"].Value; lv != nil && !yamlfile.IsNull(lv) && l.Kind(lv, yaml.MappingNode, what+" levels", "a mapping from level numbers to descriptions, e.g. {1: ..., 2: ...}") {
		s.Levels = map[int]string{}
		for i := 0; i+1 < len(lv.Content); i += 2 {
			k, v := lv.Content[i], lv.Content[i+1]
			lvl, ok := l.levelKey(k, s, what)
			if !ok {
				continue
			}
			if _, dup := s.Levels[lvl]; dup {
				l.At(k, "%s describes level %d twice; keep one", what, lvl)
				continue
			}
			s.Levels[lvl] = l.String(v, fmt.Sprintf("%s level %d", what, lvl))
		}
	}
	return s
}

// aliases reads a skill's aliases: text, each safe to show, not empty and
// not listed twice.
func (l *loader) aliases(s *Skill, n *yaml.Node, what string) {
	if n == nil || yamlfile.IsNull(n) {
		return
	}
	if n.Kind == yaml.ScalarNode {
		l.At(n, "%s aliases should be a list of names, e.g. aliases: [%s]", what, safetext.Clean(n.Value))
		return
	}
	items := l.Items(n, what+" aliases")
	seen := map[string]int{}
	for _, it := range items {
		a := l.String(it, what+" alias")
		if a == "" {
			if it.Kind == yaml.ScalarNode && (yamlfile.IsNull(it) || strings.TrimSpace(it.Value) == "") {
				l.At(it, "%s has an empty alias; write the other name or remove the item", what)
			}
			continue
		}
		if strings.TrimSpace(a) == "" {
			l.At(it, "%s has an empty alias; write the other name or remove the item", what)
			continue
		}
		key := strings.ToLower(strings.TrimSpace(a))
		if line, dup := seen[key]; dup {
			l.At(it, "%s lists the alias %q twice (first at line %d); keep one", what, a, line)
			continue
		}
		seen[key] = it.Line
		s.Aliases = append(s.Aliases, a)
		l.skillNames = append(l.skillNames, skillName{s, it, "alias"})
	}
}

// checkNames reports an alias that names two skills: one shared with
// another skill's alias, or equal to another skill's title or id, compared
// case-insensitively. A name may repeat the skill's own title or id.
func (l *loader) checkNames() {
	type owner struct {
		skill *Skill
		line  int
		kind  string
	}
	owners := map[string]owner{}
	for id, s := range l.skills {
		owners[id] = owner{s, l.skillPos[id], "id"}
	}
	// Titles first: an alias that clashes with a title is the alias's
	// mistake wherever the title stands.
	for _, n := range l.skillNames {
		key := strings.ToLower(strings.TrimSpace(n.node.Value))
		if _, taken := owners[key]; n.kind == "title" && !taken {
			owners[key] = owner{n.skill, n.node.Line, "title"}
		}
	}
	for _, n := range l.skillNames {
		if n.kind != "alias" {
			continue
		}
		a := strings.TrimSpace(n.node.Value)
		key := strings.ToLower(a)
		o, taken := owners[key]
		switch {
		case !taken:
			owners[key] = owner{n.skill, n.node.Line, "alias"}
		case o.skill == n.skill:
		case o.kind == "alias":
			l.At(n.node, "alias %q of skill %q is also an alias of skill %q (line %d); an alias names one skill only, so keep it on one of them", a, n.skill.ID, o.skill.ID, o.line)
		default:
			l.At(n.node, "alias %q of skill %q is the %s of skill %q (line %d); an alias must not name another skill, so remove it", a, n.skill.ID, o.kind, o.skill.ID, o.line)
		}
	}
}

// levelKey reads a key of a skill's levels: a level number, or a label.
func (l *loader) levelKey(k *yaml.Node, s *Skill, what string) (int, bool) {
	if k.Kind != yaml.ScalarNode {
		l.At(k, "%s levels should be keyed by level numbers", what)
		return 0, false
	}
	top := s.Scale.Top()
	if n, err := strconv.Atoi(k.Value); err == nil {
		if n < 0 || n > top {
			l.At(k, "%s describes level %d, outside its scale %q (levels 0 to %d); remove it or use another scale", what, n, s.Scale.Name, top)
			return 0, false
		}
		return n, true
	}
	if n, ok := s.Scale.Find(k.Value); ok {
		return n, true
	}
	l.At(k, "%s describes level %q, which is neither a level number (0 to %d) nor a label of scale %q", what, k.Value, top, s.Scale.Name)
	return 0, false
}

func categoryName(c *Category) string {
	if c.ID != "" {
		return fmt.Sprintf("category %q", c.ID)
	}
	return "its category"
}

var companyFields = []string{"id", "name", "role", "description", "url", "thresholds", "requirements"}

// MinWeight and MaxWeight bound a requirement's weight. Within them no
// rubric's sums can overflow or vanish into subnormal numbers (5e-324 on
// every requirement gave another figure than 1 on every one): readiness is
// always a finite number from 0 to 100, the same for equal weights.
const (
	MinWeight = 0.001
	MaxWeight = 1000
)

// ValidWeight reports whether w is a weight a requirement may have (NaN is
// not): the one rule of the loader, of companies built from entries and of
// the postings saved in assessments.
func ValidWeight(w float64) bool { return w >= MinWeight && w <= MaxWeight }

// WeightRule ends every message about a weight out of range.
var WeightRule = fmt.Sprintf("a weight must be a number from %g to %d (leave it out for 1)", MinWeight, MaxWeight)

var requirementFields = []string{"id", "title", "skill", "any_of", "min", "weight", "must"}

func (l *loader) companies(n *yaml.Node) {
	items := l.Items(n, "companies")
	if n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 0 {
		l.At(n, "companies is empty; add at least one company with requirements")
	}
	seen := map[string]int{}
	for i, it := range items {
		what := fmt.Sprintf("company %d", i+1)
		if id := yamlfile.Peek(it, "id"); yamlfile.ValidID(id) {
			what = fmt.Sprintf("company %q", id)
		}
		f := l.Fields(it, what, companyFields...)
		if f == nil {
			continue
		}
		c := &Company{Almost: DefaultAlmost, Ready: DefaultReady}
		c.ID = l.ID(f["id"].Value, what+" id")
		if c.ID != "" {
			what = fmt.Sprintf("company %q", c.ID)
			if line, dup := seen[c.ID]; dup {
				l.At(f["id"].Value, "company id %q is used twice (first at line %d); company ids must be unique", c.ID, line)
			}
			seen[c.ID] = f["id"].Value.Line
		}
		l.Require(it, f, what, "id", "name")
		c.Name = l.String(f["name"].Value, what+" name")
		c.Role = l.String(f["role"].Value, what+" role")
		c.Description = l.String(f["description"].Value, what+" description")
		c.URL = l.String(f["url"].Value, what+" url")
		if t := f["thresholds"].Value; t != nil && !yamlfile.IsNull(t) {
			l.thresholds(t, c, what)
		}
		rv := f["requirements"].Value
		switch {
		case rv == nil || yamlfile.IsNull(rv):
			l.At(it, "%s has no requirements; add at least one (e.g. `- {skill: sql, min: 2}`)", what)
		case rv.Kind == yaml.SequenceNode && len(rv.Content) == 0:
			l.At(rv, "%s has no requirements; add at least one (e.g. `- {skill: sql, min: 2}`)", what)
		}
		type first struct {
			line int
			req  *Requirement
		}
		reqSeen := map[string]first{}
		for j, rn := range l.Items(rv, what+" requirements") {
			req := l.requirement(rn, j, what)
			if req == nil {
				continue
			}
			prev, dup := reqSeen[req.ID]
			switch {
			case !dup || req.ID == "":
				reqSeen[req.ID] = first{rn.Line, req}
			case yamlfile.Peek(rn, "id") == "" && !req.AnyOf && !prev.req.AnyOf:
				l.At(rn, "%s requires skill %q twice (first at line %d); merge the two, or give one an id of its own", what, req.ID, prev.line)
			case yamlfile.Peek(rn, "id") == "":
				l.At(rn, "requirement %q of %s has the same id as the requirement at line %d (without an id field, the id comes from its skills); give one an id of its own", req.ID, what, prev.line)
			default:
				l.At(rn, "requirement %q of %s is used twice (first at line %d); give each requirement of a company its own id", req.ID, what, prev.line)
			}
			c.Requirements = append(c.Requirements, req)
		}
		l.r.Companies = append(l.r.Companies, c)
	}
}

func (l *loader) thresholds(t *yaml.Node, c *Company, what string) {
	f := l.Fields(t, what+" thresholds", "almost", "ready")
	if f == nil {
		return
	}
	ok := true
	for _, name := range []string{"almost", "ready"} {
		v := f[name].Value
		if v == nil {
			continue
		}
		x, good := l.Float(v, fmt.Sprintf("%s threshold %q", what, name))
		if !good {
			ok = false
			continue
		}
		if x < 0 || x > 100 {
			l.At(v, "%s threshold %q is %s; thresholds are percentages from 0 to 100", what, name, v.Value)
			ok = false
			continue
		}
		if name == "almost" {
			c.Almost = x
		} else {
			c.Ready = x
		}
	}
	if ok && c.Almost >= c.Ready {
		almost, ready := formatNum(c.Almost), formatNum(c.Ready)
		if f["almost"].Value == nil {
			almost += ", the default"
		}
		if f["ready"].Value == nil {
			ready += ", the default"
		}
		l.At(t, "%s thresholds are out of order: almost (%s) must be below ready (%s)", what, almost, ready)
	}
}

func formatNum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// requirement loads requirement j of the company companyWhat names: its
// id, its skill or any_of choice, title, min level, weight and must flag.
// It is nil when n is not a mapping (reported).
func (l *loader) requirement(n *yaml.Node, j int, companyWhat string) *Requirement {
	what := requirementWhat(n, j, companyWhat)
	f := l.Fields(n, what, requirementFields...)
	if f == nil {
		return nil
	}
	req := &Requirement{Weight: 1}
	if idn := f["id"].Value; idn != nil && !yamlfile.IsNull(idn) {
		req.ID = l.ID(idn, what+" id")
		if req.ID != "" {
			what = requirementName(req.ID, companyWhat)
		}
	}
	what = l.requirementSkills(n, f, req, what, companyWhat)
	req.Title = l.String(f["title"].Value, what+" title")
	if req.Title == "" {
		req.Title = defaultTitle(req.Skills)
	}
	l.requirementMin(n, f, req, what)
	l.requirementWeight(f["weight"].Value, req, what)
	if m := f["must"].Value; m != nil && !yamlfile.IsNull(m) {
		req.Must, _ = l.Bool(m, `the "must" field of `+what)
	}
	return req
}

// requirementWhat names requirement j of a company in messages before its
// fields are read: by its id, or the skill that gives it its id when it
// has none, if they are valid ids; else by its place in the list.
func requirementWhat(n *yaml.Node, j int, companyWhat string) string {
	if id := yamlfile.Peek(n, "id"); yamlfile.ValidID(id) {
		return requirementName(id, companyWhat)
	}
	if id := yamlfile.Peek(n, "skill"); yamlfile.ValidID(id) && yamlfile.Peek(n, "id") == "" {
		return requirementName(id, companyWhat)
	}
	return fmt.Sprintf("requirement %d of %s", j+1, companyWhat)
}

// requirementName names the requirement with this id in messages.
func requirementName(id, companyWhat string) string {
	return fmt.Sprintf("requirement %q of %s", id, companyWhat)
}

// requirementSkills loads the skills of req, one (skill) or a choice
// (any_of), and returns what, renamed by the id they give req when it has
// no id field.
func (l *loader) requirementSkills(n *yaml.Node, f map[string]yamlfile.Field, req *Requirement, what, companyWhat string) string {
	sk, any := f["skill"].Value, f["any_of"].Value
	hasSkill, hasAny := sk != nil && !yamlfile.IsNull(sk), any != nil && !yamlfile.IsNull(any)
	noIDField := f["id"].Value == nil
	switch {
	case hasSkill && hasAny:
		l.At(n, "%s has both skill and any_of; use skill for one skill, or any_of for a choice among several", what)
	case !hasSkill && !hasAny:
		l.At(n, "%s names no skill; add `skill: ID`, or `any_of: [ID, ID]` for a choice among several", what)
	case hasSkill:
		return l.oneSkill(sk, noIDField, req, what, companyWhat)
	case hasAny:
		return l.anyOf(any, noIDField, req, what, companyWhat)
	}
	return what
}

// oneSkill loads the skill sk of req; without an id field, req takes the
// skill's id, and what is renamed by it.
func (l *loader) oneSkill(sk *yaml.Node, noIDField bool, req *Requirement, what, companyWhat string) string {
	if req.ID == "" && sk.Kind == yaml.ScalarNode && yamlfile.ValidID(sk.Value) && noIDField {
		req.ID = sk.Value
		what = requirementName(req.ID, companyWhat)
	}
	if s := l.skillRef(sk, l.String(sk, what+" skill"), what); s != nil {
		req.Skills = []*Skill{s}
	}
	return what
}

// anyOf loads the skills req accepts any of, which must share a scale;
// without an id field, req takes their ids joined by "-or-", and what is
// renamed by it.
func (l *loader) anyOf(any *yaml.Node, noIDField bool, req *Requirement, what, companyWhat string) string {
	req.AnyOf = true
	items := l.Items(any, what+" any_of")
	if any.Kind == yaml.SequenceNode && len(any.Content) == 0 {
		l.At(any, "%s has an empty any_of; list the skills it accepts", what)
	}
	ids := make([]string, len(items))
	valid := len(items) > 0
	for i, it := range items {
		ids[i] = l.String(it, what+" any_of item")
		valid = valid && yamlfile.ValidID(ids[i])
	}
	// The default id first, so that messages name the requirement by it.
	if req.ID == "" && noIDField && valid {
		req.ID = strings.Join(ids, "-or-")
		what = requirementName(req.ID, companyWhat)
	}
	listed := map[string]bool{}
	for i, it := range items {
		id := ids[i]
		if listed[id] {
			l.At(it, "%s lists skill %q twice in any_of; keep one", what, id)
			continue
		}
		listed[id] = true
		if s := l.skillRef(it, id, what); s != nil {
			req.Skills = append(req.Skills, s)
		}
	}
	l.sameScale(any, req, what)
	return what
}

// requirementMin loads the level req needs, a level of its skills' scale.
// The field is required; its level is not read when req has no skill, or
// when an item of its any_of gave none (an unknown or repeated skill,
// reported already).
func (l *loader) requirementMin(n *yaml.Node, f map[string]yamlfile.Field, req *Requirement, what string) {
	if m := f["min"].Value; m == nil || yamlfile.IsNull(m) {
		l.At(n, "%s is missing the required field \"min\" (the level needed, as a number or a label of the scale)", what)
	} else if len(req.Skills) > 0 && (!req.AnyOf || len(req.Skills) == len(items(f["any_of"].Value))) {
		req.Min = l.minLevel(m, req.Skills[0].Scale, what)
	}
}

// requirementWeight loads the weight w of req, when it is given; one out
// of range is reported and kept, so that loading goes on.
func (l *loader) requirementWeight(w *yaml.Node, req *Requirement, what string) {
	if w == nil || yamlfile.IsNull(w) {
		return
	}
	if x, ok := l.Float(w, "the weight of "+what); ok {
		if !ValidWeight(x) {
			l.At(w, "%s has weight %s; %s", what, safetext.Clean(w.Value), WeightRule)
		}
		req.Weight = x
	}
}

func items(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

func (l *loader) skillRef(n *yaml.Node, id, what string) *Skill {
	if id == "" {
		return nil
	}
	if s, ok := l.skills[id]; ok {
		return s
	}
	if l.badSkills[id] {
		// Already reported where the skill is defined.
		return nil
	}
	msg := fmt.Sprintf("%s refers to unknown skill %q", what, id)
	if sug := yamlfile.Suggest(id, yamlfile.SortedKeys(l.skills)); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
	} else {
		msg += "; use the id of a skill defined under categories"
	}
	l.At(n, "%s", msg)
	return nil
}

func (l *loader) sameScale(n *yaml.Node, req *Requirement, what string) {
	var first *Skill
	for _, s := range req.Skills {
		if s.Scale == nil {
			return
		}
		if first == nil {
			first = s
			continue
		}
		if s.Scale != first.Scale {
			l.At(n, "%s mixes scales in any_of: %q uses %q but %q uses %q; any_of skills must share one scale", what, first.ID, first.Scale.Name, s.ID, s.Scale.Name)
			return
		}
	}
}

func (l *loader) minLevel(m *yaml.Node, scale *Scale, what string) int {
	if scale == nil || scale.Top() < 1 || !l.Kind(m, yaml.ScalarNode, "the min of "+what, "a level number or label") {
		// A scale too short is reported once, where it is defined.
		return 0
	}
	top := scale.Top()
	// A number, or a number in quotes: labels are never numbers.
	v, err := strconv.Atoi(m.Value)
	switch {
	case err == nil && (v < 1 || v > top):
		l.At(m, "%s has min %d, outside its scale %q; use a level from 1 to %d (%s)", what, v, scale.Name, top, labelRange(scale))
		return 0
	case err == nil:
		return v
	case m.Tag == "!!int" || m.Tag == "!!float":
		l.At(m, "%s has min %s; use a whole level from 1 to %d (%s)", what, safetext.Clean(m.Value), top, labelRange(scale))
		return 0
	}
	if !l.SafeText(m, "the min of "+what, m.Value) {
		return 0
	}
	v, ok := scale.Find(m.Value)
	switch {
	case !ok:
		msg := fmt.Sprintf("%s has min %q, which is not a label of scale %q", what, m.Value, scale.Name)
		labels := make([]string, len(scale.Levels))
		for i, lv := range scale.Levels {
			labels[i] = lv.Label
		}
		if sug := yamlfile.Suggest(m.Value, labels); sug != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", sug)
		} else {
			msg += "; use a level from 1 to " + strconv.Itoa(top) + " (" + labelRange(scale) + ")"
		}
		l.At(m, "%s", msg)
		return 0
	case v == 0:
		l.At(m, "%s has min %q, level 0 of scale %q, which every candidate meets; require level 1 or more, or remove the requirement", what, m.Value, scale.Name)
		return 0
	}
	return v
}

func labelRange(s *Scale) string {
	parts := make([]string, 0, len(s.Levels)-1)
	for i := 1; i < len(s.Levels); i++ {
		parts = append(parts, fmt.Sprintf("%d %s", i, s.Levels[i].Label))
	}
	return strings.Join(parts, ", ")
}

func defaultTitle(skills []*Skill) string {
	titles := make([]string, len(skills))
	for i, s := range skills {
		titles[i] = s.Title
	}
	switch len(titles) {
	case 0:
		return ""
	case 1:
		return titles[0]
	}
	return strings.Join(titles[:len(titles)-1], ", ") + " or " + titles[len(titles)-1]
}
