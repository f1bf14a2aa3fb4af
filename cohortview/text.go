package cohortview

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
)

// Widths of the text report.
const (
	// DefaultWidth is the width used when the output is not a terminal.
	DefaultWidth = 80
	// MinWidth is the narrowest width the report is laid out for.
	MinWidth = 50
	maxBar   = 60
	// textUnmet is how many of a company's most missed requirements the
	// text report shows, more when more must requirements are missed (it
	// shows them all); the other formats show every one.
	textUnmet = 10
	maxName   = 30
)

// Text writes the report for a terminal of the given width (DefaultWidth
// when 0 or less, never narrower than MinWidth): tables, and bars whose
// glyphs tell the verdicts apart without colour. p colours it; the caller
// passes the zero Palette (no colour) for NO_COLOR and when the output is
// not a terminal.
func Text(rp *report.Report, w io.Writer, width int, p palette.Palette) error {
	if width <= 0 {
		width = DefaultWidth
	}
	tw := &textWriter{w: bufio.NewWriter(w), width: max(width, MinWidth), st: stylesFor(p)}
	tw.header(rp)
	for _, c := range rp.Companies {
		tw.company(c)
	}
	tw.skills(rp)
	tw.nextSteps(rp)
	if err := tw.candidates(rp); err != nil {
		return err
	}
	tw.problems(rp)
	return tw.w.Flush()
}

type textWriter struct {
	w     *bufio.Writer
	width int
	st    styles
}

// line writes text wrapped to the width, every line after the first
// indented by hang, all styled by st.
func (tw *textWriter) line(st lipgloss.Style, indent, hang, text string) {
	wrapped := termtext.Wrap(text, tw.width-max(ansi.StringWidth(indent), ansi.StringWidth(hang)))
	for i, l := range strings.Split(wrapped, "\n") {
		if i == 0 {
			tw.w.WriteString(indent)
		} else {
			tw.w.WriteString(hang)
		}
		tw.w.WriteString(st.Render(l))
		tw.w.WriteByte('\n')
	}
}

func (tw *textWriter) blank() { tw.w.WriteByte('\n') }

func (tw *textWriter) header(rp *report.Report) {
	plain := lipgloss.NewStyle()
	tw.line(tw.st.title, "", "", "Cohort report: "+clean(rp.Title))
	parts := []string{"rubric " + rubricName(rp.Rubric), termtext.Plural(rp.Assessments, "assessment", "assessments")}
	if n := len(rp.Skipped); n > 0 {
		parts = append(parts, termtext.Plural(n, "file", "files")+" skipped")
	}
	if rp.Anonymized {
		parts = append(parts, "anonymized")
	}
	tw.line(tw.st.dim, "", "", strings.Join(parts, " · "))
	tw.line(plain, "", "", viewSentence(rp))
}

