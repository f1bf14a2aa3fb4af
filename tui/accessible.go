package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
)

// errStop ends an accessible session early: the input ended, or the
// candidate typed q. Everything answered so far is saved by then.
var errStop = errors.New("stopped")

// RunAccessible runs the walk-through as plain line prompts for screen
// readers and scripts, like huh's accessible mode: no full-screen redraws
// and no escape sequences; one question at a time on out, one answer per
// line from in. It creates, resumes and saves the same files as Run, with
// the same calls, and ends on the same results. When the input ends (or
// the candidate types q), what was answered is saved and the session ends
// without an error.
func RunAccessible(opts Options, in io.Reader, out io.Writer) (Outcome, error) {
	p := &prompter{opts: opts, r: opts.Rubric, out: out, in: bufio.NewScanner(in), now: opts.Now}
	if p.now == nil {
		p.now = time.Now
	}
	p.in.Buffer(make([]byte, 64<<10), 1<<20)
	err := p.run()
	var done Outcome
	if p.o != nil {
		done = Outcome{Path: p.o.Path(), Complete: p.o.Assessment.Status == assessments.Complete}
		if cerr := p.save.close(p.o.Assessment, true); cerr != nil {
			return done, cerr
		}
	}
	if errors.Is(err, errStop) {
		if done.Path != "" {
			p.say("\nStopped. Your answers so far are saved.\n")
		}
		return done, nil
	}
	return done, err
}

// prompter asks the questions of one accessible session.
type prompter struct {
	opts Options
	r    *rubric.Rubric
	in   *bufio.Scanner
	out  io.Writer
	now  func() time.Time

	o    *Opened
	save autosave
}

func (p *prompter) say(format string, a ...any) { fmt.Fprintf(p.out, format, a...) }

// ask prints a prompt and reads one line, trimmed.
func (p *prompter) ask(prompt string) (string, error) {
	p.say("%s", prompt)
	if !p.in.Scan() {
		if err := p.in.Err(); err != nil {
			return "", err
		}
		p.say("\n")
		return "", errStop
	}
	return strings.TrimSpace(p.in.Text()), nil
}

// saved writes the assessment at once. A failure is said, and the next
// change (or the end) tries again: the answers stay in memory meanwhile.
func (p *prompter) saved() {
	if err := p.save.saveNow(p.o.Assessment); err != nil {
		p.say("Not saved: %s. Your answers are kept; the next answer tries again.\n", cleanLine(err.Error()))
	}
}

func (p *prompter) run() error {
	r := p.r
	p.say("readycheck: %s (%s).\n", cleanLine(r.Title), plural(len(r.Skills()), "skill"))
	if err := p.begin(); err != nil {
		return err
	}
	p.say("\nYour answers are saved in %s after each one.\n", cleanPath(p.o.Path()))
	p.say("Answer with a level's number or label. Enter keeps your answer (or skips); b goes back, s skips, n adds a note, e adds evidence links, q stops.\n")
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
			p.say("%s\n", p.o.Notice)
		}
		return nil
	case opts.Name != "" && len(opts.Companies) > 0:
		return p.create(assessments.Person{Name: cleanInput(opts.Name)}, opts.Companies)
	}
	entries, _ := resumable(opts.Store, r)
	if len(entries) > 0 {
		p.say("\nUnfinished assessments:\n")
		for i, e := range entries {
			p.say("  %d) %s, %d of %d answered, changed %s\n", i+1, cleanLine(e.Assessment.Candidate.Name),
				answeredOf(e.Assessment, r), len(r.Skills()), ago(p.now(), e.Assessment.Updated))
		}
		for {
			line, err := p.ask("Resume which one (its number), or press Enter to start a new one: ")
			if err != nil {
				return err
			}
			if line == "" {
				break
			}
			if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(entries) {
				o, err := Open(entries[n-1].Path, r)
				if err != nil {
					p.say("%s\n", cleanLine(err.Error()))
					continue
				}
				p.open(o)
				if o.Notice != "" {
					p.say("%s\n", o.Notice)
				}
				return nil
			}
			p.say("Type a number from 1 to %d, or press Enter.\n", len(entries))
		}
	}
	name := cleanInput(opts.Name)
	for name == "" {
		line, err := p.ask("Your name: ")
		if err != nil {
			return err
		}
		if name = cleanInput(line); name == "" {
			p.say("Your name is needed: it names the saved file and the report.\n")
		}
	}
	email, err := p.ask("Email (optional, Enter to skip): ")
	if err != nil {
		return err
	}
	companies := opts.Companies
	if len(companies) == 0 {
		if companies, err = p.targets(); err != nil {
			return err
		}
	}
	return p.create(assessments.Person{Name: name, Email: cleanInput(email)}, companies)
}

