// Package atomicfile replaces files atomically: the new content is written
// to a hidden temporary file in the destination's own folder, synced, and
// renamed over the destination, so that a crash at any moment leaves either
// the old file or the new one whole, and nothing of it anywhere else. It
// never writes through a symbolic link and never replaces a folder, device,
// pipe or link: only regular files, or names that do not exist yet.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the errors of a destination that exists and is
// not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError says that a destination exists and is not a regular file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file; readycheck only replaces regular files: remove it, or write somewhere else", e.Path, Kind(e.Mode))
}

// Unwrap makes errors.Is(err, ErrNotRegular) true.
func (e *NotRegularError) Unwrap() error { return ErrNotRegular }

// Kind names the kind of a file that is not regular, in words.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// Check returns nil when path does not exist or is a regular file (not a
// link to one), else a *NotRegularError.
func Check(path string) error {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return &NotRegularError{Path: path, Mode: info.Mode()}
	}
	return nil
}

// WriteFile replaces path atomically with data, with mode perm (also when
// the file exists: its mode is not kept).
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	f, err := New(path, perm)
	if err != nil {
		return err
	}
	defer f.Cleanup()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}
