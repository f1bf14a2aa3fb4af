package review

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
	"github.com/readycheck/readycheck/tui/kit"
)

// RunAccessible runs the review as plain line prompts, for screen
// readers and scripts, as assess.RunAccessible runs the walk-through: the list of
// assessments, then, for the one chosen, each skill with the candidate's
// level and yours to set, a comment per skill, the summary, and both
// views' results. It opens and saves files as the full-screen review does
// (assessments.Open, under the same lock; every change written at once)
// and never changes a candidate's answers. It returns the files whose
// review changed.
func RunAccessible(opts Options, in io.Reader, out io.Writer) ([]string, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	base := opts.Rubric
	if base == nil {
		base = opts.Builtin
	}
	p := kit.NewPrompter(base, in, out)
	rv := &reviewPrompts{p: p, opts: opts}
	err := rv.run()
	if errors.Is(err, kit.ErrStop) || errors.Is(err, kit.ErrEnd) {
		err = nil
	}
	return rv.changed, err
}

// reviewPrompts is one accessible review session.
type reviewPrompts struct {
	p       *kit.Prompter
	opts    Options
	rows    []reviewRow
	changed []string
}

// reviewRow is an assessment in the list: readable (a is set) or not.
type reviewRow struct {
	path   string
	a      *assessments.Assessment
	reason string
}

