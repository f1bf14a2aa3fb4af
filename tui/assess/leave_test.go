package assess

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// esc in the candidate's note editor never throws typed text away: it
// asks, y keeps (saved as with ctrl+s), n discards, esc goes back to the
// text; unchanged text leaves at once. The help line says so.
func TestNoteEscAsks(t *testing.T) {
	r := tuitest.Small(t)
	m, _ := newModel(t, r, "A", "acme")
	do(t, m, tuitest.Keys("1", "enter")...) // python answered; java shown
	do(t, m, tuitest.Keys("n")...)
	if !strings.Contains(view(m), "esc leave (asks to keep)") {
		t.Errorf("the note's help does not say what esc does:\n%s", view(m))
	}
	do(t, m, tuitest.Keys("esc")...)
	if m.active != m.question {
		t.Fatalf("esc on an unchanged note: %T, want the question", m.active)
	}
	do(t, m, tuitest.Keys("n")...)
	do(t, m, tuitest.TypeText("Built a CLI in Java")...)
	do(t, m, tuitest.Keys("esc")...)
	v := view(m)
	if _, ok := m.active.(*noteScreen); !ok || !strings.Contains(strings.Join(strings.Fields(v), " "), "Keep your changes? y or enter keeps them") || !strings.Contains(v, "n discard") {
		t.Fatalf("esc on a changed note did not ask:\n%s", v)
	}
	// While asking, keys answer the question; none is typed into the note.
	do(t, m, tuitest.Keys("x")...)
	do(t, m, tuitest.Keys("esc")...) // back to editing
	do(t, m, tuitest.TypeText("!")...)
	if n := m.active.(*noteScreen); n.note.Value() != "Built a CLI in Java!" {
		t.Errorf("note %q after going back to editing", n.note.Value())
	}
	do(t, m, tuitest.Keys("esc", "y")...)
	if m.active != m.question || saved(t, m).Answers["java"].Note != "Built a CLI in Java!" {
		t.Errorf("y did not keep the note: %T", m.active)
	}
	do(t, m, tuitest.Keys("n")...)
	do(t, m, tuitest.TypeText(" More.")...)
	do(t, m, tuitest.Keys("esc", "n")...)
	if m.active != m.question || saved(t, m).Answers["java"].Note != "Built a CLI in Java!" {
		t.Errorf("n did not discard the change")
	}
}

// A note being typed when the program ends (ctrl+c, a closed terminal) is
// saved with the answers.
func TestNoteKeptOnQuit(t *testing.T) {
	r := tuitest.Small(t)
	m, _ := newModel(t, r, "A", "acme")
	do(t, m, tuitest.Keys("1", "enter", "n")...)
	do(t, m, tuitest.TypeText("Half a thought")...)
	path := m.SavedPath()
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	a, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if a.Answers["java"].Note != "Half a thought" {
		t.Errorf("the note typed before quitting was lost: %+v", a.Answers["java"])
	}
}

// The new-assessment form keeps the name and email typed when esc goes
// back to the start screen and "Start a new assessment" comes back to it.
func TestFormKeepsTypedTextAcrossEsc(t *testing.T) {
	r := tuitest.Small(t)
	store := newStore(t)
	zed := assessments.New(r, assessments.Person{Name: "Zed"}, nil, tuitest.Clock)
	zed.SetAnswer("python", 1, tuitest.Clock)
	if err := assessments.Save(filepath.Join(store.Dir, "zed.yaml"), zed); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Rubric: r, Store: store, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	do(t, m, tuitest.Size(80, 24))
	do(t, m, tuitest.Keys("end", "enter")...)
	do(t, m, tuitest.TypeText("Ada")...)
	do(t, m, tuitest.Keys("tab")...)
	do(t, m, tuitest.TypeText("ada@example.org")...)
	do(t, m, tuitest.Keys("esc")...)
	if m.active != m.start {
		t.Fatalf("esc on the form: %T, want the start screen", m.active)
	}
	do(t, m, tuitest.Keys("end", "enter")...)
	if p := m.form.person(); p.Name != "Ada" || p.Email != "ada@example.org" {
		t.Errorf("the form came back with %+v, want what was typed", p)
	}
}

// An export that fails (the report's path is a link) says why in full,
// wrapped, never cut, and writes nothing through the link.
func TestExportFailureShownWhole(t *testing.T) {
	r := tuitest.Small(t)
	m, _ := newModel(t, r, "Ada", "acme")
	for range r.Skills() {
		do(t, m, tuitest.Keys("1", "enter")...)
	}
	do(t, m, tuitest.Keys("f")...)
	md := ReportPath(m.SavedPath())
	victim := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(victim, []byte("precious\n"), 0o600)
	if err := os.Symlink(victim, md); err != nil {
		t.Skip("symbolic links unavailable:", err)
	}
	do(t, m, tuitest.Keys("e")...)
	v := view(m)
	if strings.Contains(v, "…") || !strings.Contains(strings.Join(strings.Fields(v), " "), "remove it, or write somewhere else") {
		t.Errorf("the failed export is not said whole:\n%s", v)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the export wrote through the link")
	}
}