func (tw *textWriter) company(c report.Company) {
	tw.blank()
	tw.line(tw.st.heading, "", "", companyTitle(c))
	if c.Readiness == nil {
		tw.line(tw.st.dim, "  ", "  ", "No candidates count for this company.")
		return
	}
	s := c.Readiness
	tw.line(lipgloss.NewStyle(), "  ", "  ", fmt.Sprintf("%s · readiness median %.1f (p25 %.1f, p75 %.1f) · min %.1f · max %.1f · mean %.1f",
		termtext.Plural(c.Candidates, "candidate", "candidates"), s.Median, s.P25, s.P75, s.Min, s.Max, s.Mean))
	tw.w.WriteString("  " + tw.verdictBar(c.Verdicts, c.Candidates, min(maxBar, tw.width-4)) + "\n")
	var legend []string
	for _, v := range report.VerdictOrder {
		legend = append(legend, tw.st.verdict[v].Render(verdictGlyph[v])+" "+scorecard.VerdictWord(v)+" "+strconv.Itoa(c.Verdicts.Of(v)))
	}
	tw.line(lipgloss.NewStyle(), "  ", "  ", strings.Join(legend, " · "))

	tw.blank()
	tw.line(tw.st.heading, "  ", "  ", "Readiness histogram (candidates per 10-point bin)")
	top := 0
	for _, n := range c.Histogram {
		top = max(top, n)
	}
	barW := min(40, tw.width-20)
	for i, n := range c.Histogram {
		cells := 0
		if top > 0 {
			cells = (n*barW + top - 1) / top
		}
		tw.w.WriteString(fmt.Sprintf("  %8s  %s %d\n", binLabel(i), strings.Repeat("█", cells), n))
	}

	if len(c.Unmet) == 0 {
		return
	}
	tw.blank()
	tw.line(tw.st.heading, "  ", "  ", "Most missed requirements")
	shown := unmetShown(c.Unmet, textUnmet)
	// A column marks the must requirements, when any is shown.
	musts := slices.ContainsFunc(shown, func(u report.Unmet) bool { return u.Must })
	rows := make([][]string, 0, len(shown))
	for _, u := range shown {
		row := []string{clean(u.Title)}
		if musts {
			must := ""
			if u.Must {
				must = tw.st.must.Render("must")
			}
			row = append(row, must)
		}
		rows = append(rows, append(row, strconv.Itoa(u.Count), percent(u.Count, c.Candidates)))
	}
	if musts {
		tw.table("  ", []string{"Requirement", "Must", "Missed by", "Share"}, rows, 2, 3)
	} else {
		tw.table("  ", []string{"Requirement", "Missed by", "Share"}, rows, 1, 2)
	}
	if more := len(c.Unmet) - len(shown); more > 0 {
		tw.line(tw.st.dim, "  ", "  ", fmt.Sprintf("and %s, in the Markdown, HTML and JSON reports", termtext.Plural(more, "more requirement", "more requirements")))
	}
}

// unmetShown keeps, most missed first, every must requirement that anyone
// misses (they explain the blocked count, however few miss them), then the
// most missed others up to n requirements in all.
func unmetShown(unmet []report.Unmet, n int) []report.Unmet {
	musts := 0
	for _, u := range unmet {
		if u.Must {
			musts++
		}
	}
	shown := make([]report.Unmet, 0, max(n, musts))
	others := n - musts
	for _, u := range unmet {
		if u.Must {
			shown = append(shown, u)
		} else if others > 0 {
			shown = append(shown, u)
			others--
		}
	}
	return shown
}

// verdictBar draws a company's verdict counts as one bar of width cells,
// each verdict with its own glyph.
func (tw *textWriter) verdictBar(v report.Verdicts, total, width int) string {
	var b strings.Builder
	used := 0
	cum := 0
	for _, verdict := range report.VerdictOrder {
		cum += v.Of(verdict)
		// Cells by cumulative share, so that the parts add up to the width.
		end := (cum*width + total/2) / max(total, 1)
		if n := end - used; n > 0 {
			b.WriteString(tw.st.verdict[verdict].Render(strings.Repeat(verdictGlyph[verdict], n)))
			used = end
		}
	}
	return b.String()
}

func (tw *textWriter) skills(rp *report.Report) {
	if len(rp.Skills) == 0 {
		return
	}
	tw.blank()
	tw.line(tw.st.heading, "", "", "Skills")
	tw.line(tw.st.dim, "  ", "  ", "Candidates at each level (level:count), the median level of those who answered, and how many left the skill unanswered.")
	r := rp.ScoredRubric()
	headers := []string{"Skill", "Levels", "Median", "Unanswered"}
	cells := make([][]string, len(rp.Skills))
	for i, ss := range rp.Skills {
		cells[i] = []string{clean(ss.Title), levelCounts(ss.Levels), medianText(ss), strconv.Itoa(ss.Unanswered)}
	}
	// One set of column widths for every category's table, so that they
	// line up down the page; on a narrow terminal the titles and then the
	// levels wrap (between words) to make room.
	widths := make([]int, len(headers))
	for c, h := range headers {
		widths[c] = ansi.StringWidth(h)
		for _, row := range cells {
			widths[c] = max(widths[c], ansi.StringWidth(row[c]))
		}
	}
	// Headers padded to the shared widths, unless the table must wrap.
	hs := slices.Clone(headers)
	if fitColumns(widths, cells, tw.width-2-2*len(widths), 0, 1) {
		for c, h := range headers[:3] {
			hs[c] = termtext.Pad(h, widths[c])
		}
		hs[3] = strings.Repeat(" ", widths[3]-ansi.StringWidth(headers[3])) + headers[3]
	}
	for _, cat := range r.Categories {
		rows := make([][]string, 0, len(cat.Skills))
		for _, s := range cat.Skills {
			row := slices.Clone(cells[s.Index])
			for _, c := range []int{0, 1} {
				row[c] = lipgloss.Wrap(row[c], widths[c], "")
			}
			rows = append(rows, row)
		}
		tw.blank()
		tw.line(tw.st.heading, "  ", "  ", clean(cat.Title))
		tw.table("  ", hs, rows, 3)
	}
}

