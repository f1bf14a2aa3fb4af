//go:build windows

package assessments

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"

	"github.com/readycheck/readycheck/internal/atomicfile"
)

// openLockFile opens a lock file for locking without following a reparse
// point (FILE_FLAG_OPEN_REPARSE_POINT), refusing one. Sharing allows
// deletion, so that Unlock can remove the file while it holds it. With
// create, the file must not exist yet.
func openLockFile(path string, create bool) (*os.File, error) {
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	disposition := uint32(windows.OPEN_ALWAYS)
	if create {
		disposition = windows.CREATE_NEW
	}
	h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil,
		disposition, windows.FILE_ATTRIBUTE_NORMAL|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if err != nil {
		switch {
		case errors.Is(err, windows.ERROR_FILE_EXISTS):
			return nil, &os.PathError{Op: "open", Path: path, Err: os.ErrExist}
		case errors.Is(err, windows.ERROR_ACCESS_DENIED):
			// A folder cannot be opened as a file; a lock file being
			// deleted by its last holder cannot be opened until its
			// handles close: open it again.
			if info, lerr := os.Lstat(path); lerr == nil {
				if !info.Mode().IsRegular() {
					return nil, &atomicfile.NotRegularError{Path: path, Mode: info.Mode()}
				}
				return nil, errLockMoved
			}
		}
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	var fi windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &fi); err != nil {
		windows.CloseHandle(h)
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	if fi.FileAttributes&(windows.FILE_ATTRIBUTE_REPARSE_POINT|windows.FILE_ATTRIBUTE_DIRECTORY) != 0 {
		windows.CloseHandle(h)
		mode := os.ModeSymlink
		if fi.FileAttributes&windows.FILE_ATTRIBUTE_DIRECTORY != 0 {
			mode = os.ModeDir
		}
		return nil, &atomicfile.NotRegularError{Path: path, Mode: mode}
	}
	if fi.NumberOfLinks > 1 {
		windows.CloseHandle(h)
		return nil, errHardLinked
	}
	if t, err := windows.GetFileType(h); err != nil || t != windows.FILE_TYPE_DISK {
		windows.CloseHandle(h)
		return nil, &atomicfile.NotRegularError{Path: path, Mode: os.ModeDevice}
	}
	return os.NewFile(uintptr(h), path), nil
}

// lockOffset is where the locked byte lies: far past the file's content,
// because Windows locks are mandatory and the holder's process number at
// the start must stay readable.
const lockOffset = 1 << 62

// lockHandle takes an exclusive lock on f without waiting; false when
// another open file holds it.
func lockHandle(f *os.File) (bool, error) {
	ol := &windows.Overlapped{Offset: lockOffset & 0xffffffff, OffsetHigh: lockOffset >> 32}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return false, nil
	}
	return err == nil, err
}
