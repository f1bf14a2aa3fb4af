// Package tui is readycheck's interactive assessment: a full-screen Bubble
// Tea program that walks a candidate through a rubric, saves every answer at
// once, and ends on their readiness per company; and the same walk-through
// as plain line prompts for screen readers and scripts.
package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// screen names the screen on display.
type screen int

const (
	screenStart screen = iota
	screenForm
	screenTargets
	screenQuestion
	screenNote
	screenJump
	screenReview
	screenResults
)

// Messages that move between screens and report saving.
type (
	// openMsg opens an assessment (new or resumed) on the question screen
	// at index, or the review screen when index is past the last skill.
	openMsg struct {
		a      *assessments.Assessment
		saver  *assessments.Saver
		index  int
		notice string
	}
	exportedMsg struct {
		path string
		err  error
	}
	errMsg struct{ err error }
)

// Options configure a walk-through.
type Options struct {
	Rubric *rubric.Rubric
	Store  *assessments.Store
	// Name and Companies skip the start screen when both are given.
	Name      string
	Companies []string
	// Resume reopens this assessment file, already loaded and locked.
	Resume *assessments.Assessment
	Saver  *assessments.Saver
	Notice string
	// Color is false for NO_COLOR.
	Color bool
	// Now is the clock, for tests.
	Now func() time.Time
}

// Model is the walk-through's parent model: it owns the screens and routes
// messages to the one on display.
type Model struct {
	opts   Options
	r      *rubric.Rubric
	theme  Theme
	keys   keyMap
	help   help.Model
	width  int
	height int
	screen screen

	a      *assessments.Assessment
	save   autosave
	notice string
	err    error

	start    startScreen
	form     formScreen
	targets  targetsScreen
	question questionScreen
	note     noteScreen
	jump     jumpScreen
	review   reviewScreen
	results  resultsScreen

	wraps *wrapCache
}

// New builds the walk-through.
func New(opts Options) *Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	m := &Model{
		opts:  opts,
		r:     opts.Rubric,
		theme: NewTheme(opts.Color),
		keys:  newKeyMap(),
		help:  help.New(),
		width: 80, height: 24,
		wraps: newWrapCache(),
	}
	m.help.Styles.ShortKey = m.theme.Label
	m.help.Styles.FullKey = m.theme.Label
	m.help.Styles.ShortDesc = m.theme.Help
	m.help.Styles.FullDesc = m.theme.Help
	m.help.Styles.ShortSeparator = m.theme.Help
	m.help.Styles.FullSeparator = m.theme.Help
	m.help.Styles.Ellipsis = m.theme.Help
	switch {
	case opts.Resume != nil:
		m.open(opts.Resume, opts.Saver, assessments.ResumeIndex(opts.Resume, m.r), opts.Notice)
	case opts.Name != "" && len(opts.Companies) > 0:
		m.screen = screenStart // replaced by the openMsg from Init
	default:
		m.start = newStartScreen(m)
		if len(m.start.entries) == 0 {
			m.form = newFormScreen(m, opts.Name)
			m.screen = screenForm
		}
	}
	return m
}

// Init creates the assessment at once when the flags name the candidate and
// the companies.
func (m *Model) Init() tea.Cmd {
	if m.a == nil && m.opts.Name != "" && len(m.opts.Companies) > 0 {
		return m.create(assessments.Person{Name: m.opts.Name}, m.opts.Companies)
	}
	if m.screen == screenForm {
		return m.form.name.Focus()
	}
	return nil
}

// Assessment returns the assessment being taken, nil before one is open.
func (m *Model) Assessment() *assessments.Assessment { return m.a }

// Err returns the error that ended the program, if any.
func (m *Model) Err() error { return m.err }

// create starts a new assessment file: a Cmd, since it touches the disk.
func (m *Model) create(p assessments.Person, companies []string) tea.Cmd {
	store, r, now := m.opts.Store, m.r, m.opts.Now()
	return func() tea.Msg {
		a := assessments.New(r, p, companies, now)
		path := store.NewPath(p.Name, now)
		saver, err := assessments.OpenSaver(path)
		if err != nil {
			return errMsg{err}
		}
		if err := assessments.Save(path, a); err != nil {
			saver.Close()
			return errMsg{err}
		}
		return openMsg{a: a, saver: saver, index: 0}
	}
}

// resume opens an unfinished assessment from the start screen.
func (m *Model) resume(e assessments.Entry) tea.Cmd {
	r := m.r
	return func() tea.Msg {
		saver, err := assessments.OpenSaver(e.Path)
		if err != nil {
			return errMsg{err}
		}
		a, err := assessments.LoadFile(e.Path)
		if err != nil {
			saver.Close()
			return errMsg{err}
		}
		notice := ""
		problems := a.Check(r)
		if err := problems.Err(); err != nil {
			saver.Close()
			return errMsg{err}
		}
		if a.Rubric.Digest != "" && a.Rubric.Digest != r.Digest {
			notice = ChangedNotice(a, r)
			a.Rubric.Digest, a.Rubric.Version = r.Digest, r.Version
		}
		return openMsg{a: a, saver: saver, index: assessments.ResumeIndex(a, r), notice: notice}
	}
}

