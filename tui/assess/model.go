// Package assess is the candidate's walk-through of a rubric: a
// full-screen Bubble Tea program (Run) that asks one skill at a time,
// saves every confirmed answer at once and ends on their readiness per
// company, and the same walk-through as plain line prompts (RunAccessible)
// for screen readers and scripts.
//
// Both are faces of one flow (flow.go), which owns what the candidate's
// moves mean and what is saved when. The parent Model owns the screens and
// drives the flow; each screen (start, candidate, targets, question, note,
// jump, review, results) is a small model that hands the parent a message
// when the candidate moves on, never reaching into another screen.
package assess

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/tui/kit"
)

// Options configure a walk-through, on screen or in accessible mode.
type Options struct {
	Rubric *rubric.Rubric
	// Store is where new assessments are saved and unfinished ones found.
	Store *assessments.Store
	// Name and Companies skip the start screen when both are given; either
	// alone fills in its part of it.
	Name      string
	Companies []string
	// Resume is an assessment already opened (Open) to take up again.
	Resume *assessments.Opened
	// Color is false when colour is off (NO_COLOR).
	Color bool
	// Now is the clock; time.Now when nil. Tests fix it.
	Now func() time.Time
	// Host is set when the walk-through is served over SSH: the
	// full-screen face runs on the host's terminal, and both faces word
	// what they say for a person who cannot reach the server's files.
	// nil for the process's terminal.
	Host *kit.Host
}

// Intents: what a screen asks the parent to do.
type (
	newMsg       struct{}                          // start: begin a new assessment
	resumeMsg    struct{ entry assessments.Entry } // start: take one up again
	candidateMsg struct{ person assessments.Person }
	targetsMsg   struct{ companies []string }
	answerMsg    struct{ level int } // a confirmed answer to the skill asked
	nextMsg      struct{}            // move on from the question shown
	prevMsg      struct{}            // go back: a question, or the review to the last one
	gotoMsg      struct{ index int } // the jump list chose a skill
	editMsg      struct{ index int } // the review chose a skill to change
	noteMsg      struct {
		note     string
		evidence []string
	}
	openNoteMsg    struct{}
	openJumpMsg    struct{}
	cancelMsg      struct{} // leave a form or an overlay unchanged
	finishMsg      struct{}
	showReviewMsg  struct{}
	exportMsg      struct{}
	openPostingMsg struct{} // results: paste a job posting
)

// Results of commands.
type (
	openedMsg     struct{ opened *assessments.Opened }
	openFailedMsg struct{ err error }
	exportedMsg   struct {
		path string
		err  error
	}
	// draftedMsg brings the company drafted from a posting's text.
	draftedMsg struct {
		text    string
		company *posting.Company
		err     error
	}
)

// Model is the walk-through's parent model: it drives the flow with what
// the screens ask for, shows where the flow is, and routes messages to the
// screen on display.
type Model struct {
	s    *session
	opts Options
	f    *flow

	active kit.Screen
	// back is the screen an overlay (note, jump) returns to.
	back kit.Screen

	start    *startScreen
	form     *candidateScreen
	targets  *targetsScreen
	question *questionScreen
	review   *reviewScreen
	results  *resultsScreen

	// busy is set while a file is being created or opened: keys wait,
	// so that a second enter does not start a second assessment.
	busy bool
	// err ends the program when an assessment cannot be created.
	err error
}

// New builds the walk-through. It lists the unfinished assessments of the
// store for the start screen (a read of the data folder, before the
// program starts).
func New(opts Options) *Model {
	m := &Model{s: newSession(opts), opts: opts}
	m.opts.Now = m.s.Now
	m.f = newFlow(m.opts)
	switch {
	case opts.Resume != nil:
		m.f.open(opts.Resume)
		m.opened()
	case m.f.named:
		// Init creates the assessment; nothing to show until then.
	default:
		m.start = newStartScreen(m.s, opts.Store)
		if len(m.start.entries) > 0 || len(m.start.others) > 0 {
			m.active = m.start
		} else {
			m.form = newCandidateScreen(m.s, opts.Name, false)
			m.active = m.form
		}
	}
	return m
}

