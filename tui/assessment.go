package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// The assessment files that the screens and the accessible prompts share:
// both create, reopen, list and save them through these calls.

// Opened is an assessment file open for taking: loaded (or new), checked
// against its rubric, and locked against a second readycheck.
type Opened struct {
	Assessment *assessments.Assessment
	// Saver writes it, under its lock; Close releases the lock.
	Saver *assessments.Saver
	// Notice says what happened to the answers when the rubric changed
	// since the file was saved; "" otherwise.
	Notice string
	// New is true for an assessment not written yet: its file is written
	// at the first answer or note, so that a candidate who quits at once
	// leaves no empty assessment behind.
	New bool
}

// Path is the assessment's file.
func (o *Opened) Path() string { return o.Saver.Path() }

// Create starts a new assessment in the store: it chooses the file's name
// and takes its lock, and checks that the assessment can be written; the
// file itself is written at the first answer or note (Opened.New).
func Create(store *assessments.Store, r *rubric.Rubric, candidate assessments.Person, companies []string, now time.Time) (*Opened, error) {
	a := assessments.New(r, candidate, companies, now)
	if _, err := a.Encode(); err != nil {
		return nil, err
	}
	saver, err := store.NewSaver(candidate.Name, now)
	if err != nil {
		return nil, err
	}
	return &Opened{Assessment: a, Saver: saver, New: true}, nil
}

// Open reopens a saved assessment to take it up again: it takes the lock
// first (an error wrapping assessments.ErrLocked when another readycheck has
// it), then loads and checks it against r. Loading problems come back as
// yamlfile.Problems, to be printed as validate prints them.
//
// When the rubric changed since the file was saved (its digest differs),
// the answers whose skills are gone, or whose level no longer fits the
// skill's scale, are dropped and the others kept; Notice says how many.
func Open(path string, r *rubric.Rubric) (*Opened, error) {
	saver, err := assessments.OpenSaver(path)
	if err != nil {
		return nil, err
	}
	a, err := assessments.LoadFile(path)
	if err != nil {
		saver.Close()
		return nil, err
	}
	notice := ""
	if a.Rubric.ID == r.ID && a.Rubric.Digest != "" && a.Rubric.Digest != r.Digest {
		notice = dropChanged(a, r)
	}
	if problems := a.Check(r); problems.Err() != nil {
		saver.Close()
		return nil, problems.Errors()
	}
	return &Opened{Assessment: a, Saver: saver, Notice: notice}, nil
}

// dropChanged keeps the answers that still fit a changed rubric, records
// the rubric's new digest and version, and says what it did.
func dropChanged(a *assessments.Assessment, r *rubric.Rubric) string {
	kept, dropped := 0, 0
	for id, ans := range a.Answers {
		s, ok := r.Skill(id)
		if !ok || ans.Level > s.Scale.Top() {
			delete(a.Answers, id)
			dropped++
			continue
		}
		kept++
	}
	a.Rubric.Digest, a.Rubric.Version = r.Digest, r.Version
	return ChangedNotice(kept, dropped)
}

// ChangedNotice is what the candidate is told when the rubric changed since
// their assessment was saved.
func ChangedNotice(kept, dropped int) string {
	return fmt.Sprintf("The rubric changed since this assessment was saved; %s kept, %d dropped.", plural(kept, "answer"), dropped)
}

// resumable lists the store's unfinished assessments taken against r, and
// apart those taken against other rubrics, each most recently changed
// first.
func resumable(store *assessments.Store, r *rubric.Rubric) (entries, others []assessments.Entry) {
	if store == nil {
		return nil, nil
	}
	for _, e := range store.Unfinished() {
		if e.Assessment.Rubric.ID == r.ID {
			entries = append(entries, e)
		} else {
			others = append(others, e)
		}
	}
	return entries, others
}

// otherRubric describes an unfinished assessment of another rubric than
// the one given: who, which rubric, and the command that opens it. Run with
// the built-in rubric's id, no --rubric is needed; another rubric's file
// is only known to the person, so the command says which one it needs.
func otherRubric(e assessments.Entry) (about, command string) {
	a := e.Assessment
	about = fmt.Sprintf("%s · rubric %q · %s", cleanLine(a.Candidate.Name), cleanLine(a.Rubric.ID), cleanPath(filepath.Base(e.Path)))
	if a.Rubric.ID == builtin.ID() {
		return about, "readycheck --resume " + shellQuote(cleanPath(e.Path))
	}
	return about + fmt.Sprintf(" (FILE: the rubric whose id is %q)", cleanLine(a.Rubric.ID)),
		"readycheck --rubric FILE --resume " + shellQuote(cleanPath(e.Path))
}

// shellQuote quotes a path for a shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./~+@%:,=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// answeredOf counts the answers of a that have a level for a skill of r.
func answeredOf(a *assessments.Assessment, r *rubric.Rubric) int {
	n := 0
	for id, ans := range a.Answers {
		if _, ok := r.Skill(id); ok && ans.Answered() {
			n++
		}
	}
	return n
}

// plural says "1 answer" or "3 answers", "1 company" or "2 companies".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ey") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// ago says how long before now t was, as people say it.
func ago(now, t time.Time) string {
	if t.IsZero() {
		return "at an unknown time"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d.Minutes()), "minute") + " ago"
	case d < 24*time.Hour:
		return plural(int(d.Hours()), "hour") + " ago"
	case d < 14*24*time.Hour:
		return plural(int(d.Hours()/24), "day") + " ago"
	}
	return "on " + t.Local().Format("2 Jan 2006")
}
