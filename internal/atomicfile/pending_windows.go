//go:build windows

package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// File is a replacement of a file being written; nothing is replaced until
// Commit. Call Cleanup when done: after a failed or missing Commit it
// removes the temporary file.
type File struct {
	tmp    *os.File
	path   string
	closed bool
	done   bool
}

// New starts replacing path with a file of mode perm. It fails with a
// *NotRegularError when path exists and is not a regular file.
func New(path string, perm fs.FileMode) (*File, error) {
	if err := Check(path); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"*")
	if err != nil {
		return nil, err
	}
	// Windows keeps only the read-only bit of a mode.
	_ = tmp.Chmod(perm)
	return &File{tmp: tmp, path: path}, nil
}

// Write writes to the temporary file.
func (f *File) Write(b []byte) (int, error) { return f.tmp.Write(b) }

// Commit syncs the temporary file and moves it over the destination with
// MoveFileEx(MOVEFILE_REPLACE_EXISTING|MOVEFILE_WRITE_THROUGH): the call
// returns once the move is on disk (os.Rename does not ask for that).
func (f *File) Commit() error {
	if err := Check(f.path); err != nil {
		return err
	}
	if err := f.tmp.Sync(); err != nil {
		return err
	}
	f.closed = true
	if err := f.tmp.Close(); err != nil {
		return err
	}
	from, err := windows.UTF16PtrFromString(f.tmp.Name())
	if err != nil {
		return err
	}
	to, err := windows.UTF16PtrFromString(f.path)
	if err != nil {
		return err
	}
	if err := windows.MoveFileEx(from, to, windows.MOVEFILE_REPLACE_EXISTING|windows.MOVEFILE_WRITE_THROUGH); err != nil {
		return &os.LinkError{Op: "replace", Old: f.tmp.Name(), New: f.path, Err: err}
	}
	f.done = true
	return nil
}

// Cleanup removes the temporary file unless Commit succeeded.
func (f *File) Cleanup() error {
	if f.done {
		return nil
	}
	if !f.closed {
		f.tmp.Close()
	}
	f.done = true
	return os.Remove(f.tmp.Name())
}