// minWrap is the narrowest the text report wraps a column to.
const minWrap = 12

// fitColumns narrows columns a and b of a table whose cells are cells and
// whose natural widths are widths, so that the widths add up to room at
// most; of the ways to share the room between a and b, it takes the one
// whose rows take the fewest lines when a and b wrap between words (ties
// go to the wider a). A column never gets narrower than its longest word
// or minWrap; fits is false when even that is too wide.
func fitColumns(widths []int, cells [][]string, room, a, b int) (fits bool) {
	excess := -room
	for _, w := range widths {
		excess += w
	}
	if excess <= 0 {
		return true
	}
	words := func(c int) ([][]int, int) {
		least := minWrap
		ws := make([][]int, len(cells))
		for i, row := range cells {
			for _, word := range strings.Fields(row[c]) {
				n := ansi.StringWidth(word)
				ws[i] = append(ws[i], n)
				least = max(least, n)
			}
		}
		return ws, min(least, widths[c])
	}
	wa, leastA := words(a)
	wb, leastB := words(b)
	both := widths[a] + widths[b] - excess
	best, bestLines := -1, 0
	for w := min(widths[a], both-leastB); w >= leastA; w-- {
		lines := 0
		for i := range cells {
			lines += max(wrappedLines(wa[i], w), wrappedLines(wb[i], both-w))
		}
		if best < 0 || lines < bestLines {
			best, bestLines = w, lines
		}
	}
	if best < 0 {
		// Even their longest words do not fit: the table wraps the rest.
		widths[a], widths[b] = leastA, leastB
		return false
	}
	widths[a], widths[b] = best, min(widths[b], both-best)
	return true
}

// wrappedLines is how many lines words of these widths take when wrapped
// to width between words.
func wrappedLines(words []int, width int) int {
	lines, cur := 1, -1
	for _, w := range words {
		if cur >= 0 && cur+1+w > width {
			lines++
			cur = -1
		}
		if cur < 0 {
			cur = w
		} else {
			cur += 1 + w
		}
	}
	return lines
}

func (tw *textWriter) nextSteps(rp *report.Report) {
	tw.blank()
	tw.line(tw.st.heading, "", "", "Training that would move the cohort")
	if len(rp.NextSteps) == 0 {
		tw.line(tw.st.dim, "  ", "  ", "No skill raised by one level would change a readiness.")
		return
	}
	tw.line(tw.st.dim, "  ", "  ", "Each skill raised by one level for every candidate below the top: moves counts the candidates whose verdict improves at one of their companies or more; gain sums their readiness points.")
	tw.blank()
	rows := make([][]string, len(rp.NextSteps))
	for i, s := range rp.NextSteps {
		rows[i] = []string{strconv.Itoa(i + 1), clean(s.Title), strconv.Itoa(s.Moves), fmt.Sprintf("%.1f", s.Gain)}
	}
	tw.table("  ", []string{"#", "Skill", "Moves", "Gain"}, rows, 0, 2, 3)
}

// candidates lists the candidates, streamed: a first pass measures the
// names, a second writes the lines.
func (tw *textWriter) candidates(rp *report.Report) error {
	tw.blank()
	tw.line(tw.st.heading, "", "", "Candidates")
	if rp.Assessments == 0 {
		tw.line(tw.st.dim, "  ", "  ", "No assessment was counted.")
		return nil
	}
	nameW, err := longestName(rp)
	if err != nil {
		return err
	}
	lay := tw.candidatesLayout(rp, nameW)
	tw.candidatesHeading(rp, lay)
	return rp.Candidates(func(c report.Candidate) error {
		tw.candidate(rp, lay, c)
		return nil
	})
}

