// Package review is the mentor's review of candidates' assessments: a
// full-screen Bubble Tea program (Run) that lists them, sets the mentor's
// level and comment on each skill beside the candidate's own and shows both
// views' results, and the same review as plain line prompts
// (RunAccessible) for screen readers and scripts.
//
// The parent Model owns the assessment open for review and its saving; each
// screen (name, list, sheet, editor, results) hands the parent an intent,
// as the walk-through's screens do. A review never changes a candidate's
// answers.
package review

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/tui/kit"
)

// Options configure `readycheck review`.
type Options struct {
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
	// Host runs the review on a served session's terminal; nil for the
	// process's.
	Host *kit.Host
}

// Model is the review program's parent model: a list of assessments, a
// review sheet per assessment, a skill's detail with the mentor's comment,
// the summary, and both views' results. Like the walk-through's Model, it
// owns the assessment open for review and its saving; each screen returns
// an intent that the parent handles in the same Update. It never changes a
// candidate's answers.
type Model struct {
	s    *kit.Session
	opts Options
	keys mentorKeys

	active kit.Screen
	name   *nameScreen
	list   *listScreen
	sheet  *sheetScreen

	// open is the assessment open for review, under its lock.
	open *openReview
	// closing are reviews whose last write and unlock run in a command;
	// next is the row to open once they are done (a file's lock is taken
	// again only after it was released).
	closing []*openReview
	next    *listRow
	// busy is set while a file is being opened: keys wait.
	busy bool
	// reviewed are the files whose review changed, in the order of their
	// first change.
	reviewed []string
}

// openReview is an assessment opened for review.
type openReview struct {
	path   string
	a      *assessments.Assessment
	r      *rubric.Rubric
	review *assessments.Review
	added  bool // the review is in a.Reviews
	save   kit.Autosave
	// notice says what the rubric-changed migration did, "" when nothing.
	notice string

	closeOnce sync.Once
	closeErr  error
}

// close writes what was not written yet and releases the lock, once.
func (o *openReview) close() error {
	o.closeOnce.Do(func() {
		// A review never changed is never written: opening a file leaves it as it was.
		o.closeErr = o.save.Close(o.a, o.added)
	})
	return o.closeErr
}

// Intents: what a review screen asks the parent to do.
type (
	reviewerMsg    struct{ name string }      // the name screen: the reviewer's name
	openRowMsg     struct{ row *listRow }     // the list: open a file
	rateMsg        struct{ index, level int } // the sheet: a level, or < 0 to clear
	openSkillMsg   struct{ index int }
	openSummaryMsg struct{}
	showResultsMsg struct{}
	closeReviewMsg struct{} // the sheet: back to the list
	sheetMsg       struct{} // an editor or the results: back to the sheet
	commentMsg     struct {
		index int
		text  string
	}
	summaryMsg struct{ text string }
)

// Results of the review's commands.
type (
	reviewOpenedMsg struct {
		open *openReview
		err  error
	}
	reviewSavedMsg struct {
		o     *openReview
		saved kit.SavedMsg
	}
	reviewClosedMsg struct {
		o   *openReview
		err error
	}
)

// New builds the review program.
func New(opts Options) *Model {
	s := kit.NewSession(opts.Color, opts.Now)
	opts.Now = s.Now
	m := &Model{s: s, opts: opts, keys: newMentorKeys(s.Keys)}
	m.list = newListScreen(s, m.keys, m)
	m.active = m.list
	if strings.TrimSpace(opts.Reviewer) == "" {
		m.name = newNameScreen(s, m.keys)
		m.active = m.name
	}
	return m
}

// Init starts reading the assessments; the list shows at once and fills in.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.list.start()}
	if m.active == m.name {
		cmds = append(cmds, m.name.input.Focus())
	}
	return tea.Batch(cmds...)
}

// Reviewed lists the files whose review changed in this session.
func (m *Model) Reviewed() []string { return m.reviewed }

// rubricFor picks the rubric of an assessment, or says why it cannot be opened.
func (m *Model) rubricFor(id string) (*rubric.Rubric, error) { return pickRubric(m.opts, id) }

