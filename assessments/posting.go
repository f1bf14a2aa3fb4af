package assessments

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// MaxPostingText is the longest posting text an assessment keeps: 100 KB,
// a long posting several times over.
const MaxPostingText = 100 << 10

// Posting is a job posting the candidate aims at: its text and the company
// drafted from it, which is scored beside the rubric's own companies (see
// WithPostings). Its ID is the drafted company's id, and is listed in the
// assessment's targets.
type Posting struct {
	ID   string
	Text string
	// Company is the drafted company entry; its ID is the posting's.
	Company rubric.CompanyEntry
}

// postingPos remembers where a posting's parts stood, for Check.
type postingPos struct {
	id, company, name, reqList *yaml.Node
	reqs                       []reqPos
}

// reqPos holds a posting requirement's node and its fields' value nodes.
type reqPos struct {
	node   *yaml.Node
	fields map[string]*yaml.Node
	anyOf  []*yaml.Node
}

var (
	postingFields         = []string{"id", "text", "company"}
	postingCompanyFields  = []string{"id", "name", "role", "requirements"}
	postingRequirementFld = []string{"id", "skill", "any_of", "min", "weight", "must", "sentence"}
)

// postings reads the postings section: its shape only; Check checks the
// companies against the rubric.
func (p *parser) postings(n *yaml.Node, a *Assessment) {
	seen := map[string]int{}
	for i, it := range p.Items(n, "postings") {
		what := fmt.Sprintf("posting %d", i+1)
		if id := yamlfile.Peek(it, "id"); yamlfile.ValidID(id) {
			what = fmt.Sprintf("posting %q", id)
		}
		f := p.Fields(it, what, postingFields...)
		if f == nil {
			continue
		}
		p.Require(it, f, what, "id", "company")
		ps := Posting{ID: p.ID(f["id"].Value, what+" id")}
		pos := postingPos{id: f["id"].Value}
		if ps.ID != "" {
			if line, dup := seen[ps.ID]; dup {
				p.At(f["id"].Value, "posting id %q is used twice (first at line %d); give each posting its own id", ps.ID, line)
			}
			seen[ps.ID] = f["id"].Value.Line
		}
		if tn := f["text"].Value; tn != nil {
			ps.Text = p.String(tn, what+" text")
			if len(ps.Text) > MaxPostingText {
				p.At(tn, "%s text is %d bytes, over the %d an assessment keeps; keep only the posting's text", what, len(ps.Text), MaxPostingText)
			}
		}
		if cn := f["company"].Value; cn != nil && !yamlfile.IsNull(cn) {
			ps.Company = p.postingCompany(cn, what, ps.ID, &pos)
		}
		ps.Company.ID = ps.ID
		a.Postings = append(a.Postings, ps)
		a.pos.postings = append(a.pos.postings, pos)
	}
}

