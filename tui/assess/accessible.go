package assess

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
	"github.com/readycheck/readycheck/tui/kit"
)

// ErrNoInput ends an accessible session whose input ended before an
// assessment was started: nothing was done, and the exit status says so.
var ErrNoInput = errors.New("the input ended before an assessment was started; nothing was saved")

// ErrNothingAnswered ends an accessible session from a script that would
// finish an assessment without a single answer: an empty result, never
// reported as a success.
var ErrNothingAnswered = errors.New("the input answered no skill; the assessment was not finished, and nothing was saved")

// Length limits of what is typed, the same as the full-screen fields'.
const (
	limitName  = assessments.MaxName
	limitEmail = assessments.MaxEmail
	limitNote  = assessments.MaxNote
	limitLinks = assessments.MaxEvidence
)

// RunAccessible runs the walk-through as plain line prompts for screen
// readers and scripts, like huh's accessible mode: no full-screen redraws
// and no escape sequences; one question at a time on out, one answer per
// line from in. It creates, resumes and saves the same files as Run, with
// the same calls and checks, and ends on the same results. When the input
// ends after the last question, the results are shown as if f had been
// typed; when it ends before (or the candidate types q), what was answered
// is saved and the session ends without an error. Input that is not a
// terminal never loops: a review answer that changes nothing finishes,
// and answers that keep changing nothing end the session (ErrInputLoops).
func RunAccessible(opts Options, in io.Reader, out io.Writer) (Outcome, error) {
	p := &prompter{Prompter: kit.NewPrompter(opts.Rubric, in, out), opts: opts, r: opts.Rubric, now: opts.Now}
	if p.now == nil {
		p.now = time.Now
	}
	err := p.run()
	var done Outcome
	if p.o != nil {
		cerr := p.save.Close(p.o.Assessment, true)
		if cerr != nil {
			return Outcome{}, cerr
		}
		if p.save.Written() {
			done = outcome(p.o.Path(), p.o.Assessment, p.r)
		}
	}
	switch {
	case errors.Is(err, kit.ErrEnd) && p.o == nil:
		p.Say("\n")
		return done, ErrNoInput
	case errors.Is(err, kit.ErrStop) && p.o == nil:
		p.Say("\nStopped: no assessment was started.\n")
		return done, nil
	case errors.Is(err, kit.ErrStop), errors.Is(err, kit.ErrEnd):
		if done.Path != "" {
			p.Say("\nStopped. Your answers so far are saved.\n")
		} else if p.o != nil {
			p.Say("\nStopped before the first answer: nothing was saved.\n")
		}
		return done, nil
	case errors.Is(err, kit.ErrInputLoops):
		if done.Path != "" {
			p.Say("\nStopped: %s. Your answers so far are saved.\n", kit.ErrInputLoops)
		}
	}
	return done, err
}

// prompter asks the questions of one accessible walk-through.
type prompter struct {
	*kit.Prompter
	opts Options
	r    *rubric.Rubric
	now  func() time.Time
	// furthest is the furthest question reached.
	furthest int

	o    *assessments.Opened
	save kit.Autosave
}

// saved writes the assessment at once. A failure is said, and the next
// change (or the end) tries again: the answers stay in memory meanwhile.
func (p *prompter) saved() {
	if err := p.save.SaveNow(p.o.Assessment); err != nil {
		p.Say("Not saved: %s. Your answers are kept; the next answer tries again.\n", kit.CleanLine(err.Error()))
	}
}

func (p *prompter) run() error {
	r := p.r
	p.Say("readycheck: %s (%s).\n", kit.CleanLine(r.Title), termtext.Plural(len(r.Skills()), "skill", "skills"))
	if err := p.begin(); err != nil {
		return err
	}
	p.Say("\nYour answers are saved in %s after each one.\n", kit.CleanPath(p.o.Path()))
	p.Say("Answer with a level's number or label. Enter keeps your answer (or skips); b goes back, s skips, n adds a note, e adds evidence links, q stops.\n")
	i := assessments.ResumeIndex(p.o.Assessment, r)
	if err := p.questions(i, len(r.Skills())); err != nil {
		return err
	}
	return p.review()
}