// Init creates the assessment at once when the flags named the candidate
// and the companies, and focuses the name field otherwise.
func (m *Model) Init() tea.Cmd {
	if m.s.a == nil && m.f.named {
		return m.create(nil)
	}
	if m.active == m.form && m.form != nil {
		return m.form.focus()
	}
	return nil
}

// Assessment is the assessment being taken; nil before one is open.
func (m *Model) Assessment() *assessments.Assessment { return m.s.a }

// SavedPath is the file of the assessment; "" before one is open, and
// while a new one has nothing saved yet (its file is written at the first
// answer or note).
func (m *Model) SavedPath() string { return m.f.savedPath() }

// create starts a new assessment, aiming at the companies picked (nil
// when the flags named them); keys wait until it is open.
func (m *Model) create(companies []string) tea.Cmd {
	m.busy = true
	return m.f.create(companies)
}

// opened shows the assessment the flow opened where it was left.
func (m *Model) opened() {
	s, o := m.s, m.f.o
	s.a, s.Notice = o.Assessment, o.Notice
	s.Save = &m.f.save
	s.answered = m.f.answered
	s.bar.update(s)
	m.question = newQuestionScreen(s)
	m.review = newReviewScreen(s)
	m.show()
}

// show puts where the flow is on display: the skill asked, or the review.
func (m *Model) show() {
	if m.f.inReview {
		m.review.show(m.f.index)
		m.active = m.review
		return
	}
	m.question.show(m.f.index, m.f.fromReview)
	m.active = m.question
}

// Update routes a message to the screen on display, and handles what the
// screens ask for.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	return m, m.s.Dispatch(msg, m.handle, func() kit.Screen { return m.active })
}

// handle deals with the messages that are the parent's: the terminal's
// size, the keys that work everywhere, the results of commands, and the
// screens' intents, each kind handed to its own function. It reports false
// for the rest.
func (m *Model) handle(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.s.SetSize(msg, 6, m.screens())
		m.s.bar.update(m.s)
		return nil, true
	case tea.KeyPressMsg:
		if cmd := m.s.GlobalKey(msg); cmd != nil {
			return cmd, true
		}
		return nil, m.busy
	case openedMsg, openFailedMsg, kit.SavedMsg, exportedMsg, draftedMsg:
		return m.commandDone(msg), true
	case newMsg, resumeMsg, candidateMsg, targetsMsg:
		return m.begin(msg), true
	case answerMsg, nextMsg, prevMsg, gotoMsg, editMsg, showReviewMsg:
		return m.move(msg), true
	case openNoteMsg, noteMsg, openJumpMsg, cancelMsg:
		return m.overlay(msg), true
	case finishMsg, exportMsg, openPostingMsg, postingMsg:
		return m.end(msg), true
	}
	return nil, false
}

// commandDone takes in what a command did: an assessment opened or not, a
// save, an export, a posting drafted.
func (m *Model) commandDone(msg tea.Msg) tea.Cmd {
	s := m.s
	switch msg := msg.(type) {
	case openedMsg:
		m.busy = false
		m.f.done(msg)
		m.opened()
	case openFailedMsg:
		return m.openFailed(m.f.done(msg))
	case kit.SavedMsg:
		m.f.done(msg) // a failure shows on the status line
	case exportedMsg:
		if msg.err != nil {
			s.Notice, s.Done = "The report could not be written: "+kit.CleanLine(msg.err.Error()), ""
		} else {
			s.Notice, s.Done = "", "Report written to "+kit.CleanPath(tildePath(msg.path))
		}
	case draftedMsg:
		return m.addPosting(msg)
	}
	return nil
}

// openFailed says why an assessment could not be created or opened, on the
// screen that asked; with no such screen (the flags named everything), the
// program ends with the error.
func (m *Model) openFailed(err error) tea.Cmd {
	m.busy = false
	if m.start != nil && m.active == m.start {
		m.start.err = err
		return nil
	}
	if m.targets != nil && m.active == m.targets {
		m.targets.err = "Could not start the assessment: " + kit.CleanLine(err.Error())
		return nil
	}
	m.err = err
	return tea.Quit
}

