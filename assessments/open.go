package assessments

import (
	"fmt"
	"time"

	"github.com/readycheck/readycheck/rubric"
)

// An assessment's life: created or opened (locked, loaded, checked against
// its rubric, migrated when the rubric changed), saved by its Saver, closed.
// The walk-through, its accessible prompts and the mentor's review all go
// through these calls.

// Opened is an assessment file open for taking: loaded (or new), checked
// against its rubric, and locked against a second readycheck.
type Opened struct {
	Assessment *Assessment
	// Saver writes it, under its lock; Close releases the lock.
	Saver *Saver
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
func Create(store *Store, r *rubric.Rubric, candidate Person, companies []string, now time.Time) (*Opened, error) {
	a := New(r, candidate, companies, now)
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
// first (an error wrapping ErrLocked when another readycheck has
// it), then loads and checks it against r. Loading problems come back as
// yamlfile.Problems, to be printed as validate prints them.
//
// When the rubric changed since the file was saved (its digest differs),
// the answers whose skills are gone, or whose level no longer fits the
// skill's scale, are dropped and the others kept; Notice says how many.
func Open(path string, r *rubric.Rubric) (*Opened, error) {
	saver, err := OpenSaver(path)
	if err != nil {
		return nil, err
	}
	a, err := LoadFile(path)
	if err != nil {
		saver.Close()
		return nil, err
	}
	notice := Migrate(a, r)
	if problems := a.Check(r); problems.Err() != nil {
		saver.Close()
		return nil, problems.Errors()
	}
	return &Opened{Assessment: a, Saver: saver, Notice: notice}, nil
}

// Migrate brings an assessment of r saved before r changed (its digest
// differs) up to date in memory: the answers whose skills are gone, or whose
// level no longer fits the skill's scale, are dropped, and the notice says
// how many were kept and dropped; "" when the rubric did not change.
func Migrate(a *Assessment, r *rubric.Rubric) string {
	if a.Rubric.ID != r.ID || a.Rubric.Digest == "" || a.Rubric.Digest == r.Digest {
		return ""
	}
	return dropChanged(a, r)
}

// dropChanged keeps the answers that still fit a changed rubric, records
// the rubric's new digest and version, and says what it did.
func dropChanged(a *Assessment, r *rubric.Rubric) string {
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
	// A mentor's rating of a skill that is gone, or above its new scale,
	// goes too; a comment stays while its skill exists.
	for _, rv := range a.Reviews {
		for id, rt := range rv.Ratings {
			s, ok := r.Skill(id)
			switch {
			case !ok:
				delete(rv.Ratings, id)
			case rt.Level > s.Scale.Top():
				rt.Level = rubric.Unanswered
				if rt.Comment == "" {
					delete(rv.Ratings, id)
				}
			}
		}
	}
	a.Rubric.Digest, a.Rubric.Version = r.Digest, r.Version
	return ChangedNotice(kept, dropped)
}

// ChangedNotice is what the candidate is told when the rubric changed since
// their assessment was saved.
func ChangedNotice(kept, dropped int) string {
	answers := "answers"
	if kept == 1 {
		answers = "answer"
	}
	return fmt.Sprintf("The rubric changed since this assessment was saved; %d %s kept, %d dropped.", kept, answers, dropped)
}
