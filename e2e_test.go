package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtest"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// binDir holds the binary the end-to-end tests build; TestMain removes it.
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds readycheck once for the end-to-end tests.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "readycheck-e2e")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "readycheck")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

func build(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end tests skipped in -short mode")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the end-to-end tests drive a Unix pseudo-terminal")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// terminal is a program running in a real pseudo-terminal, its output
// drawn by a terminal emulator so that tests read the screen a person sees.
type terminal struct {
	*termtest.Screen
	t   *testing.T
	cmd *exec.Cmd
	pty *os.File
	// out is everything the program wrote, as written.
	mu  sync.Mutex
	out bytes.Buffer
	// read is closed when all the program wrote has been read.
	read chan struct{}
}

func start(t *testing.T, bin string, args ...string) *terminal {
	t.Helper()
	return startEnv(t, bin, nil, args...)
}

// startEnv is start with more environment variables.
func startEnv(t *testing.T, bin string, env []string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=1"), env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, pty: f, Screen: termtest.New(80, 24), read: make(chan struct{})}
	// The emulator answers the program's queries (cursor position, colours)
	// as a terminal would.
	go io.Copy(f, term.Screen)
	go func() {
		defer close(term.read)
		b := make([]byte, 32<<10)
		for {
			n, err := f.Read(b)
			term.mu.Lock()
			term.out.Write(b[:n])
			term.mu.Unlock()
			term.Write(b[:n])
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { cmd.Process.Kill(); f.Close() })
	return term
}

// finishedAssessment has Ada take the whole built-in assessment by the
// accessible walk-through (DEPT® only, level 1 everywhere) in the data
// folder, and returns its file.
func finishedAssessment(t *testing.T, bin, data string) string {
	t.Helper()
	cmd := exec.Command(bin, "--data-dir", data, "--accessible")
	cmd.Stdin = strings.NewReader("Ada\n\n2\n" + strings.Repeat("1\n", 38) + "f\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("accessible: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(data, "assessments", "ada-*.yaml"))
	if len(files) != 1 {
		t.Fatalf("files: %v", files)
	}
	return files[0]
}

// screen is the terminal's screen as a person sees it now.
func (term *terminal) screen() string { return term.Text() }

// settled is the screen once it stops changing (termtest.Screen.Settled).
func (term *terminal) settled() string { return term.Settled() }

func (term *terminal) waitFor(text string) {
	term.t.Helper()
	term.WaitFor(term.t, text)
}

func (term *terminal) send(keys ...string) {
	for _, k := range keys {
		if _, err := io.WriteString(term.pty, k); err != nil {
			term.t.Fatal(err)
		}
		time.Sleep(15 * time.Millisecond)
	}
}

func (term *terminal) exit() int {
	done := make(chan error, 1)
	go func() { done <- term.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		term.t.Fatal("the program did not exit")
	}
	// What it wrote last may still be on its way from the terminal.
	select {
	case <-term.read:
	case <-time.After(500 * time.Millisecond):
	}
	return term.cmd.ProcessState.ExitCode()
}

// A candidate takes the whole built-in assessment in a real terminal at
// 80x24, quits, and the saved file scores as the results screen showed.
func TestEndToEndAssessment(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	term := start(t, bin, "--data-dir", data, "--name", "Ada Lovelace", "--company", "jpmorganchase", "--company", "dept")
	term.waitFor("skill 1 of 38")
	r, _ := builtin.Rubric()
	for i, s := range r.Skills() {
		term.waitFor(fmt.Sprintf("skill %d of 38", i+1))
		term.send(fmt.Sprint(min(2, s.Scale.Top())), "\r")
	}
	term.waitFor("Review your answers")
	term.send("f")
	term.waitFor("Your readiness")
	shown := term.settled()
	term.send("q")
	if code := term.exit(); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	files, _ := filepath.Glob(filepath.Join(data, "assessments", "ada-lovelace-*.yaml"))
	if len(files) != 1 {
		t.Fatalf("saved files: %v", files)
	}
	a, err := assessments.LoadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != assessments.Complete || a.Answered() != 38 {
		t.Errorf("saved: status %s, %d answered", a.Status, a.Answered())
	}
	out, err := exec.Command(bin, "score", files[0], "--format", "json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Companies []struct {
			Name      string
			Readiness float64
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Companies) != 2 {
		t.Fatalf("scored %d companies, want the 2 targets", len(rep.Companies))
	}
	for _, c := range rep.Companies {
		if !strings.Contains(shown, fmt.Sprintf("%5.1f%%", c.Readiness)) {
			t.Errorf("the results screen did not show %s at %.1f%% as score does", c.Name, c.Readiness)
		}
	}
}

// ctrl+c exits with status 130 and keeps what was answered; the next run
// offers to resume it, and --resume opens it where it was left.
func TestEndToEndInterruptAndResume(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	term := start(t, bin, "--data-dir", data, "--name", "Grace", "--company", "dept")
	term.waitFor("skill 1 of 38")
	term.send("3", "\r", "2", "\r")
	term.waitFor("skill 3 of 38")
	term.send("\x03")
	if code := term.exit(); code != 130 {
		t.Fatalf("ctrl+c: exit status %d, want 130", code)
	}
	files, _ := filepath.Glob(filepath.Join(data, "assessments", "grace-*.yaml"))
	if len(files) != 1 {
		t.Fatalf("saved files: %v", files)
	}
	term = start(t, bin, "--data-dir", data)
	term.waitFor("Resume Grace · 2/38 answered")
	term.send("q")
	term.exit()
	term = start(t, bin, "--data-dir", data, "--resume", files[0])
	term.waitFor("skill 3 of 38")
	// A second readycheck on the same file is refused while this one runs.
	out, err := exec.Command(bin, "--data-dir", data, "--resume", files[0]).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "open in another readycheck") {
		t.Errorf("a second process opened a locked assessment: %v %s", err, out)
	}
	term.send("q")
	term.exit()
}

