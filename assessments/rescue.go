package assessments

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
)

// RescueDir is the private folder (mode 0700) where Rescue puts the
// answers that could not be saved where they belong: the XDG state home's
// readycheck/rescue. A variable for tests.
var RescueDir = func() string { return filepath.Join(xdg.StateHome, "readycheck", "rescue") }

// Rescue writes the encoded assessment that could not be saved at path to
// a new file of its own in RescueDir, named after path with a random part
// so that nobody can guess it or plant a file there first, and returns the
// copy's path. When that folder cannot be used either (it may be the
// full disk that failed the save), the copy goes to a new private folder
// in the system's temporary folder.
func Rescue(path string, data []byte) (string, error) {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if base == "" || base == "." || strings.HasPrefix(base, ".") {
		base = "assessment"
	}
	dir := RescueDir()
	copyPath, err := rescueIn(dir, base, data)
	if err == nil {
		return copyPath, nil
	}
	tmp, terr := os.MkdirTemp("", "readycheck-rescue-")
	if terr != nil {
		return "", fmt.Errorf("rescue a copy of %s: %w", path, errors.Join(err, terr))
	}
	copyPath, terr = rescueIn(tmp, base, data)
	if terr != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("rescue a copy of %s: %w", path, errors.Join(err, terr))
	}
	return copyPath, nil
}

// rescueIn writes data to a new file in dir, creating dir private (0700)
// or refusing it when it is not a folder of its own (a symbolic link).
func rescueIn(dir, base string, data []byte) (string, error) {
	if err := os.MkdirAll(dir, FolderMode); err != nil {
		return "", err
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return "", fmt.Errorf("%s is not a folder", dir)
	}
	if info.Mode().Perm() != FolderMode {
		if err := os.Chmod(dir, FolderMode); err != nil {
			return "", err
		}
	}
	// CreateTemp creates a new file (O_EXCL, mode 0600): it never opens an
	// existing file or follows a link planted under its name.
	f, err := os.CreateTemp(dir, base+"-*.yaml")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
