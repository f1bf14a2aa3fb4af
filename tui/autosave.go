package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
)

// savedMsg reports the write of one version of a file.
type savedMsg struct {
	version uint64
	err     error
}

// autosave writes successive versions of one assessment file, for the
// walk-through, its accessible prompts and the mentor's review: each
// change is encoded in Update, in order, and written by a Cmd (the Saver
// skips a version older than one already written); a failed write is kept
// to be shown, and retried by the next change or on close.
type autosave struct {
	saver *assessments.Saver
	// version is the newest state encoded, saved the newest written.
	version, saved uint64
	// err is the last failure, kept until a version as new is written.
	err    error
	failed uint64
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

// saveNow writes the assessment at once, for the accessible prompts, which
// wait for nothing else; it reports the failure it keeps.
func (s *autosave) saveNow(a *assessments.Assessment) error {
	cmd := s.save(a)
	if cmd == nil {
		return nil
	}
	msg := cmd().(savedMsg)
	s.done(msg)
	return msg.err
}

// done records the outcome of a write.
func (s *autosave) done(msg savedMsg) {
	if msg.err != nil {
		s.err, s.failed = msg.err, max(s.failed, msg.version)
		return
	}
	s.saved = max(s.saved, msg.version)
	if s.saved >= s.failed {
		s.err = nil
	}
}

// pending reports whether a write is on its way.
func (s *autosave) pending() bool { return s.saved < s.version && s.err == nil }

// close writes what was not written yet (when write is true) and releases
// the file's lock. When that last write fails too, a copy goes to the
// temporary folder and the error says where.
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
			if err = s.saver.Write(s.version, data); err != nil {
				copyPath := filepath.Join(os.TempDir(), filepath.Base(s.saver.Path()))
				if assessments.WriteFile(copyPath, data) == nil {
					err = fmt.Errorf("%w; a copy of the answers is in %s", err, copyPath)
				}
			} else {
				s.saved, s.err = s.version, nil
			}
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