func (p *parser) postingCompany(n *yaml.Node, what, id string, pos *postingPos) rubric.CompanyEntry {
	var e rubric.CompanyEntry
	what += " company"
	f := p.Fields(n, what, postingCompanyFields...)
	if f == nil {
		return e
	}
	pos.company = n
	p.Require(n, f, what, "name", "requirements")
	if in := f["id"].Value; in != nil && !yamlfile.IsNull(in) {
		if cid := p.ID(in, what+" id"); cid != "" && id != "" && cid != id {
			p.At(in, "%s id %q is not the posting's id %q; a posting's company has the posting's id (or leave it out)", what, cid, id)
		}
	}
	pos.name = f["name"].Value
	e.Name = p.String(f["name"].Value, what+" name")
	e.Role = p.String(f["role"].Value, what+" role")
	rl := f["requirements"].Value
	pos.reqList = rl
	if rl != nil && rl.Kind == yaml.SequenceNode && len(rl.Content) == 0 {
		p.At(rl, "%s has no requirements; add at least one (e.g. `- {skill: sql, min: 2}`)", what)
	}
	for j, rn := range p.Items(rl, what+" requirements") {
		rw := fmt.Sprintf("requirement %d of %s", j+1, what)
		rf := p.Fields(rn, rw, postingRequirementFld...)
		if rf == nil {
			continue
		}
		rp := reqPos{node: rn, fields: map[string]*yaml.Node{}}
		for k, v := range rf {
			rp.fields[k] = v.Value
		}
		var re rubric.RequirementEntry
		if v := rf["id"].Value; v != nil && !yamlfile.IsNull(v) {
			re.ID = p.ID(v, rw+" id")
		}
		if v := rf["skill"].Value; v != nil && !yamlfile.IsNull(v) {
			re.Skill = p.ID(v, rw+" skill")
		}
		if v := rf["any_of"].Value; v != nil && !yamlfile.IsNull(v) {
			for _, it := range p.Items(v, rw+" any_of") {
				if id := p.ID(it, rw+" any_of item"); id != "" {
					re.AnyOf = append(re.AnyOf, id)
					rp.anyOf = append(rp.anyOf, it)
				}
			}
		}
		if v := rf["min"].Value; v == nil || yamlfile.IsNull(v) {
			p.At(rn, "%s is missing the required field \"min\" (the level needed, as a number or a label of the scale)", rw)
		} else {
			re.Min = p.String(v, rw+" min")
		}
		if v := rf["weight"].Value; v != nil && !yamlfile.IsNull(v) {
			if x, ok := p.Float(v, "the weight of "+rw); ok {
				if !rubric.ValidWeight(x) {
					p.At(v, "%s has weight %s; %s", rw, safetext.Clean(v.Value), rubric.WeightRule)
				} else {
					re.Weight = x
				}
			}
		}
		if v := rf["must"].Value; v != nil && !yamlfile.IsNull(v) {
			re.Must, _ = p.Bool(v, `the "must" field of `+rw)
		}
		re.Sentence = p.String(rf["sentence"].Value, rw+" sentence")
		e.Requirements = append(e.Requirements, re)
		pos.reqs = append(pos.reqs, rp)
	}
	return e
}

// checkPostings checks each posting's company against the rubric: an id of
// its own, skills of the rubric, levels of their scales. A posting missing
// from targets that name companies is a warning: it is not scored.
func (a *Assessment) checkPostings(r *rubric.Rubric, rep *yamlfile.Reporter) {
	for i, ps := range a.Postings {
		var pos postingPos
		if i < len(a.pos.postings) {
			pos = a.pos.postings[i]
		}
		// r may be WithPostings' rubric, which has the posting's company.
		if c, clash := r.Company(ps.ID); clash && c.Source != rubric.SourcePosting {
			rep.At(pos.id, "posting %q has the id of a company of rubric %q; give the posting another id (and change it in targets)", ps.ID, r.ID)
			continue
		}
		if len(a.Targets) > 0 && !slices.Contains(a.Targets, ps.ID) {
			rep.WarnAt(pos.id, "posting %q is not among the targets, so it is not scored; add %q to targets", ps.ID, ps.ID)
		}
		_, err := r.NewCompany(ps.Company, rubric.SourcePosting)
		var errs rubric.EntryErrors
		if !errors.As(err, &errs) {
			continue
		}
		company, named := fmt.Sprintf("company %q", ps.ID), fmt.Sprintf("posting %q", ps.ID)
		for _, e := range errs {
			msg := e.Msg
			if strings.Contains(msg, company) {
				msg = strings.Replace(msg, company, named, 1)
			} else {
				msg = named + ": " + msg
			}
			rep.At(pos.node(e), "%s", msg)
		}
	}
}

// node is where an entry error points: the field's value, the any_of item,
// the requirement, or the company.
func (pos postingPos) node(e rubric.EntryError) *yaml.Node {
	if e.Req < 0 || e.Req >= len(pos.reqs) {
		switch {
		case e.Field == "name" && pos.name != nil:
			return pos.name
		case e.Field == "requirements" && pos.reqList != nil:
			return pos.reqList
		case pos.company != nil:
			return pos.company
		}
		return pos.id
	}
	rp := pos.reqs[e.Req]
	if e.Field == "any_of" && e.Item >= 0 && e.Item < len(rp.anyOf) {
		return rp.anyOf[e.Item]
	}
	if n := rp.fields[e.Field]; n != nil {
		return n
	}
	return rp.node
}