// begin handles the start screen's, the form's and the company picker's
// intents: a new assessment or one taken up again, the candidate, the
// companies.
func (m *Model) begin(msg tea.Msg) tea.Cmd {
	s := m.s
	switch msg := msg.(type) {
	case newMsg:
		// The form keeps what was typed before esc went back to the
		// start screen: going back is not discarding.
		if m.form == nil {
			m.form = newCandidateScreen(s, m.opts.Name, true)
		}
		m.active = m.form
		return m.form.focus()
	case resumeMsg:
		m.busy = true
		return m.f.resume(msg.entry.Path)
	case candidateMsg:
		if !m.f.setPerson(msg.person) {
			return m.create(nil)
		}
		if m.targets == nil {
			m.targets = newTargetsScreen(s)
		}
		m.targets.err = ""
		m.active = m.targets
	case targetsMsg:
		return m.create(msg.companies)
	}
	return nil
}

// move handles answering and moving among the questions and the review of
// answers.
func (m *Model) move(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case answerMsg:
		return m.answer(msg.level)
	case nextMsg:
		m.f.next()
		m.show()
	case prevMsg:
		if m.f.prev() {
			m.show()
		}
	case gotoMsg:
		m.back = nil
		m.f.choose(msg.index)
		m.show()
	case editMsg:
		m.f.choose(msg.index)
		m.show()
	case showReviewMsg:
		m.showReview(0)
	}
	return nil
}

// answer keeps a confirmed answer, saves, and moves on.
func (m *Model) answer(level int) tea.Cmd {
	s := m.s
	cmd := m.f.answer(level)
	s.answered = m.f.answered
	s.Notice, s.Done = "", ""
	s.bar.update(s)
	m.show()
	return cmd
}

// overlay handles the note and the jump list, shown over the screen they
// return to, and leaving a form or an overlay unchanged.
func (m *Model) overlay(msg tea.Msg) tea.Cmd {
	s := m.s
	switch msg := msg.(type) {
	case openNoteMsg:
		n := newNoteScreen(s, m.question.index)
		m.back, m.active = m.question, n
		return n.focus()
	case noteMsg:
		cmd := m.f.setNote(msg.note, msg.evidence)
		m.active, m.back = m.question, nil
		m.question.refresh()
		return cmd
	case openJumpMsg:
		j := newJumpScreen(s, m.question.index)
		m.back, m.active = m.active, j
		return j.focus()
	case cancelMsg:
		return m.cancel()
	}
	return nil
}

// cancel leaves an overlay for the screen under it, the company picker for
// the form, or the form for the start screen when it has something to
// offer.
func (m *Model) cancel() tea.Cmd {
	switch {
	case m.back != nil:
		m.active, m.back = m.back, nil
		m.resizeActive()
	case m.active == m.targets && m.form != nil:
		m.active = m.form
		return m.form.focus()
	case m.active == m.form && m.start != nil && (len(m.start.entries) > 0 || len(m.start.others) > 0):
		m.active = m.start
	}
	return nil
}

// end handles finishing and what the results offer: the Markdown report
// and a job posting to be scored against.
func (m *Model) end(msg tea.Msg) tea.Cmd {
	s := m.s
	switch msg := msg.(type) {
	case finishMsg:
		cmd := m.f.finish()
		m.results = newResultsScreen(s)
		m.active = m.results
		return cmd
	case exportMsg:
		return m.export()
	case openPostingMsg:
		s.Notice, s.Done = "", ""
		ps := newPostingScreen(s)
		m.back, m.active = m.results, ps
		return ps.focus()
	case postingMsg:
		r, text := s.Rubric, msg.text
		return func() tea.Msg {
			c, err := posting.NewDrafter(r).Draft(text, posting.Options{})
			return draftedMsg{text: text, company: c, err: err}
		}
	}
	return nil
}

// screens lists the screens built so far, the one on display last.
func (m *Model) screens() []kit.Screen {
	var out []kit.Screen
	add := func(sc kit.Screen, built bool) {
		if built && sc != m.active {
			out = append(out, sc)
		}
	}
	add(m.start, m.start != nil)
	add(m.form, m.form != nil)
	add(m.targets, m.targets != nil)
	add(m.question, m.question != nil)
	add(m.review, m.review != nil)
	add(m.results, m.results != nil)
	if m.active != nil {
		out = append(out, m.active)
	}
	return out
}

// resizeActive lays the screen on display out again, after the status line
// appeared or went.
func (m *Model) resizeActive() {
	if m.active != nil {
		m.active.Resize()
	}
}

