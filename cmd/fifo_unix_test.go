//go:build unix

package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin runs readycheck as run does, failing the test when it has not
// finished within d (a FIFO used to block it for ever).
func runWithin(t *testing.T, d time.Duration, args ...string) (stdout, errout string, code int) {
	t.Helper()
	type result struct {
		out, errs string
		code      int
	}
	done := make(chan result, 1)
	go func() {
		o, e, c := run(t, args...)
		done <- result{o, e, c}
	}()
	select {
	case r := <-done:
		return r.out, r.errs, r.code
	case <-time.After(d):
		t.Fatalf("readycheck %s did not finish within %v", strings.Join(args, " "), d)
	}
	return "", "", 0
}

// A FIFO named like a YAML file is refused at once by every reader, with
// the file named and a reason, instead of waiting for a writer for ever.
func TestFIFOIsNotRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	want := fifo + ": not a regular file"
	_, errs, code := runWithin(t, 10*time.Second, "validate", fifo)
	if code != ExitFailure || !strings.Contains(errs, want) {
		t.Errorf("validate: exit %d\n%s", code, errs)
	}
	_, errs, code = runWithin(t, 10*time.Second, "report", dir, "--strict")
	if code != ExitFailure || !strings.Contains(errs, want) {
		t.Errorf("report: exit %d\n%s", code, errs)
	}
	_, errs, code = runWithin(t, 10*time.Second, "score", fifo)
	if code == 0 || !strings.Contains(errs, want) {
		t.Errorf("score: exit %d\n%s", code, errs)
	}
	_, errs, code = runWithin(t, 10*time.Second, "--rubric", fifo, "--accessible")
	if code == 0 || !strings.Contains(errs, want) {
		t.Errorf("--rubric FIFO: exit %d\n%s", code, errs)
	}
}

// A link to /dev/stdin named like a YAML file is not read either.
func TestStdinLinkIsNotRead(t *testing.T) {
	if info, err := os.Stat("/dev/stdin"); err != nil || info.Mode().IsRegular() {
		t.Skip("/dev/stdin is not a terminal, pipe or device here")
	}
	link := filepath.Join(t.TempDir(), "stdin.yaml")
	if err := os.Symlink("/dev/stdin", link); err != nil {
		t.Skip(err)
	}
	_, errs, code := runWithin(t, 10*time.Second, "validate", link)
	if code != ExitFailure || !strings.Contains(errs, link+": not a regular file") {
		t.Errorf("validate: exit %d\n%s", code, errs)
	}
}