func (rv *reviewPrompts) run() error {
	p := rv.p
	name := kit.CleanInput(rv.opts.Reviewer)
	for name == "" {
		line, err := p.AskLimit("Your name, as the reviewer (it marks your review in each file): ", assessments.MaxName)
		if err != nil {
			return err
		}
		name = kit.CleanInput(line)
	}
	rv.opts.Reviewer = name
	p.Progress()
	rv.load()
	if len(rv.rows) == 0 {
		p.Say("No assessment files under %s.\n", kit.CleanPath(strings.Join(rv.opts.Paths, ", ")))
		return nil
	}
	rv.list()
	for {
		line, err := p.Ask("Open which one (its number), l to list them again, or q to stop: ")
		if err != nil {
			return err
		}
		switch strings.ToLower(line) {
		case "q":
			return kit.ErrStop
		case "l", "":
			rv.list()
			continue
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(rv.rows) {
			p.Say("Type a number from 1 to %d, l or q.\n", len(rv.rows))
			continue
		}
		p.Progress()
		if err := rv.review(rv.rows[n-1]); err != nil {
			return err
		}
	}
}

// load reads the assessments under the paths for the list.
func (rv *reviewPrompts) load() {
	files, failed := assessments.Files(rv.opts.Paths...)
	for _, e := range failed {
		rv.rows = append(rv.rows, reviewRow{path: e.Path, reason: kit.CleanLine(e.Err.Error())})
	}
	for _, f := range files {
		a, err := assessments.LoadFile(f)
		if err != nil {
			rv.rows = append(rv.rows, reviewRow{path: f, reason: kit.CleanLine(err.Error())})
			continue
		}
		rv.rows = append(rv.rows, reviewRow{path: f, a: a})
	}
}

func (rv *reviewPrompts) list() {
	p := rv.p
	p.Say("\nAssessments (%d):\n", len(rv.rows))
	for i, row := range rv.rows {
		if row.a == nil {
			p.Say("  %d) %s: cannot be opened: %s\n", i+1, kit.CleanPath(row.path), row.reason)
			continue
		}
		a := row.a
		state := "no review by you"
		if r, ok := a.Review(rv.opts.Reviewer); ok {
			state = "your review"
			if r.Summary != "" {
				state += ", with a summary"
			}
		}
		p.Say("  %d) %s, %s, %s, %s (%s)\n", i+1, kit.CleanLine(a.Candidate.Name), a.Status, state, kit.CleanPath(row.path), kit.CleanLine(a.Rubric.ID))
	}
}

// review takes one assessment through the skills, the summary and the
// results; it is saved after every change and closed at the end.
func (rv *reviewPrompts) review(row reviewRow) error {
	p := rv.p
	if row.a == nil {
		p.Say("%s cannot be opened: %s\n", kit.CleanPath(row.path), row.reason)
		return nil
	}
	r, err := pickRubric(rv.opts, row.a.Rubric.ID)
	if err != nil {
		p.Say("%s: %s\n", kit.CleanPath(row.path), kit.CleanLine(err.Error()))
		return nil
	}
	o, err := assessments.Open(row.path, r)
	if err != nil {
		p.Say("%s\n", kit.CleanLine(err.Error()))
		return nil
	}
	a := o.Assessment
	if o.Notice != "" {
		p.Say("%s\n", o.Notice)
	}
	s := &reviewSession{p: p, a: a, r: r, save: kit.NewAutosave(o)}
	if found, ok := a.Review(rv.opts.Reviewer); ok {
		s.review, s.added = found, true
	} else {
		now := rv.opts.Now().UTC().Truncate(time.Second)
		s.review = &assessments.Review{Reviewer: assessments.Person{Name: rv.opts.Reviewer}, Started: now, Ratings: map[string]*assessments.Rating{}}
	}
	s.now = rv.opts.Now
	err = s.skills()
	if err == nil {
		err = s.summary()
	}
	if err == nil && s.added {
		err = s.results()
	}
	// A review never changed is never written.
	cerr := s.save.Close(a, s.added)
	if s.changedAny {
		rv.changed = append(rv.changed, row.path)
	}
	if cerr != nil {
		return cerr
	}
	if errors.Is(err, kit.ErrStop) {
		p.Say("Stopped %s's review; what you gave is saved.\n", kit.CleanLine(a.Candidate.Name))
		return nil
	}
	return err
}

// reviewSession is one assessment under review in the accessible face.
type reviewSession struct {
	p          *kit.Prompter
	a          *assessments.Assessment
	r          *rubric.Rubric
	review     *assessments.Review
	added      bool
	changedAny bool
	save       kit.Autosave
	now        func() time.Time
}

// change records a change to the review and writes the file at once.
func (s *reviewSession) change() {
	if !s.added {
		s.a.Reviews = append(s.a.Reviews, s.review)
		s.added = true
	}
	s.changedAny = true
	s.review.Updated = s.now().UTC().Truncate(time.Second)
	s.p.Progress()
	if err := s.save.SaveNow(s.a); err != nil {
		s.p.Say("%s\n", kit.NotSavedText(err))
	}
}

const reviewKeys = "Type your level's number or label; Enter keeps yours (or skips); x clears it, c adds a comment, b goes back, q stops this review."

// skills asks the mentor's level for each skill in turn.
func (s *reviewSession) skills() error {
	p, skills := s.p, s.r.Skills()
	p.Say("\nReviewing %s (%s). %s\n", kit.CleanLine(s.a.Candidate.Name), kit.CleanLine(s.r.Title), reviewKeys)
	furthest := 0
	for i := 0; i < len(skills); {
		next, err := s.skill(i)
		if err != nil {
			return err
		}
		if next < 0 {
			p.Say("That was the first one.\n")
			next = 0
		}
		if next > furthest {
			// Moving on is progress, for the loop guard of piped input.
			furthest = next
			p.Progress()
		}
		i = next
	}
	return nil
}

// skill asks one skill and returns the index to ask next.
func (s *reviewSession) skill(i int) (int, error) {
	p, sk := s.p, s.r.Skills()[i]
	ans := s.a.Answers[sk.ID]
	p.Say("\n%s, skill %d of %d: %s\n", kit.CleanLine(sk.Category.Title), i+1, len(s.r.Skills()), kit.CleanLine(sk.Title))
	cand := kit.NotAnswered
	if ans.Answered() {
		cand = kit.LevelName(sk.Scale, ans.Level)
	}
	p.Say("The candidate: %s.\n", cand)
	if ans != nil && ans.Note != "" {
		p.Say("Their note: %s\n", kit.CleanLine(ans.Note))
	}
	if ans != nil {
		for _, e := range ans.Evidence {
			p.Say("Evidence: %s\n", kit.CleanLine(e))
		}
	}
	p.SayLevels(sk)
	for {
		rt := s.review.Ratings[sk.ID]
		current := rubric.Unanswered
		if rt.Rated() {
			current = rt.Level
		}
		line, next, err := p.AskSkill("Your level", sk, i, current, reviewKeys)
		if err != nil || next != i {
			return next, err
		}
		switch strings.ToLower(line) {
		case "x":
			if rt.Rated() {
				rt.Level = rubric.Unanswered
				if rt.Comment == "" {
					delete(s.review.Ratings, sk.ID)
				}
				s.change()
			}
			p.Say("Your level cleared.\n")
			continue
		case "c":
			comment, err := p.AskLimit("Your comment, on one line (Enter removes it): ", assessments.MaxNote)
			if err != nil {
				return 0, err
			}
			s.rating(sk).Comment = kit.CleanNote(comment)
			s.tidy(sk)
			s.change()
			p.Say("Comment saved.\n")
			continue
		}
		lvl, ok := kit.ParseLevel(sk, line)
		if !ok {
			p.Say("%q is not a level of this skill: type a number from 0 to %d, or a level's label.\n", kit.CleanLine(line), sk.Scale.Top())
			continue
		}
		if !rt.Rated() || rt.Level != lvl {
			s.rating(sk).Level = lvl
			s.change()
		}
		return i + 1, nil
	}
}

// rating is the review's rating of a skill, made when there is none.
func (s *reviewSession) rating(sk *rubric.Skill) *assessments.Rating {
	rt := s.review.Ratings[sk.ID]
	if rt == nil {
		rt = &assessments.Rating{Level: rubric.Unanswered}
		s.review.Ratings[sk.ID] = rt
	}
	return rt
}

// tidy drops a rating that holds neither a level nor a comment.
func (s *reviewSession) tidy(sk *rubric.Skill) {
	if rt := s.review.Ratings[sk.ID]; rt != nil && !rt.Rated() && rt.Comment == "" {
		delete(s.review.Ratings, sk.ID)
	}
}

// summary asks the review's summary.
func (s *reviewSession) summary() error {
	keep := ""
	if s.review.Summary != "" {
		keep = " Enter keeps yours: " + kit.CleanLine(s.review.Summary) + "."
	}
	line, err := s.p.AskLimit("\nYour summary for the candidate, on one line (what they do well, what to practise)."+keep+" ", assessments.MaxNote)
	if err != nil {
		return err
	}
	if line != "" && kit.CleanNote(line) != s.review.Summary {
		s.review.Summary = kit.CleanNote(line)
		s.change()
	}
	return nil
}

// results prints both views side by side, as `score --view both` does.
func (s *reviewSession) results() error {
	r, err := s.a.WithPostings(s.r)
	if err != nil {
		return err
	}
	both, err := scorecard.NewBoth(s.a, r, nil, s.review.Reviewer.Name)
	if err != nil {
		return err
	}
	s.p.Say("\n")
	if err := both.Text(s.p.Writer(), scorecard.DefaultWidth); err != nil {
		return err
	}
	s.p.Say("\n")
	return nil
}
