package assess

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

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

// RunAccessible runs the walk-through as plain line prompts for screen
// readers and scripts, like huh's accessible mode: no full-screen redraws
// and no escape sequences; one question at a time on out, one answer per
// line from in. It is the other face of Run's flow: it creates, resumes,
// moves and saves as Run does, and ends on the same results. When the input
// ends after the last question, the results are shown as if f had been
// typed; when it ends before (or the candidate types q), what was answered
// is saved and the session ends without an error. Input that is not a
// terminal never loops: a review answer that changes nothing finishes,
// and answers that keep changing nothing end the session (ErrInputLoops).
func RunAccessible(opts Options, in io.Reader, out io.Writer) (Outcome, error) {
	p := &prompter{Prompter: kit.NewPrompter(opts.Rubric, in, out), opts: opts, r: opts.Rubric, f: newFlow(opts)}
	err := p.run()
	started := p.f.o != nil
	if cerr := p.f.close(); cerr != nil {
		return Outcome{}, cerr
	}
	done := p.f.outcome()
	switch {
	case errors.Is(err, kit.ErrEnd) && !started:
		p.Say("\n")
		return done, ErrNoInput
	case errors.Is(err, kit.ErrStop) && !started:
		p.Say("\nStopped: no assessment was started.\n")
		return done, nil
	case errors.Is(err, kit.ErrStop), errors.Is(err, kit.ErrEnd):
		if done.Path != "" {
			p.Say("\nStopped. Your answers so far are saved.\n")
		} else if started {
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

// prompter asks the questions of one accessible walk-through, and drives
// its flow with the answers.
type prompter struct {
	*kit.Prompter
	opts Options
	r    *rubric.Rubric
	f    *flow
	// furthest is the furthest question reached, the review counting as
	// one past the last, for the loop guard.
	furthest int
}

// wait runs a flow's command (creating, opening, saving) at once, since
// the prompts wait for nothing else, and hands the flow what it brought.
func (p *prompter) wait(cmd tea.Cmd) error {
	if cmd == nil {
		return nil
	}
	return p.f.done(cmd())
}

// saved writes a change at once. A failure is said, and the next change
// (or the end) tries again: the answers stay in memory meanwhile.
func (p *prompter) saved(cmd tea.Cmd) {
	if err := p.wait(cmd); err != nil {
		p.Say("Not saved: %s. Your answers are kept; the next answer tries again.\n", kit.CleanLine(err.Error()))
	}
}

func (p *prompter) run() error {
	r := p.r
	p.Say("readycheck: %s (%s).\n", kit.CleanLine(r.Title), termtext.Plural(len(r.Skills()), "skill", "skills"))
	if err := p.begin(); err != nil {
		return err
	}
	if p.f.o.Notice != "" {
		p.Say("%s\n", p.f.o.Notice)
	}
	p.Say("\nYour answers are saved in %s after each one.\n", kit.CleanPath(p.f.o.Path()))
	p.Say("Answer with a level's number or label. Enter keeps your answer (or skips); b goes back, s skips, n adds a note, e adds evidence links, q stops.\n")
	for !p.f.inReview {
		if err := p.question(); err != nil {
			return err
		}
		reached := p.f.index
		if p.f.inReview {
			reached = len(r.Skills())
		}
		if reached > p.furthest {
			p.furthest = reached
			p.Progress()
		}
	}
	return p.review()
}

// begin opens the assessment: the one given to resume, a new one from the
// flags, or one chosen here.
func (p *prompter) begin() error {
	r, opts, f := p.r, p.opts, p.f
	switch {
	case opts.Resume != nil:
		f.open(opts.Resume)
		return nil
	case f.named:
		return p.wait(f.create(nil))
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
				answeredOf(e.Assessment, r), len(r.Skills()), ago(f.now(), e.Assessment.Updated))
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
				if err := p.wait(f.resume(entries[n-1].Path)); err != nil {
					p.Say("%s\n", kit.CleanLine(err.Error()))
					continue
				}
				return nil
			}
			p.Say("Type a number from 1 to %d, or press Enter.\n", len(entries))
		}
	}
	// The same checks as the form's, in the same words.
	person := f.person // the flags' name, if any
	for person.Name == "" {
		line, err := p.AskLimit("Your name: ", assessments.MaxName)
		if err != nil {
			return err
		}
		if person.Name = kit.CleanInput(line); person.Name == "" {
			p.Say("%s\n", nameNeeded)
		}
	}
	p.Progress()
	for {
		line, err := p.AskLimit("Email (optional, Enter to skip): ", assessments.MaxEmail)
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
	var companies []string
	if f.setPerson(person) {
		var err error
		if companies, err = p.targets(); err != nil {
			return err
		}
	}
	return p.wait(f.create(companies))
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

// question asks the skill the flow is at until it gets an answer, a skip
// or a move, and moves the flow.
func (p *prompter) question() error {
	f, a := p.f, p.f.o.Assessment
	skills := p.r.Skills()
	i := f.index
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
		switch {
		case err != nil:
			return err
		case next > i:
			f.next()
			return nil
		case next < i:
			if !f.prev() {
				p.Say("That was the first one.\n")
			}
			return nil
		}
		switch strings.ToLower(line) {
		case "n":
			note, err := p.AskLimit("Note, on one line (Enter removes it): ", assessments.MaxNote)
			if err != nil {
				return err
			}
			var evidence []string
			old := ""
			if ans != nil {
				evidence, old = ans.Evidence, ans.Note
			}
			if kit.CleanNote(note) != old {
				p.Progress()
			}
			p.saved(f.setNote(kit.CleanNote(note), evidence))
			p.Say("Note saved.\n")
			continue
		case "e":
			links, err := p.AskLimit("Evidence links, separated by commas or spaces (Enter removes them): ", assessments.MaxEvidence)
			if err != nil {
				return err
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
			p.saved(f.setNote(note, kit.SplitEvidence(links)))
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
		p.saved(f.answer(lvl))
		return nil
	}
}

// review lists the answers, lets the candidate change any, and finishes.
func (p *prompter) review() error {
	r, a := p.r, p.f.o.Assessment
	skills := r.Skills()
	list := true
	for {
		p.Say("\nReview: %d of %d skills answered.\n", p.f.answered, len(skills))
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
		p.f.choose(n - 1)
		if err := p.question(); errors.Is(err, kit.ErrEnd) {
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
	if !p.Interactive() && p.f.answered == 0 {
		return ErrNothingAnswered
	}
	p.saved(p.f.finish())
	a := p.f.o.Assessment
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