// targets asks which companies the candidate aims at; Enter means all.
func (p *prompter) targets() ([]string, error) {
	r := p.r
	p.say("\nCompanies:\n")
	for i, c := range r.Companies {
		role := ""
		if c.Role != "" {
			role = " — " + cleanLine(c.Role)
		}
		p.say("  %d) %s%s\n", i+1, cleanLine(c.Name), role)
	}
	for {
		line, err := p.ask("Which are you aiming at? Their numbers separated by spaces, or Enter for all: ")
		if err != nil {
			return nil, err
		}
		if ids, ok := pickCompanies(line, r); ok {
			return ids, nil
		}
		p.say("Type numbers from 1 to %d separated by spaces, or press Enter for all.\n", len(r.Companies))
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
func (p *prompter) open(o *Opened) {
	p.o = o
	p.save = autosave{saver: o.Saver, version: 1, saved: 1}
}

func (p *prompter) create(candidate assessments.Person, companies []string) error {
	o, err := Create(p.opts.Store, p.r, candidate, companies, p.now())
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
			p.say("That was the first one.\n")
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
	p.say("\n%s, skill %d of %d: %s\n", cleanLine(sk.Category.Title), i+1, len(skills), cleanLine(sk.Title))
	p.say("%s\n", cleanLine(sk.Question))
	if sk.Help != "" {
		p.say("%s\n", cleanLine(sk.Help))
	}
	for lvl, l := range sk.Scale.Levels {
		if d := cleanLine(sk.Descriptor(lvl)); d != "" {
			p.say("  %d) %s — %s\n", lvl, cleanLine(l.Label), d)
		} else {
			p.say("  %d) %s\n", lvl, cleanLine(l.Label))
		}
	}
	for {
		ans := a.Answers[sk.ID]
		keep := "Enter skips"
		if ans.Answered() {
			keep = "Enter keeps " + cleanLine(sk.Scale.Label(ans.Level))
		}
		line, err := p.ask(fmt.Sprintf("Level 0 to %d (%s): ", sk.Scale.Top(), keep))
		if err != nil {
			return 0, err
		}
		switch strings.ToLower(line) {
		case "", "s":
			return i + 1, nil
		case "b":
			return i - 1, nil
		case "q":
			return 0, errStop
		case "?":
			p.say("Type a level's number (0 to %d) or its label. Enter keeps your answer (or skips); b goes back, s skips, n adds a note, e adds evidence links, q stops.\n", sk.Scale.Top())
			continue
		case "n":
			note, err := p.ask("Note, on one line (Enter removes it): ")
			if err != nil {
				return 0, err
			}
			var evidence []string
			if ans != nil {
				evidence = ans.Evidence
			}
			a.SetNote(sk.ID, cleanNote(note), evidence, p.now())
			p.saved()
			p.say("Note saved.\n")
			continue
		case "e":
			links, err := p.ask("Evidence links, separated by commas or spaces (Enter removes them): ")
			if err != nil {
				return 0, err
			}
			note := ""
			if ans != nil {
				note = ans.Note
			}
			a.SetNote(sk.ID, note, splitEvidence(links), p.now())
			p.saved()
			p.say("Evidence links saved.\n")
			continue
		}
		lvl, err := strconv.Atoi(line)
		ok := err == nil && lvl >= 0 && lvl <= sk.Scale.Top()
		if err != nil {
			lvl, ok = sk.Scale.Find(line)
		}
		if !ok {
			labels := make([]string, len(sk.Scale.Levels))
			for j, l := range sk.Scale.Levels {
				labels[j] = cleanLine(l.Label)
			}
			p.say("%q is not a level of this skill: type a number from 0 to %d, or one of %s.\n", cleanLine(line), sk.Scale.Top(), strings.Join(labels, ", "))
			continue
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
		p.say("\nReview: %d of %d skills answered.\n", answered, len(skills))
		if list {
			for i, sk := range skills {
				ans := a.Answers[sk.ID]
				text := "not answered, counted as 0"
				if ans.Answered() {
					text = cleanLine(sk.Scale.Label(ans.Level))
				}
				if ans != nil && (ans.Note != "" || len(ans.Evidence) > 0) {
					text += ", with a note"
				}
				p.say("  %d. %s: %s\n", i+1, cleanLine(sk.Title), text)
			}
			list = false
		}
		line, err := p.ask("Type f to finish and see your results, a skill's number to change it, l to list the answers again, or q to stop: ")
		if err != nil {
			return err
		}
		switch strings.ToLower(line) {
		case "f":
			return p.finish()
		case "q":
			return errStop
		case "l":
			list = true
			continue
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(skills) {
			p.say("Type f, l, q, or a skill's number from 1 to %d.\n", len(skills))
			continue
		}
		if _, err := p.question(n - 1); err != nil {
			return err
		}
	}
}

// finish marks the assessment complete, saves it and prints the results
// as `readycheck score` prints them.
func (p *prompter) finish() error {
	a := p.o.Assessment
	a.Status = assessments.Complete
	a.Updated = p.now().UTC().Truncate(time.Second)
	p.saved()
	card, err := scorecard.New(a, p.r, nil)
	if err != nil {
		return err
	}
	p.say("\n")
	if err := card.Text(p.out, scorecard.DefaultWidth, false); err != nil {
		return err
	}
	p.say("\n")
	return nil
}
