package assess

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// Unfinished assessments of other rubrics are listed on the start screen
// even when none of the rubric in use exists, each with its rubric id, its
// file and the command that opens it; the accessible mode lists them too.
func TestStartListsOtherRubrics(t *testing.T) {
	small := tuitest.Small(t)
	b := tuitest.Builtin(t)
	store := newStore(t)
	zed := assessments.New(small, assessments.Person{Name: "Zed"}, nil, tuitest.Clock)
	zed.SetAnswer("python", 2, tuitest.Clock)
	if err := assessments.Save(filepath.Join(store.Dir, "zed.yaml"), zed); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Rubric: b, Store: store, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	do(t, m, tuitest.Size(80, 24))
	if m.active != m.start {
		t.Fatalf("an unfinished assessment of another rubric did not show the start screen: %T", m.active)
	}
	// A command too long for a line continues after a backslash.
	// Compared without white space: a long path wraps, and a command too
	// long for a line continues after a backslash.
	v := strings.Join(strings.Fields(strings.ReplaceAll(view(m), `\`, "")), "")
	for _, want := range []string{`Zed · rubric "` + small.ID + `" · zed.yaml`, "readycheck --rubric FILE --resume " + filepath.Join(store.Dir, "zed.yaml"), "Start a new assessment"} {
		if !strings.Contains(v, strings.Join(strings.Fields(want), "")) {
			t.Errorf("the start screen lacks %q:\n%s", want, view(m))
		}
	}

	// An assessment of the built-in rubric, seen while another is in use:
	// its command needs no --rubric.
	ada := assessments.New(b, assessments.Person{Name: "Ada"}, nil, tuitest.Clock)
	ada.SetAnswer(b.Skills()[0].ID, 1, tuitest.Clock)
	if err := assessments.Save(filepath.Join(store.Dir, "ada.yaml"), ada); err != nil {
		t.Fatal(err)
	}
	other := newStore(t)
	if err := assessments.Save(filepath.Join(other.Dir, "ada.yaml"), ada); err != nil {
		t.Fatal(err)
	}
	m2 := New(Options{Rubric: small, Store: other, Now: tuitest.FixedNow})
	t.Cleanup(func() { m2.Close() })
	do(t, m2, tuitest.Size(80, 24))
	if v := strings.Join(strings.Fields(strings.ReplaceAll(view(m2), `\`, "")), ""); !strings.Contains(v, "readycheck--resume"+filepath.Join(other.Dir, "ada.yaml")) {
		t.Errorf("the built-in rubric's assessment has no command:\n%s", view(m2))
	}

	var out bytes.Buffer
	RunAccessible(Options{Rubric: b, Store: store, Now: tuitest.FixedNow}, strings.NewReader(""), &out)
	if !strings.Contains(out.String(), "readycheck --rubric FILE --resume "+filepath.Join(store.Dir, "zed.yaml")) {
		t.Errorf("the accessible mode does not list them:\n%s", out.String())
	}
}

// A path too long for a line is cut after slashes, each line ending in a
// backslash, so that a shell joins the copied lines into the path again.
func TestSplitPathJoinsInAShell(t *testing.T) {
	p := "/tmp/w/a-much-longer-data-folder-name-for-a-student/readycheck-data/assessments/zed-20261201-155249.yaml"
	for _, w := range []int{30, 50, 80} {
		lines := splitPath(p, w)
		if len(lines) < 2 {
			t.Fatalf("width %d: %q not cut", w, lines)
		}
		for i, l := range lines {
			if len([]rune(l)) > w || (i < len(lines)-1 && !strings.HasSuffix(l, `\`)) {
				t.Errorf("width %d: line %q", w, l)
			}
		}
		if joined := strings.ReplaceAll(strings.Join(lines, "\n"), "\\\n", ""); joined != p {
			t.Errorf("width %d: the shell reads %q", w, joined)
		}
	}
}

// When an assessment last changed, as people say it ("3 daies ago" was
// on the start screen before).
func TestAgo(t *testing.T) {
	now := tuitest.Clock
	for d, want := range map[time.Duration]string{
		30 * time.Second: "just now", 5 * time.Minute: "5 minutes ago", time.Hour: "1 hour ago",
		3 * 24 * time.Hour: "3 days ago", 24 * time.Hour: "1 day ago",
	} {
		if got := ago(now, now.Add(-d)); got != want {
			t.Errorf("ago(%v) = %q, want %q", d, got, want)
		}
	}
}

// The start screen pages as its help says: pgdn and pgup move by the
// choices that fit, home and end to either end.
func TestStartPages(t *testing.T) {
	b := tuitest.Builtin(t)
	store := newStore(t)
	for i := range 8 {
		a := assessments.New(b, assessments.Person{Name: "Person " + string(rune('A'+i))}, nil, tuitest.Clock)
		a.SetAnswer(b.Skills()[0].ID, 1, tuitest.Clock)
		if err := assessments.Save(filepath.Join(store.Dir, "p"+string(rune('a'+i))+".yaml"), a); err != nil {
			t.Fatal(err)
		}
	}
	m := New(Options{Rubric: b, Store: store, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	do(t, m, tuitest.Size(80, 24))
	page := m.start.room()
	do(t, m, tuitest.Keys("pgdown")...)
	if m.start.cursor != page {
		t.Errorf("pgdn: cursor %d, want %d", m.start.cursor, page)
	}
	do(t, m, tuitest.Keys("pgup")...)
	if m.start.cursor != 0 {
		t.Errorf("pgup: cursor %d, want 0", m.start.cursor)
	}
	do(t, m, tuitest.Keys("end")...)
	if m.start.cursor != 8 || !strings.Contains(view(m), "↑ ") {
		t.Errorf("end: cursor %d, want 8 (the new assessment), with the ↑ marker:\n%s", m.start.cursor, view(m))
	}
}
