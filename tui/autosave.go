package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
)

// savedMsg reports the write of one version of a file.
type savedMsg struct {
	version uint64
	err     error
}

// autosave writes successive versions of one assessment file: each change
// is encoded in Update, in order, and written by a Cmd (the Saver skips a
// version older than one already written); a failed write is kept to be
// shown, and retried by the next change or on close.
type autosave struct {
	saver   *assessments.Saver
	version uint64
	saved   uint64
	err     error
}

// save returns the Cmd that writes the assessment as it is now.
func (s *autosave) save(a *assessments.Assessment) tea.Cmd {
	if s.saver == nil {
		return nil
	}
	s.version++
	v := s.version
	data, err := a.Encode()
	if err != nil {
		return func() tea.Msg { return savedMsg{version: v, err: err} }
	}
	saver := s.saver
	return func() tea.Msg { return savedMsg{version: v, err: saver.Write(v, data)} }
}

// done records the outcome of a write.
func (s *autosave) done(msg savedMsg) {
	switch {
	case msg.err != nil:
		s.err = msg.err
	case msg.version >= s.saved:
		s.saved = msg.version
		if msg.version == s.version {
			s.err = nil
		}
	}
}

// close writes what was not written yet (when write is true) and releases
// the file's lock.
func (s *autosave) close(a *assessments.Assessment, write bool) error {
	if s.saver == nil {
		return nil
	}
	var err error
	if write && (s.saved < s.version || s.err != nil) {
		data, encErr := a.Encode()
		if encErr != nil {
			err = encErr
		} else {
			s.version++
			err = s.saver.Write(s.version, data)
		}
	}
	return errors.Join(err, s.saver.Close())
}

// path is the file being saved, "" before one is open.
func (s *autosave) path() string {
	if s.saver == nil {
		return ""
	}
	return s.saver.Path()
}
