package cohortview

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"iter"
	"strings"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
)

//go:embed report.html.tmpl
var htmlSource string

// htmlTemplate is the HTML report: one page, its style inline, its charts
// inline SVG, no script and nothing fetched. html/template escapes every
// text from the files.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"num":     func(x float64) string { return fmt.Sprintf("%.1f", x) },
	"coord":   func(x float64) string { return fmt.Sprintf("%.2f", x) },
	"verdict": func(v rubric.Verdict) string { return scorecard.VerdictWord(v) },
	"marker":  scorecard.VerdictMarker,
	"vclass":  verdictClass,
	"clean":   clean,
	"path":    breakablePath,
	"plural":  termtext.Plural,
	"percent": percent,
	"sub":     func(a, b float64) float64 { return a - b },
	// share is n out of total in percent, for the width of a bar.
	"share": func(n, total int) float64 { return 100 * float64(n) / float64(max(total, 1)) },
}).Parse(htmlSource))

// breakablePath escapes a file path for HTML with a <wbr> after each path
// separator (/ or \), so that a long path wraps between folders, not
// mid-word.
func breakablePath(path string) template.HTML {
	var b strings.Builder
	path = clean(path)
	for path != "" {
		i := strings.IndexAny(path, `/\`)
		if i < 0 {
			b.WriteString(template.HTMLEscapeString(path))
			break
		}
		b.WriteString(template.HTMLEscapeString(path[:i+1]))
		b.WriteString("<wbr>")
		path = path[i+1:]
	}
	return template.HTML(b.String())
}

// htmlPage is what the template shows.
type htmlPage struct {
	Title       string
	Meta        string
	View        string
	Verdicts    []rubric.Verdict
	Companies   []htmlCompany
	Categories  []htmlCategory
	NextSteps   []htmlStep
	Columns     []string
	Matrix      bool
	Anonymized  bool
	Assessments int
	Candidates  iter.Seq[htmlCandidate]
	Skipped     []string
	Unknown     string
}

type htmlCompany struct {
	report.Company
	Title     string
	Segments  []segment
	Histogram []histBar
	Spread    *spread
}

type htmlCategory struct {
	Title  string
	Skills []htmlSkill
}

type htmlSkill struct {
	report.SkillStats
	Segments []segment
	Counts   string
	Median   string
}

type htmlStep struct {
	report.NextStep
	Rank int
	// Bar is the width of the moves bar, in user units of 0 to 100.
	Bar float64
}

type htmlCandidate struct {
	report.Candidate
	Date  string
	Cells []htmlCell
}

type htmlCell struct {
	Company   string
	Readiness string
	Verdict   rubric.Verdict
	Empty     bool
}

// skillBarWidth is the width of a skill's level bar, in user units.
const skillBarWidth = 240

// HTML writes the report as one self-contained HTML page: its style inline,
// charts drawn as inline SVG (verdicts per company, readiness histogram and
// spread, levels per skill), no script and nothing fetched from anywhere;
// it prints on paper as it shows on screen. Every text from the files is
// escaped.
func HTML(rp *report.Report, w io.Writer) error {
	p := htmlPage{
		Title:       clean(rp.Title),
		View:        viewSentence(rp),
		Verdicts:    report.VerdictOrder,
		Assessments: rp.Assessments,
		Matrix:      len(rp.Companies) <= matrixCompanies,
		Anonymized:  rp.Anonymized,
	}
	parts := []string{"Rubric " + rubricName(rp.Rubric), termtext.Plural(rp.Assessments, "assessment", "assessments")}
	if n := len(rp.Skipped); n > 0 {
		parts = append(parts, termtext.Plural(n, "file", "files")+" skipped")
	}
	if rp.Anonymized {
		parts = append(parts, "anonymized")
	}
	p.Meta = strings.Join(parts, " · ")
	for _, c := range rp.Companies {
		p.Companies = append(p.Companies, htmlCompany{
			Company:   c,
			Title:     companyTitle(c),
			Segments:  verdictSegments(c.Verdicts, c.Candidates),
			Histogram: histogramBars(c.Histogram),
			Spread:    newSpread(c.Readiness, c.Almost, c.Ready),
		})
		p.Columns = append(p.Columns, clean(c.Name))
	}
	for _, cat := range rp.ScoredRubric().Categories {
		hc := htmlCategory{Title: clean(cat.Title)}
		for _, s := range cat.Skills {
			ss := rp.Skills[s.Index]
			hc.Skills = append(hc.Skills, htmlSkill{SkillStats: ss, Segments: levelSegments(ss, skillBarWidth), Counts: levelCounts(ss.Levels), Median: medianText(ss)})
		}
		p.Categories = append(p.Categories, hc)
	}
	most := 1
	for _, s := range rp.NextSteps {
		most = max(most, s.Moves)
	}
	for i, s := range rp.NextSteps {
		p.NextSteps = append(p.NextSteps, htmlStep{NextStep: s, Rank: i + 1, Bar: 100 * float64(s.Moves) / float64(most)})
	}
	p.Skipped = skippedLines(rp.Skipped)
	if len(rp.UnknownSkills) > 0 {
		p.Unknown = unknownSkills(rp.UnknownSkills)
	}
	var iterErr error
	p.Candidates = func(yield func(htmlCandidate) bool) {
		iterErr = rp.Candidates(func(c report.Candidate) error {
			hc := htmlCandidate{Candidate: c, Date: date(c)}
			if p.Matrix {
				for _, co := range rp.Companies {
					cc, ok := c.StandingAt(co.ID)
					hc.Cells = append(hc.Cells, htmlCell{Company: co.Name, Readiness: fmt.Sprintf("%.1f", cc.Readiness), Verdict: cc.Verdict, Empty: !ok})
				}
			} else {
				for _, cc := range c.Companies {
					hc.Cells = append(hc.Cells, htmlCell{Company: cc.Name, Readiness: fmt.Sprintf("%.1f", cc.Readiness), Verdict: cc.Verdict})
				}
			}
			if !yield(hc) {
				return errStop
			}
			return nil
		})
	}
	bw := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(bw, p); err != nil {
		return err
	}
	if iterErr != nil && iterErr != errStop {
		return iterErr
	}
	return bw.Flush()
}

// errStop ends a walk over the candidates early.
var errStop = fmt.Errorf("stop")
