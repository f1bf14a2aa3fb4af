package rubric

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
)

// SourcePosting is the Source of a company drafted from a job posting.
const SourcePosting = "posting"

// CompanyEntry is a company entry as written outside the rubric file (an
// assessment's postings), before it is checked against the rubric.
type CompanyEntry struct {
	ID, Name, Role string
	Requirements   []RequirementEntry
}

// RequirementEntry is one requirement of a CompanyEntry: Skill, or AnyOf
// for a choice among several; Min is a level number or a label of the
// skill's scale, as written; Weight 0 stands for the default, 1.
type RequirementEntry struct {
	ID       string
	Skill    string
	AnyOf    []string
	Min      string
	Weight   float64
	Must     bool
	Sentence string
}

// EntryError is one reason a CompanyEntry is not a valid company of a
// rubric: Req is the requirement's index (-1 for the company itself),
// Field the field at fault and Item the index in any_of (-1 otherwise), so
// that a reader of the entry's file can point at the line.
type EntryError struct {
	Req   int
	Field string
	Item  int
	Msg   string
}

func (e EntryError) Error() string { return e.Msg }

// EntryErrors are all the reasons an entry is not valid.
type EntryErrors []EntryError

func (es EntryErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Msg
	}
	return strings.Join(msgs, "; ")
}

// NewCompany builds a company of the rubric from an entry, checking it as
// the rubric's own companies are checked: ids, skills of this rubric, one
// scale per any_of, min within the scale, weights from MinWeight to
// MaxWeight (the loader's ValidWeight), requirement ids unique. source is kept as the company's
// Source (SourcePosting for a drafted company). The company is not added
// to the rubric: With does that.
func (r *Rubric) NewCompany(e CompanyEntry, source string) (*Company, error) {
	var errs EntryErrors
	fail := func(req int, field string, item int, format string, args ...any) {
		errs = append(errs, EntryError{Req: req, Field: field, Item: item, Msg: fmt.Sprintf(format, args...)})
	}
	what := "company"
	if !yamlfile.ValidID(e.ID) {
		fail(-1, "id", -1, "company id %q is not a valid id: use lower-case letters a-z, digits and hyphens (e.g. %q)", e.ID, yamlfile.Slug(e.ID))
	} else {
		what = fmt.Sprintf("company %q", e.ID)
	}
	if strings.TrimSpace(e.Name) == "" {
		fail(-1, "name", -1, "%s has no name", what)
	}
	if len(e.Requirements) == 0 {
		fail(-1, "requirements", -1, "%s has no requirements; add at least one (e.g. `- {skill: sql, min: 2}`)", what)
	}
	c := &Company{ID: e.ID, Name: safetext.CleanLine(e.Name), Role: safetext.CleanLine(e.Role), Almost: DefaultAlmost, Ready: DefaultReady, Source: source}
	seen := map[string]int{}
	for j, re := range e.Requirements {
		rw := fmt.Sprintf("requirement %d of %s", j+1, what)
		req := &Requirement{ID: re.ID, Weight: 1, Must: re.Must, Sentence: safetext.CleanLine(re.Sentence)}
		switch {
		case re.Skill != "" && len(re.AnyOf) > 0:
			fail(j, "any_of", -1, "%s has both skill and any_of; use skill for one skill, or any_of for a choice among several", rw)
			continue
		case re.Skill == "" && len(re.AnyOf) == 0:
			fail(j, "", -1, "%s names no skill; add `skill: ID`, or `any_of: [ID, ID]` for a choice among several", rw)
			continue
		}
		ids, field := re.AnyOf, "any_of"
		if re.Skill != "" {
			ids, field = []string{re.Skill}, "skill"
		}
		req.AnyOf = re.Skill == ""
		if req.ID == "" {
			req.ID = strings.Join(ids, "-or-")
		}
		if !yamlfile.ValidID(req.ID) {
			fail(j, "id", -1, "%s id %q is not a valid id: use lower-case letters a-z, digits and hyphens", rw, req.ID)
		} else {
			rw = fmt.Sprintf("requirement %q of %s", req.ID, what)
		}
		ok := true
		for i, id := range ids {
			item := i
			if !req.AnyOf {
				item = -1
			}
			s, found := r.skillByID[id]
			switch {
			case !found:
				msg := fmt.Sprintf("%s refers to skill %q, which rubric %q does not have", rw, id, r.ID)
				if sug := yamlfile.Suggest(id, r.skillIDs()); sug != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", sug)
				}
				fail(j, field, item, "%s", msg)
				ok = false
			case slices.Contains(req.Skills, s):
				fail(j, field, item, "%s lists skill %q twice in any_of; keep one", rw, id)
				ok = false
			case len(req.Skills) > 0 && req.Skills[0].Scale != s.Scale:
				fail(j, field, item, "%s mixes scales in any_of: %q uses %q but %q uses %q; any_of skills must share one scale", rw, req.Skills[0].ID, req.Skills[0].Scale.Name, id, s.Scale.Name)
				ok = false
			default:
				req.Skills = append(req.Skills, s)
			}
		}
		req.Title = defaultTitle(req.Skills)
		if ok {
			sc := req.Skills[0].Scale
			min, err := entryMin(sc, re.Min)
			if err != "" {
				fail(j, "min", -1, "%s %s", rw, err)
			}
			req.Min = min
		}
		switch w := re.Weight; {
		case w == 0:
		case !ValidWeight(w):
			fail(j, "weight", -1, "%s has weight %s; %s", rw, formatNum(w), WeightRule)
		default:
			req.Weight = w
		}
		if prev, dup := seen[req.ID]; dup {
			fail(j, "id", -1, "%s has the same id as requirement %d; give one an id of its own", rw, prev+1)
		}
		seen[req.ID] = j
		c.Requirements = append(c.Requirements, req)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, req := range c.Requirements {
		c.totalWeight += req.Weight
	}
	return c, nil
}

