package tui

import (
	"errors"
	"fmt"

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

// newAutosave saves an opened assessment: a resumed file is on disk as it
// is (version 1, saved); a new one is written at its first change.
func newAutosave(o *assessments.Opened) autosave {
	if o.New {
		return autosave{saver: o.Saver}
	}
	return autosave{saver: o.Saver, version: 1, saved: 1}
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
// the file's lock. When that last write fails too, the answers are copied
// to a private rescue folder and the error, a *SaveError, says where.
func (s *autosave) close(a *assessments.Assessment, write bool) error {
	if s.saver == nil {
		return nil
	}
	var err error
	if write && (s.saved < s.version || s.err != nil) {
		data, encErr := a.Encode()
		if encErr != nil {
			err = &SaveError{Path: s.saver.Path(), Err: encErr}
		} else {
			s.version++
			if werr := s.saver.Write(s.version, data); werr != nil {
				s.err, s.failed = werr, s.version
				se := &SaveError{Path: s.saver.Path(), Err: werr}
				if copyPath, rerr := assessments.Rescue(s.saver.Path(), data); rerr == nil {
					se.Rescue = copyPath
				} else {
					se.RescueErr = rerr
				}
				err = se
			} else {
				s.saved, s.err = s.version, nil
			}
		}
	}
	return errors.Join(err, s.saver.Close())
}

// written reports whether the file holds a version of this session's
// assessment: one resumed, or one saved at least once.
func (s *autosave) written() bool { return s.saver != nil && s.saved > 0 }

// SaveError is the last save of an assessment failing when the program
// ended: the file on disk is older than the answers, or missing. Rescue is
// where a copy of the answers went ("" when that failed too).
type SaveError struct {
	Path, Rescue   string
	Err, RescueErr error
}

func (e *SaveError) Error() string {
	msg := fmt.Sprintf("could not save %s: %v", e.Path, e.Err)
	if e.Rescue != "" {
		return msg + "; a copy is in " + e.Rescue
	}
	if e.RescueErr != nil {
		return fmt.Sprintf("%s; a copy could not be written either (%v)", msg, e.RescueErr)
	}
	return msg
}

func (e *SaveError) Unwrap() error { return e.Err }

// path is the file being saved, "" before one is open.
func (s *autosave) path() string {
	if s.saver == nil {
		return ""
	}
	return s.saver.Path()
}
