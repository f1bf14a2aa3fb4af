package kit

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
)

// SavedMsg reports the write of one version of a file.
type SavedMsg struct {
	Version uint64
	Err     error
}

// Autosave writes successive versions of one assessment file, for the
// walk-through, its accessible prompts and the mentor's review: each
// change is encoded in Update, in order, and written by a Cmd (the Saver
// skips a version older than one already written); a failed write is kept
// to be shown, and retried by the next change or on close.
type Autosave struct {
	saver *assessments.Saver
	// version is the newest state encoded, saved the newest written.
	version, saved uint64
	// err is the last failure, kept until a version as new is written.
	err    error
	failed uint64
}

// NewAutosave saves an opened assessment: a resumed file is on disk as it
// is (version 1, saved); a new one is written at its first change.
func NewAutosave(o *assessments.Opened) Autosave {
	if o.New {
		return Autosave{saver: o.Saver}
	}
	return Autosave{saver: o.Saver, version: 1, saved: 1}
}

// Save returns the Cmd that writes the assessment as it is now.
func (s *Autosave) Save(a *assessments.Assessment) tea.Cmd {
	if s.saver == nil {
		return nil
	}
	s.version++
	v := s.version
	data, err := a.Encode()
	if err != nil {
		return func() tea.Msg { return SavedMsg{Version: v, Err: err} }
	}
	saver := s.saver
	return func() tea.Msg { return SavedMsg{Version: v, Err: saver.Write(v, data)} }
}

// SaveNow writes the assessment at once, for the accessible prompts, which
// wait for nothing else; it reports the failure it keeps.
func (s *Autosave) SaveNow(a *assessments.Assessment) error {
	cmd := s.Save(a)
	if cmd == nil {
		return nil
	}
	msg := cmd().(SavedMsg)
	s.Done(msg)
	return msg.Err
}

// Done records the outcome of a write.
func (s *Autosave) Done(msg SavedMsg) {
	if msg.Err != nil {
		s.err, s.failed = msg.Err, max(s.failed, msg.Version)
		return
	}
	s.saved = max(s.saved, msg.Version)
	if s.saved >= s.failed {
		s.err = nil
	}
}

// Version is the newest version encoded: the version of the next
// SavedMsg that reports its write.
func (s *Autosave) Version() uint64 { return s.version }

// pending reports whether a write is on its way.
func (s *Autosave) pending() bool { return s.saved < s.version && s.err == nil }

// Close writes what was not written yet (when write is true) and releases
// the file's lock. When that last write fails too, the answers are copied
// to a private rescue folder and the error, a *SaveError, says where.
func (s *Autosave) Close(a *assessments.Assessment, write bool) error {
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

// Written reports whether the file holds a version of this session's
// assessment: one resumed, or one saved at least once.
func (s *Autosave) Written() bool { return s.saver != nil && s.saved > 0 }

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

// Path is the file being saved, "" before one is open.
func (s *Autosave) Path() string {
	if s.saver == nil {
		return ""
	}
	return s.saver.Path()
}
