package tui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
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
	err   string
	trend string
	best  float64
	// hay is the lower-cased text the filter searches, built once.
	hay string
}

type rowCompany struct {
	id, name  string
	readiness float64
	verdict   rubric.Verdict
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

// listScreen lists the assessments with their readiness and review state.
type listScreen struct {
	rows     []*listRow // every readable row
	failed   []*listRow // rows listed apart
	shown    []*listRow // after filtering and sorting
	cursor   int
	sortBy   int // 0 name, 1 last change, 2 readiness
	filter   textinput.Model
	filterOn bool
	loading  bool
	read     int
	total    int
	// lastKey is when the mentor last pressed a key: reading pauses
	// briefly after one, so that the keys get the cores.
	lastKey time.Time
}

// readPause is how long reading waits after a keypress.
const readPause = 150 * time.Millisecond

// resumeReadMsg resumes reading after a pause for the keys.
type resumeReadMsg struct {
	files []string
	next  int
}

var sortNames = []string{"name", "last change", "readiness"}

func newListScreen(m *Mentor) listScreen {
	l := listScreen{filter: textinput.New(), loading: true}
	calmInput(&l.filter)
	l.filter.Prompt = "/ "
	l.filter.Placeholder = "filter by name or company"
	return l
}

// start finds the files, then reads them in chunks.
func (l *listScreen) start(m *Mentor) tea.Cmd {
	paths := m.opts.Paths
	return func() tea.Msg {
		files, failed := assessments.Files(paths...)
		var rows []*listRow
		for _, e := range failed {
			rows = append(rows, &listRow{path: e.Path, err: e.Err.Error()})
		}
		return listLoadedMsg{rows: rows, files: files, next: 0, total: len(files)}
	}
}

func (l *listScreen) readChunk(m *Mentor, files []string, from int) tea.Cmd {
	return func() tea.Msg {
		to := min(from+listChunk, len(files))
		rows := make([]*listRow, 0, to-from)
		for _, f := range files[from:to] {
			rows = append(rows, m.readRow(f))
		}
		return listLoadedMsg{rows: rows, files: files, next: to, total: len(files)}
	}
}

// readRow reads and scores one file in the candidate's view.
func (m *Mentor) readRow(path string) *listRow {
	row := &listRow{path: path}
	a, err := assessments.LoadFile(path)
	if err != nil {
		row.err = err.Error()
		return row
	}
	row.name, row.rubricID, row.status, row.updated = a.Candidate.Name, a.Rubric.ID, a.Status, a.Updated
	r, err := m.rubricFor(a.Rubric.ID)
	if err != nil {
		row.err = cleanPath(path) + ": " + err.Error()
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
		row.err = cleanPath(path) + ": " + err.Error()
		return row
	}
	targets, err := a.TargetCompanies(r, nil)
	if err != nil {
		row.err = cleanPath(path) + ": " + err.Error()
		return row
	}
	res := r.Score(a.Levels(r), targets)
	for _, c := range res.Companies {
		row.companies = append(row.companies, rowCompany{c.Company.ID, c.Company.Name, c.Readiness, c.Verdict})
		row.best = max(row.best, c.Readiness)
	}
	for _, rv := range a.Reviews {
		row.reviews = append(row.reviews, rowReview{rv.Reviewer.Name, rv.Updated, rv.Summary != ""})
	}
	hay := []string{strings.ToLower(row.name)}
	for _, c := range row.companies {
		hay = append(hay, strings.ToLower(c.id+" "+c.name))
	}
	row.hay = strings.Join(hay, " ")
	return row
}

func (l *listScreen) loaded(m *Mentor, msg listLoadedMsg) tea.Cmd {
	words := strings.Fields(strings.ToLower(l.filter.Value()))
	for _, r := range msg.rows {
		if r.err != "" {
			l.failed = append(l.failed, r)
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
		return l.nextChunk(m, msg.files, msg.next)
	}
	l.loading = false
	l.trends()
	l.resort(m)
	return nil
}

// nextChunk reads the next batch, or waits first while keys are pressed.
func (l *listScreen) nextChunk(m *Mentor, files []string, next int) tea.Cmd {
	if wait := readPause - time.Since(l.lastKey); wait > 0 {
		return tea.Tick(wait, func(time.Time) tea.Msg { return resumeReadMsg{files, next} })
	}
	return l.readChunk(m, files, next)
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
// their readiness over time per company: "58.3 → 71.0 ↑".
func (l *listScreen) trends() {
	groups := map[string][]*listRow{}
	for _, r := range l.rows {
		if r.updated.IsZero() {
			continue // no date, no place in time
		}
		k := strings.ToLower(strings.TrimSpace(r.name)) + "\x00" + r.rubricID
		groups[k] = append(groups[k], r)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool { return g[i].updated.Before(g[j].updated) })
		first, last := g[0], g[len(g)-1]
		var parts []string
		for _, c := range last.companies {
			for _, p := range first.companies {
				if p.id != c.id {
					continue
				}
				arrow := "="
				if c.readiness > p.readiness {
					arrow = "↑"
				} else if c.readiness < p.readiness {
					arrow = "↓"
				}
				parts = append(parts, fmt.Sprintf("%s %.1f → %.1f %s", c.name, p.readiness, c.readiness, arrow))
			}
		}
		trend := strings.Join(parts, " · ")
		for _, r := range g {
			r.trend = trend
		}
	}
}

// refresh updates an open file's row after its review.
func (l *listScreen) refresh(m *Mentor, o *openReview) {
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
func (l *listScreen) resort(m *Mentor) {
	words := strings.Fields(strings.ToLower(l.filter.Value()))
	l.shown = l.shown[:0]
	for _, r := range l.rows {
		if matches(r, words) {
			l.shown = append(l.shown, r)
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
	l.cursor = min(l.cursor, max(len(l.shown)-1, 0))
}

func (l *listScreen) update(m *Mentor, msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		l.lastKey = time.Now()
	}
	if l.filterOn {
		if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "enter" || k.String() == "esc") {
			l.filterOn = false
			l.filter.Blur()
			if k.String() == "esc" {
				l.filter.SetValue("")
			}
			l.resort(m)
			return nil
		}
		var cmd tea.Cmd
		l.filter, cmd = l.filter.Update(typed(msg))
		l.cursor = 0
		l.resort(m)
		return cmd
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			l.cursor = max(l.cursor-1, 0)
		} else if msg.Button == tea.MouseWheelDown {
			l.cursor = min(l.cursor+1, max(len(l.shown)-1, 0))
		}
	case tea.KeyPressMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Up):
			l.cursor = max(l.cursor-1, 0)
		case key.Matches(msg, k.Down):
			l.cursor = min(l.cursor+1, max(len(l.shown)-1, 0))
		case key.Matches(msg, k.Filter):
			l.filterOn = true
			return l.filter.Focus()
		case key.Matches(msg, k.Sort):
			l.sortBy = (l.sortBy + 1) % len(sortNames)
			l.resort(m)
		case key.Matches(msg, k.Open):
			if len(l.shown) > 0 {
				return m.openFile(l.shown[l.cursor])
			}
		case key.Matches(msg, k.Quit):
			return tea.Quit
		}
	}
	return nil
}

