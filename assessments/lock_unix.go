//go:build unix

package assessments

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/readycheck/readycheck/internal/atomicfile"
)

// openLockFile opens a lock file for locking without following a symbolic
// link (O_NOFOLLOW) and without waiting on a pipe (O_NONBLOCK). With
// create, the file must not exist yet (O_EXCL).
func openLockFile(path string, create bool) (*os.File, error) {
	flag := os.O_RDWR | os.O_CREATE | unix.O_NOFOLLOW | unix.O_NONBLOCK | unix.O_CLOEXEC
	if create {
		flag |= os.O_EXCL
	}
	f, err := os.OpenFile(path, flag, FileMode)
	if err != nil {
		// O_NOFOLLOW fails with ELOOP on a link, a folder with EISDIR:
		// say what is in the way rather than the system's word.
		if info, lerr := os.Lstat(path); lerr == nil && !info.Mode().IsRegular() {
			return nil, &atomicfile.NotRegularError{Path: path, Mode: info.Mode()}
		}
		return nil, err
	}
	// A lock file with another name (a hard link planted to a file of the
	// user's) would be truncated through it.
	if info, err := f.Stat(); err == nil {
		if st, ok := info.Sys().(*syscall.Stat_t); ok && st.Nlink > 1 {
			f.Close()
			return nil, errHardLinked
		}
	}
	return f, nil
}

// lockHandle takes an exclusive flock on f without waiting; false when
// another open file holds it.
func lockHandle(f *os.File) (bool, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return false, err
	}
	var lockErr error
	if err := rc.Control(func(fd uintptr) {
		for {
			lockErr = unix.Flock(int(fd), unix.LOCK_EX|unix.LOCK_NB)
			if lockErr != unix.EINTR {
				return
			}
		}
	}); err != nil {
		return false, err
	}
	if errors.Is(lockErr, unix.EWOULDBLOCK) {
		return false, nil
	}
	return lockErr == nil, lockErr
}
