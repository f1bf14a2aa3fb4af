package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/fang/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/tui/assess"
	"github.com/readycheck/readycheck/tui/kit"
)

var assessClock = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// runInput runs readycheck in-process with text on standard input.
func runInput(t *testing.T, input string, args ...string) (stdout, errout string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	old := stderr
	stderr = &errb
	defer func() { stderr = old }()
	assessOpts = assessFlags{}
	root := NewRoot()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(input))
	err := fang.Execute(context.Background(), root, fang.WithErrorHandler(handleError), fang.WithoutManpage())
	return out.String(), errb.String(), exitCode(err)
}

// notTerminal makes the process's standard input and output look like
// anything but a terminal, as under a pipe.
func notTerminal(t *testing.T) {
	old := isTerminal
	isTerminal = func(*os.File) bool { return false }
	t.Cleanup(func() { isTerminal = old })
}

func TestAssessNeedsTerminal(t *testing.T) {
	notTerminal(t)
	for _, args := range [][]string{{}, {"assess"}} {
		_, errout, code := run(t, append(args, "--data-dir", t.TempDir())...)
		if code != ExitFailure || errout != noTerminal+"\n" {
			t.Errorf("%v: exit %d\n%s", args, code, errout)
		}
	}
	if !strings.Contains(noTerminal, "readycheck --accessible") || !strings.Contains(noTerminal, "readycheck score FILE") {
		t.Errorf("the message does not point to --accessible and score: %s", noTerminal)
	}
}

func TestAssessUnknownCompany(t *testing.T) {
	_, errout, code := run(t, "--data-dir", t.TempDir(), "--company", "dept", "--company", "acme")
	want := `readycheck: unknown company "acme" in rubric "backend-internship"; its companies are: jpmorganchase, dept, typical-backend`
	if code != ExitUsage || !strings.Contains(errout, want) {
		t.Errorf("exit %d\n%s", code, errout)
	}
}

// --rubric is validated first and its problems printed as validate prints
// them; nothing starts.
func TestAssessBadRubric(t *testing.T) {
	bad := writeFile(t, "bad.yaml", "format: readycheck/rubric/v1\nid: Bad Id\ntitle: x\nscales: {}\ncategories: []\ncompanies: []\n")
	_, validateErr, _ := run(t, "validate", bad)
	_, errout, code := run(t, "--rubric", bad, "--data-dir", t.TempDir(), "--accessible")
	if code != ExitFailure || errout != validateErr || !strings.HasPrefix(errout, bad+":2:5: ") {
		t.Errorf("exit %d\n%s\nwant as validate:\n%s", code, errout, validateErr)
	}
}

// A second readycheck on an assessment gets a clear message and status 1.
func TestAssessResumeLocked(t *testing.T) {
	path := saveAssessment(t, map[string]int{"python": 2})
	lock, err := assessments.LockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	_, errout, code := runInput(t, "", "--resume", path, "--accessible")
	if code != ExitFailure || !strings.Contains(errout, path+": assessment is open in another readycheck") || !strings.Contains(errout, "close it there first") {
		t.Errorf("exit %d\n%s", code, errout)
	}
}

func saveAssessment(t *testing.T, answers map[string]int) string {
	t.Helper()
	r, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	a := assessments.New(r, assessments.Person{Name: "Ada"}, []string{"dept"}, assessClock)
	for id, l := range answers {
		a.SetAnswer(id, l, assessClock)
	}
	path := filepath.Join(t.TempDir(), "ada.yaml")
	if err := assessments.Save(path, a); err != nil {
		t.Fatal(err)
	}
	return path
}

// --resume in accessible mode (READYCHECK_ACCESSIBLE=1) picks up after the
// last answer, and its results match score on the saved file.
func TestAssessResumeAccessible(t *testing.T) {
	t.Setenv("READYCHECK_ACCESSIBLE", "1")
	path := saveAssessment(t, map[string]int{"python": 2, "javascript": 1})
	r, _ := builtin.Rubric()
	var input strings.Builder
	for _, s := range r.Skills()[2:] {
		fmt.Fprintf(&input, "%d\n", min(3, s.Scale.Top()))
	}
	input.WriteString("f\n")
	out, errout, code := runInput(t, input.String(), "--resume", path)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errout)
	}
	if !strings.Contains(out, "skill 3 of 38: TypeScript") || strings.Contains(out, "skill 2 of 38") {
		t.Errorf("did not resume at skill 3:\n%s", out)
	}
	scored, _, _ := run(t, "score", path)
	if scored == "" || !strings.Contains(out, scored) {
		t.Errorf("the results differ from score's:\n%s\nscore:\n%s", out, scored)
	}
	a, err := assessments.LoadFile(path)
	if err != nil || a.Status != assessments.Complete || a.Answered() != len(r.Skills()) {
		t.Errorf("saved: %v %+v", err, a)
	}
}

