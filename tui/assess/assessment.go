package assess

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/tui/kit"
)

// The walk-through's helpers over the store: the assessments to resume,
// progress, and the words for them. Creating, opening and the rubric-changed
// migration are assessments.Create and assessments.Open, shared with the
// review.

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
	about = fmt.Sprintf("%s · rubric %q · %s", kit.CleanLine(a.Candidate.Name), kit.CleanLine(a.Rubric.ID), kit.CleanPath(filepath.Base(e.Path)))
	if a.Rubric.ID == builtin.ID() {
		return about, "readycheck --resume " + safetext.ShellPath(e.Path)
	}
	return about + fmt.Sprintf(" (FILE: the rubric whose id is %q)", kit.CleanLine(a.Rubric.ID)),
		"readycheck --rubric FILE --resume " + safetext.ShellPath(e.Path)
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
		return termtext.Plural(int(d.Minutes()), "minute", "minutes") + " ago"
	case d < 24*time.Hour:
		return termtext.Plural(int(d.Hours()), "hour", "hours") + " ago"
	case d < 14*24*time.Hour:
		return termtext.Plural(int(d.Hours()/24), "day", "days") + " ago"
	}
	return "on " + t.Local().Format("2 Jan 2006")
}
