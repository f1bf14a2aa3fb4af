//go:build unix

package main_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The built binary given a FIFO named like an assessment: validate and
// report hung on it for ever; they now name it and go on.
func TestEndToEndFIFO(t *testing.T) {
	bin := build(t)
	folder := t.TempDir()
	fifo := filepath.Join(folder, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	for _, args := range [][]string{{"validate", fifo}, {"report", folder}} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		out, _ := exec.CommandContext(ctx, bin, args...).CombinedOutput()
		if ctx.Err() != nil {
			t.Errorf("%s hung on a FIFO", args[0])
		} else if !strings.Contains(string(out), fifo+": not a regular file") {
			t.Errorf("%s does not name the FIFO:\n%s", args[0], out)
		}
		cancel()
	}
}
