package assess

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
	"github.com/readycheck/readycheck/tui/kit"
)

// The rules of the walk-through, tested once here for both faces; the
// small rubric's skills are python, java, sql, testing and dutch.

// openFlow is a flow with a new assessment open, for Ada aiming at Acme,
// nothing saved yet.
func openFlow(t *testing.T) *flow {
	t.Helper()
	f := newFlow(Options{Rubric: tuitest.Small(t), Store: newStore(t), Now: tuitest.FixedNow, Name: "Ada", Companies: []string{"acme"}})
	t.Cleanup(func() { f.close() })
	if err := f.done(f.create(nil)()); err != nil {
		t.Fatal(err)
	}
	return f
}

// wait runs a command as the accessible face does.
func wait(t *testing.T, f *flow, cmd tea.Cmd) {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command: nothing would be saved")
	}
	if err := f.done(cmd()); err != nil {
		t.Fatal(err)
	}
}

// where says the flow's position as the tests below write it: "q2" for
// the question on skill 2, "q2<" when it was chosen in the review, "r0"
// for the review starting at skill 0.
func where(f *flow) string {
	switch {
	case f.inReview:
		return "r" + string(rune('0'+f.index))
	case f.fromReview:
		return "q" + string(rune('0'+f.index)) + "<"
	}
	return "q" + string(rune('0'+f.index))
}

func TestFlowCheckPerson(t *testing.T) {
	for _, c := range []struct {
		name, email string
		field       int
		problem     string
	}{
		{"Ada", "", 0, ""},
		{"Ada", "ada@example.org", 0, ""},
		{"", "", 0, nameNeeded},
		{"", "ada@example.org", 0, nameNeeded},
		{"Ada", "ada.example.org", 1, emailNeedsAt},
		{"", "ada.example.org", 0, nameNeeded}, // the name first
	} {
		field, problem := checkPerson(assessments.Person{Name: c.name, Email: c.email})
		if field != c.field || problem != c.problem {
			t.Errorf("checkPerson(%q, %q) = %d, %q; want %d, %q", c.name, c.email, field, problem, c.field, c.problem)
		}
	}
}

// The flags decide what is asked before the assessment is created: both
// the name and the companies create it at once; companies alone skip the
// picker, and the flags' companies win over any picked.
func TestFlowStart(t *testing.T) {
	for _, c := range []struct {
		about      string
		name       string
		companies  []string
		named      bool
		person     string // the flags' name, cleaned
		pick       bool
		picked     []string
		wantTarget string
	}{
		{"no flags", "", nil, false, "", true, []string{"beta"}, "beta"},
		{"a name only", "Ada", nil, false, "Ada", true, []string{"acme", "beta"}, "acme,beta"},
		{"companies only", "", []string{"beta"}, false, "", false, nil, "beta"},
		{"both", "Ada", []string{"acme"}, true, "Ada", false, nil, "acme"},
		{"a name cleaned", "A\x1b[31mda", []string{"acme"}, true, "Ada", false, nil, "acme"},
	} {
		t.Run(c.about, func(t *testing.T) {
			f := newFlow(Options{Rubric: tuitest.Small(t), Store: newStore(t), Now: tuitest.FixedNow, Name: c.name, Companies: c.companies})
			t.Cleanup(func() { f.close() })
			if f.named != c.named || f.person.Name != c.person {
				t.Errorf("named %v, person %q; want %v, %q", f.named, f.person.Name, c.named, c.person)
			}
			if pick := f.setPerson(assessments.Person{Name: "Bo", Email: "bo@example.org"}); pick != c.pick {
				t.Errorf("setPerson: pick %v, want %v", pick, c.pick)
			}
			if err := f.done(f.create(c.picked)()); err != nil {
				t.Fatal(err)
			}
			a := f.o.Assessment
			if got := strings.Join(a.Targets, ","); got != c.wantTarget || a.Candidate.Name != "Bo" || a.Candidate.Email != "bo@example.org" {
				t.Errorf("created for %+v aiming at %s; want Bo aiming at %s", a.Candidate, got, c.wantTarget)
			}
			if !f.o.New || f.savedPath() != "" || f.outcome() != (Outcome{}) {
				t.Errorf("a new assessment is written at its first change: new %v, saved %q, outcome %+v", f.o.New, f.savedPath(), f.outcome())
			}
		})
	}
}

