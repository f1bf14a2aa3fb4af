package assessments

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/readycheck/readycheck/internal/atomicfile"
)

// ErrLocked is returned when another readycheck has the assessment open.
var ErrLocked = errors.New("assessment is open in another readycheck")

// Lock is an advisory lock on an assessment, held on a separate
// "<file>.lock" file: the data file itself is replaced by every save.
//
// The lock file is opened without following symbolic links and must be a
// regular file, so that a planted link never makes readycheck write
// elsewhere. It is removed on Unlock while still locked; a process that
// locked the same file meanwhile finds that the path no longer names the
// file it locked (or names a new one) and starts again on the new file, so
// two processes never hold locks on two different files of one name.
type Lock struct {
	path string
	f    *os.File
}

// LockPath is the lock file of an assessment file.
func LockPath(path string) string { return path + ".lock" }

// lockAttempts bounds the retries when the lock file is replaced under us.
const lockAttempts = 100

// errLockMoved says that the lock file was removed or replaced between its
// opening and its locking: the caller opens it again.
var errLockMoved = errors.New("lock file moved")

// errHardLinked says that a lock file has other names (hard links): the
// PID written into it would land in another file.
var errHardLinked = errors.New("has other names (hard links)")

// lockOpened is called between opening and locking the lock file; tests
// act there the race that the path check after locking guards against.
var lockOpened = func() {}

// LockFile takes the lock of an assessment without waiting. When another
// process (or another Lock in this one) holds it, the error wraps ErrLocked
// and says what to do. A lock path that is a symbolic link or not a regular
// file is refused.
func LockFile(path string) (*Lock, error) {
	return lockFile(path, false)
}

func lockFile(path string, create bool) (*Lock, error) {
	var err error
	for range lockAttempts {
		var l *Lock
		l, err = tryLock(path, create)
		if !errors.Is(err, errLockMoved) {
			return l, err
		}
		time.Sleep(time.Millisecond)
	}
	return nil, fmt.Errorf("lock %s: its lock file keeps changing; try again", path)
}

// tryLock opens the lock file of path (creating it, and only creating it
// when create is true), locks it and checks that the path still names it.
func tryLock(path string, create bool) (*Lock, error) {
	lp := LockPath(path)
	f, err := openLockFile(lp, create)
	if err != nil {
		var nr *atomicfile.NotRegularError
		switch {
		case errors.As(err, &nr):
			return nil, fmt.Errorf("%s: its lock file %s is %s, %w; remove it, then try again", path, lp, atomicfile.Kind(nr.Mode), atomicfile.ErrNotRegular)
		case errors.Is(err, errHardLinked):
			return nil, fmt.Errorf("%s: its lock file %s %w; remove it, then try again", path, lp, err)
		case errors.Is(err, errLockMoved), create && errors.Is(err, fs.ErrExist):
			return nil, err
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	lockOpened()
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: its lock file %s is %s, %w; remove it, then try again", path, lp, atomicfile.Kind(info.Mode()), atomicfile.ErrNotRegular)
	}
	ok, err := lockHandle(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !ok {
		who := ""
		b := make([]byte, 32)
		if n, _ := f.ReadAt(b, 0); n > 0 {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n]))); err == nil && pid > 0 {
				who = fmt.Sprintf(" (process %d)", pid)
			}
		}
		f.Close()
		return nil, fmt.Errorf("%s: %w%s; close it there first, then try again", path, ErrLocked, who)
	}
	// The holder before us may have removed the file we locked, and
	// another process may have created a new one: ours must be the one the
	// path names, else both could think they hold the lock.
	if cur, err := os.Lstat(lp); err != nil || !os.SameFile(info, cur) {
		f.Close()
		return nil, errLockMoved
	}
	// Record who holds the lock, for the message above; only the holder
	// writes it, through the handle it locked, and it is informative only.
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{path: lp, f: f}, nil
}

// Unlock releases the lock and removes the lock file, while still holding
// it (see Lock).
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	var err error
	if info, serr := l.f.Stat(); serr == nil {
		if cur, lerr := os.Lstat(l.path); lerr == nil && os.SameFile(info, cur) {
			if rerr := os.Remove(l.path); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
				err = rerr
			}
		}
	}
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
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

// OpenSaver takes the lock of an assessment file for saving. A path that
// is a symbolic link or not a regular file is refused at once, rather than
// at the first save.
func OpenSaver(path string) (*Saver, error) {
	if err := atomicfile.Check(path); err != nil {
		return nil, err
	}
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