// Without a terminal, readycheck says what to use instead of drawing a
// broken screen; with --accessible it reads answers from standard input.
func TestEndToEndNoTerminalAndAccessible(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	cmd := exec.Command(bin, "--data-dir", data)
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); err == nil || code != 1 || !strings.Contains(string(out), "--accessible") || !strings.Contains(string(out), "readycheck score") {
		t.Errorf("no terminal: exit %d\n%s", code, out)
	}
	var input strings.Builder
	input.WriteString("Ada\nada@example.org\n2\n") // name, email, companies: DEPT® only
	for i := 0; i < 38; i++ {
		input.WriteString("1\n")
	}
	input.WriteString("f\n")
	cmd = exec.Command(bin, "--data-dir", data, "--accessible")
	cmd.Stdin = strings.NewReader(input.String())
	out, err = cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("accessible: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("\x1b")) {
		t.Errorf("accessible mode wrote escape sequences")
	}
	for _, want := range []string{"Programming languages, skill 1 of 38: Python", "0) None — I have not used it.", "Review: 38 of 38 skills answered.", "DEPT® — Backend Talent Program", "Saved to "} {
		if !strings.Contains(string(out), want) {
			t.Errorf("accessible output lacks %q", want)
		}
	}
}

// A mentor, as a new user: opens a folder, finds the candidate, rates and
// comments, quits, reopens and continues; `score --view both` then shows
// the figures of the results screen.
func TestEndToEndMentorReview(t *testing.T) {
	bin := build(t)
	data := t.TempDir()
	files := []string{finishedAssessment(t, bin, data)}
	folder := filepath.Join(data, "assessments")

	term := start(t, bin, "review", folder)
	term.waitFor("Your name, as the reviewer")
	term.send("Grace Hopper", "\r")
	term.waitFor("rubric backend-internship") // the detail of the row under the cursor
	term.send("/", "ada", "\r", "\r")
	term.waitFor("Review  Ada")
	term.send("4")            // Python: Proficient, two above the candidate's Beginner
	term.send("j", "j", "\r") // TypeScript: a comment
	term.waitFor("Your comment")
	term.send("Show me a typed project", "\x13")
	term.waitFor("1 level given")
	term.send("q")
	if code := term.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	term = start(t, bin, "review", folder, "--reviewer", "grace hopper")
	term.waitFor("yours in progress")
	term.send("\r")
	term.waitFor("Review  Ada")
	term.send("j", "0", "r") // JavaScript: None
	term.waitFor("candidate  mentor")
	shown := term.settled()
	term.send("q")
	term.exit()

	a, err := assessments.LoadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Reviews) != 1 || a.Reviews[0].Ratings["python"].Level != 4 || a.Reviews[0].Ratings["javascript"].Level != 0 || a.Reviews[0].Ratings["typescript"].Comment != "Show me a typed project" {
		t.Fatalf("review = %+v", a.Reviews)
	}
	out, err := exec.Command(bin, "score", files[0], "--view", "both", "--format", "json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var both struct {
		Self, Mentor struct {
			Companies []struct{ Readiness float64 }
		}
	}
	if err := json.Unmarshal(out, &both); err != nil {
		t.Fatal(err)
	}
	for i := range both.Self.Companies {
		for _, v := range []float64{both.Self.Companies[i].Readiness, both.Mentor.Companies[i].Readiness} {
			if !strings.Contains(shown, fmt.Sprintf("%5.1f%%", v)) {
				t.Errorf("the results screen does not show %.1f%% as score --view both does:\n%s", v, shown)
			}
		}
	}
}

