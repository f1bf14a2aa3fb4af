package assessments

import (
	"errors"
	"path/filepath"
	"testing"
)

// A process that opened the lock file just before its holder removed it
// must not hold a lock on the removed file while a third process holds the
// new one.
func TestLockNeverTwoFilesOfOneName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	a, err := LockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c *Lock
	lockOpened = func() {
		lockOpened = func() {}
		// B has the old file open: A lets go (removing it) and C
		// creates and locks a new one.
		if err := a.Unlock(); err != nil {
			t.Error(err)
		}
		if c, err = LockFile(path); err != nil {
			t.Error(err)
		}
	}
	defer func() { lockOpened = func() {} }()
	b, err := LockFile(path)
	if !errors.Is(err, ErrLocked) {
		b.Unlock()
		t.Fatalf("B: err = %v, want ErrLocked while C holds the lock", err)
	}
	c.Unlock()
}
