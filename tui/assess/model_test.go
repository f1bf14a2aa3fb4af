package assess

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/testshared"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
	"github.com/readycheck/readycheck/tui/kit"
)

func newStore(t testing.TB) *assessments.Store {
	t.Helper()
	store, err := assessments.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return store
}

// newModel builds a walk-through on a fresh data folder, sized 80x24 and
// started; with a name and companies it opens on the first question.
func newModel(t testing.TB, r *rubric.Rubric, name string, companies ...string) (*Model, *assessments.Store) {
	t.Helper()
	store := newStore(t)
	m := New(Options{Rubric: r, Store: store, Name: name, Companies: companies, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	do(t, m, tuitest.Size(80, 24))
	run(t, m, m.Init())
	return m, store
}

// do sends messages to the model as the program would, running the
// commands they return (saves, opening files, exports) and feeding their
// messages back.
func do(t testing.TB, m *Model, msgs ...tea.Msg) {
	t.Helper()
	for _, msg := range msgs {
		_, cmd := m.Update(msg)
		run(t, m, cmd)
	}
}

// run runs a command and feeds back the messages of readycheck's own
// commands; the others (quit, focus) are dropped.
func run(t testing.TB, m *Model, cmd tea.Cmd) {
	for depth := 0; cmd != nil && depth < 10; depth++ {
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(t, m, c)
			}
			return
		case kit.SavedMsg, openedMsg, openFailedMsg, exportedMsg, draftedMsg:
			_, cmd = m.Update(msg)
		default:
			return
		}
	}
}

func wheel(down bool) tea.Msg {
	if down {
		return tea.MouseWheelMsg{Button: tea.MouseWheelDown}
	}
	return tea.MouseWheelMsg{Button: tea.MouseWheelUp}
}

// view is the screen as plain text.
func view(m *Model) string { return ansi.Strip(m.View().Content) }

// saved reads the model's assessment file back.
func saved(t *testing.T, m *Model) *assessments.Assessment {
	t.Helper()
	a, err := assessments.LoadFile(m.SavedPath())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// levels reads an assessment's answers as skill: level.
func levels(a *assessments.Assessment) map[string]int {
	out := map[string]int{}
	for id, ans := range a.Answers {
		if ans.Answered() {
			out[id] = ans.Level
		}
	}
	return out
}

func sameLevels(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: levels %v, want %v", what, got, want)
	}
}