// Widths of the candidates' Status and Updated columns: "in-progress" and
// a date, 2006-01-02.
const candidateStatusW, candidateDateW = 11, 10

// candidatesLayout is where the candidates' lines put their cells, chosen
// before any is written so that every line and the heading agree.
type candidatesLayout struct {
	// nameW is the width of the names; fixed, of the cells before the
	// companies (name, status and date, with their gaps).
	nameW, fixed int
	// columns gives each company a column colW cells wide; else each
	// candidate's companies follow the date, wrapped, or go below the
	// line when stacked.
	columns, stacked bool
	colW             int
}

// longestName is the width of the longest candidate's name, or of the
// heading "Name" when it is longer: a pass over the candidates of its own,
// since they are streamed.
func longestName(rp *report.Report) (int, error) {
	nameW := len("Name")
	err := rp.Candidates(func(c report.Candidate) error {
		nameW = max(nameW, ansi.StringWidth(clean(c.Name)))
		return nil
	})
	return nameW, err
}

// candidatesLayout lays the candidates' lines out on the width, names
// nameW cells wide at most.
func (tw *textWriter) candidatesLayout(rp *report.Report, nameW int) candidatesLayout {
	// The name gives way first on a narrow terminal.
	nameW = min(nameW, maxName, tw.width-(2+2+candidateStatusW+2+candidateDateW))
	fixed := 2 + nameW + 2 + candidateStatusW + 2 + candidateDateW + 2
	// One column per company when they fit, its name wrapped over the
	// heading's lines; else each candidate's companies after the dates, or
	// below the line when even that is tight.
	standW := ansi.StringWidth("100.0 ✗ blocked")
	colW, longest := standW, 0
	for _, c := range rp.Companies {
		for _, word := range strings.Fields(clean(c.Name)) {
			colW = max(colW, ansi.StringWidth(word))
		}
		longest = max(longest, ansi.StringWidth(clean(c.Name)))
	}
	colW = min(colW, maxName)
	columns := fixed+len(rp.Companies)*(colW+2) <= tw.width
	// Below the line when a company's standing would not fit beside it.
	stacked := !columns && tw.width-fixed < longest+1+standW+1
	return candidatesLayout{nameW: nameW, fixed: fixed, columns: columns, stacked: stacked, colW: colW}
}

// candidatesHeading writes the heading of the candidates' lines. Its last
// line names the fixed columns; company names, wrapped above it in their
// columns, end on it too.
func (tw *textWriter) candidatesHeading(rp *report.Report, lay candidatesLayout) {
	var heads [][]string
	rows := 1
	if lay.columns {
		for _, c := range rp.Companies {
			h := strings.Split(lipgloss.Wrap(clean(c.Name), lay.colW, ""), "\n")
			heads = append(heads, h)
			rows = max(rows, len(h))
		}
	}
	for r := range rows {
		head := strings.Repeat(" ", lay.fixed)
		if r == rows-1 {
			head = "  " + termtext.Pad("Name", lay.nameW) + "  " + termtext.Pad("Status", candidateStatusW) + "  " + termtext.Pad("Updated", candidateDateW) + "  "
			if !lay.columns && !lay.stacked {
				head += "Readiness per company"
			}
		}
		for _, h := range heads {
			cell := ""
			if i := r - (rows - len(h)); i >= 0 {
				cell = termtext.Cut(h[i], lay.colW)
			}
			head += termtext.Pad(cell, lay.colW) + "  "
		}
		tw.w.WriteString(tw.st.heading.Render(strings.TrimRight(head, " ")) + "\n")
	}
}

// candidate writes a candidate's line: name, status, date, and their
// standing at each company, in its column or listed after them.
func (tw *textWriter) candidate(rp *report.Report, lay candidatesLayout, c report.Candidate) {
	line := "  " + termtext.Exact(clean(c.Name), lay.nameW) + "  " + termtext.Pad(c.Status, candidateStatusW) + "  " + termtext.Pad(date(c), candidateDateW) + "  "
	if lay.columns {
		for _, co := range rp.Companies {
			cell := "—"
			if cc, ok := c.StandingAt(co.ID); ok {
				cell = tw.standing(cc)
			}
			line += termtext.Pad(cell, lay.colW) + "  "
		}
		tw.w.WriteString(strings.TrimRight(line, " ") + "\n")
		return
	}
	tw.standingList(lay, line, c)
}

