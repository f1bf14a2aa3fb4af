package tui

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// ErrInterrupted is returned by Run when the candidate pressed ctrl+c; the
// command exits with status 130. What was answered is saved.
var ErrInterrupted = errors.New("interrupted")

// FPS is the renderer's frame rate: Bubble Tea's highest, so that a
// keypress is painted about 8 ms later rather than 17 at the default 60.
// The renderer only writes the lines that changed.
const FPS = 120

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

// outcome is what a session ended with: the file when it is saved, and
// whether the assessment is complete and what it leaves unanswered.
func outcome(path string, a *assessments.Assessment, r *rubric.Rubric) Outcome {
	if path == "" || a == nil {
		return Outcome{}
	}
	return Outcome{Path: path, Complete: a.Status == assessments.Complete, Unanswered: len(r.Skills()) - answeredOf(a, r)}
}

// Run shows the walk-through on the terminal until the candidate quits,
// reading keys from in and drawing on out (the process's terminal when
// nil). On the way out, the newest state of the assessment is saved if a
// save was still on its way, so that quitting right after an answer never
// loses it.
func Run(opts Options, in io.Reader, out io.Writer) (Outcome, error) {
	m := New(opts)
	popts := []tea.ProgramOption{tea.WithFPS(FPS)}
	if in != nil {
		popts = append(popts, tea.WithInput(in))
	}
	if out != nil {
		popts = append(popts, tea.WithOutput(out))
	}
	if !opts.Color {
		// The colour library alone honours only true-ish NO_COLOR values.
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, sig, err := runProgram(tea.NewProgram(m, popts...))
	closeErr := m.Close()
	var done Outcome
	if closeErr == nil {
		done = outcome(m.SavedPath(), m.Assessment(), opts.Rubric)
	}
	switch {
	case closeErr != nil && (sig != 0 || errors.Is(err, tea.ErrInterrupted)):
		// Answers not saved matter more than the exit status.
		return done, closeErr
	case sig != 0:
		return done, &Signaled{Signal: sig}
	case errors.Is(err, tea.ErrInterrupted):
		return done, ErrInterrupted
	case err != nil:
		return done, errors.Join(err, closeErr)
	case m.err != nil:
		return done, errors.Join(m.err, closeErr)
	}
	return done, closeErr
}

// Signaled is returned when a signal ended the program: SIGTERM, or
// SIGHUP from a closed terminal. What was typed is saved first; the
// command exits with 128 plus the signal's number, as shells expect.
type Signaled struct {
	Signal syscall.Signal
}

func (e *Signaled) Error() string { return "ended by a signal (" + e.Signal.String() + ")" }

// runProgram runs a program until it ends, and says which signal ended
// it, if one did. Bubble Tea handles ctrl+c, and SIGTERM as a quit; a
// closed terminal (SIGHUP) would end the process at once, before the
// newest answer or comment is written, so it quits the program the same
// way as SIGTERM (Kill, from this goroutine, raced with the renderer and
// could hang): every program's caller then saves, whatever ended it.
func runProgram(p *tea.Program) (tea.Model, syscall.Signal, error) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM)
	stop := make(chan struct{})
	var got atomic.Int32
	go func() {
		select {
		case s := <-sigs:
			if s, ok := s.(syscall.Signal); ok {
				got.Store(int32(s))
			}
			p.Quit()
		case <-stop:
		}
	}()
	model, err := p.Run()
	signal.Stop(sigs)
	close(stop)
	return model, syscall.Signal(got.Load()), err
}
