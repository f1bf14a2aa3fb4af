//go:build !windows

package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// File is a replacement of a file being written; nothing is replaced until
// Commit. Call Cleanup when done: after a failed or missing Commit it
// removes the temporary file.
type File struct {
	pf   *renameio.PendingFile
	path string
}

// New starts replacing path with a file of mode perm. It fails with a
// *NotRegularError when path exists and is not a regular file.
func New(path string, perm fs.FileMode) (*File, error) {
	if err := Check(path); err != nil {
		return nil, err
	}
	// The temporary file lives beside path (renameio would otherwise probe
	// and use $TMPDIR), named "."+base+random so listings skip it.
	pf, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)), renameio.WithStaticPermissions(perm))
	if err != nil {
		return nil, err
	}
	return &File{pf: pf, path: path}, nil
}

// Write writes to the temporary file.
func (f *File) Write(b []byte) (int, error) { return f.pf.Write(b) }

// Commit syncs the temporary file, renames it over the destination and
// syncs the folder, so that the rename survives a crash.
func (f *File) Commit() error {
	// A link or pipe put in place since New is not replaced either.
	if err := Check(f.path); err != nil {
		return err
	}
	if err := f.pf.CloseAtomicallyReplace(); err != nil {
		return err
	}
	return syncDir(filepath.Dir(f.path))
}

// Cleanup removes the temporary file unless Commit succeeded.
func (f *File) Cleanup() error { return f.pf.Cleanup() }

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
