package scorecard

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
)

// Diff is the progress between two assessments of one rubric: the skills
// whose level changed and each company's readiness and verdict before and
// after. Field names are a contract with scripts.
type Diff struct {
	Old       DiffFile        `json:"old"`
	New       DiffFile        `json:"new"`
	Skills    []SkillChange   `json:"skills"`
	Companies []CompanyChange `json:"companies"`

	rubric *rubric.Rubric
}

// DiffFile names one side of a diff: the file, when it was last changed
// (null when the file does not say) and whose assessment it is.
type DiffFile struct {
	File      string             `json:"file"`
	Updated   *time.Time         `json:"updated"`
	Candidate assessments.Person `json:"candidate"`
}

func diffFile(file string, a *assessments.Assessment) DiffFile {
	f := DiffFile{File: file, Candidate: a.Candidate}
	if !a.Updated.IsZero() {
		t := a.Updated
		f.Updated = &t
	}
	return f
}

// SameCandidate reports whether two assessments are one candidate's: the
// same email when both have one, else the same name, case-insensitively.
func SameCandidate(a, b assessments.Person) bool {
	if strings.TrimSpace(a.Email) != "" && strings.TrimSpace(b.Email) != "" {
		return strings.EqualFold(strings.TrimSpace(a.Email), strings.TrimSpace(b.Email))
	}
	return strings.EqualFold(strings.Join(strings.Fields(a.Name), " "), strings.Join(strings.Fields(b.Name), " "))
}

// PersonName is a person as shown: "Ada Lovelace <ada@example.org>", or the
// name alone without an email.
func PersonName(p assessments.Person) string {
	if p.Email == "" {
		return clean(p.Name)
	}
	return clean(p.Name) + " <" + clean(p.Email) + ">"
}

func (f DiffFile) person() string {
	return PersonName(f.Candidate)
}

// same reports whether both sides are one candidate's.
func (d *Diff) same() bool {
	return SameCandidate(d.Old.Candidate, d.New.Candidate)
}

// SkillChange is a skill whose level changed; null means unanswered.
type SkillChange struct {
	Skill string `json:"skill"`
	Title string `json:"title"`
	From  *int   `json:"from"`
	To    *int   `json:"to"`
}

// CompanyChange is one company's readiness before and after; change is
// to minus from, each rounded first.
type CompanyChange struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	From        float64        `json:"from"`
	To          float64        `json:"to"`
	Change      float64        `json:"change"`
	VerdictFrom rubric.Verdict `json:"verdict_from"`
	VerdictTo   rubric.Verdict `json:"verdict_to"`
	// Source is "posting" for a company drafted from one of the
	// assessment's postings, absent for the rubric's own.
	Source string `json:"source,omitempty"`
}

// title is the company's name as shown, marked when drafted from a posting.
func (c CompanyChange) title() string {
	if c.Source == rubric.SourcePosting {
		return clean(c.Name) + " " + DraftedMark
	}
	return clean(c.Name)
}

// NewDiff compares two checked assessments of r, for the new one's targets
// or for companies when given. Both must name r.
func NewDiff(oldFile string, old *assessments.Assessment, newFile string, cur *assessments.Assessment, r *rubric.Rubric, companies []string) (*Diff, error) {
	if old.Rubric.ID != cur.Rubric.ID {
		return nil, fmt.Errorf("%s was taken against rubric %q and %s against %q; progress compares two assessments of one rubric", oldFile, old.Rubric.ID, newFile, cur.Rubric.ID)
	}
	targets, err := cur.TargetCompanies(r, companies)
	if err != nil {
		return nil, err
	}
	d := &Diff{Old: diffFile(oldFile, old), New: diffFile(newFile, cur), Skills: []SkillChange{}, Companies: []CompanyChange{}, rubric: r}
	before, after := old.Levels(r), cur.Levels(r)
	level := func(l rubric.Levels, s *rubric.Skill) *int {
		if v := l[s.Index]; v >= 0 {
			return &v
		}
		return nil
	}
	for _, s := range r.Skills() {
		if before[s.Index] != after[s.Index] {
			d.Skills = append(d.Skills, SkillChange{Skill: s.ID, Title: s.Title, From: level(before, s), To: level(after, s)})
		}
	}
	was, is := r.Score(before, targets), r.Score(after, targets)
	for i, c := range targets {
		from, to := was.Companies[i], is.Companies[i]
		d.Companies = append(d.Companies, CompanyChange{ID: c.ID, Name: c.Name, Source: c.Source, From: from.Readiness, To: to.Readiness,
			Change: rubric.Round(to.Readiness - from.Readiness), VerdictFrom: from.Verdict, VerdictTo: to.Verdict})
	}
	return d, nil
}

// JSON is the diff as indented JSON with a final newline.
func (d *Diff) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(safetext.EscapeJSON(b), '\n'), nil
}

func (d *Diff) levelName(sc SkillChange, l *int) string {
	if l == nil {
		return NotAnswered
	}
	s, _ := d.rubric.Skill(sc.Skill)
	return LevelName(s.Scale, *l)
}