func TestPrintOutcome(t *testing.T) {
	failed := &kit.SaveError{Path: "/d/a.yaml", Rescue: "/state/rescue/a-123.yaml", Err: errors.New("no such file or directory")}
	for _, c := range []struct {
		done   assess.Outcome
		resume string
		err    error
		want   string
	}{
		{assess.Outcome{}, "", nil, ""},
		{assess.Outcome{Path: "/d/a.yaml"}, "", nil, "Saved to /d/a.yaml\nRun readycheck again to pick up where you left off.\n"},
		{assess.Outcome{Path: "/d/a.yaml"}, "readycheck --rubric /r/acme.yaml --resume %s", nil,
			"Saved to /d/a.yaml\nTo pick up where you left off, run:\n  readycheck --rubric /r/acme.yaml --resume /d/a.yaml\n"},
		{assess.Outcome{Path: "/d/a.yaml", Complete: true}, "", nil, "Saved to /d/a.yaml\nA report to send a mentor: readycheck score /d/a.yaml --format markdown\n"},
		// Finished with skills left unanswered: how to answer them.
		{assess.Outcome{Path: "/d/a.yaml", Complete: true, Unanswered: 3}, "readycheck --rubric /r.yaml --accessible --resume %s", nil,
			"Saved to /d/a.yaml\nA report to send a mentor: readycheck score /d/a.yaml --format markdown\n3 skills not answered (counted as 0); to answer them:\n  readycheck --rubric /r.yaml --accessible --resume /d/a.yaml\n"},
		// A failed last save never says "Saved to".
		{assess.Outcome{}, "readycheck --data-dir /d --resume %s", failed,
			"Not saved to /d/a.yaml. Your answers are in /state/rescue/a-123.yaml.\nOnce the problem is fixed, move them back and take them up again:\n  mv /state/rescue/a-123.yaml /d/a.yaml\n  readycheck --data-dir /d --resume /d/a.yaml\n"},
	} {
		var b bytes.Buffer
		printOutcome(&b, c.done, c.resume, c.err)
		if b.String() != c.want {
			t.Errorf("%+v: %q, want %q", c.done, b.String(), c.want)
		}
	}
}

// The hint names every flag that found the file, so that it resumes.
func TestResumeCommand(t *testing.T) {
	t.Setenv("READYCHECK_DATA_DIR", "")
	if got := resumeCommand(assessFlags{}); got != "" {
		t.Errorf("no flags: %q, want plain readycheck", got)
	}
	got := resumeCommand(assessFlags{dataDir: "/data", rubric: "/r/acme.yaml"})
	if got != "readycheck --data-dir /data --rubric /r/acme.yaml --resume %s" {
		t.Errorf("flags: %q", got)
	}
	t.Setenv("READYCHECK_DATA_DIR", "/env data")
	got = resumeCommand(assessFlags{accessible: true})
	if got != "readycheck --data-dir '/env data' --accessible --resume %s" {
		t.Errorf("environment: %q", got)
	}
}

// Names from flags and the environment have the form's length limit: a
// longer one is refused before anything is written.
func TestNameLengthLimits(t *testing.T) {
	long := strings.Repeat("n", assessments.MaxName+1)
	dir := t.TempDir()
	_, errs, code := run(t, "--data-dir", dir, "--accessible", "--name", long, "--company", "dept")
	if code != ExitUsage || !strings.Contains(errs, "--name is 121 characters long; at most 120 fit") {
		t.Errorf("a 121-character --name: exit %d, %q", code, errs)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "assessments", "*.yaml")); len(files) != 0 {
		t.Errorf("files written: %v", files)
	}
	_, errs, code = run(t, "review", "--reviewer", long, dir)
	if code != ExitUsage || !strings.Contains(errs, "at most 120 fit") {
		t.Errorf("a 121-character --reviewer: exit %d, %q", code, errs)
	}
	t.Setenv("READYCHECK_REVIEWER", long)
	if _, errs, code = run(t, "review", dir); code != ExitUsage || !strings.Contains(errs, "READYCHECK_REVIEWER") {
		t.Errorf("a 121-character READYCHECK_REVIEWER: exit %d, %q", code, errs)
	}
}

// A lock file planted as a link to another file is refused, and the file
// it points to is left as it was (it used to be truncated to a PID).
func TestAssessResumeRefusesLockSymlink(t *testing.T) {
	path := saveAssessment(t, map[string]int{"python": 2})
	victim := filepath.Join(t.TempDir(), "victim.txt")
	if err := os.WriteFile(victim, []byte("precious\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, assessments.LockPath(path)); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	_, errout, code := runInput(t, "", "--resume", path, "--accessible")
	if code != ExitFailure || !strings.Contains(errout, path+".lock is a symbolic link, not a regular file; remove it") {
		t.Errorf("exit %d\n%s", code, errout)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the link's target was written: %q", b)
	}
}

// After a run ends, no lock file is left beside the assessment.
func TestAssessResumeRemovesLockFile(t *testing.T) {
	path := saveAssessment(t, map[string]int{"python": 2})
	runInput(t, "", "--resume", path, "--accessible")
	if _, err := os.Lstat(assessments.LockPath(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file left after exit: %v", err)
	}
}

// --resume on a link is refused at once, not at the first save, and the
// file it points to is left as it was.
func TestAssessResumeRefusesLinkedFile(t *testing.T) {
	path := saveAssessment(t, map[string]int{"python": 2})
	link := filepath.Join(t.TempDir(), "link.yaml")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	before, _ := os.ReadFile(path)
	out, errout, code := runInput(t, "3\n", "--resume", link, "--accessible")
	if code != ExitFailure || !strings.Contains(errout, link+" is a symbolic link, not a regular file") || strings.Contains(out, "Level 0 to") {
		t.Errorf("exit %d, want it refused before any question:\n%s\n%s", code, out, errout)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("the link's target was changed")
	}
}