// showReview shows the review of the answers, the cursor on skill i.
func (m *Model) showReview(i int) {
	m.f.review(i)
	m.show()
}

// addPosting keeps a drafted posting in the assessment (its company among
// the targets), saves, and shows the results with it; a posting that could
// not be drafted or kept leaves the text on its screen with the reason.
func (m *Model) addPosting(msg draftedMsg) tea.Cmd {
	s := m.s
	ps, _ := m.active.(*postingScreen)
	err := msg.err
	if errors.Is(err, posting.ErrNoSkills) {
		// Said to the candidate, who cannot change the rubric.
		err = errors.New("this text names none of the rubric's skills, so there is nothing to score you against; check that it is the posting's text (what the job asks for)")
	}
	for _, p := range s.a.Postings {
		if err == nil && p.Text == safetext.Clean(msg.text) {
			// The same posting again: nothing to add twice.
			s.Notice, s.Done = "", "That posting is already in your assessment: "+kit.CleanLine(p.Company.Name)+"."
			m.back = nil
			m.active = m.results
			return nil
		}
	}
	if err == nil {
		c := msg.company
		c.ID = s.a.PostingID(s.Rubric, c.ID)
		err = s.a.AddPosting(s.Rubric, assessments.Posting{ID: c.ID, Text: msg.text, Company: c.Entry()}, s.Now())
		if err == nil {
			if _, err = s.a.Encode(); err != nil {
				// Too much to keep in the file: take it out again.
				s.a.RemovePosting(c.ID, s.Now())
			}
		}
	}
	if err != nil {
		if ps != nil {
			ps.fail(err)
		}
		return nil
	}
	s.Notice, s.Done = "", "Posting added: "+kit.CleanLine(msg.company.Name)+", drafted from its text; each requirement quotes its sentence."
	m.back = nil
	m.results.Resize()
	m.active = m.results
	return m.f.persist()
}

// export writes the Markdown report beside the saved file.
func (m *Model) export() tea.Cmd {
	if m.results == nil || m.results.card == nil || m.f.save.Path() == "" {
		return nil
	}
	if h := m.opts.Host; h != nil && h.Export != "" {
		// The file would be on the server, out of the candidate's reach.
		m.s.Notice, m.s.Done = "", "Your report, in Markdown: "+h.Export
		return nil
	}
	var buf bytes.Buffer
	if err := m.results.card.Markdown(&buf); err != nil {
		return func() tea.Msg { return exportedMsg{err: err} }
	}
	path := ReportPath(m.f.save.Path())
	data := buf.Bytes()
	return func() tea.Msg { return exportedMsg{path: path, err: assessments.WriteFile(path, data)} }
}

// tildePath shortens a path in the home folder to ~/...
func tildePath(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || !strings.HasPrefix(p, home+string(filepath.Separator)) {
		return p
	}
	return "~" + p[len(home):]
}

// errServedLocked is what a served candidate reads of an assessment open
// in another of their sessions.
var errServedLocked = errors.New("this assessment is open in another session (another window or connection); close it there first, then choose it again")

// ReportPath is where the Markdown report of an assessment file goes:
// beside it, with the same name and .md.
func ReportPath(assessment string) string {
	return strings.TrimSuffix(assessment, filepath.Ext(assessment)) + ".md"
}

// View draws the screen on display.
func (m *Model) View() tea.View {
	content := ""
	if m.active != nil {
		content = m.active.View()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "readycheck"
	return v
}

// Close saves the assessment if its newest state is not on disk yet (the
// program may end before a save command ran), then releases its lock.
// A note being typed is kept first, and so is a posting pasted but not
// read yet: quitting (ctrl+c, a closed terminal, SIGTERM) loses no typed
// words.
func (m *Model) Close() error {
	if n, ok := m.active.(*noteScreen); ok && m.s.a != nil && n.changed() {
		m.handle(n.saveIntent()) // its save command is the write below
	}
	if ps, ok := m.active.(*postingScreen); ok && m.s.a != nil {
		if text := ps.area.Value(); strings.TrimSpace(text) != "" {
			c, err := posting.NewDrafter(m.s.Rubric).Draft(text, posting.Options{})
			m.addPosting(draftedMsg{text: text, company: c, err: err})
		}
	}
	return m.f.close()
}
