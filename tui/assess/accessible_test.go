package assess

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
	"github.com/readycheck/readycheck/tui/kit"
)

func accessible(t *testing.T, store *assessments.Store, opts Options, input string) (string, string) {
	t.Helper()
	opts.Store, opts.Now = store, tuitest.FixedNow
	if opts.Rubric == nil {
		opts.Rubric = tuitest.Small(t)
	}
	var out bytes.Buffer
	done, err := RunAccessible(opts, bytes.NewReader([]byte(input)), &out)
	path := done.Path
	if err != nil {
		t.Fatalf("RunAccessible: %v\n%s", err, out.String())
	}
	if bytes.ContainsRune(out.Bytes(), '\x1b') {
		t.Errorf("accessible mode wrote an escape sequence:\n%q", out.String())
	}
	return path, out.String()
}

// The whole walk-through as line prompts: answers by number and by label,
// back, keep, a wrong answer, skip, a note and links, a change from the
// review, finish; the file is saved as the screens save it.
func TestAccessibleWalkThrough(t *testing.T) {
	store := newStore(t)
	input := strings.Join([]string{
		"Ada Lovelace", "ada@example.org", "1", // name, email, Acme only
		"2",       // python: Beginner
		"Capable", // java, by label
		"b",       // back to java
		"",        // keep Capable
		"x",       // not a level: asked again
		"s",       // skip sql
		"n", "quick tests", "e", "https://a.example/x, https://b.example/y",
		"1",   // testing: Aware
		"yes", // dutch, a label in any case
		"3",   // review: change skill 3, sql
		"2",   // sql: Beginner
		"f",
	}, "\n") + "\n"
	path, out := accessible(t, store, Options{}, input)
	for _, want := range []string{
		"readycheck: A small rubric for hand-computed tests (5 skills).",
		"  1) Acme\n  2) Beta\n",
		"Code, skill 1 of 5: Python\nHow would you rate your Python?\n  0) None\n  1) Aware\n",
		"Level 0 to 4 (Enter keeps Capable): ",
		`"x" is not a level of this skill: type a number from 0 to 4, or one of None, Aware, Beginner, Capable, Expert.`,
		"Note saved.", "Evidence links saved.",
		"Review: 4 of 5 skills answered.",
		"  3. SQL: not answered, counted as 0\n  4. Testing: Aware, with a note\n",
		"\nAcme\n", "100.0%", "✓ READY",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	a, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sameLevels(t, "saved", levels(a), map[string]int{"python": 2, "java": 3, "sql": 2, "testing": 1, "dutch": 1})
	if ans := a.Answers["testing"]; ans.Note != "quick tests" || len(ans.Evidence) != 2 {
		t.Errorf("testing: %+v", ans)
	}
	if a.Status != assessments.Complete || a.Candidate.Email != "ada@example.org" || strings.Join(a.Targets, ",") != "acme" {
		t.Errorf("saved %+v", a)
	}
}

// When the input ends, what was answered is saved and the session ends
// cleanly; the next one offers to resume it where it stopped.
func TestAccessibleEOFAndResume(t *testing.T) {
	store := newStore(t)
	path, out := accessible(t, store, Options{}, "Bo\n\n\n2\n")
	if !strings.Contains(out, "Stopped. Your answers so far are saved.") {
		t.Errorf("input end:\n%s", out)
	}
	a, _ := assessments.LoadFile(path)
	if a == nil || strings.Join(a.Targets, ",") != "acme,beta" {
		t.Fatalf("Enter for the companies should aim at all: %+v", a)
	}
	sameLevels(t, "after the input ended", levels(a), map[string]int{"python": 2})

	path2, out := accessible(t, store, Options{}, "1\n3\nq\n")
	if path2 != path {
		t.Errorf("resumed %s, want %s", path2, path)
	}
	for _, want := range []string{"Unfinished assessments:\n  1) Bo, 1 of 5 answered, changed just now\n", "Code, skill 2 of 5: Java", "Stopped."} {
		if !strings.Contains(out, want) {
			t.Errorf("resume output lacks %q:\n%s", want, out)
		}
	}
	a, _ = assessments.LoadFile(path)
	sameLevels(t, "after q", levels(a), map[string]int{"python": 2, "java": 3})
}

// --name and --company skip the questions about the candidate.
func TestAccessibleFlags(t *testing.T) {
	path, out := accessible(t, newStore(t), Options{Name: "Cy", Companies: []string{"beta"}}, "4\n")
	if strings.Contains(out, "Your name") || strings.Contains(out, "Companies:") {
		t.Errorf("the flags did not skip the questions:\n%s", out)
	}
	a, _ := assessments.LoadFile(path)
	if a == nil || a.Candidate.Name != "Cy" || strings.Join(a.Targets, ",") != "beta" {
		t.Errorf("saved %+v", a)
	}
}

func TestPickCompanies(t *testing.T) {
	r := tuitest.Small(t)
	for _, c := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"", "acme,beta", true},
		{"2", "beta", true},
		{"2 1", "acme,beta", true},
		{"beta, 1", "acme,beta", true},
		{"3", "", false},
		{"gamma", "", false},
	} {
		got, ok := pickCompanies(c.in, r)
		if ok != c.ok || strings.Join(got, ",") != c.want {
			t.Errorf("pickCompanies(%q) = %v, %v; want %s, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// repeat is input that repeats one line for ever, as `yes 1` does.
type repeat struct {
	line string
	n    int
}

func (r *repeat) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		b[n] = r.line[r.n%len(r.line)]
		n++
		r.n++
	}
	return n, nil
}

// `yes 1 | readycheck --accessible --name A --company acme` ends: every
// question is answered 1, and the review, given the same answer again,
// finishes and shows the results.
func TestAccessiblePipedInputEnds(t *testing.T) {
	store := newStore(t)
	r := tuitest.Small(t)
	var out bytes.Buffer
	done, err := RunAccessible(Options{Rubric: r, Store: store, Now: tuitest.FixedNow, Name: "A", Companies: []string{"acme"}}, &repeat{line: "1\n"}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !done.Complete || !strings.Contains(out.String(), "Acme") || !strings.Contains(out.String(), "%") {
		t.Errorf("piped input did not finish on the results (complete %v):\n%s", done.Complete, out.String())
	}
	// A line that changes nothing, for ever, ends the session with a word.
	out.Reset()
	_, err = RunAccessible(Options{Rubric: r, Store: store, Now: tuitest.FixedNow, Name: "B", Companies: []string{"acme"}}, &repeat{line: "b\n"}, &out)
	if !errors.Is(err, kit.ErrInputLoops) {
		t.Errorf("b for ever: %v, want ErrInputLoops\n%s", err, out.String())
	}
	// No name or email from the flags: an email without @ is refused as
	// the form refuses it, and a script repeating it ends.
	out.Reset()
	_, err = RunAccessible(Options{Rubric: r, Store: store, Now: tuitest.FixedNow}, &repeat{line: "1\n"}, &out)
	if !errors.Is(err, kit.ErrInputLoops) || !strings.Contains(out.String(), emailNeedsAt) {
		t.Errorf("yes 1 without flags: %v\n%s", err, out.String())
	}
}

// The input ending after the last question shows the results, as f.
func TestAccessibleEndAfterLastQuestion(t *testing.T) {
	store := newStore(t)
	path, out := accessible(t, store, Options{Name: "A", Companies: []string{"acme"}}, "1\n2\n3\n1\n1\n")
	a, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != assessments.Complete || !strings.Contains(out, "Acme") || !strings.Contains(out, "%") {
		t.Errorf("the end of input after the last question did not finish (status %s):\n%s", a.Status, out)
	}
}

// Email is checked as in the form; a line over a field's limit is refused
// with a word instead of ending the session or saving a file that would
// not load; a resume prompt is skipped for piped input when --name decides.
func TestAccessibleChecksAndLimits(t *testing.T) {
	store := newStore(t)
	long := strings.Repeat("x", 5000)
	huge := strings.Repeat("y", 2<<20) // over bufio's old 1 MiB line
	input := strings.Join([]string{"Ada", "not-an-email", "ada@example.org", "1", "1", "n", long, "n", huge, "n", "short note", "q"}, "\n") + "\n"
	path, out := accessible(t, store, Options{}, input)
	for _, want := range []string{emailNeedsAt, "at most 4000 characters fit here", "Note saved."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	a, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if a.Candidate.Email != "ada@example.org" || a.Answers["java"] == nil || a.Answers["java"].Note != "short note" {
		t.Errorf("saved %+v, java %+v", a.Candidate, a.Answers["java"])
	}
	// An unfinished assessment exists; --name from a script starts a new one.
	_, out = accessible(t, store, Options{Name: "Grace"}, "\n1\n2\nq\n")
	if strings.Contains(out, "Resume which one") {
		t.Errorf("piped input with --name was asked to resume:\n%s", out)
	}
}

// Input that ends before anything starts, or a script that skips every
// question, is an empty result: an error, never a success; q at the resume
// prompt stops.
func TestAccessibleNothingIsNotASuccess(t *testing.T) {
	store := newStore(t)
	r := tuitest.Small(t)
	var out bytes.Buffer
	if _, err := RunAccessible(Options{Rubric: r, Store: store, Now: tuitest.FixedNow}, strings.NewReader(""), &out); !errors.Is(err, ErrNoInput) {
		t.Errorf("empty input: %v, want ErrNoInput", err)
	}
	out.Reset()
	done, err := RunAccessible(Options{Rubric: r, Store: store, Now: tuitest.FixedNow, Name: "A", Companies: []string{"acme"}}, &repeat{line: "\n"}, &out)
	if !errors.Is(err, ErrNothingAnswered) || done.Path != "" {
		t.Errorf("every question skipped: %v, %+v\n%s", err, done, out.String())
	}
	if files, _ := filepath.Glob(filepath.Join(store.Dir, "*.yaml")); len(files) != 0 {
		t.Errorf("files written: %v", files)
	}
	// An unfinished one exists; q at the resume prompt stops, with no error.
	accessible(t, store, Options{Name: "Ada", Companies: []string{"acme"}}, "1\nq\n")
	out.Reset()
	done, err = RunAccessible(Options{Rubric: r, Store: store, Now: tuitest.FixedNow}, strings.NewReader("q\n"), &out)
	if err != nil || done.Path != "" || !strings.Contains(out.String(), "Stopped: no assessment was started.") {
		t.Errorf("q at the resume prompt: %v, %+v\n%s", err, done, out.String())
	}
}