// entryMin reads a requirement's min as written: a level number, or a label
// of the scale; the error is the end of a sentence naming the requirement.
func entryMin(sc *Scale, s string) (int, string) {
	top := sc.Top()
	if s == "" {
		return 0, `is missing the required field "min" (the level needed, as a number or a label of the scale)`
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		var ok bool
		if v, ok = sc.Find(s); !ok {
			return 0, fmt.Sprintf("has min %q, which is not a label of scale %q; use a level from 1 to %d (%s)", s, sc.Name, top, labelRange(sc))
		}
	}
	if v < 1 || v > top {
		return 0, fmt.Sprintf("has min %s, outside its scale %q; use a level from 1 to %d (%s)", s, sc.Name, top, labelRange(sc))
	}
	return v, ""
}

func (r *Rubric) skillIDs() []string {
	ids := make([]string, len(r.skills))
	for i, s := range r.skills {
		ids[i] = s.ID
	}
	return ids
}

// ErrCompanyClash is wrapped by With's error for a company whose id the
// rubric already has.
var ErrCompanyClash = errors.New("the rubric already has a company with this id")

// With returns a copy of the rubric with the companies added after its own,
// as NewCompany built them from this rubric; the rubric itself is not
// changed, and the copy keeps its Digest, since its file is the same. A
// company whose id the rubric (or an earlier one of cs) has is an error
// wrapping ErrCompanyClash.
func (r *Rubric) With(cs ...*Company) (*Rubric, error) {
	if len(cs) == 0 {
		return r, nil
	}
	x := *r
	x.Companies = append(slices.Clip(r.Companies), cs...)
	x.compByID = make(map[string]*Company, len(x.Companies))
	for id, c := range r.compByID {
		x.compByID[id] = c
	}
	x.refs = make([][]reqRef, len(r.refs))
	for i, refs := range r.refs {
		x.refs[i] = slices.Clip(refs)
	}
	for _, c := range cs {
		if _, dup := x.compByID[c.ID]; dup {
			return nil, fmt.Errorf("company %q: %w", c.ID, ErrCompanyClash)
		}
		for _, req := range c.Requirements {
			for _, s := range req.Skills {
				if s.Index >= len(r.skills) || r.skills[s.Index] != s {
					return nil, fmt.Errorf("company %q names skill %q of another rubric; build it with this rubric's NewCompany", c.ID, s.ID)
				}
			}
		}
		x.compByID[c.ID] = c
	}
	for ci := len(r.Companies); ci < len(x.Companies); ci++ {
		c := x.Companies[ci]
		c.index = ci
		for i, req := range c.Requirements {
			for _, s := range req.Skills {
				x.refs[s.Index] = append(x.refs[s.Index], reqRef{company: c, req: i})
			}
		}
	}
	return &x, nil
}
