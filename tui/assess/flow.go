package assess

import (
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/tui/kit"
)

// flow is the walk-through without a screen: who the candidate is, the
// assessment created or resumed, which skill is asked, the answers and
// notes, finishing, and when each change is saved. The full-screen Model
// and the accessible prompts are two faces of one flow, so that they
// cannot drift apart.
//
// The flow never waits for the disk: creating, opening and saving come
// back as commands, which the Model returns from Update and the prompts
// run at once (wait); what a command brings goes back to done.
type flow struct {
	r     *rubric.Rubric
	store *assessments.Store
	now   func() time.Time
	// named is true when the flags named both the candidate and the
	// companies: the assessment is created without a question.
	named bool
	// companies are the flags' targets; nil when the candidate picks them.
	companies []string
	// person is the candidate: the flags' name until the details are
	// typed.
	person assessments.Person
	// served is true for a walk-through served over SSH, whose candidate
	// cannot use the server's paths and process numbers.
	served bool

	// o is the assessment open, nil before one is; save writes it.
	o    *assessments.Opened
	save kit.Autosave
	// answered counts the rubric's skills answered, kept up to date so
	// that drawing never counts.
	answered int

	// index is the skill asked, or in the review the one it starts at.
	index int
	// inReview is true while the review of the answers is shown.
	inReview bool
	// fromReview is true when the skill asked was chosen in the review:
	// every move from it goes back there.
	fromReview bool
}

// newFlow is the flow of one walk-through, nothing open yet.
func newFlow(opts Options) *flow {
	f := &flow{
		r: opts.Rubric, store: opts.Store, now: opts.Now,
		named:     opts.Name != "" && len(opts.Companies) > 0,
		served:    opts.Host != nil,
		companies: opts.Companies,
		person:    assessments.Person{Name: kit.CleanInput(opts.Name)},
	}
	if f.now == nil {
		f.now = time.Now
	}
	return f
}

// The candidate's details, checked the same way on the form and at the
// prompts, in the same words.
const (
	nameNeeded   = "Your name is needed: it names the saved file and the report."
	emailNeedsAt = "That email has no @; fix it, or leave it empty."
)

// checkPerson says what is wrong with a candidate's details and in which
// field (0 the name, 1 the email), "" when nothing: the name names the
// saved file, and an email without an @ is a typing slip.
func checkPerson(p assessments.Person) (field int, problem string) {
	switch {
	case p.Name == "":
		return 0, nameNeeded
	case p.Email != "" && !strings.Contains(p.Email, "@"):
		return 1, emailNeedsAt
	}
	return 0, ""
}

// setPerson keeps the candidate's details (checked) and reports whether
// the companies are still to be picked: the flags named none.
func (f *flow) setPerson(p assessments.Person) (pick bool) {
	f.person = p
	return len(f.companies) == 0
}

// create is the command that starts a new assessment for the candidate,
// aiming at the flags' companies or else at those picked: it chooses the
// file's name and takes its lock (the file is written at the first answer
// or note), and brings an openedMsg or an openFailedMsg.
func (f *flow) create(picked []string) tea.Cmd {
	companies := f.companies
	if len(companies) == 0 {
		companies = picked
	}
	store, r, p, now := f.store, f.r, f.person, f.now()
	return func() tea.Msg {
		return openResult(assessments.Create(store, r, p, companies, now))
	}
}

// resume is the command that opens a saved assessment again, under its
// lock, bringing an openedMsg or an openFailedMsg.
func (f *flow) resume(path string) tea.Cmd {
	r := f.r
	return func() tea.Msg { return openResult(assessments.Open(path, r)) }
}

func openResult(o *assessments.Opened, err error) tea.Msg {
	if err != nil {
		return openFailedMsg{err}
	}
	return openedMsg{o}
}