// begin opens the assessment: the one given to resume, a new one from the
// flags, or one chosen here.
func (p *prompter) begin() error {
	r, opts := p.r, p.opts
	switch {
	case opts.Resume != nil:
		p.open(opts.Resume)
		if p.o.Notice != "" {
			p.Say("%s\n", p.o.Notice)
		}
		return nil
	case opts.Name != "" && len(opts.Companies) > 0:
		return p.create(assessments.Person{Name: kit.CleanInput(opts.Name)}, opts.Companies)
	}
	entries, others := resumable(opts.Store, r)
	if len(others) > 0 {
		p.Say("\nUnfinished, taken against other rubrics (open one with its command):\n")
		for _, e := range others {
			about, command := otherRubric(e)
			p.Say("  %s\n    %s\n", about, command)
		}
	}
	// From input that is not a terminal, --name decides: a new assessment.
	if len(entries) > 0 && (p.Interactive() || opts.Name == "") {
		p.Say("\nUnfinished assessments:\n")
		for i, e := range entries {
			p.Say("  %d) %s, %d of %d answered, changed %s\n", i+1, kit.CleanLine(e.Assessment.Candidate.Name),
				answeredOf(e.Assessment, r), len(r.Skills()), ago(p.now(), e.Assessment.Updated))
		}
		for {
			line, err := p.Ask("Resume which one (its number), press Enter to start a new one, or q to stop: ")
			if err != nil {
				return err
			}
			if line == "" {
				break
			}
			if strings.EqualFold(line, "q") {
				return kit.ErrStop
			}
			if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(entries) {
				o, err := assessments.Open(entries[n-1].Path, r)
				if err != nil {
					p.Say("%s\n", kit.CleanLine(err.Error()))
					continue
				}
				p.open(o)
				if o.Notice != "" {
					p.Say("%s\n", o.Notice)
				}
				return nil
			}
			p.Say("Type a number from 1 to %d, or press Enter.\n", len(entries))
		}
	}
	// The same checks as the form's, in the same words.
	person := assessments.Person{Name: kit.CleanInput(opts.Name)}
	for person.Name == "" {
		line, err := p.AskLimit("Your name: ", limitName)
		if err != nil {
			return err
		}
		if person.Name = kit.CleanInput(line); person.Name == "" {
			p.Say("%s\n", nameNeeded)
		}
	}
	p.Progress()
	for {
		line, err := p.AskLimit("Email (optional, Enter to skip): ", limitEmail)
		if err != nil {
			return err
		}
		person.Email = kit.CleanInput(line)
		if _, problem := checkPerson(person); problem != "" {
			p.Say("%s\n", problem)
			continue
		}
		break
	}
	p.Progress()
	companies := opts.Companies
	var err error
	if len(companies) == 0 {
		if companies, err = p.targets(); err != nil {
			return err
		}
	}
	return p.create(person, companies)
}

// targets asks which companies the candidate aims at; Enter means all.
func (p *prompter) targets() ([]string, error) {
	r := p.r
	p.Say("\nCompanies:\n")
	for i, c := range r.Companies {
		role := ""
		if c.Role != "" {
			role = " — " + kit.CleanLine(c.Role)
		}
		p.Say("  %d) %s%s\n", i+1, kit.CleanLine(c.Name), role)
	}
	for {
		line, err := p.Ask("Which are you aiming at? Their numbers separated by spaces, or Enter for all: ")
		if err != nil {
			return nil, err
		}
		if ids, ok := pickCompanies(line, r); ok {
			return ids, nil
		}
		p.Say("Type numbers from 1 to %d separated by spaces, or press Enter for all.\n", len(r.Companies))
	}
}

// pickCompanies reads "1 3" (numbers or ids) as company ids, in rubric
// order; "" means all of them.
func pickCompanies(line string, r *rubric.Rubric) ([]string, bool) {
	fields := strings.FieldsFunc(line, func(c rune) bool { return c == ' ' || c == ',' })
	chosen := make([]bool, len(r.Companies))
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil {
			c, ok := r.Company(strings.ToLower(f))
			if !ok {
				return nil, false
			}
			n = indexOf(r, c.ID) + 1
		}
		if n < 1 || n > len(r.Companies) {
			return nil, false
		}
		chosen[n-1] = true
	}
	var ids []string
	for i, c := range r.Companies {
		if chosen[i] || len(fields) == 0 {
			ids = append(ids, c.ID)
		}
	}
	return ids, true
}