// reviewState says who reviewed a file, from the mentor's point of view.
func (m *Mentor) reviewState(r *listRow) string {
	var yours *rowReview
	var others []string
	for i := range r.reviews {
		rv := &r.reviews[i]
		if strings.EqualFold(rv.name, m.opts.Reviewer) {
			yours = rv
		} else {
			others = append(others, "reviewed by "+clean(rv.name)+on(rv.updated))
		}
	}
	switch {
	case yours != nil && !yours.summary:
		others = append([]string{"yours in progress"}, others...)
	case yours != nil:
		others = append([]string{"reviewed by you" + on(yours.updated)}, others...)
	}
	if len(others) == 0 {
		return "no review"
	}
	return strings.Join(others, "; ")
}

func (l *listScreen) view(m *Mentor) string {
	t := m.theme
	title := fmt.Sprintf("%d assessments", len(l.rows))
	if l.loading {
		title = fmt.Sprintf("reading %d of %d files…", l.read, l.total)
	}
	header := []string{
		" " + t.Title.Render("readycheck review") + "  " + t.Dim.Render(termtext.Cut(title+" · sorted by "+sortNames[l.sortBy]+" · reviewer "+clean(m.opts.Reviewer), m.width-20)),
	}
	if l.filterOn || l.filter.Value() != "" {
		header = append(header, " "+l.filter.View())
	}
	header = append(header, "")
	room := max(m.height-len(header)-2, 2)
	if m.status() != "" {
		room--
	}
	var body []string
	if len(l.shown) == 0 && !l.loading {
		body = append(body, " "+t.Dim.Render("No assessment to show."))
	}
	per := 2 // lines per row
	first := max(0, l.cursor-(room/per)+1)
	for i := first; i < len(l.shown) && len(body)+per <= room; i++ {
		r := l.shown[i]
		mark := "  "
		if i == l.cursor {
			mark = t.Cursor.Render("›") + " "
		}
		changed := "—"
		if !r.updated.IsZero() {
			changed = r.updated.Format("2 Jan 2006")
		}
		status := "in progress"
		if r.status == assessments.Complete {
			status = "complete"
		}
		line := termtext.Cut(fmt.Sprintf("%s · %s · %s · %s · %s", clean(r.name), r.rubricID, status, changed, m.reviewState(r)), m.width-4)
		if i == l.cursor {
			line = t.Selected.Render(line)
		}
		var parts []string
		for _, c := range r.companies {
			parts = append(parts, fmt.Sprintf("%s %.1f%% %s %s", clean(c.name), c.readiness, scorecard.VerdictMarker(c.verdict), scorecard.VerdictWord(c.verdict)))
		}
		second := strings.Join(parts, "  ")
		if r.trend != "" {
			second += "  trend: " + r.trend
		}
		body = append(body, " "+mark+line, "    "+t.Dim.Render(termtext.Cut(second, m.width-5)))
	}
	if len(l.failed) > 0 && len(body) < room-1 {
		body = append(body, "", " "+t.Warning.Render(fmt.Sprintf("%d files could not be opened:", len(l.failed))))
		for _, r := range l.failed {
			if len(body) >= room {
				break
			}
			body = append(body, "   "+t.Dim.Render(termtext.Cut(cleanLine(firstLine(r.err)), m.width-4)))
		}
	}
	return layout(m.width, m.height, header, body, m.status(), m.help.View(m.keys.list()))
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
