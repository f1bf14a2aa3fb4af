package assess

import (
	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/kit"
)

// session is what every screen of the walk-through reads: the Session,
// and the assessment being taken. Only the parent Model changes the
// assessment.
type session struct {
	*kit.Session
	a *assessments.Assessment
	// answered counts the answered skills of r, the flow's count, kept
	// up to date by the parent so that drawing never counts.
	answered int
	bar      progressBar
}

func newSession(opts Options) *session {
	s := &session{Session: kit.NewSession(opts.Color, opts.Now)}
	s.SetRubric(opts.Rubric)
	return s
}
