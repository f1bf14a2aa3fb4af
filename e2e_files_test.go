package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The built binary with a planted lock file linked to another file (it was
// truncated to a PID); and a finished run leaves no lock file.
func TestEndToEndPlantedLock(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	finishedAssessment(t, bin, data)
	folder := filepath.Join(data, "assessments")
	files, _ := filepath.Glob(filepath.Join(folder, "*"))
	if len(files) != 1 || !strings.HasSuffix(files[0], ".yaml") {
		t.Fatalf("the store holds %v, want the assessment alone (no lock file)", files)
	}
	path := files[0]

	victim := filepath.Join(data, "victim.txt")
	os.WriteFile(victim, []byte("precious\n"), 0o600)
	if err := os.Symlink("../victim.txt", path+".lock"); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	out, err := exec.Command(bin, "--data-dir", data, "--resume", path, "--accessible").CombinedOutput()
	if err == nil || !strings.Contains(string(out), path+".lock is a symbolic link, not a regular file; remove it") {
		t.Errorf("--resume with a planted lock link: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the lock link's target was written: %q", b)
	}
}
