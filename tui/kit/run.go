package kit

import (
	"errors"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// ErrInterrupted is returned by a program's Run when ctrl+c ended it; the
// command exits with status 130. What was typed is saved.
var ErrInterrupted = errors.New("interrupted")

// FPS is the renderer's frame rate: Bubble Tea's highest, so that a
// keypress is painted about 8 ms later rather than 17 at the default 60.
// The renderer only writes the lines that changed.
const FPS = 120

// Signaled is returned when a signal ended the program: SIGTERM, or
// SIGHUP from a closed terminal. What was typed is saved first; the
// command exits with 128 plus the signal's number, as shells expect.
type Signaled struct {
	Signal syscall.Signal
}

func (e *Signaled) Error() string { return "ended by a signal (" + e.Signal.String() + ")" }

// runWithSignals runs a program until it ends, and says which signal ended
// it, if one did. Bubble Tea handles ctrl+c, and SIGTERM as a quit; a
// closed terminal (SIGHUP) would end the process at once, before the
// newest answer or comment is written, so it quits the program the same
// way as SIGTERM (Kill, from this goroutine, raced with the renderer and
// could hang): every program's caller then saves, whatever ended it.
func runWithSignals(p *tea.Program) (tea.Model, syscall.Signal, error) {
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

// Host runs a program on a terminal that is not the process's: a session
// served over SSH. The program then ignores the process's signals; the
// host ends it through Stop.
type Host struct {
	// Options give the program its input, output, size, environment and
	// colour profile.
	Options []tea.ProgramOption
	// Stop, once closed, quits the program as SIGTERM does locally: the
	// caller saves what was typed.
	Stop <-chan struct{}
	// Attach, when set, is given the program before it runs, to send it
	// the terminal's window changes.
	Attach func(*tea.Program)
	// Export is the command that prints the assessment's report where
	// the walk-through would write a file beside it (there is no file
	// for the person to open on a server).
	Export string
}

// runHosted runs a program until it ends or the host stops it.
func runHosted(p *tea.Program, h *Host) error {
	if h.Attach != nil {
		h.Attach(p)
	}
	stop := make(chan struct{})
	go func() {
		select {
		case <-h.Stop:
			p.Quit()
		case <-stop:
		}
	}()
	_, err := p.Run()
	close(stop)
	return err
}

// ProgramOptions are the options every program runs with: the frame rate
// (FPS) and, with colour off, no colour at all (the colour library alone
// honours only true-ish NO_COLOR values).
// A host's options come after and may set a session's colour profile.
func ProgramOptions(color bool, h *Host) []tea.ProgramOption {
	opts := []tea.ProgramOption{tea.WithFPS(FPS)}
	if h != nil {
		opts = append(opts, h.Options...)
	}
	if !color {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	return opts
}

// RunProgram runs a program until it ends (runWithSignals), then close, which
// saves what is open and releases its files, and returns the error the
// program's command reports: close's when answers were not saved after a
// signal or ctrl+c (that matters more than the exit status), else
// *Signaled, ErrInterrupted, the program's own error, failed's (the
// program's reason to quit, called once it ended; nil for none), or
// close's.
//
// With a host, the program runs on the host's terminal and its Stop
// takes the place of the signals.
func RunProgram(p *tea.Program, h *Host, close, failed func() error) error {
	var sig syscall.Signal
	var err error
	if h != nil {
		err = runHosted(p, h)
	} else {
		_, sig, err = runWithSignals(p)
	}
	closeErr := close()
	switch {
	case closeErr != nil && (sig != 0 || errors.Is(err, tea.ErrInterrupted)):
		return closeErr
	case sig != 0:
		return &Signaled{Signal: sig}
	case errors.Is(err, tea.ErrInterrupted):
		return ErrInterrupted
	case err != nil:
		return errors.Join(err, closeErr)
	}
	if failed != nil {
		if ferr := failed(); ferr != nil {
			return errors.Join(ferr, closeErr)
		}
	}
	return closeErr
}
