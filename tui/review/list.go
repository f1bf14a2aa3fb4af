package review

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
	"github.com/readycheck/readycheck/tui/kit"
)

// listRow is what the list keeps of one file: the figures it shows, never
// the parsed file, so that ten thousand files stay small.
type listRow struct {
	path      string
	name      string
	rubricID  string
	status    assessments.Status
	updated   time.Time
	companies []rowCompany
	reviews   []rowReview
	// err is why the file cannot be read or opened; such rows are listed apart.
	err string
	// trend is the readiness over time per company, arrow its direction
	// in one mark ("" without a trend).
	trend, arrow string
	// targets is the readiness per target, compact (targetsText).
	targets string
	best    float64
	// hay is the lower-cased text the filter searches, built once.
	hay string
	// when is the second column: the file's name, or its time when the
	// candidate's name repeats.
	when string
}

type rowCompany struct {
	id, name, short string
	readiness       float64
	verdict         rubric.Verdict
}

type rowReview struct {
	name    string
	updated time.Time
	summary bool
}

// listLoadedMsg brings rows read by a background Cmd, a chunk at a time.
type listLoadedMsg struct {
	rows  []*listRow
	files []string
	next  int
	total int
}

// listChunk is how many files one Cmd reads before the list repaints.
const listChunk = 200

// readPause is how long reading waits after a keypress.
const readPause = 150 * time.Millisecond

// resumeReadMsg resumes reading after a pause for the keys.
type resumeReadMsg struct {
	files []string
	next  int
}

var sortNames = []string{"name", "last change", "readiness"}

// listScreen lists the assessments, a row each, with the detail of the
// row under the cursor below; the files that could not be read follow,
// apart, and the cursor reaches them too.
type listScreen struct {
	s         *kit.Session
	keys      mentorKeys
	paths     []string
	rubricFor func(id string) (*rubric.Rubric, error)
	reviewer  string

	rows     []*listRow // every readable row
	failed   []*listRow // rows listed apart
	shown    []*listRow // readable rows after filtering and sorting
	apart    []*listRow // failed rows after filtering
	cursor   int        // a row of shown, then of apart
	offset   int        // the first line shown
	sortBy   int        // 0 name, 1 last change, 2 readiness
	filter   textinput.Model
	filterOn bool
	loading  bool
	read     int
	total    int
	// lastKey is when the mentor last pressed a key: reading pauses
	// briefly after one, so that the keys get the cores.
	lastKey time.Time

	// Set by fit: the columns' widths, the detail lines of the row under
	// the cursor and the room for rows.
	nameW, whenW, targetsW int
	arrows                 bool // a row has a trend
	detail                 []string
	rowsRoom               int
}

// Widths of the list's fixed columns.
const (
	statusW = 8 // "complete", "ongoing"
	reviewW = 8 // "yours✓+2"
)

func newListScreen(s *kit.Session, k mentorKeys, m *Model) *listScreen {
	l := &listScreen{s: s, keys: k, paths: m.opts.Paths, rubricFor: m.rubricFor, reviewer: m.opts.Reviewer, filter: textinput.New(), loading: true}
	s.Theme.InputStyles(&l.filter)
	l.filter.Prompt = "/ "
	l.filter.Placeholder = "filter by name, file or company"
	l.Resize()
	return l
}

// start finds the files, then reads them in chunks.
func (l *listScreen) start() tea.Cmd {
	paths := l.paths
	return func() tea.Msg {
		files, failed := assessments.Files(paths...)
		var rows []*listRow
		for _, e := range failed {
			rows = append(rows, &listRow{path: e.Path, err: e.Err.Error(), hay: kit.Fold(e.Path)})
		}
		return listLoadedMsg{rows: rows, files: files, next: 0, total: len(files)}
	}
}

func (l *listScreen) readChunk(files []string, from int) tea.Cmd {
	rubricFor := l.rubricFor
	return func() tea.Msg {
		to := min(from+listChunk, len(files))
		rows := make([]*listRow, 0, to-from)
		for _, f := range files[from:to] {
			rows = append(rows, readRow(f, rubricFor))
		}
		return listLoadedMsg{rows: rows, files: files, next: to, total: len(files)}
	}
}