// A reviewer name with escape sequences, controls or bidirectional
// characters, from --reviewer or READYCHECK_REVIEWER, is saved cleaned: the
// candidate's file still loads, with the name as it was shown, and the same
// name given again continues its review instead of starting another.
func TestEndToEndHostileReviewerName(t *testing.T) {
	bin := build(t)
	r, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	a := assessments.New(r, assessments.Person{Name: "Ada"}, nil, time.Now())
	for _, s := range r.Skills() {
		a.SetAnswer(s.ID, 1, time.Now())
	}
	data, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(folder, "ada.yaml")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	grace := " Grace\t\x1b[31mHopper\x1b[0m\u202e"
	for i, env := range []string{"", "Linus\x07 \u202eTorvalds\u200f", ""} {
		args := []string{"review", folder}
		if env == "" {
			args = append(args, "--reviewer", grace)
		}
		t.Setenv("READYCHECK_REVIEWER", env)
		term := start(t, bin, args...)
		term.waitFor("Ada")
		term.send("\r")
		term.waitFor("Review  Ada")
		term.send("4")
		term.settled()
		term.send("q")
		term.exit()
		a, err := assessments.LoadFile(file)
		if err != nil {
			t.Fatalf("run %d: the candidate's file no longer loads: %v", i+1, err)
		}
		want := []string{"Grace Hopper", "Linus Torvalds"}[:min(i+1, 2)]
		var got []string
		for _, rv := range a.Reviews {
			got = append(got, rv.Reviewer.Name)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("run %d: reviewers %q, want %q", i+1, got, want)
		}
	}
}

// TestEndToEndVersion builds readycheck from a git clone of its source with
// a change not committed, as a contributor would, and checks that --version
// names the commit and says the tree was dirty. (A worktree's .git is a
// file, which go build does not stamp; hence a fresh repository.)
func TestEndToEndVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end tests skipped in -short mode")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(".")); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, ".git"))
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "snapshot")
	rev := git("rev-parse", "HEAD")
	if err := os.WriteFile(filepath.Join(dir, "NOTES"), []byte("a change\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "readycheck")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	if want := rev[:12] + "+dirty ("; !strings.Contains(string(out), want) || strings.Contains(string(out), "unknown") {
		t.Errorf("--version = %q, want it to hold %q", out, want)
	}
}

// In a terminal of 80 columns, `readycheck --help` fits: no line is wider
// (so the terminal wraps none mid-word), and every command's description is
// whole on its line.
func TestEndToEndHelpAt80Columns(t *testing.T) {
	bin := build(t)
	term := start(t, bin, "--help")
	if code := term.exit(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	term.mu.Lock()
	out := ansi.Strip(term.out.String())
	term.mu.Unlock()
	for i, l := range strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n") {
		if w := ansi.StringWidth(strings.TrimRight(l, " ")); w > 80 {
			t.Errorf("line %d is %d wide: %q", i+1, w, l)
		}
	}
	for _, short := range []string{"Preview how a rubric change moves a cohort", "Report on a cohort: verdicts, gaps, training", "Print the man page (readycheck man | man -l -)"} {
		if !strings.Contains(out, short) {
			t.Errorf("%q is not whole on one line:\n%s", short, out)
		}
	}
}
