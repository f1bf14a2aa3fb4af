// Package termtest draws a program's output on a terminal emulator, so
// that end-to-end tests read the screen a person would see, wherever the
// output comes from (a pseudo-terminal, an SSH session).
package termtest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// Screen is a terminal of a size, written to by the program. Read gives
// the terminal's answers to the program's queries (cursor position,
// colours), to copy back to the program's input.
type Screen struct {
	// mu keeps the emulator to one writer or reader at a time: a
	// program's output and error streams may both draw on it.
	mu  sync.Mutex
	emu *vt.SafeEmulator
}

// New is a screen of w columns and h rows.
func New(w, h int) *Screen { return &Screen{emu: vt.NewSafeEmulator(w, h)} }

func (s *Screen) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.emu.Write(b)
}

// Read returns what the terminal answers the program.
func (s *Screen) Read(b []byte) (int, error) { return s.emu.Read(b) }

// Text is the screen as a person sees it now, without styles.
func (s *Screen) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.emu.String())
}

// WaitFor waits up to 10 s until text is on the screen, and fails the
// test with the screen when it never is.
func (s *Screen) WaitFor(t testing.TB, text string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if strings.Contains(s.Text(), text) {
			return
		}
	}
	shown := s.Text()
	t.Fatalf("%q never appeared; the screen:\n%s", text, shown[max(0, len(shown)-1500):])
}

// Settled waits until the screen stops changing (50 ms without a change,
// 5 s at most), so that what the last keys did is drawn, and returns it.
func (s *Screen) Settled() string {
	last, since := s.Text(), time.Now()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		if shown := s.Text(); shown != last {
			last, since = shown, time.Now()
		} else if time.Since(since) >= 50*time.Millisecond {
			break
		}
	}
	return last
}