func verdictChange(c CompanyChange) string {
	return fmt.Sprintf("%s: %s → %s", c.title(), VerdictWord(c.VerdictFrom), VerdictWord(c.VerdictTo))
}

func signed(x float64) string {
	if x > 0 {
		return fmt.Sprintf("+%.1f", x)
	}
	return fmt.Sprintf("%.1f", x)
}

func when(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "an unknown date"
	}
	return t.Format("2 Jan 2006 15:04 MST")
}

// Text writes the diff for a terminal: verdict changes first, then every
// company's readiness before and after, then the skills that changed.
func (d *Diff) Text(w io.Writer, width int) error {
	if width < MinWidth {
		width = DefaultWidth
	}
	var o strings.Builder
	if d.same() {
		o.WriteString(termtext.Wrap("Progress of "+d.Old.person(), width) + "\n")
		fmt.Fprintf(&o, "from %s (%s)\n  to %s (%s)\n", safetext.CleanPath(d.Old.File), when(d.Old.Updated), safetext.CleanPath(d.New.File), when(d.New.Updated))
	} else {
		o.WriteString("Progress between two different candidates\n")
		o.WriteString(indent(termtext.Wrap(fmt.Sprintf("from %s: %s (%s)", d.Old.person(), safetext.CleanPath(d.Old.File), when(d.Old.Updated)), width-2), "", "  "))
		o.WriteString(indent(termtext.Wrap(fmt.Sprintf("to %s: %s (%s)", d.New.person(), safetext.CleanPath(d.New.File), when(d.New.Updated)), width-4), "  ", "    "))
	}
	var moved []CompanyChange
	for _, c := range d.Companies {
		if c.VerdictFrom != c.VerdictTo {
			moved = append(moved, c)
		}
	}
	if len(moved) > 0 {
		o.WriteString("\nVerdicts that changed\n")
		for _, c := range moved {
			o.WriteString(indent(termtext.Wrap(verdictChange(c), width-2), "  ", "  "))
		}
	}
	o.WriteString("\nReadiness\n")
	nameW := 0
	for _, c := range d.Companies {
		nameW = max(nameW, len([]rune(c.title())))
	}
	nameW = min(nameW, width-36)
	for _, c := range d.Companies {
		arrow := "="
		switch {
		case c.Change > 0:
			arrow = "↑"
		case c.Change < 0:
			arrow = "↓"
		}
		fmt.Fprintf(&o, "  %s  %5.1f%% → %5.1f%%  %s %s\n", termtext.Exact(c.title(), nameW), c.From, c.To, signed(c.Change), arrow)
	}
	if len(d.Skills) == 0 {
		o.WriteString("\nNo skill changed level.\n")
	} else {
		o.WriteString("\nSkills that changed\n")
		for _, s := range d.Skills {
			o.WriteString(indent(termtext.Wrap(fmt.Sprintf("%s: %s → %s", clean(s.Title), d.levelName(s, s.From), d.levelName(s, s.To)), width-2), "  ", "    "))
		}
	}
	_, err := io.WriteString(w, o.String())
	return err
}

// Markdown writes the diff as a document.
func (d *Diff) Markdown(w io.Writer) error {
	var o strings.Builder
	oldFile, newFile := strings.ReplaceAll(safetext.CleanPath(d.Old.File), "`", ""), strings.ReplaceAll(safetext.CleanPath(d.New.File), "`", "")
	if d.same() {
		fmt.Fprintf(&o, "# Progress of %s\n\nFrom `%s` (%s) to `%s` (%s).\n", cell(d.Old.person()), oldFile, when(d.Old.Updated), newFile, when(d.New.Updated))
	} else {
		fmt.Fprintf(&o, "# Progress between two different candidates\n\nFrom %s in `%s` (%s) to %s in `%s` (%s).\n",
			cell(d.Old.person()), oldFile, when(d.Old.Updated), cell(d.New.person()), newFile, when(d.New.Updated))
	}
	var moved []string
	for _, c := range d.Companies {
		if c.VerdictFrom != c.VerdictTo {
			moved = append(moved, "- "+md(verdictChange(c)))
		}
	}
	if len(moved) > 0 {
		o.WriteString("\n## Verdicts that changed\n\n" + strings.Join(moved, "\n") + "\n")
	}
	o.WriteString("\n## Readiness\n\n| Company | Before | After | Change | Verdict |\n|---|---:|---:|---:|---|\n")
	for _, c := range d.Companies {
		fmt.Fprintf(&o, "| %s | %.1f%% | %.1f%% | %s | %s → %s |\n", cell(c.title()), c.From, c.To, signed(c.Change), VerdictWord(c.VerdictFrom), VerdictWord(c.VerdictTo))
	}
	if len(d.Skills) > 0 {
		o.WriteString("\n## Skills that changed\n\n| Skill | Before | After |\n|---|---|---|\n")
		for _, s := range d.Skills {
			fmt.Fprintf(&o, "| %s | %s | %s |\n", cell(s.Title), cell(d.levelName(s, s.From)), cell(d.levelName(s, s.To)))
		}
	}
	_, err := io.WriteString(w, o.String())
	return err
}