// readRow reads and scores one file in the candidate's view.
func readRow(path string, rubricFor func(string) (*rubric.Rubric, error)) *listRow {
	row := &listRow{path: path, hay: kit.Fold(path)}
	a, err := assessments.LoadFile(path)
	if err != nil {
		row.err = err.Error()
		return row
	}
	row.name, row.rubricID, row.status, row.updated = a.Candidate.Name, a.Rubric.ID, a.Status, a.Updated
	r, err := rubricFor(a.Rubric.ID)
	if err != nil {
		row.err = kit.CleanPath(path) + ": " + err.Error()
		return row
	}
	// Listed as it will open: migrated when the rubric changed.
	assessments.Migrate(a, r)
	if err := a.Check(r).Err(); err != nil {
		row.err = err.Error()
		return row
	}
	// Scored with the postings the candidate added, as score does.
	if r, err = a.WithPostings(r); err != nil {
		row.err = kit.CleanPath(path) + ": " + err.Error()
		return row
	}
	targets, err := a.TargetCompanies(r, nil)
	if err != nil {
		row.err = kit.CleanPath(path) + ": " + err.Error()
		return row
	}
	res := r.Score(a.Levels(r), targets)
	for _, c := range res.Companies {
		row.companies = append(row.companies, rowCompany{c.Company.ID, c.Company.Name, shortName(c.Company.ID, c.Company.Name), c.Readiness, c.Verdict})
		row.best = max(row.best, c.Readiness)
	}
	for _, rv := range a.Reviews {
		row.reviews = append(row.reviews, rowReview{rv.Reviewer.Name, rv.Updated, rv.Summary != ""})
	}
	hay := []string{kit.Fold(row.name), kit.Fold(filepath.Base(path))}
	for _, c := range row.companies {
		hay = append(hay, kit.Fold(c.id+" "+c.name))
	}
	row.hay = strings.Join(hay, " ")
	row.when = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	row.targets = targetsText(row)
	return row
}

// shortName is a company's name in at most six characters for the list:
// its capitals when it has two to six (JPMorganChase: JPMC, DEPT®: DEPT),
// else the first four letters of its name (Acme: ACME).
func shortName(id, name string) string {
	var caps, letters []rune
	for _, r := range name {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps = append(caps, r)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters = append(letters, unicode.ToUpper(r))
		}
	}
	switch {
	case len(caps) >= 2 && len(caps) <= 6:
		return string(caps)
	case len(letters) >= 2:
		return string(letters[:min(len(letters), 4)])
	}
	return strings.ToUpper(termtext.Cut(id, 4))
}

func (l *listScreen) loaded(msg listLoadedMsg) tea.Cmd {
	words := strings.Fields(kit.Fold(l.filter.Value()))
	for _, r := range msg.rows {
		if r.err != "" {
			l.failed = append(l.failed, r)
			if matches(r, words) {
				l.apart = append(l.apart, r)
			}
			continue
		}
		l.rows = append(l.rows, r)
		// While files arrive, new rows join the end (files come in path
		// order): sorting every row at every batch would hold up the keys.
		if matches(r, words) {
			l.shown = append(l.shown, r)
		}
	}
	l.read, l.total = msg.next, msg.total
	if msg.next < len(msg.files) {
		l.columns()
		return l.nextChunk(msg.files, msg.next)
	}
	l.loading = false
	l.trends()
	l.resort()
	return nil
}

// nextChunk reads the next batch, or waits first while keys are pressed.
func (l *listScreen) nextChunk(files []string, next int) tea.Cmd {
	if wait := readPause - time.Since(l.lastKey); wait > 0 {
		return tea.Tick(wait, func(time.Time) tea.Msg { return resumeReadMsg{files, next} })
	}
	return l.readChunk(files, next)
}

func matches(r *listRow, words []string) bool {
	for _, w := range words {
		if !strings.Contains(r.hay, w) {
			return false
		}
	}
	return true
}

