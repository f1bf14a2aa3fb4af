package assessments

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/gofrs/flock"
)

// ErrLocked is returned when another readycheck has the assessment open.
var ErrLocked = errors.New("assessment is open in another readycheck")

// Lock is an advisory lock on an assessment, held on a separate
// "<file>.lock" file: the data file itself is replaced by every save.
type Lock struct {
	fl *flock.Flock
}

// LockPath is the lock file of an assessment file.
func LockPath(path string) string { return path + ".lock" }

// LockFile takes the lock of an assessment without waiting. When another
// process (or another Lock in this one) holds it, the error wraps ErrLocked
// and says what to do.
func LockFile(path string) (*Lock, error) {
	fl := flock.New(LockPath(path), flock.SetPermissions(FileMode))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !ok {
		who := ""
		if b, err := os.ReadFile(LockPath(path)); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
				who = fmt.Sprintf(" (process %d)", pid)
			}
		}
		return nil, fmt.Errorf("%s: %w%s; close it there first, then try again", path, ErrLocked, who)
	}
	// Record who holds the lock, for the message above; only the holder
	// writes it, and it is informative only.
	_ = os.WriteFile(LockPath(path), []byte(strconv.Itoa(os.Getpid())+"\n"), FileMode)
	return &Lock{fl: fl}, nil
}

// Unlock releases the lock. The lock file is left in place: removing it
// could let two processes lock two different files of the same name.
func (l *Lock) Unlock() error {
	if l == nil || l.fl == nil {
		return nil
	}
	return l.fl.Unlock()
}

// Saver writes successive versions of one assessment file in order, under
// its lock. Write may be called from several goroutines; a version older
// than one already written is skipped, so that a slow earlier save never
// overwrites a newer one.
type Saver struct {
	path string
	lock *Lock
	mu   sync.Mutex
	last uint64
}

// OpenSaver takes the lock of an assessment file for saving.
func OpenSaver(path string) (*Saver, error) {
	l, err := LockFile(path)
	if err != nil {
		return nil, err
	}
	return &Saver{path: path, lock: l}, nil
}

// Path is the file the saver writes.
func (s *Saver) Path() string { return s.path }

// Write saves version of the file atomically unless a newer one was written.
func (s *Saver) Write(version uint64, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if version <= s.last && s.last != 0 {
		return nil
	}
	if err := WriteFile(s.path, data); err != nil {
		return err
	}
	s.last = version
	return nil
}

// Close releases the lock.
func (s *Saver) Close() error {
	if s == nil {
		return nil
	}
	return s.lock.Unlock()
}
