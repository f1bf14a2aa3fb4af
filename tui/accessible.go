package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/scorecard"
)

// errEOF ends an accessible session when standard input runs out.
var errEOF = errors.New("input ended")

// accessible runs the walk-through as plain prompts: one question at a
// time, no redraws and no escape sequences, answers read line by line.
type accessible struct {
	opts    Options
	in      *bufio.Scanner
	out     io.Writer
	a       *assessments.Assessment
	saver   *assessments.Saver
	version uint64
}

// RunAccessible runs the walk-through as line prompts on in and out, for
// screen readers and scripts, saving the same files as Run. It returns the
// saved file's path.
func RunAccessible(opts Options, in io.Reader, out io.Writer) (string, error) {
	if opts.Now == nil {
		opts.Now = New(opts).opts.Now
	}
	s := &accessible{opts: opts, in: bufio.NewScanner(in), out: out, a: opts.Resume, saver: opts.Saver}
	s.in.Buffer(make([]byte, 64<<10), 1<<20)
	err := s.run()
	path := ""
	if s.saver != nil {
		path = s.saver.Path()
		s.saver.Close()
	}
	if errors.Is(err, errEOF) {
		if path != "" {
			fmt.Fprintln(out, "\nInput ended; your answers so far are saved.")
		}
		return path, nil
	}
	return path, err
}

func (s *accessible) say(format string, a ...any) { fmt.Fprintf(s.out, format, a...) }

// ask prints a prompt and reads one line.
func (s *accessible) ask(prompt string) (string, error) {
	s.say("%s", prompt)
	if !s.in.Scan() {
		if err := s.in.Err(); err != nil {
			return "", err
		}
		return "", errEOF
	}
	return strings.TrimSpace(s.in.Text()), nil
}

func (s *accessible) save() error {
	s.version++
	data, err := s.a.Encode()
	if err != nil {
		return err
	}
	return s.saver.Write(s.version, data)
}

func (s *accessible) run() error {
	r := s.opts.Rubric
	s.say("readycheck: %s\n", clean(r.Title))
	start := 0
	if s.a != nil {
		if s.opts.Notice != "" {
			s.say("%s\n", s.opts.Notice)
		}
		start = assessments.ResumeIndex(s.a, r)
	} else if err := s.begin(); err != nil {
		return err
	}
	if start < len(r.Skills()) {
		if err := s.questions(start); err != nil {
			return err
		}
	}
	return s.finish()
}

// begin resumes an unfinished assessment or starts a new one.
func (s *accessible) begin() error {
	r := s.opts.Rubric
	if s.opts.Name != "" && len(s.opts.Companies) > 0 {
		return s.create(assessments.Person{Name: s.opts.Name}, s.opts.Companies)
	}
	var entries []assessments.Entry
	if s.opts.Store != nil {
		for _, e := range s.opts.Store.Unfinished() {
			if e.Assessment.Rubric.ID == r.ID {
				entries = append(entries, e)
			}
		}
	}
	if len(entries) > 0 {
		s.say("Unfinished assessments:\n")
		for i, e := range entries {
			s.say("  %d) %s, %d of %d answered, changed %s\n", i+1, clean(e.Assessment.Candidate.Name), e.Assessment.Answered(), len(r.Skills()), ago(s.opts.Now(), e.Assessment.Updated))
		}
		for {
			line, err := s.ask("Resume which (number), or press Enter to start a new one: ")
			if err != nil {
				return err
			}
			if line == "" {
				break
			}
			if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(entries) {
				return s.resume(entries[n-1])
			}
			s.say("Please type a number from 1 to %d, or press Enter.\n", len(entries))
		}
	}
	name := s.opts.Name
	for name == "" {
		line, err := s.ask("Your name: ")
		if err != nil {
			return err
		}
		name = cleanInput(line)
		if name == "" {
			s.say("Your name is needed: it names the saved file and the report.\n")
		}
	}
	email, err := s.ask("Email (optional, Enter to skip): ")
	if err != nil {
		return err
	}
	companies := s.opts.Companies
	if len(companies) == 0 {
		s.say("Companies:\n")
		for i, c := range r.Companies {
			role := ""
			if c.Role != "" {
				role = " — " + clean(c.Role)
			}
			s.say("  %d) %s%s\n", i+1, clean(c.Name), role)
		}
		for {
			line, err := s.ask("Which are you aiming at? Numbers separated by spaces, or Enter for all: ")
			if err != nil {
				return err
			}
			ids, ok := pickCompanies(line, r.CompanyIDs())
			if ok {
				companies = ids
				break
			}
			s.say("Please type numbers from 1 to %d separated by spaces, or press Enter for all.\n", len(r.Companies))
		}
	}
	return s.create(assessments.Person{Name: name, Email: cleanInput(email)}, companies)
}

// pickCompanies reads "1 3" as company ids; "" means all (nil).
func pickCompanies(line string, ids []string) ([]string, bool) {
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' })
	if len(fields) == 0 {
		return nil, true
	}
	chosen := make([]bool, len(ids))
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(ids) {
			return nil, false
		}
		chosen[n-1] = true
	}
	var out []string
	for i, c := range chosen {
		if c {
			out = append(out, ids[i])
		}
	}
	return out, true
}