// A whole assessment of the small rubric by keys alone: the new-assessment
// form, the companies, answering, going back, skipping, a note, the jump
// list, the review, changing an answer from it, finishing and exporting.
func TestWalkThroughSmallRubric(t *testing.T) {
	r := tuitest.Small(t)
	m, _ := newModel(t, r, "")
	if m.active != m.form {
		t.Fatalf("a fresh data folder starts on %T, want the new-assessment form", m.active)
	}
	do(t, m, tuitest.Keys("enter")...)
	if m.active != m.form || !strings.Contains(view(m), "Your name is needed") {
		t.Fatalf("an empty name was accepted:\n%s", view(m))
	}
	do(t, m, tuitest.TypeText("Ada Lovelace")...)
	do(t, m, tuitest.Keys("enter")...)
	do(t, m, tuitest.TypeText("ada@example.org")...)
	do(t, m, tuitest.Keys("enter")...)
	if m.active != m.targets || !strings.Contains(view(m), "[x] Beta") {
		t.Fatalf("the companies are not all checked at first:\n%s", view(m))
	}
	do(t, m, tuitest.Keys("down", "space", "enter")...) // uncheck Beta
	if m.active != m.question || m.question.index != 0 {
		t.Fatalf("after the companies: %T at %d, want the first question", m.active, m.question.index)
	}
	if m.SavedPath() != "" {
		t.Errorf("a file was written before the first answer: %s", m.SavedPath())
	}
	if files, _ := filepath.Glob(filepath.Join(m.opts.Store.Dir, "*.yaml")); len(files) != 0 {
		t.Errorf("files before the first answer: %v", files)
	}

	do(t, m, tuitest.Keys("j", "j", "enter")...) // python: Beginner
	a := saved(t, m)
	if a.Candidate != (assessments.Person{Name: "Ada Lovelace", Email: "ada@example.org"}) || strings.Join(a.Targets, ",") != "acme" {
		t.Errorf("saved candidate %+v, targets %v; want Ada with her email, aiming at acme", a.Candidate, a.Targets)
	}
	do(t, m, tuitest.Keys("3")...) // java: a digit selects, it does not advance
	if m.question.index != 1 || m.question.cursor != 3 {
		t.Fatalf("after 3: question %d, level %d; want question 1 with level 3 selected", m.question.index, m.question.cursor)
	}
	do(t, m, tuitest.Keys("enter", "b")...)
	if m.question.index != 1 || m.question.cursor != 3 || !strings.Contains(view(m), "› ● 3 Capable") {
		t.Fatalf("going back does not show java's saved answer selected:\n%s", view(m))
	}
	do(t, m, tuitest.Keys("right")...) // right passes an answered skill
	if m.question.index != 2 {
		t.Fatalf("right from an answered skill: question %d, want 2", m.question.index)
	}
	do(t, m, tuitest.Keys("right")...) // sql is unanswered: right does nothing
	if m.question.index != 2 {
		t.Fatalf("right passed the unanswered sql")
	}
	do(t, m, tuitest.Keys("s")...) // skip sql
	if m.question.index != 3 {
		t.Fatalf("s: question %d, want 3", m.question.index)
	}
	do(t, m, tuitest.Keys("left", "shift+tab")...)
	if m.question.index != 1 {
		t.Fatalf("left then shift+tab: question %d, want 1", m.question.index)
	}
	do(t, m, tuitest.Keys("right", "s")...)

	// testing: a note in which q is typed, not a quit.
	do(t, m, tuitest.Keys("n")...)
	if _, ok := m.active.(*noteScreen); !ok {
		t.Fatalf("n opened %T", m.active)
	}
	do(t, m, tuitest.TypeText("quick tests")...)
	do(t, m, tuitest.Keys("tab")...)
	do(t, m, tuitest.TypeText("https://a.example/x, https://b.example/y")...)
	do(t, m, tuitest.Keys("ctrl+s")...)
	if m.active != m.question || m.question.index != 3 {
		t.Fatalf("after saving the note: %T at %d, want question 3", m.active, m.question.index)
	}
	if v := view(m); !strings.Contains(v, "✎ quick tests · 2 evidence links") {
		t.Errorf("the question does not show its note:\n%s", v)
	}
	do(t, m, tuitest.Keys("1", "enter")...)
	do(t, m, tuitest.Keys("1", "enter")...) // dutch, the last: then the review
	if m.active != m.review {
		t.Fatalf("after the last skill: %T, want the review", m.active)
	}
	a = saved(t, m)
	if ans := a.Answers["testing"]; ans.Level != 1 || ans.Note != "quick tests" || strings.Join(ans.Evidence, " ") != "https://a.example/x https://b.example/y" {
		t.Errorf("saved testing answer %+v", ans)
	}
	sameLevels(t, "before the review", levels(a), map[string]int{"python": 2, "java": 3, "testing": 1, "dutch": 1})
	if v := view(m); !strings.Contains(v, "○ SQL") || !strings.Contains(v, "not answered") || !strings.Contains(v, "Testing") {
		t.Errorf("the review does not mark the unanswered sql:\n%s", v)
	}

	// The jump list finds sql; answering it returns to the review.
	do(t, m, tuitest.Keys("/")...)
	do(t, m, tuitest.TypeText("sql")...)
	j := m.active.(*jumpScreen)
	if len(j.rows) != 2 || j.rows[1].skill != 2 {
		t.Fatalf("jump filter sql: rows %+v, want Code and sql", j.rows)
	}
	do(t, m, tuitest.Keys("enter", "2", "enter")...)
	if m.active != m.review || m.review.cursor != 2 {
		t.Fatalf("a question opened from the review's jump list returns to %T (cursor %d)", m.active, m.review.cursor)
	}
	// Change python from the review.
	do(t, m, tuitest.Keys("home", "enter", "4", "enter")...)
	if m.active != m.review {
		t.Fatalf("enter in the review did not come back to it")
	}
	do(t, m, tuitest.Keys("f")...)
	if m.active != m.results {
		t.Fatalf("f did not show the results")
	}
	a = saved(t, m)
	if a.Status != assessments.Complete {
		t.Errorf("status %s, want complete", a.Status)
	}
	sameLevels(t, "finished", levels(a), map[string]int{"python": 4, "java": 3, "sql": 2, "testing": 1, "dutch": 1})

	// Acme by hand: language max(4, 3) >= 3 (weight 2), sql 2 >= 2, dutch
	// yes (must): everything met, 100.0, ready.
	v := view(m)
	if !strings.Contains(v, "100.0%") || !strings.Contains(v, "✓ READY") || strings.Contains(v, "Beta") {
		t.Errorf("results screen:\n%s", v)
	}
	checkScore(t, m, r)

	do(t, m, tuitest.Keys("e")...)
	md := strings.TrimSuffix(m.SavedPath(), ".yaml") + ".md"
	b, err := os.ReadFile(md)
	if err != nil || !strings.Contains(string(b), "Ada Lovelace") || !strings.Contains(string(b), "100.0%") {
		t.Errorf("the exported report %s: %v\n%s", md, err, b)
	}
	// The path may wrap over the status lines.
	if v := strings.Join(strings.Fields(view(m)), ""); !strings.Contains(v, "Reportwrittento"+md) {
		t.Errorf("the export does not say where:\n%s", v)
	}
}