// trends marks candidates with several assessments of one rubric with
// their readiness over time per company: "58.3 → 71.0 ↑"; and their rows
// show the time of each instead of the file's name.
func (l *listScreen) trends() {
	groups := map[string][]*listRow{}
	names := map[string]int{}
	for _, r := range l.rows {
		names[strings.ToLower(strings.TrimSpace(r.name))]++
		if r.updated.IsZero() {
			continue // no date, no place in time
		}
		k := strings.ToLower(strings.TrimSpace(r.name)) + "\x00" + r.rubricID
		groups[k] = append(groups[k], r)
	}
	for _, r := range l.rows {
		if names[strings.ToLower(strings.TrimSpace(r.name))] > 1 && !r.updated.IsZero() {
			r.when = r.updated.Format("2 Jan 15:04")
		}
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool { return g[i].updated.Before(g[j].updated) })
		first, last := g[0], g[len(g)-1]
		var parts []string
		ups, downs, sames := 0, 0, 0
		for _, c := range last.companies {
			for _, p := range first.companies {
				if p.id != c.id {
					continue
				}
				arrow := "="
				if c.readiness > p.readiness {
					arrow = "↑"
					ups++
				} else if c.readiness < p.readiness {
					arrow = "↓"
					downs++
				} else {
					sames++
				}
				parts = append(parts, fmt.Sprintf("%s %.1f → %.1f %s", kit.Clean(c.name), p.readiness, c.readiness, arrow))
			}
		}
		trend := strings.Join(parts, " · ")
		arrow := ""
		switch {
		case ups > 0 && downs > 0:
			arrow = "↕"
		case ups > 0:
			arrow = "↑"
		case downs > 0:
			arrow = "↓"
		case sames > 0:
			arrow = "="
		}
		for _, r := range g {
			r.trend, r.arrow = trend, arrow
		}
	}
}

// refresh updates an open file's row after its review.
func (l *listScreen) refresh(o *openReview) {
	for _, r := range l.rows {
		if r.path == o.path {
			r.reviews = r.reviews[:0]
			for _, rv := range o.a.Reviews {
				r.reviews = append(r.reviews, rowReview{rv.Reviewer.Name, rv.Updated, rv.Summary != ""})
			}
		}
	}
}

// resort filters and sorts the rows.
func (l *listScreen) resort() {
	words := strings.Fields(kit.Fold(l.filter.Value()))
	l.shown, l.apart = l.shown[:0], l.apart[:0]
	for _, r := range l.rows {
		if matches(r, words) {
			l.shown = append(l.shown, r)
		}
	}
	for _, r := range l.failed {
		if matches(r, words) {
			l.apart = append(l.apart, r)
		}
	}
	sort.SliceStable(l.shown, func(i, j int) bool {
		a, b := l.shown[i], l.shown[j]
		switch l.sortBy {
		case 1:
			if !a.updated.Equal(b.updated) {
				return a.updated.After(b.updated)
			}
		case 2:
			if a.best != b.best {
				return a.best > b.best
			}
		}
		if an, bn := strings.ToLower(a.name), strings.ToLower(b.name); an != bn {
			return an < bn
		}
		return a.path < b.path
	})
	l.columns()
}

// items is how many rows the cursor reaches.
func (l *listScreen) items() int { return len(l.shown) + len(l.apart) }

// item is the row the cursor is on, nil when there is none.
func (l *listScreen) item() *listRow {
	switch {
	case l.cursor < len(l.shown):
		return l.shown[l.cursor]
	case l.cursor-len(l.shown) < len(l.apart):
		return l.apart[l.cursor-len(l.shown)]
	}
	return nil
}

// lines is how many lines the rows take: a row each, and the heading of
// the files listed apart.
func (l *listScreen) lines() int {
	n := len(l.shown) + len(l.apart)
	if len(l.apart) > 0 {
		n++
	}
	return n
}

// line is the line of row i.
func (l *listScreen) line(i int) int {
	if i >= len(l.shown) {
		return i + 1
	}
	return i
}

