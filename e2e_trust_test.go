//go:build unix

package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/assessments"
)

// printed is what the program wrote after leaving the full screen: its
// closing lines, escape sequences stripped. Call it after exit, which has
// read all the program wrote.
func (term *terminal) printed() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	out := term.out.String()
	if i := strings.LastIndex(out, "\x1b[?1049l"); i >= 0 {
		out = out[i:]
	}
	return ansi.Strip(out)
}

// A save that fails (the data folder removed under the program) is said in
// full on the screen; quitting then copies the answers to a private rescue
// folder, says where, never claims "Saved to", and exits with status 1.
func TestEndToEndFailedSave(t *testing.T) {
	bin := build(t)
	data, state := t.TempDir(), t.TempDir()
	term := startEnv(t, bin, []string{"XDG_STATE_HOME=" + state}, "--data-dir", data, "--name", "Ada", "--company", "dept")
	term.waitFor("skill 1 of 38")
	term.send("3", "\r")
	term.waitFor("skill 2 of 38")
	if err := os.RemoveAll(filepath.Join(data, "assessments")); err != nil {
		t.Fatal(err)
	}
	term.send("2", "\r")
	term.waitFor("Not saved")
	if s := term.screen(); !strings.Contains(strings.Join(strings.Fields(s), " "), "quitting copies them somewhere safe") {
		t.Errorf("the failure is not said in full:\n%s", s)
	}
	term.send("q")
	if code := term.exit(); code != 1 {
		t.Errorf("exit status %d after a failed save, want 1", code)
	}
	out := term.printed()
	if strings.Contains(out, "Saved to") || !strings.Contains(out, "Not saved to") || !strings.Contains(out, "could not save") {
		t.Errorf("the closing lines contradict what happened:\n%s", out)
	}
	copies, _ := filepath.Glob(filepath.Join(state, "readycheck", "rescue", "ada-*.yaml"))
	if len(copies) != 1 {
		t.Fatalf("rescue copies %v, want one in the state folder", copies)
	}
	if !strings.Contains(strings.Join(strings.Fields(out), ""), copies[0]) {
		t.Errorf("the closing lines do not name the rescue copy %s:\n%s", copies[0], out)
	}
	if info, err := os.Stat(filepath.Dir(copies[0])); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("rescue folder: %v, mode %v; want 0700", err, info.Mode().Perm())
	}
	a, err := assessments.LoadFile(copies[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered() != 2 {
		t.Errorf("the rescue copy holds %d answers, want 2", a.Answered())
	}
}

// With --data-dir and --rubric, the closing hint is the exact command that
// takes the assessment up again, and it does.
func TestEndToEndResumeHint(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	rubricPath := filepath.Join("rubric", "testdata", "small.yaml")
	term := start(t, bin, "--data-dir", data, "--rubric", rubricPath, "--name", "Ada", "--company", "acme")
	term.waitFor("skill 1 of")
	term.send("1", "\r")
	term.waitFor("skill 2 of")
	term.send("q")
	if code := term.exit(); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	out := term.printed()
	i := strings.Index(out, "readycheck --data-dir")
	if i < 0 {
		t.Fatalf("no resume command in:\n%s", out)
	}
	line := strings.TrimSpace(strings.SplitN(out[i:], "\n", 2)[0])
	absRubric, _ := filepath.Abs(rubricPath)
	files, _ := filepath.Glob(filepath.Join(data, "assessments", "ada-*.yaml"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	want := "readycheck --data-dir " + data + " --rubric " + absRubric + " --resume " + files[0]
	if line != want {
		t.Fatalf("resume hint %q, want %q", line, want)
	}
	// Run it, from another folder.
	term = start(t, bin, strings.Fields(line)[1:]...)
	term.waitFor("skill 2 of")
	term.send("q")
	term.exit()
}

// A candidate who gives a name and quits at once leaves no file behind and
// is not told that anything was saved.
func TestEndToEndQuitBeforeFirstAnswer(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	term := start(t, bin, "--data-dir", data, "--name", "Ada", "--company", "dept")
	term.waitFor("skill 1 of 38")
	term.send("q")
	if code := term.exit(); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	if out := term.printed(); strings.Contains(out, "Saved") {
		t.Errorf("nothing was answered, yet:\n%s", out)
	}
	if files, _ := filepath.Glob(filepath.Join(data, "assessments", "*.yaml")); len(files) != 0 {
		t.Errorf("files left behind: %v", files)
	}
}

// Closing the terminal (SIGHUP) or a kill (SIGTERM) in the middle of a
// note keeps the answers and the note typed so far.
func TestEndToEndSignalsKeepAnswers(t *testing.T) {
	bin := build(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			data := t.TempDir()
			term := start(t, bin, "--data-dir", data, "--name", "Ada", "--company", "dept")
			term.waitFor("skill 1 of 38")
			term.send("3", "\r")
			term.waitFor("skill 2 of 38")
			term.send("n")
			term.waitFor("Evidence links")
			term.send("Wrote a parser")
			term.waitFor("Wrote a parser")
			term.cmd.Process.Signal(sig)
			if code := term.exit(); code != 128+int(sig) {
				t.Errorf("exit status %d, want %d (128 + the signal)", code, 128+int(sig))
			}
			files, _ := filepath.Glob(filepath.Join(data, "assessments", "ada-*.yaml"))
			if len(files) != 1 {
				t.Fatalf("files %v", files)
			}
			a, err := assessments.LoadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			if a.Answered() != 1 {
				t.Errorf("%d answers kept, want 1", a.Answered())
			}
			var note string
			for _, ans := range a.Answers {
				if ans.Note != "" {
					note = ans.Note
				}
			}
			if note != "Wrote a parser" {
				t.Errorf("the note typed was lost: %q", note)
			}
		})
	}
}

// The same for a mentor: a rating and a comment being typed survive q,
// SIGHUP and SIGTERM.
func TestEndToEndMentorSignals(t *testing.T) {
	bin := build(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			files := []string{finishedAssessment(t, bin, t.TempDir())}
			term := start(t, bin, "review", "--reviewer", "Grace", files[0])
			term.waitFor("Ada")
			term.send("\r")
			term.waitFor("your level")
			term.send("3", "\r")
			term.waitFor("Your comment")
			term.send("Strong Python")
			term.waitFor("Strong Python")
			term.cmd.Process.Signal(sig)
			if code := term.exit(); code != 128+int(sig) {
				t.Errorf("exit status %d, want %d (128 + the signal)", code, 128+int(sig))
			}
			a, err := assessments.LoadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			rv, ok := a.Review("Grace")
			if !ok || rv.Ratings["python"] == nil || rv.Ratings["python"].Level != 3 || rv.Ratings["python"].Comment != "Strong Python" {
				t.Errorf("the review was lost: %+v", rv)
			}
		})
	}
}
