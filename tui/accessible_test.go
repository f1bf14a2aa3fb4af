package tui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/assessments"
)

func accessible(t *testing.T, store *assessments.Store, opts Options, input string) (string, string) {
	t.Helper()
	opts.Store, opts.Now = store, fixedNow
	if opts.Rubric == nil {
		opts.Rubric = loadRubric(t, "testdata/small.yaml")
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
	r := loadRubric(t, "testdata/small.yaml")
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
