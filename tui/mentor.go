package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
)

// MentorOptions configure `readycheck review`.
type MentorOptions struct {
	// Paths are files or folders (searched recursively) of assessments.
	Paths []string
	// Rubric is the --rubric file's rubric, or nil.
	Rubric *rubric.Rubric
	// Builtin is used for assessments that name it.
	Builtin *rubric.Rubric
	// Reviewer is the mentor's name; asked once at start when empty.
	Reviewer string
	Color    bool
	Now      func() time.Time
}

// mentorScreen names the screen of the review program on display.
type mentorScreen int

const (
	mentorName mentorScreen = iota
	mentorList
	mentorSheet
	mentorSkill
	mentorSummary
	mentorResults
)

// Mentor is the review program: a list of assessments, a review sheet per
// assessment, a skill's detail with the mentor's comment, and both views'
// results. It never changes a candidate's answers.
type Mentor struct {
	opts   MentorOptions
	theme  Theme
	keys   mentorKeys
	help   help.Model
	width  int
	height int
	screen mentorScreen
	notice string
	err    error

	name textinput.Model

	list listScreen

	// The assessment open for review, under its lock.
	open    *openReview
	sheet   sheetScreen
	skill   skillScreen
	summary textarea.Model
	results resultsLines
	// leave asks before esc leaves a changed comment or summary.
	leave leaving
}

// openReview is an assessment opened for review.
type openReview struct {
	path   string
	a      *assessments.Assessment
	r      *rubric.Rubric
	review *assessments.Review
	added  bool // the review is in a.Reviews
	save   autosave
	// notice says what the rubric-changed migration did, "" when nothing.
	notice string
}

// NewMentor builds the review program.
func NewMentor(opts MentorOptions) *Mentor {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	m := &Mentor{opts: opts, theme: NewTheme(opts.Color), keys: newMentorKeys(), help: help.New(), width: 80, height: 24}
	m.help.Styles.ShortKey, m.help.Styles.FullKey = m.theme.Label, m.theme.Label
	m.help.Styles.ShortDesc, m.help.Styles.FullDesc = m.theme.Help, m.theme.Help
	m.help.Styles.ShortSeparator, m.help.Styles.FullSeparator, m.help.Styles.Ellipsis = m.theme.Help, m.theme.Help, m.theme.Help
	m.name = textinput.New()
	calmInput(&m.name)
	m.name.Prompt = ""
	m.name.Placeholder = "Grace Hopper"
	m.name.CharLimit = assessments.MaxName
	m.leave.keys = newLeaveKeys()
	m.list = newListScreen(m)
	m.screen = mentorList
	if strings.TrimSpace(opts.Reviewer) == "" {
		m.screen = mentorName
	}
	return m
}

// Init starts reading the assessments; the list shows at once and fills in.
func (m *Mentor) Init() tea.Cmd {
	cmds := []tea.Cmd{m.list.start(m)}
	if m.screen == mentorName {
		cmds = append(cmds, m.name.Focus())
	}
	return tea.Batch(cmds...)
}

// rubricFor picks the rubric of an assessment, or says why it cannot be opened.
func (m *Mentor) rubricFor(id string) (*rubric.Rubric, error) { return mentorRubric(m.opts, id) }

// mentorRubric picks the rubric of an assessment for either face of the
// review, or says why it cannot be opened.
func mentorRubric(opts MentorOptions, id string) (*rubric.Rubric, error) {
	switch {
	case opts.Rubric != nil && opts.Rubric.ID == id:
		return opts.Rubric, nil
	case opts.Rubric == nil && opts.Builtin != nil && opts.Builtin.ID == id:
		return opts.Builtin, nil
	case opts.Rubric != nil:
		return nil, fmt.Errorf("taken against rubric %q, not %q given with --rubric", id, opts.Rubric.ID)
	}
	return nil, fmt.Errorf("taken against rubric %q; open it with --rubric FILE", id)
}

type (
	reviewOpenedMsg struct {
		open *openReview
		err  error
	}
)

