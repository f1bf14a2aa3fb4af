package tui

import (
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// ErrInterrupted is returned by Run when the candidate pressed ctrl+c.
var ErrInterrupted = errors.New("interrupted")

// Run shows the walk-through on the terminal until the candidate quits. On
// the way out, whatever the screens had not written yet is saved, so that a
// quit right after an answer never loses it.
// It returns the path of the saved assessment ("" when none was started).
func Run(opts Options, in io.Reader, out io.Writer) (string, error) {
	m := New(opts)
	popts := []tea.ProgramOption{tea.WithFPS(120)}
	if in != nil {
		popts = append(popts, tea.WithInput(in))
	}
	if out != nil {
		popts = append(popts, tea.WithOutput(out))
	}
	if !opts.Color {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, err := tea.NewProgram(m, popts...).Run()
	flushErr := m.Close()
	path := m.SavedPath()
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return path, errors.Join(ErrInterrupted, flushErr)
	case err != nil:
		return path, errors.Join(err, flushErr)
	case m.err != nil:
		return path, m.err
	}
	return path, flushErr
}

// Close saves the assessment if its last change was not written yet, and
// releases its lock.
func (m *Model) Close() error { return m.save.close(m.a, true) }

// SavedPath is the file of the assessment, or "" when none was opened.
func (m *Model) SavedPath() string { return m.save.path() }