// checkScore checks that the results screen shows, for each company, the
// readiness `readycheck score` computes from the saved file.
func checkScore(t *testing.T, m *Model, r *rubric.Rubric) {
	t.Helper()
	a := saved(t, m)
	if p := a.Check(r); p.Err() != nil {
		t.Fatal(p)
	}
	card, err := scorecard.New(a, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	shown := strings.Join(m.results.lines, "\n")
	for _, c := range card.Result.Companies {
		want := fmt.Sprintf("%5.1f%%  %s %s", c.Readiness, scorecard.VerdictMarker(c.Verdict), strings.ToUpper(scorecard.VerdictWord(c.Verdict)))
		if !strings.Contains(ansi.Strip(shown), want) {
			t.Errorf("results lack %s: %q\n%s", c.Company.ID, want, ansi.Strip(shown))
		}
	}
}

// The built-in rubric, all 38 questions by keys, scored as score does.
func TestWalkThroughBuiltin(t *testing.T) {
	r := tuitest.Builtin(t)
	m, _ := newModel(t, r, "Grace Hopper", "jpmorganchase", "dept")
	want := map[string]int{}
	for i, sk := range r.Skills() {
		if m.active != m.question || m.question.index != i {
			t.Fatalf("skill %d: %T at %d", i, m.active, m.question.index)
		}
		if !strings.Contains(view(m), fmt.Sprintf("skill %d of %d", i+1, len(r.Skills()))) {
			t.Fatalf("skill %d: header missing:\n%s", i, view(m))
		}
		lvl := (i * 7) % (sk.Scale.Top() + 1)
		want[sk.ID] = lvl
		do(t, m, tuitest.Keys(fmt.Sprint(lvl), "enter")...)
	}
	if m.active != m.review || !strings.Contains(view(m), "All 38 skills answered") {
		t.Fatalf("after the last question:\n%s", view(m))
	}
	do(t, m, tuitest.Keys("f")...)
	sameLevels(t, "saved", levels(saved(t, m)), want)
	checkScore(t, m, r)
}

// --name and --company skip the start screen; quitting right after an
// answer, before its save ran, still saves it; the start screen then
// offers the assessment and reopens it after the last answer; a second
// walk-through cannot open it meanwhile.
func TestQuitAndResume(t *testing.T) {
	r := tuitest.Small(t)
	store := newStore(t)
	m := New(Options{Rubric: r, Store: store, Name: "Grace", Companies: []string{"beta"}, Now: tuitest.FixedNow})
	run(t, m, m.Init())
	if m.active != m.question {
		t.Fatalf("--name and --company did not skip the start screen: %T", m.active)
	}
	m.Update(tuitest.Press("2"))
	m.Update(tuitest.Press("enter")) // its save command never runs
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if a := saved(t, m); a.Answers["python"].Level != 2 {
		t.Fatalf("the last answer was lost on quit: %+v", a.Answers)
	}

	later := func() time.Time { return tuitest.Clock.Add(3 * time.Hour) }
	m2 := New(Options{Rubric: r, Store: store, Now: later})
	t.Cleanup(func() { m2.Close() })
	do(t, m2, tuitest.Size(80, 24))
	if m2.active != m2.start {
		t.Fatalf("the start screen does not offer the unfinished assessment: %T", m2.active)
	}
	if v := view(m2); !strings.Contains(v, "Resume Grace · 1/5 answered · changed 3 hours ago") || !strings.Contains(v, "A small rubric for hand-computed tests · grace-20261123-100000.yaml") {
		t.Errorf("start screen:\n%s", v)
	}
	// A second walk-through cannot open it while the first has it.
	m3 := New(Options{Rubric: r, Store: store, Now: later})
	do(t, m2, tuitest.Keys("enter")...)
	if m2.active != m2.question || m2.question.index != 1 {
		t.Fatalf("resumed on %T at %d, want question 1", m2.active, m2.question.index)
	}
	do(t, m3, tuitest.Size(80, 24))
	do(t, m3, tuitest.Keys("enter")...)
	if m3.active != m3.start || !errors.Is(m3.start.err, assessments.ErrLocked) || !strings.Contains(view(m3), "open in another readycheck") {
		t.Errorf("a second open of a locked assessment:\n%s", view(m3))
	}
	// The new-assessment choice is still there.
	do(t, m3, tuitest.Keys("down", "enter")...)
	if m3.active != m3.form {
		t.Errorf("Start a new assessment opened %T", m3.active)
	}
	do(t, m3, tuitest.Keys("esc")...)
	if m3.active != m3.start {
		t.Errorf("esc on the form did not return to the start screen")
	}
}

// --resume of a file whose rubric changed keeps the answers that still fit
// and says how many were dropped.
func TestOpenChangedRubric(t *testing.T) {
	r := tuitest.Small(t)
	store := newStore(t)
	a := assessments.New(r, assessments.Person{Name: "Ada"}, nil, tuitest.Clock)
	for id, l := range map[string]int{"python": 2, "java": 4, "sql": 1} {
		a.SetAnswer(id, l, tuitest.Clock)
	}
	path := filepath.Join(store.Dir, "ada.yaml")
	if err := assessments.Save(path, a); err != nil {
		t.Fatal(err)
	}
	r2 := tuitest.ChangedSmall(t)
	o, err := assessments.Open(path, r2)
	if err != nil {
		t.Fatal(err)
	}
	if want := "The rubric changed since this assessment was saved; 1 answer kept, 2 dropped."; o.Notice != want {
		t.Errorf("notice %q, want %q", o.Notice, want)
	}
	sameLevels(t, "kept", levels(o.Assessment), map[string]int{"python": 2})
	if o.Assessment.Rubric.Digest != r2.Digest {
		t.Errorf("the assessment still names the old rubric's digest")
	}
	m := New(Options{Rubric: r2, Store: store, Resume: o, Now: tuitest.FixedNow})
	do(t, m, tuitest.Size(80, 24))
	if v := strings.ReplaceAll(view(m), "\n   ", " "); !strings.Contains(v, "! The rubric changed since this assessment was saved; 1 answer kept, 2 dropped.") {
		t.Errorf("the notice is not on screen:\n%s", v)
	}
	do(t, m, tuitest.Keys("1", "enter")...)
	if strings.Contains(view(m), "rubric changed") {
		t.Errorf("the notice stays after the next answer")
	}

	m.Close()
	// A file of another rubric is refused with the reason.
	other := tuitest.Small(t)
	other.ID = "other"
	if _, err := assessments.Open(path, other); err == nil || !strings.Contains(err.Error(), `taken against rubric "small", not "other"`) {
		t.Errorf("opening against another rubric: %v", err)
	}
}

func TestGlobalKeys(t *testing.T) {
	r := tuitest.Small(t)
	m, _ := newModel(t, r, "A", "acme")
	for _, c := range []struct {
		key  string
		want tea.Msg
	}{
		{"ctrl+c", tea.Interrupt()},
		{"ctrl+z", tea.Suspend()},
		{"q", tea.Quit()},
	} {
		_, cmd := m.Update(tuitest.Press(c.key))
		if cmd == nil || fmt.Sprintf("%T", cmd()) != fmt.Sprintf("%T", c.want) {
			t.Errorf("%s on a question: want %T", c.key, c.want)
		}
	}
	// In a text field q types a q, and ctrl+c still quits.
	do(t, m, tuitest.Keys("n", "q")...)
	if n := m.active.(*noteScreen); n.note.Value() != "q" {
		t.Errorf("q in the note gave %q", n.note.Value())
	}
	if _, cmd := m.Update(tuitest.Press("ctrl+c")); cmd == nil || fmt.Sprintf("%T", cmd()) != fmt.Sprintf("%T", tea.Interrupt()) {
		t.Errorf("ctrl+c in the note does not quit")
	}
	do(t, m, tuitest.Keys("esc")...)
	if a := m.Assessment(); a.Answers["python"] != nil {
		t.Errorf("esc saved the note: %+v", a.Answers["python"])
	}
}

// The mouse wheel moves the selection on a question and scrolls lists.
func TestMouseWheel(t *testing.T) {
	r := tuitest.Small(t)
	m, _ := newModel(t, r, "A", "acme")
	do(t, m, wheel(true), wheel(true), wheel(false))
	if m.question.cursor != 1 {
		t.Errorf("wheel down, down, up: level %d, want 1", m.question.cursor)
	}
	for range r.Skills() {
		do(t, m, tuitest.Press("s"))
	}
	do(t, m, wheel(true), wheel(true))
	if m.review.cursor != 4 {
		t.Errorf("wheel in the review: cursor %d, want 4 (from the last skill, it stays)", m.review.cursor)
	}
	do(t, m, wheel(false))
	if m.review.cursor != 3 {
		t.Errorf("wheel up in the review: cursor %d, want 3", m.review.cursor)
	}
}

// A save that fails says so until a later one succeeds; the answers stay.
func TestSaveFailure(t *testing.T) {
	r := tuitest.Small(t)
	m, _ := newModel(t, r, "A", "acme")
	do(t, m, tuitest.Keys("2")...)
	_, cmd := m.Update(tuitest.Press("enter")) // version 2
	if cmd == nil {
		t.Fatal("a confirmed answer returned no save")
	}
	do(t, m, kit.SavedMsg{Version: m.f.save.Version(), Err: errors.New("disk full")})
	v := view(m)
	if !strings.Contains(v, "✗ Not saved: disk full. Your answers are kept; the next change tries again,") || !strings.Contains(v, "✗ not saved") {
		t.Errorf("a failed save is not shown:\n%s", v)
	}
	// A long reason is shown whole, wrapped, never cut with an ellipsis.
	long := "save /home/ada/.local/share/readycheck/assessments/ada-lovelace-20261123-100000.yaml: open /home/ada/.local/share/readycheck/assessments/.ada-lovelace-20261123-100000.yaml123: no such file or directory"
	do(t, m, kit.SavedMsg{Version: m.f.save.Version(), Err: errors.New(long)})
	v = view(m)
	if strings.Contains(v, "…") || !strings.Contains(strings.Join(strings.Fields(v), " "), "no such file or directory. Your answers are kept; the next change tries again, and quitting copies them somewhere safe.") {
		t.Errorf("a long failure is cut:\n%s", v)
	}
	do(t, m, tuitest.Keys("j")...)
	if !strings.Contains(view(m), "Not saved") {
		t.Errorf("the failure went away before a save succeeded")
	}
	do(t, m, tuitest.Keys("enter")...) // this save runs and succeeds
	if v := view(m); strings.Contains(v, "Not saved") || !strings.Contains(v, "✓ saved") {
		t.Errorf("a later save does not clear the failure:\n%s", v)
	}
	sameLevels(t, "saved after the failure", levels(saved(t, m)), map[string]int{"python": 2, "java": 1})
}

// The question screen never shows what a company requires: no company, no
// "needs Capable (3)", no "(must)".
func TestQuestionHidesRequirements(t *testing.T) {
	r := tuitest.Builtin(t)
	var forbidden []string
	for _, c := range r.Companies {
		forbidden = append(forbidden, kit.CleanLine(c.Name))
		for _, req := range c.Requirements {
			forbidden = append(forbidden, "needs "+kit.LevelName(req.Skills[0].Scale, req.Min))
		}
	}
	forbidden = append(forbidden, "(must)", "weight")
	m, _ := newModel(t, r, "A", "jpmorganchase")
	do(t, m, tuitest.Size(120, 40), tuitest.Press("?"))
	for i := range r.Skills() {
		m.question.show(i, false)
		v := view(m)
		for _, w := range forbidden {
			if strings.Contains(v, w) {
				t.Errorf("question %d shows %q:\n%s", i, w, v)
			}
		}
	}
}

// Every screen fits the terminal, the selected level always shows, and no
// line is wider than the screen, from 40x12 to 120x40, on the real-world
// rubric's seven levels of long French text.
func TestQuestionFitsEverySize(t *testing.T) {
	r := realWorld(t)
	m, _ := newModel(t, r, "A", r.Companies[0].ID)
	m.s.a.SetNote(r.Skills()[0].ID, "Une note assez longue pour tenir une ligne entière de l'écran, et même plus que cela", nil, tuitest.Clock)
	for _, sz := range [][2]int{{40, 12}, {60, 20}, {80, 24}, {100, 30}, {120, 40}} {
		do(t, m, tuitest.Size(sz[0], sz[1]))
		for _, i := range []int{0, 1, len(r.Skills()) - 1} {
			m.question.show(i, false)
			for lvl := 0; lvl <= 6; lvl++ {
				do(t, m, tuitest.Press(fmt.Sprint(lvl)))
				v := view(m)
				lines := strings.Split(v, "\n")
				if len(lines) != sz[1] {
					t.Fatalf("%dx%d skill %d level %d: %d lines", sz[0], sz[1], i, lvl, len(lines))
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > sz[0] {
						t.Fatalf("%dx%d: a line of %d cells: %q", sz[0], sz[1], w, l)
					}
				}
				if !strings.Contains(v, fmt.Sprintf("› ○ %d ", lvl)) {
					t.Fatalf("%dx%d skill %d: the selected level %d is not on screen:\n%s", sz[0], sz[1], i, lvl, v)
				}
			}
		}
	}
}

// realWorld loads the real-world rubric beside the repository, or skips.
func realWorld(t *testing.T) *rubric.Rubric {
	t.Helper()
	return tuitest.LoadRubric(t, testshared.Path(t, "realworld/data-skills-matrix.yaml"))
}

// The short help line of every screen fits 80 columns without an ellipsis.
func TestHelpFits80(t *testing.T) {
	r := tuitest.Builtin(t)
	m, _ := newModel(t, r, "")
	check := func(what string) {
		t.Helper()
		lines := strings.Split(view(m), "\n")
		if last := lines[len(lines)-1]; strings.Contains(last, "…") || !strings.Contains(last, "•") {
			t.Errorf("%s: help line %q", what, last)
		}
	}
	check("form")
	do(t, m, tuitest.TypeText("Ada")...)
	do(t, m, tuitest.Keys("enter", "enter")...)
	check("targets")
	do(t, m, tuitest.Keys("enter", "1", "enter")...)
	check("question")
	do(t, m, tuitest.Keys("n")...)
	check("note")
	do(t, m, tuitest.Keys("tab")...)
	check("note links")
	do(t, m, tuitest.Keys("esc", "/")...)
	check("jump")
	do(t, m, tuitest.Keys("esc")...)
	m.showReview(0)
	check("review")
	do(t, m, tuitest.Keys("f")...)
	check("results")
}

// Text from the rubric reaches the screen without its escape sequences,
// control characters or bidirectional overrides.
func TestRubricTextIsCleaned(t *testing.T) {
	data := tuitest.SmallYAML()
	r, problems := rubric.Parse("small.yaml", data)
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	// Validation refuses such text in files; the screens clean it anyway.
	r.Title = "Evil\x1b]0;pwned\x07 title"
	r.Skills()[0].Title = "Py\x1b[31mthon\u202e"
	r.Skills()[0].Question = "How\x00 well?"
	m, _ := newModel(t, r, "A", "acme")
	v := m.View().Content
	for _, bad := range []string{"\x1b[31m", "\x1b]0", "\u202e", "\x00"} {
		if strings.Contains(v, bad) {
			t.Errorf("the screen holds %q", bad)
		}
	}
	if !strings.Contains(ansi.Strip(v), "Python") || !strings.Contains(ansi.Strip(v), "How well?") {
		t.Errorf("the cleaned text is not shown:\n%s", ansi.Strip(v))
	}
}

// Two assessments of one name started in the same second get two files,
// each readable by its owner alone.
func TestCreateNames(t *testing.T) {
	r := tuitest.Small(t)
	store := newStore(t)
	o1, err := assessments.Create(store, r, assessments.Person{Name: "Ada Lovelace"}, nil, tuitest.Clock)
	if err != nil {
		t.Fatal(err)
	}
	defer o1.Saver.Close()
	o2, err := assessments.Create(store, r, assessments.Person{Name: "Ada Lovelace"}, nil, tuitest.Clock)
	if err != nil {
		t.Fatal(err)
	}
	defer o2.Saver.Close()
	if filepath.Base(o1.Path()) != "ada-lovelace-20261123-100000.yaml" || filepath.Base(o2.Path()) != "ada-lovelace-20261123-100000-2.yaml" {
		t.Errorf("files %s and %s", o1.Path(), o2.Path())
	}
	a := o1.Assessment
	a.SetAnswer(r.Skills()[0].ID, 1, tuitest.Clock)
	data, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := o1.Saver.Write(1, data); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(o1.Path())
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the new file: %v, mode %v", err, info.Mode())
	}
}