// pickRubric picks the rubric of an assessment for either face of the
// review, or says why it cannot be opened.
func pickRubric(opts Options, id string) (*rubric.Rubric, error) {
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

// openFile opens an assessment for review under its lock: the same
// reviewer's last review is continued, else a new one is started (and
// written on the first change).
func (m *Model) openFile(row *listRow) tea.Cmd {
	m.busy = true
	reviewer, now := strings.TrimSpace(m.opts.Reviewer), m.opts.Now()
	path, id := row.path, row.rubricID
	return func() tea.Msg {
		r, err := m.rubricFor(id)
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
		o := &openReview{path: path, a: a, r: r, save: kit.NewAutosave(opened), notice: opened.Notice}
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
func (m *Model) change() tea.Cmd {
	o := m.open
	if !o.added {
		o.a.Reviews = append(o.a.Reviews, o.review)
		o.added = true
	}
	if !containsString(m.reviewed, o.path) {
		m.reviewed = append(m.reviewed, o.path)
	}
	o.review.Updated = m.opts.Now().UTC().Truncate(time.Second)
	save := o.save.Save(o.a)
	if save == nil {
		return nil
	}
	return func() tea.Msg { return reviewSavedMsg{o: o, saved: save().(kit.SavedMsg)} }
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rate sets (or clears, with level < 0) the mentor's level on a skill.
func (m *Model) rate(index, level int) tea.Cmd {
	o := m.open
	s := o.r.Skills()[index]
	rt := o.review.Ratings[s.ID]
	if rt == nil {
		if level < 0 {
			return nil
		}
		rt = &assessments.Rating{Level: rubric.Unanswered}
		o.review.Ratings[s.ID] = rt
	}
	rt.Level = max(level, rubric.Unanswered)
	if !rt.Rated() && rt.Comment == "" {
		delete(o.review.Ratings, s.ID)
	}
	return m.change()
}

// keepComment saves a skill's comment as typed.
func (m *Model) keepComment(index int, text string) tea.Cmd {
	o := m.open
	s := o.r.Skills()[index]
	rt := o.review.Ratings[s.ID]
	if rt == nil {
		rt = &assessments.Rating{Level: rubric.Unanswered}
		o.review.Ratings[s.ID] = rt
	}
	rt.Comment = kit.CleanNote(text)
	if !rt.Rated() && rt.Comment == "" {
		delete(o.review.Ratings, s.ID)
	}
	return m.change()
}

// closeOpen leaves the assessment open: the list shows its new review
// state at once, and a command writes what was not written yet and
// releases the lock.
func (m *Model) closeOpen() tea.Cmd {
	o := m.open
	if o == nil {
		return nil
	}
	m.open, m.s.Save = nil, nil
	m.list.refresh(o)
	m.closing = append(m.closing, o)
	return func() tea.Msg { return reviewClosedMsg{o: o, err: o.close()} }
}

// Close saves and releases the assessment still open, and those being
// closed. A comment or summary being typed is kept first: quitting
// (ctrl+c, a closed terminal, SIGTERM) loses no typed words.
func (m *Model) Close() error {
	if m.open != nil {
		if e, ok := m.active.(*editorScreen); ok && e.changed() {
			m.handle(e.keepIntent()) // its save command is the write of close
		}
	}
	var errs []error
	for _, o := range m.closing {
		errs = append(errs, o.close())
	}
	m.closing = nil
	if o := m.open; o != nil {
		m.open, m.s.Save = nil, nil
		errs = append(errs, o.close())
	}
	return errors.Join(errs...)
}

// Update routes a message to the screen on display, and handles what the
// screens ask for.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	return m, m.s.Dispatch(msg, m.handle, func() kit.Screen { return m.active })
}

// handle deals with the parent's messages: the terminal's size, the keys
// that work everywhere, the results of commands and the screens' intents.
// It reports false for the rest.
func (m *Model) handle(msg tea.Msg) (tea.Cmd, bool) {
	s := m.s
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.SetSize(msg, 8, m.screens())
		return nil, true
	case tea.KeyPressMsg:
		if cmd := s.GlobalKey(msg); cmd != nil {
			return cmd, true
		}
		return nil, m.busy

	case listLoadedMsg:
		return m.list.loaded(msg), true
	case resumeReadMsg:
		return m.list.nextChunk(msg.files, msg.next), true
	case reviewOpenedMsg:
		m.busy = false
		if msg.err != nil {
			s.Notice = kit.CleanLine(msg.err.Error())
			return nil, true
		}
		o := msg.open
		m.open, s.Save, s.Notice, s.Done = o, &o.save, o.notice, ""
		s.SetRubric(o.r)
		m.sheet = newSheetScreen(s, m.keys, o)
		m.active = m.sheet
		return nil, true
	case reviewSavedMsg:
		if msg.o == m.open {
			m.open.save.Done(msg.saved)
		}
		return nil, true
	case reviewClosedMsg:
		for i, o := range m.closing {
			if o == msg.o {
				m.closing = append(m.closing[:i], m.closing[i+1:]...)
				break
			}
		}
		if msg.err != nil {
			s.Notice = kit.CleanLine(msg.err.Error())
		}
		if row := m.next; row != nil && len(m.closing) == 0 {
			m.next = nil
			return m.openFile(row), true
		}
		return nil, true

	case reviewerMsg:
		m.opts.Reviewer = msg.name
		m.list.reviewer = msg.name
		m.list.resort()
		m.active = m.list
		return nil, true
	case openRowMsg:
		s.Notice = ""
		if len(m.closing) > 0 {
			// The file may be the one being released: open it after.
			m.next = msg.row
			return nil, true
		}
		return m.openFile(msg.row), true
	case rateMsg:
		cmd := m.rate(msg.index, msg.level)
		m.sheet.Resize()
		return cmd, true
	case openSkillMsg:
		e := newCommentScreen(s, m.keys, m.open, msg.index)
		m.active = e
		return e.area.Focus(), true
	case commentMsg:
		cmd := m.keepComment(msg.index, msg.text)
		m.showSheet()
		return cmd, true
	case openSummaryMsg:
		e := newSummaryScreen(s, m.keys, m.open)
		m.active = e
		return e.area.Focus(), true
	case summaryMsg:
		m.open.review.Summary = kit.CleanNote(msg.text)
		cmd := m.change()
		m.showSheet()
		return cmd, true
	case showResultsMsg:
		m.active = newReviewResults(s, m.keys, m.open)
		return nil, true
	case sheetMsg:
		m.showSheet()
		return nil, true
	case closeReviewMsg:
		s.Notice, s.Done = "", ""
		cmd := m.closeOpen()
		m.list.resort()
		m.active = m.list
		return cmd, true
	}
	return nil, false
}

// screens lists the screens built so far, the one on display last.
func (m *Model) screens() []kit.Screen {
	var out []kit.Screen
	if m.name != nil && m.active != kit.Screen(m.name) {
		out = append(out, m.name)
	}
	if m.active != kit.Screen(m.list) {
		out = append(out, m.list)
	}
	if m.sheet != nil && m.active != kit.Screen(m.sheet) {
		out = append(out, m.sheet)
	}
	return append(out, m.active)
}

func (m *Model) showSheet() {
	m.sheet.Resize()
	m.active = m.sheet
}

// View draws the screen on display.
func (m *Model) View() tea.View {
	v := tea.NewView(m.active.View())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "readycheck review"
	return v
}

// nameScreen asks the reviewer's name once.
type nameScreen struct {
	s     *kit.Session
	keys  mentorKeys
	input textinput.Model
	err   string
}

func newNameScreen(s *kit.Session, k mentorKeys) *nameScreen {
	n := &nameScreen{s: s, keys: k, input: textinput.New()}
	s.Theme.InputStyles(&n.input)
	n.input.Prompt = ""
	n.input.Placeholder = "Grace Hopper"
	n.input.CharLimit = assessments.MaxName
	n.Resize()
	return n
}

func (n *nameScreen) Resize() { n.input.SetWidth(max(n.s.Width-8, 10)) }

func (n *nameScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, n.keys.Continue) {
		name := kit.CleanInput(n.input.Value())
		if name == "" {
			n.err = "Your name is needed: it marks your review in each file."
			return nil, nil
		}
		n.err = ""
		return reviewerMsg{name: name}, nil
	}
	var cmd tea.Cmd
	n.input, cmd = n.input.Update(kit.Typed(msg))
	return nil, cmd
}

func (n *nameScreen) View() string {
	t := n.s.Theme
	top := []string{" " + t.Title.Render("readycheck review"), ""}
	body := []string{" " + t.Question.Render("Your name, as the reviewer")}
	for _, l := range kit.WrapLines("It marks your review in each file; opening a file again continues your review.", n.s.Width-2) {
		body = append(body, " "+t.Dim.Render(l))
	}
	body = append(body, "", "   "+n.input.View())
	if n.err != "" {
		body = append(body, "", kit.WrapBlock(kit.MarkNotice+" "+n.err, n.s.Width-1, 3, t.Warning))
	}
	return n.s.Frame(top, body, n.keys.form())
}

// Run shows the review program until the mentor quits, and returns
// the files whose review changed.
func Run(opts Options) ([]string, error) {
	m := New(opts)
	err := kit.RunProgram(tea.NewProgram(m, kit.ProgramOptions(opts.Color, opts.Host)...), opts.Host, m.Close, nil)
	return m.Reviewed(), err
}