func (l *listScreen) top() []string {
	t := l.s.Theme
	title := fmt.Sprintf("%s", termtext.PluralGrouped(len(l.rows), "assessment", "assessments"))
	if len(l.shown) != len(l.rows) {
		title = fmt.Sprintf("%s of %s", termtext.Thousands(len(l.shown)), title)
	}
	if l.loading {
		title = fmt.Sprintf("reading %s of %s files…", termtext.Thousands(l.read), termtext.Thousands(l.total))
	}
	sub := title + " · sorted by " + sortNames[l.sortBy] + " · reviewer " + kit.CleanLine(l.reviewer)
	top := []string{" " + t.Title.Render("readycheck review") + "  " + t.Dim.Render(termtext.Cut(sub, l.s.Width-21))}
	if l.filterOn || l.filter.Value() != "" {
		top = append(top, " "+l.filter.View())
	}
	name := "candidate"
	if l.arrows {
		name += " ↑↓"
	}
	head := fmt.Sprintf("   %s %s %s %s %s", termtext.Pad(name, l.nameW), termtext.Pad("file", l.whenW), termtext.Pad("status", statusW), termtext.Pad("readiness", l.targetsW), "review")
	return append(top, " "+t.Dim.Render(termtext.Cut(strings.TrimRight(head[1:], " "), l.s.Width-2)))
}

func (l *listScreen) help() kit.HelpKeys {
	if l.filterOn {
		return l.keys.filter()
	}
	return l.keys.list()
}

func (l *listScreen) Resize() {
	l.filter.SetWidth(max(l.s.Width-6, 10))
	l.columns()
}

// columns sets the columns' widths for the rows shown, then fits.
func (l *listScreen) columns() {
	s := l.s
	maxName, maxWhen, maxTargets := len("candidate"), len("file"), len("readiness")
	l.arrows = false
	for _, r := range l.shown {
		maxName = max(maxName, ansi.StringWidth(kit.CleanLine(r.name)))
		maxWhen = max(maxWhen, ansi.StringWidth(kit.CleanPath(r.when)))
		maxTargets = max(maxTargets, ansi.StringWidth(r.targets))
		l.arrows = l.arrows || r.arrow != ""
	}
	if l.arrows {
		maxName += 2 // the trend's arrow after the name
	}
	// margin, cursor, four spaces between five columns, a margin at the
	// right; the readiness goes before the name and the file.
	avail := s.Width - 1 - 2 - 4 - statusW - reviewW - 1
	l.targetsW = min(maxTargets, max(avail-min(maxName, 10)-min(maxWhen, 8), 7))
	rest := avail - l.targetsW
	// The file or time tells rows of one name apart: it is cut last.
	l.whenW = max(min(maxWhen, 20, rest-10), 4)
	l.nameW = max(min(maxName, rest-l.whenW), 6)
	if extra := rest - l.whenW - l.nameW; extra > 0 && l.targetsW < maxTargets {
		l.targetsW = min(maxTargets, l.targetsW+extra)
	}
	l.fit()
}

// fit draws the detail of the row under the cursor and keeps the cursor
// in view.
func (l *listScreen) fit() {
	l.cursor = max(0, min(l.cursor, l.items()-1))
	room := l.s.Room(len(l.top()), l.help())
	l.detail = l.drawDetail(max(room/2, 3))
	l.rowsRoom = max(room-len(l.detail)-1, 3)
	l.offset, _ = kit.Window(l.lines(), l.rowsRoom, l.line(l.cursor), l.offset)
}

// targetsText is a row's readiness per target, compact: "JPMC 69 ✗  DEPT 57 ~"
// (two spaces apart, since · is a verdict's marker).
func targetsText(r *listRow) string {
	parts := make([]string, 0, len(r.companies))
	for _, c := range r.companies {
		parts = append(parts, fmt.Sprintf("%s %.0f %s", kit.CleanLine(c.short), c.readiness, scorecard.VerdictMarker(c.verdict)))
	}
	return strings.Join(parts, "  ")
}

// page is how many rows pgup and pgdn move: the rows shown, less one.
func (l *listScreen) page() int { return max(l.rowsRoom-3, 1) }