// A failure to open comes back from done, and leaves nothing open.
func TestFlowOpenFails(t *testing.T) {
	f := newFlow(Options{Rubric: tuitest.Small(t), Store: newStore(t), Now: tuitest.FixedNow})
	err := f.done(f.resume(t.TempDir() + "/missing.yaml")())
	if err == nil || f.o != nil {
		t.Errorf("resuming a missing file: %v, open %v", err, f.o != nil)
	}
	if f.close() != nil || f.outcome() != (Outcome{}) {
		t.Error("closing a flow with nothing open should do nothing")
	}
}

// An assessment taken up again starts at the first unanswered skill after
// the last one answered, or in the review when all are; the count of
// answers is the rubric's.
func TestFlowResumeWhere(t *testing.T) {
	for _, c := range []struct {
		answered []string
		want     string
	}{
		{nil, "q0"},
		{[]string{"python"}, "q1"},
		{[]string{"python", "sql"}, "q3"},
		{[]string{"java", "dutch"}, "q0"}, // after the last, around to the first gap
		{[]string{"python", "java", "sql", "testing"}, "q4"},
		{[]string{"python", "java", "sql", "testing", "dutch"}, "r0"},
	} {
		f := openFlow(t)
		for _, id := range c.answered {
			f.o.Assessment.SetAnswer(id, 1, tuitest.Clock)
		}
		wait(t, f, f.persist())
		path := f.savedPath()
		f.close()
		if err := f.done(f.resume(path)()); err != nil {
			t.Fatal(err)
		}
		if where(f) != c.want || f.answered != len(c.answered) {
			t.Errorf("answered %v: at %s with %d answered, want %s with %d", c.answered, where(f), f.answered, c.want, len(c.answered))
		}
		if f.savedPath() != path {
			t.Errorf("a resumed file is saved as it is: %q, want %q", f.savedPath(), path)
		}
		f.close()
	}
}

// Moving among the skills and the review, as both faces move.
func TestFlowMoves(t *testing.T) {
	const last = "q4"
	for _, c := range []struct {
		about string
		moves string // n next, p prev, a answer, c<digit> choose, r<digit> review
		want  string
		first bool // the last prev found nothing before
	}{
		{"next", "n", "q1", false},
		{"next to the last", "nnnn", last, false},
		{"next after the last is the review", "nnnnn", "r4", false},
		{"an answer moves on", "a", "q1", false},
		{"an answer to the last opens the review", "nnnna", "r4", false},
		{"back", "nnp", "q1", false},
		{"back on the first skill stays", "p", "q0", true},
		{"back from the review is the last skill", "nnnnnp", last, false},
		{"a skill chosen in the review", "r0c2", "q2<", false},
		{"its answer goes back to the review", "r0c2a", "r2", false},
		{"so does a skip", "r0c2n", "r2", false},
		{"and back", "r0c2p", "r2", false},
		{"even from the first skill", "r0c0p", "r0", false},
		{"a skill chosen from a question moves on", "c2n", "q3", false},
		{"and back", "c2p", "q1", false},
		{"chosen in the review, then from the list", "r0c2c3n", "q4", false},
		{"the review again, from the results", "nnnnnr0", "r0", false},
	} {
		f := openFlow(t)
		first := false
		for i := 0; i < len(c.moves); i++ {
			first = false
			switch c.moves[i] {
			case 'n':
				f.next()
			case 'p':
				first = !f.prev()
			case 'a':
				f.answer(2)
			case 'c':
				i++
				f.choose(int(c.moves[i] - '0'))
			case 'r':
				i++
				f.review(int(c.moves[i] - '0'))
			}
		}
		if where(f) != c.want || first != c.first {
			t.Errorf("%s (%s): at %s (nothing before: %v), want %s (%v)", c.about, c.moves, where(f), first, c.want, c.first)
		}
	}
}