// A second enter while the file is being created starts nothing more: the
// keys wait until the assessment is open.
func TestOneAssessmentPerStart(t *testing.T) {
	r := tuitest.Small(t)
	m, store := newModel(t, r, "Ada")
	do(t, m, tuitest.Keys("enter", "enter")...) // name given: email, then companies
	_, create := m.Update(tuitest.Press("enter"))
	if create == nil {
		t.Fatal("enter on the companies did not create the assessment")
	}
	if _, again := m.Update(tuitest.Press("enter")); again != nil {
		t.Errorf("a second enter while creating returned a command")
	}
	run(t, m, create)
	if m.active != m.question {
		t.Fatalf("after creating: %T", m.active)
	}
	if files, _ := filepath.Glob(filepath.Join(store.Dir, "*.yaml")); len(files) != 0 {
		t.Errorf("files %v before the first answer, want none", files)
	}
	do(t, m, tuitest.Press("enter"))
	if files, _ := filepath.Glob(filepath.Join(store.Dir, "*.yaml")); len(files) != 1 {
		t.Errorf("files %v after the first answer, want one", files)
	}
}

// The jump filter ignores accents both ways: "modelisation" and "modé"
// find the real-world rubric's Modélisation skills.
func TestJumpIgnoresAccents(t *testing.T) {
	r := realWorld(t)
	for _, typed := range []string{"modelisation", "modé", "MODÉLISATION"} {
		m, _ := newModel(t, r, "Élodie", r.Companies[0].ID)
		do(t, m, tuitest.Keys("/")...)
		do(t, m, tuitest.TypeText(typed)...)
		j := m.active.(*jumpScreen)
		found := 0
		for _, row := range j.rows {
			if row.skill >= 0 && strings.Contains(kit.Fold(j.s.Titles[row.skill]), "modelisation") {
				found++
			}
		}
		if found == 0 {
			t.Errorf("%q found %d rows, none a Modélisation skill", typed, len(j.rows))
		}
	}
}