// ErrPostingTooLong is AddPosting's error for a posting text over
// MaxPostingText.
var ErrPostingTooLong = fmt.Errorf("the posting is over %d KB, more than an assessment keeps; keep only the posting's text", MaxPostingText>>10)

// AddPosting adds a posting the candidate aims at, checked against the
// rubric the assessment is taken against (r: the base rubric, without
// postings): its company is scored from then on beside the rubric's own.
// A posting with the same id is replaced (see PostingID for a free id);
// the id is added to the targets when they name companies (empty targets
// already mean every company, postings included). Updated is touched.
func (a *Assessment) AddPosting(r *rubric.Rubric, p Posting, now time.Time) error {
	p.Text = safetext.Clean(p.Text)
	p.Company.ID = p.ID
	if len(p.Text) > MaxPostingText {
		return ErrPostingTooLong
	}
	if !yamlfile.ValidID(p.ID) {
		return fmt.Errorf("posting id %q is not a valid id: use lower-case letters a-z, digits and hyphens (e.g. %q)", p.ID, yamlfile.Slug(p.ID))
	}
	if c, clash := r.Company(p.ID); clash && c.Source != rubric.SourcePosting {
		return fmt.Errorf("posting %q: %w", p.ID, rubric.ErrCompanyClash)
	}
	if _, err := r.NewCompany(p.Company, rubric.SourcePosting); err != nil {
		return fmt.Errorf("posting %q: %w", p.ID, err)
	}
	if i := slices.IndexFunc(a.Postings, func(q Posting) bool { return q.ID == p.ID }); i >= 0 {
		a.Postings[i] = p
		// Positions of the file no longer describe it.
		if i < len(a.pos.postings) {
			a.pos.postings[i] = postingPos{}
		}
	} else {
		a.Postings = append(a.Postings, p)
		a.pos.postings = append(a.pos.postings, postingPos{})
	}
	if len(a.Targets) > 0 && !slices.Contains(a.Targets, p.ID) {
		a.Targets = append(a.Targets, p.ID)
	}
	a.Updated = now.UTC().Truncate(time.Second)
	return nil
}

// RemovePosting removes a posting and its id from the targets, and
// touches Updated; it reports whether there was one.
func (a *Assessment) RemovePosting(id string, now time.Time) bool {
	i := slices.IndexFunc(a.Postings, func(q Posting) bool { return q.ID == id })
	if i < 0 {
		return false
	}
	a.Postings = slices.Delete(a.Postings, i, i+1)
	if i < len(a.pos.postings) {
		a.pos.postings = slices.Delete(a.pos.postings, i, i+1)
	}
	a.Targets = slices.DeleteFunc(a.Targets, func(t string) bool { return t == id })
	a.Updated = now.UTC().Truncate(time.Second)
	return true
}