// standingList writes line followed by the candidate's standing at their
// companies, separated by commas and wrapped under the first company; when
// stacked, line stands alone and the list goes on the lines below it.
func (tw *textWriter) standingList(lay candidatesLayout, line string, c report.Candidate) {
	parts := make([]string, len(c.Companies))
	for i, cc := range c.Companies {
		parts[i] = clean(cc.Name) + " " + tw.standing(cc)
	}
	indent := strings.Repeat(" ", lay.fixed)
	if lay.stacked {
		tw.w.WriteString(strings.TrimRight(line, " ") + "\n")
		line, indent = "    ", "    "
	}
	for i, l := range wrapParts(parts, tw.width-len(indent)) {
		if i > 0 {
			line = indent
		}
		tw.w.WriteString(strings.TrimRight(line+l, " ") + "\n")
	}
}

// wrapParts joins parts with commas into lines of at most width cells,
// breaking only between parts; a part wider than a line wraps on its own.
func wrapParts(parts []string, width int) []string {
	var lines []string
	cur := ""
	for i, p := range parts {
		if i < len(parts)-1 {
			p += ","
		}
		switch {
		case cur == "":
			cur = p
		case ansi.StringWidth(cur)+1+ansi.StringWidth(p) <= width:
			cur += " " + p
		default:
			lines = append(lines, cur)
			cur = p
		}
	}
	var out []string
	for _, l := range append(lines, cur) {
		out = append(out, strings.Split(termtext.Wrap(l, width), "\n")...)
	}
	return out
}

// standing is a candidate's readiness and verdict at a company: "72.5 ~ almost".
func (tw *textWriter) standing(cc report.CandidateCompany) string {
	return fmt.Sprintf("%.1f %s", cc.Readiness, tw.st.verdict[cc.Verdict].Render(scorecard.VerdictMarker(cc.Verdict)+" "+scorecard.VerdictWord(cc.Verdict)))
}

func (tw *textWriter) problems(rp *report.Report) {
	if len(rp.Skipped) > 0 {
		tw.blank()
		tw.line(tw.st.heading, "", "", fmt.Sprintf("Skipped (%s)", termtext.Plural(len(rp.Skipped), "file", "files")))
		for _, l := range skippedLines(rp.Skipped) {
			tw.line(lipgloss.NewStyle(), "  ", "    ", clean(l))
		}
	}
	if len(rp.UnknownSkills) > 0 {
		tw.blank()
		tw.line(tw.st.heading, "", "", "Answers for skills the rubric lacks (ignored)")
		tw.line(lipgloss.NewStyle(), "  ", "  ", unknownSkills(rp.UnknownSkills))
	}
}

// table writes a table indented by indent, fitted to the width; numeric
// lists the columns aligned to the right.
func (tw *textWriter) table(indent string, headers []string, rows [][]string, numeric ...int) {
	tw.tableTail(indent, headers, rows, -1, numeric...)
}

// tableTail is table, but when the table is too wide it first cuts the
// cells of column tail from the left ("…/assessments/ada.yaml"), down to
// minTail cells: for paths, whose end says most, and which a wrap would
// split in the middle of a name.
func (tw *textWriter) tableTail(indent string, headers []string, rows [][]string, tail int, numeric ...int) {
	room := tw.width - len(indent)
	if tail >= 0 {
		natural := 0
		for _, r := range rows {
			natural = max(natural, ansi.StringWidth(r[tail]))
		}
		if excess := tw.tableWidth(headers, rows, numeric) - room; excess > 0 && natural > minTail {
			keep := max(minTail, natural-excess, ansi.StringWidth(headers[tail]))
			for _, r := range rows {
				r[tail] = termtext.CutLeft(r[tail], keep)
			}
		}
	}
	out := tw.tableString(headers, rows, numeric, room)
	for _, l := range strings.Split(out, "\n") {
		tw.w.WriteString(strings.TrimRight(indent+l, " ") + "\n")
	}
}