// → on a skill not answered yet does not move on, and says why; the
// next key takes the word away.
func TestForwardOnAnUnansweredSkillSaysWhy(t *testing.T) {
	m, _ := newModel(t, tuitest.Builtin(t), "Ada", "dept")
	do(t, m, tuitest.Keys("right")...)
	if m.active != m.question || m.question.index != 0 {
		t.Fatalf("→ moved to %T %d", m.active, m.question.index)
	}
	if v := view(m); !strings.Contains(v, "→ moves on only past an answered skill: enter confirms, s skips") {
		t.Errorf("no word for →:\n%s", v)
	}
	do(t, m, tuitest.Keys("2")...)
	if v := view(m); strings.Contains(v, "→ moves on only") {
		t.Errorf("the word stays after another key:\n%s", v)
	}
}

// u goes to the next skill not answered yet, round to the start.
func TestNextUnanswered(t *testing.T) {
	m, _ := newModel(t, tuitest.Builtin(t), "Ada", "dept")
	do(t, m, tuitest.Keys("1", "enter", "1", "enter", "1", "enter")...)
	do(t, m, tuitest.Keys("left", "left", "left")...)
	if m.question.index != 0 {
		t.Fatalf("back at %d", m.question.index)
	}
	do(t, m, tuitest.Keys("u")...)
	if m.active != m.question || m.question.index != 3 {
		t.Fatalf("u went to %T %d, want skill 4", m.active, m.question.index)
	}
	// From the last skill, round to the first unanswered after the start.
	last := len(m.s.Rubric.Skills()) - 1
	do(t, m, tuitest.Keys("/")...)
	do(t, m, tuitest.TypeText(m.s.Rubric.Skills()[last].Title)...)
	do(t, m, tuitest.Keys("down", "enter")...)
	if m.question.index != last {
		t.Fatalf("jumped to %d, want %d", m.question.index, last)
	}
	do(t, m, tuitest.Keys("u")...)
	if m.question.index != 3 {
		t.Errorf("u from the last skill went to %d, want 3", m.question.index)
	}
}
