package assess

import (
	"io"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/tui/kit"
)

// Outcome is where a walk-through ended.
type Outcome struct {
	// Path is the assessment's file; "" when nothing was saved (none was
	// started, a new one had no answer yet, or its last save failed: the
	// error then says where the answers are).
	Path string
	// Complete is true once the candidate finished the assessment.
	Complete bool
	// Unanswered counts the rubric's skills left without an answer.
	Unanswered int
}

// Run shows the walk-through on the terminal until the candidate quits,
// reading keys from in and drawing on out (the process's terminal when
// nil; with opts.Host, the host's terminal). On the way out, the newest state of the assessment is saved if a
// save was still on its way, so that quitting right after an answer never
// loses it.
func Run(opts Options, in io.Reader, out io.Writer) (Outcome, error) {
	m := New(opts)
	popts := kit.ProgramOptions(opts.Color, opts.Host)
	if in != nil {
		popts = append(popts, tea.WithInput(in))
	}
	if out != nil {
		popts = append(popts, tea.WithOutput(out))
	}
	var done Outcome
	err := kit.RunProgram(tea.NewProgram(m, popts...), opts.Host, func() error {
		err := m.Close()
		if err == nil {
			done = m.f.outcome()
		}
		return err
	}, func() error { return m.err })
	return done, err
}