// minTail is the fewest cells tableTail cuts a column to.
const minTail = 16

// tableWidth is the width of the table at its natural size.
func (tw *textWriter) tableWidth(headers []string, rows [][]string, numeric []int) int {
	return lipgloss.Width(tw.newTable(headers, rows, numeric).Render())
}

// tableString renders the table, wrapped to room when it is wider.
func (tw *textWriter) tableString(headers []string, rows [][]string, numeric []int, room int) string {
	t := tw.newTable(headers, rows, numeric)
	out := t.Render()
	if lipgloss.Width(out) > room {
		out = t.Width(room).Render()
	}
	return out
}

func (tw *textWriter) newTable(headers []string, rows [][]string, numeric []int) *table.Table {
	right := map[int]bool{}
	for _, c := range numeric {
		right[c] = true
	}
	return table.New().Headers(headers...).Rows(rows...).
		Border(lipgloss.NormalBorder()).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).BorderColumn(false).
		BorderStyle(tw.st.dim).
		StyleFunc(func(row, col int) lipgloss.Style {
			st := tw.st.cell
			if row == table.HeaderRow {
				st = tw.st.header
			}
			if right[col] {
				st = st.Align(lipgloss.Right)
			}
			return st
		})
}

// Words shared by the text and Markdown reports.

func clean(s string) string { return safetext.Clean(s) }

func rubricName(r assessments.RubricRef) string {
	if r.Version == "" {
		return clean(r.ID)
	}
	return clean(r.ID) + " " + clean(r.Version)
}

// viewSentence says whose levels were scored.
func viewSentence(rp *report.Report) string {
	if rp.View != report.Mentor {
		return "Self view: the candidates' own answers."
	}
	s := "Mentor view: each assessment's last review, the mentor's rating where there is one, else the candidate's answer."
	switch rp.Unreviewed {
	case 0:
	case 1:
		s += " 1 assessment has no review and counts in the candidate's view."
	default:
		s += fmt.Sprintf(" %d assessments have no review and count in the candidate's view.", rp.Unreviewed)
	}
	return s
}

func companyTitle(c report.Company) string {
	if c.Role == "" {
		return clean(c.Name)
	}
	return clean(c.Name) + " · " + clean(c.Role)
}

func binLabel(i int) string {
	if i == 10 {
		return "100"
	}
	return fmt.Sprintf("%d-%d.9", i*10, i*10+9)
}

func percent(n, total int) string {
	if total == 0 {
		return ""
	}
	return fmt.Sprintf("%.0f%%", rubric.Round(100*float64(n)/float64(total)))
}

func levelCounts(levels []int) string {
	parts := make([]string, len(levels))
	for l, n := range levels {
		parts[l] = fmt.Sprintf("%d:%d", l, n)
	}
	return strings.Join(parts, " ")
}

// medianText is a skill's median level, with its label when it is a level.
func medianText(ss report.SkillStats) string {
	if ss.Median == nil {
		return "—"
	}
	m := *ss.Median
	if m == float64(int(m)) && int(m) < len(ss.Labels) {
		return fmt.Sprintf("%d %s", int(m), clean(ss.Labels[int(m)]))
	}
	return fmt.Sprintf("%.1f", m)
}

func date(c report.Candidate) string {
	if c.Updated.IsZero() {
		return ""
	}
	return c.Updated.UTC().Format("2006-01-02")
}

func unknownSkills(us []report.SkillFiles) string {
	shown := us[:min(len(us), MaxUnknownSkills)]
	parts := make([]string, len(shown), len(shown)+1)
	for i, u := range shown {
		parts[i] = fmt.Sprintf("%s (%s)", clean(u.Skill), termtext.Plural(u.Files, "file", "files"))
	}
	if more := len(us) - len(shown); more > 0 {
		parts = append(parts, fmt.Sprintf("… and %s more unknown skills", termtext.Thousands(more)))
	}
	return strings.Join(parts, ", ")
}

// MaxUnknownSkills is how many skills the rubric lacks a report or preview
// names, on screen and on paper; the rest are counted. (JSON lists all.)
const MaxUnknownSkills = 20
