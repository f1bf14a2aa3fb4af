//go:build unix

package assessments_test

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/readycheck/readycheck/assessments"
)

// The review list (List) reports a FIFO as not a regular file instead of
// hanging on it.
func TestListSkipsFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	done := make(chan []assessments.Entry, 1)
	go func() { done <- assessments.List(dir) }()
	select {
	case entries := <-done:
		if len(entries) != 1 || entries[0].Err == nil || !strings.Contains(entries[0].Err.Error(), fifo+": not a regular file") {
			t.Errorf("entries = %+v", entries)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("List hung on a FIFO")
	}
}