func indexOf(r *rubric.Rubric, id string) int {
	for i, c := range r.Companies {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// open takes an opened assessment for the session to save.
func (p *prompter) open(o *assessments.Opened) {
	p.o = o
	p.save = kit.NewAutosave(o)
}

func (p *prompter) create(candidate assessments.Person, companies []string) error {
	o, err := assessments.Create(p.opts.Store, p.r, candidate, companies, p.now())
	if err != nil {
		return err
	}
	p.open(o)
	return nil
}

// questions asks skills from..to-1 in turn; b goes back within them.
func (p *prompter) questions(from, to int) error {
	for i := from; i < to; {
		next, err := p.question(i)
		if err != nil {
			return err
		}
		i = max(next, from)
		if next < from {
			p.Say("That was the first one.\n")
		}
		if next > p.furthest {
			p.furthest = next
			p.Progress()
		}
	}
	return nil
}

// question asks skill i until it gets an answer, a skip or a move, and
// returns the index to ask next.
func (p *prompter) question(i int) (int, error) {
	a := p.o.Assessment
	skills := p.r.Skills()
	sk := skills[i]
	p.Say("\n%s, skill %d of %d: %s\n", kit.CleanLine(sk.Category.Title), i+1, len(skills), kit.CleanLine(sk.Title))
	p.Say("%s\n", kit.CleanLine(sk.Question))
	if sk.Help != "" {
		p.Say("%s\n", kit.CleanLine(sk.Help))
	}
	p.SayLevels(sk)
	keys := fmt.Sprintf("Type a level's number (0 to %d) or its label. Enter keeps your answer (or skips); b goes back, s skips, n adds a note, e adds evidence links, q stops.", sk.Scale.Top())
	for {
		ans := a.Answers[sk.ID]
		current := rubric.Unanswered
		if ans.Answered() {
			current = ans.Level
		}
		line, next, err := p.AskSkill("Level", sk, i, current, keys)
		if err != nil || next != i {
			return next, err
		}
		switch strings.ToLower(line) {
		case "n":
			note, err := p.AskLimit("Note, on one line (Enter removes it): ", limitNote)
			if err != nil {
				return 0, err
			}
			var evidence []string
			old := ""
			if ans != nil {
				evidence, old = ans.Evidence, ans.Note
			}
			if kit.CleanNote(note) != old {
				p.Progress()
			}
			a.SetNote(sk.ID, kit.CleanNote(note), evidence, p.now())
			p.saved()
			p.Say("Note saved.\n")
			continue
		case "e":
			links, err := p.AskLimit("Evidence links, separated by commas or spaces (Enter removes them): ", limitLinks)
			if err != nil {
				return 0, err
			}
			note := ""
			if ans != nil {
				note = ans.Note
				if strings.Join(ans.Evidence, " ") != strings.Join(kit.SplitEvidence(links), " ") {
					p.Progress()
				}
			} else if len(kit.SplitEvidence(links)) > 0 {
				p.Progress()
			}
			a.SetNote(sk.ID, note, kit.SplitEvidence(links), p.now())
			p.saved()
			p.Say("Evidence links saved.\n")
			continue
		}
		lvl, ok := kit.ParseLevel(sk, line)
		if !ok {
			labels := make([]string, len(sk.Scale.Levels))
			for j, l := range sk.Scale.Levels {
				labels[j] = kit.CleanLine(l.Label)
			}
			p.Say("%q is not a level of this skill: type a number from 0 to %d, or one of %s.\n", kit.CleanLine(line), sk.Scale.Top(), strings.Join(labels, ", "))
			continue
		}
		if !ans.Answered() || ans.Level != lvl {
			p.Progress()
		}
		a.SetAnswer(sk.ID, lvl, p.now())
		p.saved()
		return i + 1, nil
	}
}

// review lists the answers, lets the candidate change any, and finishes.
func (p *prompter) review() error {
	r, a := p.r, p.o.Assessment
	skills := r.Skills()
	list := true
	for {
		answered := answeredOf(a, r)
		p.Say("\nReview: %d of %d skills answered.\n", answered, len(skills))
		if list {
			for i, sk := range skills {
				ans := a.Answers[sk.ID]
				text := "not answered, counted as 0"
				if ans.Answered() {
					text = kit.CleanLine(sk.Scale.Label(ans.Level))
				}
				if ans != nil && (ans.Note != "" || len(ans.Evidence) > 0) {
					text += ", with a note"
				}
				p.Say("  %d. %s: %s\n", i+1, kit.CleanLine(sk.Title), text)
			}
			list = false
		}
		line, err := p.Ask("Type f to finish and see your results, a skill's number to change it, l to list the answers again, or q to stop: ")
		if errors.Is(err, kit.ErrEnd) {
			// The input ended after the last question: the results, as f.
			return p.finish()
		}
		if err != nil {
			return err
		}
		n, numErr := strconv.Atoi(line)
		isNumber := numErr == nil && n >= 1 && n <= len(skills)
		switch strings.ToLower(line) {
		case "f":
			return p.finish()
		case "q":
			return kit.ErrStop
		case "l":
			if p.Interactive() {
				list = true
				continue
			}
		}
		if !isNumber {
			if !p.Interactive() {
				// A script's answer that is none of these finishes:
				// piped input never loops here.
				return p.finish()
			}
			p.Say("Type f, l, q, or a skill's number from 1 to %d.\n", len(skills))
			continue
		}
		before := fmt.Sprint(a.Answers[skills[n-1].ID])
		if _, err := p.question(n - 1); errors.Is(err, kit.ErrEnd) {
			return p.finish()
		} else if err != nil {
			return err
		}
		if !p.Interactive() && fmt.Sprint(a.Answers[skills[n-1].ID]) == before {
			// The same answer it already had: a script repeating itself.
			return p.finish()
		}
	}
}

// finish marks the assessment complete, saves it and prints the results
// as `readycheck score` prints them.
func (p *prompter) finish() error {
	a := p.o.Assessment
	if !p.Interactive() && answeredOf(a, p.r) == 0 {
		return ErrNothingAnswered
	}
	a.Status = assessments.Complete
	a.Updated = p.now().UTC().Truncate(time.Second)
	p.saved()
	r, err := a.WithPostings(p.r)
	if err != nil {
		return err
	}
	card, err := scorecard.New(a, r, nil)
	if err != nil {
		return err
	}
	p.Say("\n")
	if err := card.Text(p.Writer(), scorecard.DefaultWidth, false); err != nil {
		return err
	}
	p.Say("\n")
	return nil
}