// PostingID returns base when neither the rubric's companies nor the
// assessment's postings use it, else base-2, base-3, …: an id for a new
// posting. An invalid base is made an id first.
func (a *Assessment) PostingID(r *rubric.Rubric, base string) string {
	if !yamlfile.ValidID(base) {
		base = yamlfile.Slug(base)
	}
	if base == "" {
		base = "posting"
	}
	used := func(id string) bool {
		_, inRubric := r.Company(id)
		return inRubric || slices.ContainsFunc(a.Postings, func(q Posting) bool { return q.ID == id })
	}
	id := base
	for n := 2; used(id); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// WithPostings returns the rubric the assessment is scored against: r,
// the rubric it was taken against, with each posting's company added after
// r's own, its Source rubric.SourcePosting and each requirement's Sentence
// the posting's. r itself is unchanged; the result keeps r's Digest. Without
// postings it is r. Check first: an error here is one Check reports with
// its line.
func (a *Assessment) WithPostings(r *rubric.Rubric) (*rubric.Rubric, error) {
	if len(a.Postings) == 0 {
		return r, nil
	}
	cs := make([]*rubric.Company, 0, len(a.Postings))
	for _, ps := range a.Postings {
		e := ps.Company
		e.ID = ps.ID
		c, err := r.NewCompany(e, rubric.SourcePosting)
		if err != nil {
			return nil, fmt.Errorf("posting %q: %w", ps.ID, err)
		}
		cs = append(cs, c)
	}
	return r.With(cs...)
}

// postingsNode writes the postings section.
func (a *Assessment) postingsNode() *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, ps := range a.Postings {
		c := mapping("id", str(ps.ID), "name", text(safetext.CleanLine(ps.Company.Name)))
		if role := safetext.CleanLine(ps.Company.Role); role != "" {
			c.Content = append(c.Content, str("role"), text(role))
		}
		reqs := &yaml.Node{Kind: yaml.SequenceNode}
		for _, re := range ps.Company.Requirements {
			rn := &yaml.Node{Kind: yaml.MappingNode}
			if re.ID != "" {
				rn.Content = append(rn.Content, str("id"), str(re.ID))
			}
			if re.Skill != "" {
				rn.Content = append(rn.Content, str("skill"), str(re.Skill))
			} else {
				rn.Content = append(rn.Content, str("any_of"), flow(strList(re.AnyOf)))
			}
			if v, err := strconv.Atoi(re.Min); err == nil {
				rn.Content = append(rn.Content, str("min"), num(v))
			} else {
				rn.Content = append(rn.Content, str("min"), text(safetext.CleanLine(re.Min)))
			}
			if re.Weight != 0 {
				tag := "!!float"
				if re.Weight == float64(int(re.Weight)) {
					tag = "!!int"
				}
				rn.Content = append(rn.Content, str("weight"), &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: strconv.FormatFloat(re.Weight, 'f', -1, 64)})
			}
			if re.Must {
				rn.Content = append(rn.Content, str("must"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
			}
			if s := safetext.CleanLine(re.Sentence); s != "" {
				rn.Content = append(rn.Content, str("sentence"), text(s))
			}
			reqs.Content = append(reqs.Content, rn)
		}
		c.Content = append(c.Content, str("requirements"), reqs)
		item := mapping("id", str(ps.ID))
		if t := safetext.Clean(ps.Text); t != "" {
			item.Content = append(item.Content, str("text"), text(t))
		}
		item.Content = append(item.Content, str("company"), c)
		n.Content = append(n.Content, item)
	}
	return n
}

// writablePostings reports what of the postings the format cannot hold.
func (a *Assessment) writablePostings() error {
	for _, ps := range a.Postings {
		ids := []string{ps.ID}
		for _, re := range ps.Company.Requirements {
			if re.ID != "" {
				ids = append(ids, re.ID)
			}
			if re.Skill != "" {
				ids = append(ids, re.Skill)
			}
			ids = append(ids, re.AnyOf...)
			if re.Skill == "" && len(re.AnyOf) == 0 {
				return fmt.Errorf("cannot save the assessment: a requirement of posting %q names no skill", ps.ID)
			}
			if re.Min == "" {
				return fmt.Errorf("cannot save the assessment: a requirement of posting %q has no min", ps.ID)
			}
			if re.Weight != 0 && !rubric.ValidWeight(re.Weight) { // 0 is the default, 1
				return fmt.Errorf("cannot save the assessment: a requirement of posting %q has weight %v", ps.ID, re.Weight)
			}
		}
		for _, id := range ids {
			if !yamlfile.ValidID(id) {
				return fmt.Errorf("cannot save the assessment: %q is not an id (lower-case letters, digits and dashes)", id)
			}
		}
		if len(safetext.Clean(ps.Text)) > MaxPostingText {
			return fmt.Errorf("cannot save the assessment: posting %q: %w", ps.ID, ErrPostingTooLong)
		}
	}
	return nil
}

// RubricTargets are the targets without the postings' ids: the companies
// of the rubric file aimed at, empty for all of them (also when every
// target is a posting). The cohort report counts an assessment for these.
func (a *Assessment) RubricTargets() []string {
	if len(a.Postings) == 0 {
		return a.Targets
	}
	return slices.DeleteFunc(slices.Clone(a.Targets), func(id string) bool {
		return slices.ContainsFunc(a.Postings, func(p Posting) bool { return p.ID == id })
	})
}

// firstPosting is the id of the assessment's first posting, or "".
func firstPosting(a *Assessment) string {
	if len(a.Postings) == 0 {
		return ""
	}
	return a.Postings[0].ID
}
