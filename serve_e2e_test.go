package main_test

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/readycheck/readycheck/assessments"
)

// serving starts `readycheck serve --open` on a free loopback port and
// returns the server process and its address.
func serving(t *testing.T, bin, data string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--open", "--data-dir", data, "--listen", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := bufio.NewScanner(out)
	on := regexp.MustCompile(` on (127\.0\.0\.1:\d+)$`)
	for lines.Scan() {
		if m := on.FindStringSubmatch(lines.Text()); m != nil {
			go func() {
				for lines.Scan() {
				}
			}()
			return cmd, m[1]
		}
	}
	t.Fatal("the server did not say where it listens")
	return nil, ""
}

// newCandidate connects to an --open server with a new key.
func newCandidate(addr string) (*gossh.Client, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, err
	}
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "c", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
	})
}

// The server killed with kill -9 while candidates answer leaves every
// assessment file whole: each parses after the crash.
func TestServeKilledUnderLoadLeavesFilesWhole(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	server, addr := serving(t, bin, data)
	const candidates = 12
	var wg sync.WaitGroup
	for i := range candidates {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := newCandidate(addr)
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			sess, err := c.NewSession()
			if err != nil {
				t.Error(err)
				return
			}
			if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
				t.Error(err)
				return
			}
			in, _ := sess.StdinPipe()
			if err := sess.Shell(); err != nil {
				t.Error(err)
				return
			}
			// Keys blind, as fast as a person who knows the screens: the
			// name, no email, every company, then answers until the end.
			keys := []string{fmt.Sprintf("Candidate %d", i), "\r", "\r", "\r"}
			for range 38 {
				keys = append(keys, "1", "\r")
			}
			time.Sleep(300 * time.Millisecond)
			for _, k := range keys {
				if _, err := in.Write([]byte(k)); err != nil {
					return // the server is gone
				}
				time.Sleep(15 * time.Millisecond)
			}
		}()
	}
	// Kill it while answers are being written: once half the candidates
	// have a file, the others are answering too.
	pattern := filepath.Join(data, "candidates", "*", "assessments", "*.yaml")
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if files, _ := filepath.Glob(pattern); len(files) >= candidates/2 {
			break
		}
	}
	if err := server.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = server.Wait()
	wg.Wait()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < candidates/2 {
		t.Fatalf("only %d files were written before the kill; the test did not load the server", len(files))
	}
	t.Logf("%d files after the kill", len(files))
	for _, f := range files {
		if _, err := assessments.LoadFile(f); err != nil {
			data, _ := os.ReadFile(f)
			t.Errorf("%s: %v\n%s", f, err, data)
		}
	}
	// A restarted server serves the same folder.
	_, addr = serving(t, bin, data)
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Fatal(addr)
	}
}

// SIGTERM tells a connected candidate that the server is restarting, with
// their answers saved, and the server exits 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	server, addr := serving(t, bin, data)
	c, err := newCandidate(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	sess.Stderr = &errOut
	in, _ := sess.StdinPipe()
	if err := sess.Start("assess --accessible"); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(in, "Ada\n\n\n1\n1\n"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if err := server.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err = sess.Wait()
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 || !strings.Contains(errOut.String(), "the server is restarting, so the session ended; your answers are saved") {
		t.Errorf("the session: %v, %q", err, errOut.String())
	}
	if err := server.Wait(); err != nil {
		t.Errorf("the server: %v, want exit status 0", err)
	}
	files, _ := filepath.Glob(filepath.Join(data, "candidates", "*", "assessments", "*.yaml"))
	if len(files) != 1 {
		t.Fatalf("files: %v", files)
	}
	if a, err := assessments.LoadFile(files[0]); err != nil || a.Answered() != 2 {
		t.Errorf("saved: %v, %+v", err, a)
	}
}
