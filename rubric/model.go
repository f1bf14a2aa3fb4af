// Package rubric knows readycheck rubrics: the model of skills, scales and
// company requirements, loading and validating rubric files with positions,
// and the readiness scoring rules.
package rubric

import "strings"

// Format is the value of the `format` field of every rubric file.
const Format = "readycheck/rubric/v1"

// Default thresholds for a company's verdict, on the rounded readiness.
const (
	DefaultAlmost = 60
	DefaultReady  = 80
)

// Rubric is a validated rubric: every reference resolved, every default applied.
type Rubric struct {
	ID          string
	Title       string
	Version     string
	Description string
	// Digest is "sha256:" and the hex SHA-256 of the file's bytes.
	Digest string
	// File is the path the rubric was loaded from ("built-in" for the embedded one).
	File         string
	Scales       []*Scale
	DefaultScale *Scale
	Categories   []*Category
	Companies    []*Company

	skills    []*Skill
	skillByID map[string]*Skill
	compByID  map[string]*Company
	// refs lists, per skill index, the requirements that name the skill.
	refs [][]reqRef
}

// reqRef points at one requirement of one company.
type reqRef struct {
	company *Company
	req     int
}

// Scale is a named list of levels; a level is its index, and 0 means none.
type Scale struct {
	Name   string
	Levels []Level
}

// Level is one step of a scale.
type Level struct {
	Label       string
	Description string
}

// Top returns the highest level of the scale.
func (s *Scale) Top() int { return len(s.Levels) - 1 }

// Find returns the level whose label matches s case-insensitively.
func (s *Scale) Find(label string) (int, bool) {
	for i, l := range s.Levels {
		if strings.EqualFold(l.Label, label) {
			return i, true
		}
	}
	return 0, false
}

// Label returns the label of a level, or "" when it is outside the scale.
func (s *Scale) Label(level int) string {
	if level < 0 || level >= len(s.Levels) {
		return ""
	}
	return s.Levels[level].Label
}

// Category groups skills under a title.
type Category struct {
	ID          string
	Title       string
	Description string
	Skills      []*Skill
}

// Skill is one thing a candidate rates themselves on.
type Skill struct {
	ID    string
	Title string
	// Aliases are other names people write for the skill ("C++" for cpp,
	// "PostgreSQL" for sql), as written in the rubric; no two skills share
	// one, and none is another skill's id or title (case-insensitively).
	Aliases  []string
	Question string
	Help     string
	Scale    *Scale
	Category *Category
	// Index is the skill's position in rubric order, from 0.
	Index int
	// Levels holds the skill's own descriptors, by level; empty where the
	// scale's description applies.
	Levels map[int]string
}

// Descriptor returns the skill's own descriptor for a level, or the scale's.
func (s *Skill) Descriptor(level int) string {
	if d, ok := s.Levels[level]; ok {
		return d
	}
	if level >= 0 && level < len(s.Scale.Levels) {
		return s.Scale.Levels[level].Description
	}
	return ""
}

// Company is a set of requirements, one company's or programme's view of readiness.
type Company struct {
	ID           string
	Name         string
	Role         string
	Description  string
	URL          string
	Almost       float64
	Ready        float64
	Requirements []*Requirement
	// Source is "" for a company of the rubric file, and SourcePosting
	// for one drafted from a job posting (an assessment's postings),
	// added by With.
	Source string

	index       int     // position in the rubric
	totalWeight float64 // sum of the requirements' weights
}

// Requirement is a minimum level on one skill, or on the best of several.
type Requirement struct {
	ID     string
	Title  string
	Skills []*Skill
	// AnyOf is true when the requirement was written with any_of.
	AnyOf  bool
	Min    int
	Weight float64
	Must   bool
	// Sentence is, for a company drafted from a posting, the posting's
	// sentence the requirement came from.
	Sentence string
}

// Skills returns every skill in rubric order.
func (r *Rubric) Skills() []*Skill { return r.skills }

// Skill returns the skill with the given id.
func (r *Rubric) Skill(id string) (*Skill, bool) {
	s, ok := r.skillByID[id]
	return s, ok
}

// Company returns the company with the given id.
func (r *Rubric) Company(id string) (*Company, bool) {
	c, ok := r.compByID[id]
	return c, ok
}

// CompanyIDs returns every company id in rubric order.
func (r *Rubric) CompanyIDs() []string {
	ids := make([]string, len(r.Companies))
	for i, c := range r.Companies {
		ids[i] = c.ID
	}
	return ids
}

// index builds the lookup tables once the model is complete.
func (r *Rubric) index() {
	r.skills = r.skills[:0]
	r.skillByID = make(map[string]*Skill)
	for _, c := range r.Categories {
		for _, s := range c.Skills {
			s.Index = len(r.skills)
			r.skills = append(r.skills, s)
			r.skillByID[s.ID] = s
		}
	}
	r.compByID = make(map[string]*Company, len(r.Companies))
	r.refs = make([][]reqRef, len(r.skills))
	for ci, c := range r.Companies {
		r.compByID[c.ID] = c
		c.index = ci
		c.totalWeight = 0
		for i, req := range c.Requirements {
			c.totalWeight += req.Weight
			for _, s := range req.Skills {
				r.refs[s.Index] = append(r.refs[s.Index], reqRef{company: c, req: i})
			}
		}
	}
}