func (l *listScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		l.lastKey = time.Now()
	}
	if l.filterOn {
		if k, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(k, l.keys.Apply) || key.Matches(k, l.keys.Cancel)) {
			l.filterOn = false
			l.filter.Blur()
			if key.Matches(k, l.keys.Cancel) {
				l.filter.SetValue("")
			}
			l.resort()
			return nil, nil
		}
		var cmd tea.Cmd
		l.filter, cmd = l.filter.Update(kit.Typed(msg))
		l.cursor = 0
		l.resort()
		return nil, cmd
	}
	last := l.items() - 1
	if c, ok := kit.MoveLine(msg, l.keys.Up, l.keys.Down, l.cursor, last); ok {
		l.cursor = c
		l.fit()
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := l.keys
		switch {
		case key.Matches(msg, k.PageUp):
			// The rows move by a page, and the cursor with them.
			l.cursor, l.offset = max(l.cursor-l.page(), 0), max(l.offset-l.page(), 0)
		case key.Matches(msg, k.PageDown):
			l.cursor, l.offset = min(l.cursor+l.page(), last), l.offset+l.page()
		case key.Matches(msg, k.Home):
			l.cursor = 0
		case key.Matches(msg, k.End):
			l.cursor = last
		case key.Matches(msg, k.Filter):
			l.filterOn = true
			l.fit()
			return nil, l.filter.Focus()
		case key.Matches(msg, k.Sort):
			l.sortBy = (l.sortBy + 1) % len(sortNames)
			l.resort()
		case key.Matches(msg, k.Open):
			if r := l.item(); r != nil && r.err == "" {
				return openRowMsg{row: r}, nil
			}
		case key.Matches(msg, k.Help):
			l.s.Help.ShowAll = !l.s.Help.ShowAll
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		default:
			return nil, nil
		}
	default:
		return nil, nil
	}
	l.fit()
	return nil, nil
}

// reviewShort is who reviewed a file, in the review column.
func (l *listScreen) reviewShort(r *listRow) string {
	yours, others := l.reviewsOf(r)
	switch {
	case yours == nil && len(others) == 0:
		return "none"
	case yours == nil && len(others) == 1:
		return termtext.Cut(kit.CleanLine(others[0].name), reviewW)
	case yours == nil:
		return fmt.Sprintf("%d others", len(others))
	}
	out := "yours✓"
	if !yours.summary {
		out = "yours…"
	}
	if len(others) > 0 {
		out += fmt.Sprintf("+%d", len(others))
	}
	return out
}

// reviewState says who reviewed a file, from the mentor's point of view.
func (l *listScreen) reviewState(r *listRow) string {
	yours, others := l.reviewsOf(r)
	var parts []string
	switch {
	case yours != nil && !yours.summary:
		parts = append(parts, "yours in progress"+on(yours.updated))
	case yours != nil:
		parts = append(parts, "reviewed by you"+on(yours.updated))
	}
	for _, rv := range others {
		parts = append(parts, "reviewed by "+kit.CleanLine(rv.name)+on(rv.updated))
	}
	if len(parts) == 0 {
		return "no review yet"
	}
	return strings.Join(parts, "; ")
}

// reviewsOf splits a file's reviews into the mentor's own (nil when none;
// the last, when a name is there twice) and the others', in file order.
func (l *listScreen) reviewsOf(r *listRow) (yours *rowReview, others []*rowReview) {
	for i := range r.reviews {
		rv := &r.reviews[i]
		if strings.EqualFold(rv.name, l.reviewer) {
			yours = rv
		} else {
			others = append(others, rv)
		}
	}
	return yours, others
}