// ChangedNotice says what happened to the answers of an assessment whose
// rubric changed since it was saved; answers for skills that no longer
// exist are dropped from it.
func ChangedNotice(a *assessments.Assessment, r *rubric.Rubric) string {
	kept, dropped := 0, 0
	for id := range a.Answers {
		if _, ok := r.Skill(id); ok {
			kept++
		} else {
			dropped++
			delete(a.Answers, id)
		}
	}
	return fmt.Sprintf("The rubric changed since this assessment was saved: %d answers kept, %d dropped.", kept, dropped)
}

func (m *Model) open(a *assessments.Assessment, saver *assessments.Saver, index int, notice string) {
	m.a, m.save.saver, m.notice = a, saver, notice
	if index >= len(m.r.Skills()) {
		m.showReview(0)
		return
	}
	m.showQuestion(index, false)
}

// persist saves the assessment without waiting on the disk.
func (m *Model) persist() tea.Cmd { return m.save.save(m.a) }

// Update routes messages to the screen on display.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 20), max(msg.Height, 8)
		m.help.SetWidth(m.width)
		m.resize()
		return m, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Interrupt):
			return m, tea.Interrupt
		case key.Matches(msg, m.keys.Suspend):
			return m, tea.Suspend
		}
	case openMsg:
		m.open(msg.a, msg.saver, msg.index, msg.notice)
		return m, nil
	case savedMsg:
		m.save.done(msg)
		return m, nil
	case errMsg:
		m.err = msg.err
		return m, tea.Quit
	}
	switch m.screen {
	case screenStart:
		return m, m.start.update(m, msg)
	case screenForm:
		return m, m.form.update(m, msg)
	case screenTargets:
		return m, m.targets.update(m, msg)
	case screenQuestion:
		return m, m.question.update(m, msg)
	case screenNote:
		return m, m.note.update(m, msg)
	case screenJump:
		return m, m.jump.update(m, msg)
	case screenReview:
		return m, m.review.update(m, msg)
	case screenResults:
		return m, m.results.update(m, msg)
	}
	return m, nil
}

func (m *Model) resize() {
	switch m.screen {
	case screenQuestion:
		m.question.update(m, tea.WindowSizeMsg{Width: m.width, Height: m.height})
	case screenNote:
		m.note.resize(m)
	case screenJump:
		m.jump.resize(m)
	case screenResults:
		m.results.build(m)
	}
}

// View renders the screen on display.
func (m *Model) View() tea.View {
	var body string
	switch m.screen {
	case screenStart:
		body = m.start.view(m)
	case screenForm:
		body = m.form.view(m)
	case screenTargets:
		body = m.targets.view(m)
	case screenQuestion:
		body = m.question.view(m)
	case screenNote:
		body = m.note.view(m)
	case screenJump:
		body = m.jump.view(m)
	case screenReview:
		body = m.review.view(m)
	case screenResults:
		body = m.results.view(m)
	}
	v := tea.NewView(body)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "readycheck"
	return v
}

// frame lays out a screen: header lines at the top, body in the middle
// (cut to fit), and the status and help lines at the bottom.
func (m *Model) frame(header []string, body []string, keys screenKeys) string {
	return layout(m.width, m.height, header, body, m.status(), m.help.View(keys))
}

// layout stacks a screen: header lines at the top, the body cut to fit, and
// the status line (if any) and the help at the bottom of height lines. Help
// lines are cut to the width: bubbles' help can overflow by an item when
// its ellipsis does not fit.
func layout(width, height int, header, body []string, status, help string) string {
	footer := []string{}
	if status != "" {
		footer = append(footer, status)
	}
	for _, l := range strings.Split(help, "\n") {
		footer = append(footer, ansi.Truncate(l, width, "…"))
	}
	room := max(height-len(header)-len(footer), 0)
	if len(body) > room {
		body = body[:room]
	}
	lines := make([]string, 0, height)
	lines = append(lines, header...)
	lines = append(lines, body...)
	for len(lines) < height-len(footer) {
		lines = append(lines, "")
	}
	lines = append(lines, footer...)
	return strings.Join(lines, "\n")
}

// status is the line above the help: a failed save first, then a notice.
func (m *Model) status() string {
	switch {
	case m.save.err != nil:
		return m.theme.Error.Render(truncate("✗ Not saved: "+m.save.err.Error()+" (your answers are kept; the next change retries)", m.width))
	case m.notice != "":
		return m.theme.Warning.Render(truncate("! "+m.notice, m.width))
	}
	return ""
}

// clean makes text from files safe for the terminal.
func clean(s string) string { return yamlfile.Clean(s) }

// truncate cuts s to width cells with an ellipsis.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	return string(r[:max(width-1, 0)]) + "…"
}
