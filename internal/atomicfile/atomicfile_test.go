package atomicfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/readycheck/readycheck/internal/atomicfile"
)

func TestWriteFileReplacesAndSetsMode(t *testing.T) {
	dir := t.TempDir()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	path := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.WriteFile(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content = %q, want new", b)
	}
	if runtime.GOOS != "windows" {
		if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
			t.Errorf("mode = %v, want 0600 even for a file that existed", info.Mode().Perm())
		}
	}
	// Nothing is left beside the file, and nothing in $TMPDIR (renameio's
	// pending file and probe used to land there).
	for _, d := range []string{dir, tmp} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if e.Name() != "a.yaml" {
				t.Errorf("left %s in %s", e.Name(), d)
			}
		}
	}
}

func TestTemporaryFileIsHiddenBesideTarget(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", t.TempDir())
	f, err := atomicfile.New(filepath.Join(dir, "a.yaml"), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Cleanup()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name()[0] != '.' {
		t.Fatalf("pending file: %v, want one hidden file beside the target", entries)
	}
	if err := f.Cleanup(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Cleanup left %v", entries)
	}
}

func TestRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	if err := os.WriteFile(victim, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "out.html")
	if err := os.Symlink(victim, link); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	err := atomicfile.WriteFile(link, []byte("report"), 0o600)
	if !errors.Is(err, atomicfile.ErrNotRegular) {
		t.Fatalf("err = %v, want ErrNotRegular", err)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("victim = %q", b)
	}
}

func TestRefusesFolder(t *testing.T) {
	dir := t.TempDir()
	err := atomicfile.WriteFile(dir, []byte("x"), 0o600)
	if !errors.Is(err, atomicfile.ErrNotRegular) {
		t.Fatalf("err = %v, want ErrNotRegular", err)
	}
}

func TestNoCommitLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := atomicfile.New(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("partial"))
	f.Cleanup()
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("content = %q, want old", b)
	}
}