// What each change records, and that each is saved: an answer, a note
// (which keeps the level, and does not move), finishing.
func TestFlowChangesAreSaved(t *testing.T) {
	later := tuitest.Clock.Add(90*time.Minute + 500*time.Millisecond)
	f := openFlow(t)
	f.now = func() time.Time { return later }

	wait(t, f, f.setNote("quick tests", []string{"https://a.example/x"}))
	if where(f) != "q0" || f.answered != 0 || f.savedPath() == "" {
		t.Errorf("a note: at %s, %d answered, saved %q; want q0, 0, the file written", where(f), f.answered, f.savedPath())
	}
	wait(t, f, f.answer(3))
	f.prev()
	wait(t, f, f.answer(4)) // changed: still one answer
	wait(t, f, f.setNote("", nil))
	if f.answered != 1 {
		t.Errorf("answered %d, want 1", f.answered)
	}
	f.prev()
	wait(t, f, f.setNote("", nil)) // nothing on python: no entry
	wait(t, f, f.finish())

	a, err := assessments.LoadFile(f.savedPath())
	if err != nil {
		t.Fatal(err)
	}
	if ans := a.Answers["python"]; ans == nil || ans.Level != 4 || ans.Note != "" || len(ans.Evidence) != 0 {
		t.Errorf("python saved as %+v, want level 4 without a note", ans)
	}
	if _, ok := a.Answers["java"]; ok {
		t.Errorf("java has neither an answer nor a note, yet is saved: %+v", a.Answers["java"])
	}
	if a.Status != assessments.Complete || !a.Updated.Equal(later.Truncate(time.Second)) {
		t.Errorf("finished: status %v, updated %v; want complete at %v", a.Status, a.Updated, later.Truncate(time.Second))
	}
	if got := f.outcome(); got.Path != f.savedPath() || !got.Complete || got.Unanswered != 4 {
		t.Errorf("outcome %+v", got)
	}
}

// A failed save is said by done and kept; the next change writes again.
func TestFlowSaveFailureKept(t *testing.T) {
	f := openFlow(t)
	f.answer(1)
	if err := f.done(kit.SavedMsg{Version: f.save.Version(), Err: errors.New("disk full")}); err == nil {
		t.Error("a failed save should come back from done")
	}
	if f.savedPath() != "" {
		t.Errorf("nothing was written, yet saved at %q", f.savedPath())
	}
	wait(t, f, f.answer(2))
	a, err := assessments.LoadFile(f.savedPath())
	if err != nil {
		t.Fatal(err)
	}
	sameLevels(t, "after the retry", levels(a), map[string]int{"python": 1, "java": 2})
}

// Both faces go back before the skill an assessment was resumed at: the
// accessible one used to stop there and say "That was the first one.",
// which it was not.
func TestBackBeforeResumePointBothFaces(t *testing.T) {
	store := newStore(t)
	path, _ := accessible(t, store, Options{}, "Bo\n\n\n2\n") // python answered
	r := tuitest.Small(t)

	_, out := accessible(t, store, Options{}, "1\nb\n\n3\nq\n")
	resumed := strings.Index(out, "Code, skill 2 of 5: Java")
	back := strings.Index(out, "Code, skill 1 of 5: Python")
	if resumed < 0 || back < resumed || strings.Contains(out, "That was the first one.") {
		t.Errorf("b on the skill resumed at should ask the one before:\n%s", out)
	}
	a, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sameLevels(t, "after going back", levels(a), map[string]int{"python": 2, "java": 3})

	o, err := assessments.Open(path, r)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Rubric: r, Store: store, Resume: o, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	do(t, m, tuitest.Size(80, 24))
	if m.question.index != 2 {
		t.Fatalf("resumed at question %d, want 2", m.question.index)
	}
	do(t, m, tuitest.Press("b"))
	if m.active != m.question || m.question.index != 1 {
		t.Errorf("b on the skill resumed at: %T at %d, want question 1", m.active, m.question.index)
	}
}