func (s *accessible) create(p assessments.Person, companies []string) error {
	now := s.opts.Now()
	s.a = assessments.New(s.opts.Rubric, p, companies, now)
	path := s.opts.Store.NewPath(p.Name, now)
	saver, err := assessments.OpenSaver(path)
	if err != nil {
		return err
	}
	s.saver = saver
	if err := s.save(); err != nil {
		return err
	}
	s.say("Saving to %s after every answer.\n", path)
	return nil
}

func (s *accessible) resume(e assessments.Entry) error {
	saver, err := assessments.OpenSaver(e.Path)
	if err != nil {
		return err
	}
	a, err := assessments.LoadFile(e.Path)
	if err == nil {
		err = a.Check(s.opts.Rubric).Err()
	}
	if err != nil {
		saver.Close()
		return err
	}
	s.a, s.saver = a, saver
	if a.Rubric.Digest != "" && a.Rubric.Digest != s.opts.Rubric.Digest {
		s.say("%s\n", ChangedNotice(a, s.opts.Rubric))
		a.Rubric.Digest, a.Rubric.Version = s.opts.Rubric.Digest, s.opts.Rubric.Version
	}
	return s.questions(assessments.ResumeIndex(a, s.opts.Rubric))
}

// questions asks from skill i to the last, or only skill i when one is
// set; b goes back, q stops.
func (s *accessible) questions(i int, one ...bool) error {
	skills := s.opts.Rubric.Skills()
	end := len(skills)
	if len(one) > 0 && one[0] {
		end = i + 1
	}
	for i < end {
		sk := skills[i]
		s.say("\n%s, skill %d of %d: %s\n", clean(sk.Category.Title), i+1, len(skills), clean(sk.Title))
		s.say("%s\n", clean(sk.Question))
		if sk.Help != "" {
			s.say("%s\n", strings.Join(strings.Fields(clean(sk.Help)), " "))
		}
		for lvl, l := range sk.Scale.Levels {
			s.say("  %d) %s — %s\n", lvl, clean(l.Label), clean(sk.Descriptor(lvl)))
		}
		current := "skips"
		if ans := s.a.Answers[sk.ID]; ans.Answered() {
			current = "keeps " + clean(sk.Scale.Label(ans.Level))
			s.say("Your answer: %s.\n", clean(sk.Scale.Label(ans.Level)))
		}
		line, err := s.ask(fmt.Sprintf("Level 0 to %d (Enter %s; b back, n note, q quit): ", sk.Scale.Top(), current))
		if err != nil {
			return err
		}
		switch strings.ToLower(line) {
		case "":
			i++
			continue
		case "s":
			i++
			continue
		case "b":
			i = max(i-1, 0)
			continue
		case "q":
			return errEOF
		case "n":
			note, err := s.ask("Note (one line): ")
			if err != nil {
				return err
			}
			links, err := s.ask("Evidence links (comma separated, Enter for none): ")
			if err != nil {
				return err
			}
			s.a.SetNote(sk.ID, cleanNote(note), splitEvidence(links), s.opts.Now())
			if err := s.save(); err != nil {
				return err
			}
			s.say("Note saved.\n")
			continue
		}
		lvl, err := strconv.Atoi(line)
		if err != nil {
			found := false
			lvl, found = sk.Scale.Find(line)
			if !found {
				s.say("%q is not a level of this question; type a number from 0 to %d or a label.\n", line, sk.Scale.Top())
				continue
			}
		}
		if lvl < 0 || lvl > sk.Scale.Top() {
			s.say("Type a level from 0 to %d.\n", sk.Scale.Top())
			continue
		}
		s.a.SetAnswer(sk.ID, lvl, s.opts.Now())
		if err := s.save(); err != nil {
			return err
		}
		i++
	}
	return nil
}

// finish reviews the unanswered skills, marks the assessment complete and
// prints the results.
func (s *accessible) finish() error {
	r := s.opts.Rubric
	for {
		var missing []string
		for i, sk := range r.Skills() {
			if !s.a.Answers[sk.ID].Answered() {
				missing = append(missing, fmt.Sprintf("%d %s", i+1, clean(sk.Title)))
			}
		}
		s.say("\nReview: %d of %d skills answered.\n", s.a.Answered(), len(r.Skills()))
		if len(missing) > 0 {
			s.say("Unanswered (counted as 0): %s.\n", strings.Join(missing, "; "))
		}
		line, err := s.ask("Type f to finish and see your results, a skill number to change it, or q to quit: ")
		if err != nil {
			return err
		}
		switch strings.ToLower(line) {
		case "f", "":
			s.a.Status = assessments.Complete
			s.a.Updated = s.opts.Now().UTC().Truncate(1e9)
			if err := s.save(); err != nil {
				return err
			}
			card, err := scorecard.New(s.a, r, nil)
			if err != nil {
				return err
			}
			s.say("\n")
			if err := card.Text(s.out, 80, false); err != nil {
				return err
			}
			s.say("\nSaved to %s.\n", s.saver.Path())
			return nil
		case "q":
			return errEOF
		}
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(r.Skills()) {
			if err := s.questions(n-1, true); err != nil {
				return err
			}
			continue
		}
		s.say("Please type f, q or a skill number from 1 to %d.\n", len(r.Skills()))
	}
}