// openFile opens an assessment for review under its lock: the same
// reviewer's last review is continued, else a new one is started (and
// written on the first change).
func (m *Mentor) openFile(row *listRow) tea.Cmd {
	reviewer, now := strings.TrimSpace(m.opts.Reviewer), m.opts.Now()
	path := row.path
	return func() tea.Msg {
		r, err := m.rubricFor(row.rubricID)
		if err != nil {
			return reviewOpenedMsg{err: fmt.Errorf("%s: %w", path, err)}
		}
		// The same opening as the walk-through's: locked, loaded, checked,
		// and migrated when the rubric changed since the file was saved.
		opened, err := assessments.Open(path, r)
		if err != nil {
			return reviewOpenedMsg{err: err}
		}
		a := opened.Assessment
		o := &openReview{path: path, a: a, r: r, save: autosave{saver: opened.Saver}, notice: opened.Notice}
		if rv, ok := a.Review(reviewer); ok {
			o.review, o.added = rv, true
		} else {
			o.review = &assessments.Review{Reviewer: assessments.Person{Name: reviewer}, Started: now.UTC().Truncate(time.Second), Ratings: map[string]*assessments.Rating{}}
		}
		return reviewOpenedMsg{open: o}
	}
}

// change records a change to the review and saves the file: encoded now,
// written by a Cmd, in order (the Saver skips stale versions).
func (m *Mentor) change() tea.Cmd {
	o := m.open
	if !o.added {
		o.a.Reviews = append(o.a.Reviews, o.review)
		o.added = true
	}
	o.review.Updated = m.opts.Now().UTC().Truncate(time.Second)
	return o.save.save(o.a)
}

// closeOpen saves what was not written yet and releases the lock.
func (m *Mentor) closeOpen() error {
	o := m.open
	if o == nil {
		return nil
	}
	m.open = nil
	m.list.refresh(m, o)
	// A review never changed is never written: opening a file leaves it as it was.
	return o.save.close(o.a, o.added)
}

// Close saves and releases an assessment still open. A comment or summary
// being typed is kept first: quitting (ctrl+c, a closed terminal, SIGTERM)
// loses no typed words.
func (m *Mentor) Close() error {
	if m.open != nil {
		switch {
		case m.screen == mentorSkill && m.skill.changed(m):
			m.skill.keep(m) // its save command is the write of closeOpen
		case m.screen == mentorSummary && m.summaryChanged():
			m.keepSummary()
		}
	}
	return m.closeOpen()
}

// editorKeys is the help of the comment and summary editors: saving and
// leaving, or the answers while leaving asks.
func (m *Mentor) editorKeys() screenKeys {
	if m.leave.asking {
		return m.leave.help()
	}
	short := []key.Binding{m.keys.Save, leaveHelp, m.keys.Interrupt}
	return screenKeys{short: short, full: [][]key.Binding{short}}
}

// leaveLines asks whether to keep the changes, while it asks.
func (m *Mentor) leaveLines() []string {
	if !m.leave.asking {
		return nil
	}
	return append(strings.Split(wrapBlock(markNotice+" "+leaveQuestion, m.width-1, 3, m.theme.Warning), "\n"), "")
}

// Err is the error that ended the program, if any.
func (m *Mentor) Err() error { return m.err }