// drawDetail is the row under the cursor in full: its file, status and
// dates, its readiness per target, its reviews and trend; or, for a file
// that could not be read, why, whole. At most n lines.
func (l *listScreen) drawDetail(n int) []string {
	s, t := l.s, l.s.Theme
	r := l.item()
	if r == nil {
		return nil
	}
	w := s.Width - 1
	if r.err != "" {
		return strings.Split(kit.WrapBlock(kit.MarkError+" "+kit.CleanLine(r.err), w, n, t.Warning), "\n")
	}
	status := "in progress"
	if r.status == assessments.Complete {
		status = "complete"
	}
	changed := "no date"
	if !r.updated.IsZero() {
		changed = "changed " + r.updated.Format("2 Jan 2006 15:04")
	}
	var parts []string
	for _, c := range r.companies {
		parts = append(parts, fmt.Sprintf("%s %.1f%% %s %s", kit.CleanLine(c.name), c.readiness, scorecard.VerdictMarker(c.verdict), scorecard.VerdictWord(c.verdict)))
	}
	paras := []string{
		fmt.Sprintf("%s · %s · %s", kit.CleanLine(r.name), kit.CleanPath(filepath.Base(r.path)), status),
		fmt.Sprintf("rubric %s · %s", kit.CleanLine(r.rubricID), changed),
		strings.Join(parts, " · "),
		l.reviewState(r),
	}
	if r.trend != "" {
		paras = append(paras, "trend: "+r.trend)
	}
	var out []string
	for _, p := range paras {
		if p == "" {
			continue
		}
		out = append(out, strings.Split(kit.WrapBlock(p, w, n, t.Dim), "\n")...)
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func (l *listScreen) View() string {
	s, t := l.s, l.s.Theme
	top := l.top()
	var body []string
	if l.items() == 0 && !l.loading {
		body = append(body, " "+t.Dim.Render("No assessment to show."))
	}
	first, n := kit.Window(l.lines(), l.rowsRoom, l.line(l.cursor), l.offset)
	if first > 0 {
		body = append(body, s.MoreLine("↑", first, "row", "rows"))
	}
	for line := first; line < first+n; line++ {
		i := line
		if line >= len(l.shown) {
			if line == len(l.shown) {
				body = append(body, " "+t.Warning.Render(fmt.Sprintf("%s could not be opened:", termtext.Plural(len(l.apart), "file", "files"))))
				continue
			}
			i = line - 1
		}
		body = append(body, l.drawRow(i))
	}
	if hidden := l.lines() - first - n; hidden > 0 {
		body = append(body, s.MoreLine("↓", hidden, "row", "rows"))
	}
	if len(l.detail) > 0 {
		for len(body) < l.rowsRoom {
			body = append(body, "")
		}
		body = append(body, "")
		body = append(body, l.detail...)
	}
	return s.Frame(top, body, l.help())
}

// drawRow draws row i: candidate, file or time, status, readiness per
// target, review and trend; a file apart with its name.
func (l *listScreen) drawRow(i int) string {
	s, t := l.s, l.s.Theme
	var r *listRow
	if i < len(l.shown) {
		r = l.shown[i]
	} else {
		r = l.apart[i-len(l.shown)]
	}
	mark := s.Marks.NoCursor
	if i == l.cursor {
		mark = s.Marks.Cursor
	}
	var line string
	if r.err != "" {
		// The folder is in the detail below; the row starts with the file.
		reason := firstLine(r.err)
		if rest, ok := strings.CutPrefix(reason, r.path); ok {
			reason = filepath.Base(r.path) + rest
		}
		line = termtext.Cut(kit.MarkError+" "+kit.CleanLine(reason), s.Width-4)
	} else {
		status := "ongoing"
		if r.status == assessments.Complete {
			status = "complete"
		}
		name := termtext.Exact(kit.CleanLine(r.name), l.nameW)
		if l.arrows {
			name = termtext.Exact(kit.CleanLine(r.name), l.nameW-2) + " " + termtext.Exact(r.arrow, 1)
		}
		line = fmt.Sprintf("%s %s %s %s %s",
			name, termtext.Exact(kit.CleanPath(r.when), l.whenW), termtext.Exact(status, statusW),
			termtext.Exact(r.targets, l.targetsW), l.reviewShort(r))
		line = strings.TrimRight(line, " ")
	}
	if i == l.cursor {
		line = t.Selected.Render(line)
	}
	return " " + mark + line
}

// on is " on 2 Jan 2006", or "" for an unknown date.
func on(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return " on " + t.Format("2 Jan 2006")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}