// open takes up an opened assessment where it was left: at the first
// unanswered skill after the last one answered, or in the review when
// every skill is.
func (f *flow) open(o *assessments.Opened) {
	f.o = o
	f.save = kit.NewAutosave(o)
	f.answered = answeredOf(o.Assessment, f.r)
	f.index, f.fromReview = assessments.ResumeIndex(o.Assessment, f.r), false
	f.inReview = f.index >= len(f.r.Skills())
	if f.inReview {
		f.index = 0
	}
}

// done takes in what a flow's command brought: an assessment opened, or
// a save. The error is a failure to open or to save; a failed save is
// kept, and tried again by the next change or on close.
func (f *flow) done(msg tea.Msg) error {
	switch msg := msg.(type) {
	case openedMsg:
		f.open(msg.opened)
	case openFailedMsg:
		if f.served && errors.Is(msg.err, assessments.ErrLocked) {
			return errServedLocked
		}
		return msg.err
	case kit.SavedMsg:
		f.save.Done(msg)
		return msg.Err
	}
	return nil
}

// next moves on from the skill asked: to the next one, or to the review
// after the last one or when the skill was chosen there.
func (f *flow) next() {
	if f.fromReview || f.index+1 >= len(f.r.Skills()) {
		f.inReview = true
		return
	}
	f.index++
}

// prev goes back: from the review to the last skill, from a skill chosen
// in the review to the review, else to the skill before. It reports false
// on the first skill, where there is nothing to go back to.
func (f *flow) prev() bool {
	switch {
	case f.inReview:
		f.index, f.inReview, f.fromReview = len(f.r.Skills())-1, false, false
	case f.fromReview:
		f.inReview = true
	case f.index > 0:
		f.index--
	default:
		return false
	}
	return true
}

// choose asks skill i, chosen in the review (each move from it then goes
// back there) or from the list of skills.
func (f *flow) choose(i int) {
	f.index, f.fromReview, f.inReview = i, f.inReview, false
}

// review shows the review of the answers, starting at skill i.
func (f *flow) review(i int) {
	f.index, f.inReview, f.fromReview = i, true, false
}

// answer records level as the answer to the skill asked, saves, and
// moves on: a confirmed answer is never lost.
func (f *flow) answer(level int) tea.Cmd {
	a, sk := f.o.Assessment, f.r.Skills()[f.index]
	if !a.Answers[sk.ID].Answered() {
		f.answered++
	}
	a.SetAnswer(sk.ID, level, f.now())
	cmd := f.persist()
	f.next()
	return cmd
}

// setNote records the note and evidence links of the skill asked, keeping
// its answer, and saves; the skill stays asked.
func (f *flow) setNote(note string, evidence []string) tea.Cmd {
	f.o.Assessment.SetNote(f.r.Skills()[f.index].ID, note, evidence, f.now())
	return f.persist()
}

// finish marks the assessment complete and saves it: the results are
// then those `readycheck score` gives the file.
func (f *flow) finish() tea.Cmd {
	a := f.o.Assessment
	a.Status = assessments.Complete
	a.Updated = f.now().UTC().Truncate(time.Second)
	return f.persist()
}

// persist saves the assessment as it is now, after a change the flow made
// or one made beside it (a job posting added).
func (f *flow) persist() tea.Cmd { return f.save.Save(f.o.Assessment) }

// savedPath is the assessment's file once it holds a version of it: ""
// before one is open, and while a new one has nothing saved yet.
func (f *flow) savedPath() string {
	if !f.save.Written() {
		return ""
	}
	return f.save.Path()
}

// close writes what is not saved yet and releases the file's lock, so
// that quitting right after an answer never loses it.
func (f *flow) close() error {
	if f.o == nil {
		return nil
	}
	return f.save.Close(f.o.Assessment, true)
}

// outcome is where the walk-through ended, once closed: the file when it
// is saved, whether the assessment is complete, and what it leaves
// unanswered.
func (f *flow) outcome() Outcome {
	path := f.savedPath()
	if path == "" {
		return Outcome{}
	}
	a := f.o.Assessment
	return Outcome{Path: path, Complete: a.Status == assessments.Complete, Unanswered: len(f.r.Skills()) - f.answered}
}