// Update routes messages to the screen on display.
func (m *Mentor) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 20), max(msg.Height, 8)
		m.help.SetWidth(m.width)
		m.name.SetWidth(max(m.width-8, 10))
		m.list.filter.SetWidth(max(m.width-6, 10))
		if m.screen == mentorResults {
			m.showResults()
		}
		if m.screen == mentorSkill || m.screen == mentorSummary {
			m.skill.comment.SetWidth(max(m.width-4, 20))
			m.summary.SetWidth(max(m.width-4, 20))
		}
		return m, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Interrupt):
			return m, tea.Interrupt
		case key.Matches(msg, m.keys.Suspend):
			return m, tea.Suspend
		}
	case listLoadedMsg:
		return m, m.list.loaded(m, msg)
	case resumeReadMsg:
		return m, m.list.nextChunk(m, msg.files, msg.next)
	case reviewOpenedMsg:
		if msg.err != nil {
			m.notice = msg.err.Error()
			return m, nil
		}
		m.open, m.notice = msg.open, msg.open.notice
		m.sheet = sheetScreen{}
		m.screen = mentorSheet
		return m, nil
	case savedMsg:
		if m.open != nil {
			m.open.save.done(msg)
		}
		return m, nil
	}
	switch m.screen {
	case mentorName:
		return m, m.updateName(msg)
	case mentorList:
		return m, m.list.update(m, msg)
	case mentorSheet:
		return m, m.sheet.update(m, msg)
	case mentorSkill:
		return m, m.skill.update(m, msg)
	case mentorSummary:
		return m, m.updateSummary(msg)
	case mentorResults:
		return m, m.results.update(m, msg)
	}
	return m, nil
}

func (m *Mentor) updateName(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "enter" {
		name := cleanInput(m.name.Value())
		if name == "" {
			m.notice = "Your name is needed: it marks your review in each file."
			return nil
		}
		m.opts.Reviewer, m.notice = name, ""
		m.screen = mentorList
		m.list.resort(m)
		return nil
	}
	var cmd tea.Cmd
	m.name, cmd = m.name.Update(typed(msg))
	return cmd
}

// View renders the screen on display.
func (m *Mentor) View() tea.View {
	var body string
	switch m.screen {
	case mentorName:
		header := []string{" " + m.theme.Title.Render("readycheck review"), ""}
		lines := []string{" " + m.theme.Question.Render("Your name, as the reviewer"), " " + m.theme.Dim.Render("It marks your review in each file; opening a file again continues your review."), "", "   " + m.name.View()}
		body = layout(m.width, m.height, header, lines, m.status(), m.help.View(m.keys.form()))
	case mentorList:
		body = m.list.view(m)
	case mentorSheet:
		body = m.sheet.view(m)
	case mentorSkill:
		body = m.skill.view(m)
	case mentorSummary:
		header := []string{" " + m.theme.Header.Render(termtext.Cut("Summary of your review · "+clean(m.open.a.Candidate.Name), m.width-2)), ""}
		lines := []string{}
		for _, l := range strings.Split(m.summary.View(), "\n") {
			lines = append(lines, "  "+l)
		}
		if q := m.leaveLines(); q != nil {
			lines = append(q, lines...)
		}
		body = layout(m.width, m.height, header, lines, m.status(), m.help.View(m.editorKeys()))
	case mentorResults:
		body = m.results.view(m)
	}
	v := tea.NewView(body)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "readycheck review"
	return v
}

// status is a failed save, else a notice.
func (m *Mentor) status() string {
	if m.open != nil && m.open.save.err != nil {
		// A failed save is said in full, however many lines it takes.
		return wrapBlock(markError+" "+notSavedText(m.open.save.err), m.width-1, max(m.height/2, 3), m.theme.Error)
	}
	if m.notice != "" {
		return wrapBlock(markNotice+" "+cleanLine(m.notice), m.width-1, 3, m.theme.Warning)
	}
	return ""
}

// RunMentor shows the review program until the mentor quits.
func RunMentor(opts MentorOptions) error {
	m := NewMentor(opts)
	popts := []tea.ProgramOption{tea.WithFPS(120)}
	if !opts.Color {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, sig, err := runProgram(tea.NewProgram(m, popts...))
	closeErr := m.Close()
	switch {
	case closeErr != nil && (sig != 0 || errors.Is(err, tea.ErrInterrupted)):
		// A review not saved matters more than the exit status.
		return closeErr
	case sig != 0:
		return &Signaled{Signal: sig}
	case errors.Is(err, tea.ErrInterrupted):
		return ErrInterrupted
	}
	return errors.Join(err, closeErr)
}
