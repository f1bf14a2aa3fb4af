// Package assess is the candidate's walk-through of a rubric: a
// full-screen Bubble Tea program (Run) that asks one skill at a time,
// saves every confirmed answer at once and ends on their readiness per
// company, and the same walk-through as plain line prompts (RunAccessible)
// for screen readers and scripts.
//
// The parent Model owns the assessment, the saving and the screens; each
// screen (start, candidate, targets, question, note, jump, review, results)
// is a small model that hands the parent a message when the candidate moves
// on, never reaching into another screen.
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
	// Host runs the walk-through on a served session's terminal; nil for
	// the process's.
	Host *kit.Host
}

// Intents: what a screen asks the parent to do.
type (
	newMsg       struct{}                          // start: begin a new assessment
	resumeMsg    struct{ entry assessments.Entry } // start: take one up again
	candidateMsg struct{ person assessments.Person }
	targetsMsg   struct{ companies []string }
	answerMsg    struct{ index, level int } // a confirmed answer
	nextMsg      struct{}                   // move on from the question shown
	prevMsg      struct{}                   // go back: a question, or the review to the last one
	gotoMsg      struct{ index int }        // the jump list chose a skill
	editMsg      struct{ index int }        // the review chose a skill to change
	noteMsg      struct {
		index    int
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

// Model is the walk-through's parent model: it owns the assessment and its
// saving, and routes messages to the screen on display.
type Model struct {
	s    *session
	opts Options

	active kit.Screen
	// back is the screen an overlay (note, jump) returns to.
	back kit.Screen

	start    *startScreen
	form     *candidateScreen
	targets  *targetsScreen
	question *questionScreen
	review   *reviewScreen
	results  *resultsScreen

	save   kit.Autosave
	person assessments.Person

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
	switch {
	case opts.Resume != nil:
		m.open(opts.Resume)
	case opts.Name != "" && len(opts.Companies) > 0:
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
	if m.s.a == nil && m.opts.Name != "" && len(m.opts.Companies) > 0 {
		m.person = assessments.Person{Name: kit.CleanInput(m.opts.Name)}
		return m.create(m.opts.Companies)
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
func (m *Model) SavedPath() string {
	if !m.save.Written() {
		return ""
	}
	return m.save.Path()
}

// create starts a new assessment file, in a command since it writes.
func (m *Model) create(companies []string) tea.Cmd {
	m.busy = true
	store, r, p, now := m.opts.Store, m.s.Rubric, m.person, m.s.Now()
	return func() tea.Msg {
		o, err := assessments.Create(store, r, p, companies, now)
		if err != nil {
			return openFailedMsg{err}
		}
		return openedMsg{o}
	}
}

// open shows an opened assessment where it was left: the first unanswered
// question after the last answered one, or the review when all are.
func (m *Model) open(o *assessments.Opened) {
	s := m.s
	s.a, s.Notice = o.Assessment, o.Notice
	m.save = kit.NewAutosave(o)
	s.Save = &m.save
	s.countAnswered()
	s.bar.update(s)
	m.question = newQuestionScreen(s)
	m.review = newReviewScreen(s)
	if i := assessments.ResumeIndex(s.a, s.Rubric); i < len(s.Rubric.Skills()) {
		m.question.show(i, false)
		m.active = m.question
	} else {
		m.review.show(0)
		m.active = m.review
	}
}

// persist saves the assessment without waiting for the disk.
func (m *Model) persist() tea.Cmd { return m.save.Save(m.s.a) }

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
		m.open(msg.opened)
	case openFailedMsg:
		return m.openFailed(msg.err)
	case kit.SavedMsg:
		m.save.Done(msg)
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
	if m.opts.Host != nil && errors.Is(err, assessments.ErrLocked) {
		// The server's path and process mean nothing to the candidate.
		err = errServedLocked
	}
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
		r, path := s.Rubric, msg.entry.Path
		return func() tea.Msg {
			o, err := assessments.Open(path, r)
			if err != nil {
				return openFailedMsg{err}
			}
			return openedMsg{o}
		}
	case candidateMsg:
		m.person = msg.person
		if len(m.opts.Companies) > 0 {
			return m.create(m.opts.Companies)
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
		return m.answer(msg)
	case nextMsg:
		m.advance()
	case prevMsg:
		m.goBack()
	case gotoMsg:
		fromReview := m.back == m.review
		m.back = nil
		m.question.show(msg.index, fromReview)
		m.active = m.question
	case editMsg:
		m.question.show(msg.index, true)
		m.active = m.question
	case showReviewMsg:
		m.showReview(0)
	}
	return nil
}

// answer keeps a confirmed answer, saves, and moves on.
func (m *Model) answer(msg answerMsg) tea.Cmd {
	s := m.s
	skill := s.Rubric.Skills()[msg.index]
	if !s.a.Answers[skill.ID].Answered() {
		s.answered++
	}
	s.a.SetAnswer(skill.ID, msg.level, s.Now())
	s.Notice, s.Done = "", ""
	s.bar.update(s)
	cmd := m.persist()
	m.advance()
	return cmd
}

// goBack goes back from the question shown: to the one before it, or to
// the review it was opened from; from the review, to the last question.
func (m *Model) goBack() {
	q := m.question
	if m.active == m.review {
		q.show(len(m.s.Rubric.Skills())-1, false)
		m.active = q
		return
	}
	if q.fromReview {
		m.showReview(q.index)
	} else if q.index > 0 {
		q.show(q.index-1, false)
	}
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
		skill := s.Rubric.Skills()[msg.index]
		s.a.SetNote(skill.ID, msg.note, msg.evidence, s.Now())
		m.active, m.back = m.question, nil
		m.question.refresh()
		return m.persist()
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
		s.a.Status = assessments.Complete
		s.a.Updated = s.Now().UTC().Truncate(time.Second)
		cmd := m.persist()
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

// advance moves on from the question shown: to the next one, or to the
// review after the last one or when the question was opened from it.
func (m *Model) advance() {
	q := m.question
	if q.fromReview || q.index+1 >= len(m.s.Rubric.Skills()) {
		m.showReview(q.index)
		return
	}
	q.show(q.index+1, false)
}

func (m *Model) showReview(cursor int) {
	m.review.show(cursor)
	m.active = m.review
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
	return m.persist()
}

// export writes the Markdown report beside the saved file.
func (m *Model) export() tea.Cmd {
	if m.results == nil || m.results.card == nil || m.save.Path() == "" {
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
	path := ReportPath(m.save.Path())
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
	return m.save.Close(m.s.a, true)
}
