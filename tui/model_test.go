package tui

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/scorecard"
)

var clock = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return clock }

func loadRubric(t testing.TB, path string) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func newModel(t testing.TB, r *rubric.Rubric, name string, companies ...string) (*Model, *assessments.Store) {
	t.Helper()
	store, err := assessments.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Rubric: r, Store: store, Name: name, Companies: companies, Now: fixedNow})
	t.Cleanup(func() { m.Close() })
	run(t, m, m.Init())
	return m, store
}

// do sends messages to the model as the program would, running the
// commands they return (saves, exports) and feeding back their messages.
func do(t testing.TB, m *Model, msgs ...tea.Msg) {
	t.Helper()
	for _, msg := range msgs {
		_, cmd := m.Update(msg)
		run(t, m, cmd)
	}
}

// run runs a command and feeds back the messages of readycheck's own
// commands; others (a cursor's blink, which would loop for ever) are dropped.
func run(t testing.TB, m *Model, cmd tea.Cmd) {
	for depth := 0; cmd != nil && depth < 10; depth++ {
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(t, m, c)
			}
			return
		case savedMsg, openMsg, exportedMsg, errMsg:
			_, cmd = m.Update(msg)
		default:
			return
		}
	}
}

func press(k string) tea.Msg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

func keys(ks ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range ks {
		out = append(out, press(k))
	}
	return out
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

func saved(t *testing.T, m *Model) *assessments.Assessment {
	t.Helper()
	a, err := assessments.LoadFile(m.SavedPath())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func size(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }

// A whole assessment of the small rubric by keys alone: answer, go back,
// skip, note, jump, review, edit from the review, finish.
func TestWalkThroughSmallRubric(t *testing.T) {
	r := loadRubric(t, "testdata/small.yaml")
	m, _ := newModel(t, r, "")
	do(t, m, size(80, 24))
	if m.screen != screenForm {
		t.Fatalf("starts on screen %d, want the new-assessment form", m.screen)
	}
	do(t, m, keys("enter")...) // an empty name is refused
	if m.screen != screenForm || m.form.err == "" {
		t.Fatalf("an empty name was accepted")
	}
	do(t, m, typeText("Ada Lovelace")...)
	do(t, m, keys("enter")...)
	do(t, m, typeText("ada@example.org")...)
	do(t, m, keys("enter", "down", "space", "enter")...) // uncheck Beta
	if m.screen != screenQuestion || m.question.index != 0 {
		t.Fatalf("screen %d index %d, want the first question", m.screen, m.question.index)
	}
	a := saved(t, m)
	if a.Candidate.Email != "ada@example.org" || strings.Join(a.Targets, ",") != "acme" {
		t.Errorf("saved candidate %+v targets %v", a.Candidate, a.Targets)
	}

	// python: down twice then confirm = Beginner (2)
	do(t, m, keys("j", "j", "enter")...)
	// java: digit 3 selects without advancing, then enter
	do(t, m, keys("3")...)
	if m.question.index != 1 || m.question.cursor != 3 {
		t.Fatalf("a digit advanced or did not select: index %d cursor %d", m.question.index, m.question.cursor)
	}
	do(t, m, keys("enter")...)
	// back to java: its saved answer is selected
	do(t, m, keys("b")...)
	if m.question.index != 1 || m.question.cursor != 3 {
		t.Fatalf("going back shows index %d cursor %d, want java with Capable", m.question.index, m.question.cursor)
	}
	do(t, m, keys("right")...) // right advances past an answered skill
	// sql: skip
	do(t, m, keys("s")...)
	if m.question.index != 3 {
		t.Fatalf("skip moved to %d, want 3", m.question.index)
	}
	do(t, m, keys("right")...) // right does not pass an unanswered skill
	if m.question.index != 3 {
		t.Fatalf("right passed an unanswered skill")
	}
	// testing: a note with q typed into it, then answer 1
	do(t, m, keys("n")...)
	do(t, m, typeText("quick tests")...)
	do(t, m, keys("tab")...)
	do(t, m, typeText("https://a.example/x, https://b.example/y")...)
	do(t, m, keys("ctrl+s", "1", "enter")...)
	// dutch (last): Yes, then the review
	do(t, m, keys("1", "enter")...)
	if m.screen != screenReview {
		t.Fatalf("after the last skill: screen %d, want review", m.screen)
	}
	a = saved(t, m)
	if a.Answers["testing"].Note != "quick tests" || len(a.Answers["testing"].Evidence) != 2 || a.Answers["testing"].Level != 1 {
		t.Errorf("testing answer = %+v", a.Answers["testing"])
	}
	if _, ok := a.Answers["sql"]; ok {
		t.Errorf("a skipped skill was saved")
	}
	// the jump list finds sql; answer it from there, then back to review
	do(t, m, keys("/")...)
	do(t, m, typeText("sql")...)
	if len(m.jump.matches) != 1 {
		t.Fatalf("jump filter matched %d skills", len(m.jump.matches))
	}
	do(t, m, keys("enter", "2", "enter")...)
	if m.screen != screenReview {
		t.Fatalf("a question opened from the review did not return to it")
	}
	// edit python from the review
	do(t, m, keys("up", "up", "up", "up", "up", "enter", "4", "enter")...)
	do(t, m, keys("f")...)
	if m.screen != screenResults {
		t.Fatalf("f did not show the results")
	}
	a = saved(t, m)
	if a.Status != assessments.Complete {
		t.Errorf("status %s, want complete", a.Status)
	}
	want := map[string]int{"python": 4, "java": 3, "sql": 2, "testing": 1, "dutch": 1}
	for id, lvl := range want {
		if got := a.Answers[id].Level; got != lvl {
			t.Errorf("%s = %d, want %d", id, got, lvl)
		}
	}
	// The results equal `readycheck score` on the saved file.
	if p := a.Check(r); p.Err() != nil {
		t.Fatal(p)
	}
	card, err := scorecard.New(a, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	view := m.View().Content
	for _, c := range card.Result.Companies {
		if !strings.Contains(view, fmt.Sprintf("%5.1f%%", c.Readiness)) {
			t.Errorf("results screen lacks %s's %.1f%%:\n%s", c.Company.ID, c.Readiness, view)
		}
	}
	// e exports the Markdown report beside the saved file
	do(t, m, keys("e")...)
	md := strings.TrimSuffix(m.SavedPath(), ".yaml") + ".md"
	if b, err := os.ReadFile(md); err != nil || !bytes.Contains(b, []byte("# Readiness of Ada Lovelace")) {
		t.Errorf("export: %v", err)
	}
	if !strings.Contains(ansi.Strip(m.status()), "Exported the report to") {
		t.Errorf("the export's place is not said: %q", m.status())
	}
}

// --name and --company skip the start screen; quitting right after an
// answer still saves it; resuming reopens after the last answer.
func TestQuitAndResume(t *testing.T) {
	r := loadRubric(t, "testdata/small.yaml")
	store, _ := assessments.OpenStore(t.TempDir())
	m := New(Options{Rubric: r, Store: store, Name: "Grace", Companies: []string{"beta"}, Now: fixedNow})
	run(t, m, m.Init())
	if m.screen != screenQuestion {
		t.Fatalf("--name and --company did not skip the start screen")
	}
	// Answer without running the save command, as if the program quit
	// before it ran; Close must save it.
	m.Update(size(80, 24))
	m.Update(press("2"))
	m.Update(press("enter"))
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	a, err := assessments.LoadFile(m.SavedPath())
	if err != nil || a.Answers["python"].Level != 2 {
		t.Fatalf("the last answer was lost on quit: %v %+v", err, a)
	}

	m2 := New(Options{Rubric: r, Store: store, Now: fixedNow})
	do(t, m2, size(80, 24))
	if m2.screen != screenStart || len(m2.start.entries) != 1 {
		t.Fatalf("the start screen does not offer the unfinished assessment")
	}
	view := m2.View().Content
	if !strings.Contains(view, "Resume Grace · 1/5 answered") {
		t.Errorf("start screen:\n%s", view)
	}
	do(t, m2, keys("down", "enter")...)
	if m2.screen != screenQuestion || m2.question.index != 1 {
		t.Fatalf("resumed at screen %d index %d, want question 2", m2.screen, m2.question.index)
	}
	// A second walk-through of the same file is refused while this one has it.
	m3 := New(Options{Rubric: r, Store: store, Now: fixedNow})
	msg := m3.resume(m3.start.entries[0])()
	if e, ok := msg.(errMsg); !ok || !strings.Contains(e.err.Error(), "open in another readycheck") {
		t.Errorf("a second open of a locked assessment gave %v", msg)
	}
	m2.Close()
}

func TestInterruptAndSuspend(t *testing.T) {
	r := loadRubric(t, "testdata/small.yaml")
	m, _ := newModel(t, r, "A", "acme")
	if _, cmd := m.Update(press("ctrl+c")); cmd == nil || fmt.Sprint(cmd()) != fmt.Sprint(tea.Interrupt()) {
		t.Errorf("ctrl+c does not interrupt")
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}); cmd == nil || fmt.Sprint(cmd()) != fmt.Sprint(tea.Suspend()) {
		t.Errorf("ctrl+z does not suspend")
	}
	if _, cmd := m.Update(press("q")); cmd == nil || fmt.Sprint(cmd()) != fmt.Sprint(tea.Quit()) {
		t.Errorf("q does not quit on a question")
	}
}

// A save that fails says so on screen and keeps the answers.
func TestSaveFailureShows(t *testing.T) {
	r := loadRubric(t, "testdata/small.yaml")
	m, _ := newModel(t, r, "A", "acme")
	do(t, m, size(80, 24))
	do(t, m, savedMsg{version: 99, err: fmt.Errorf("disk full")})
	if v := m.View().Content; !strings.Contains(v, "Not saved: disk full") {
		t.Errorf("a failed save is not shown:\n%s", v)
	}
}

// The question screen never shows what a company requires.
func TestQuestionHidesRequirements(t *testing.T) {
	r := loadRubric(t, "testdata/small.yaml")
	m, _ := newModel(t, r, "A", "acme")
	do(t, m, size(120, 40))
	for i := range r.Skills() {
		m.showQuestion(i, false)
		v := m.View().Content
		for _, w := range []string{"requires", "needs", "Acme", "min"} {
			if strings.Contains(v, w) {
				t.Errorf("question %d shows %q:\n%s", i, w, v)
			}
		}
	}
}

// screens renders every screen at a size, as plain text.
func screens(t *testing.T, r *rubric.Rubric, w, h int) map[string]string {
	out := map[string]string{}
	m, _ := newModel(t, r, "")
	do(t, m, size(w, h))
	out["form"] = m.View().Content
	do(t, m, typeText("Ada Lovelace")...)
	do(t, m, keys("enter", "enter")...)
	out["targets"] = m.View().Content
	do(t, m, keys("enter")...)
	do(t, m, keys("j", "j", "j")...)
	out["question"] = m.View().Content
	do(t, m, keys("?")...)
	out["question-help"] = m.View().Content
	do(t, m, keys("?", "enter", "n")...)
	do(t, m, typeText("Built a small API")...)
	out["note"] = m.View().Content
	do(t, m, keys("esc", "/")...)
	do(t, m, typeText("in")...)
	out["jump"] = m.View().Content
	do(t, m, keys("esc")...)
	m.showReview(0)
	out["review"] = m.View().Content
	do(t, m, keys("f")...)
	out["results"] = m.View().Content
	// A second walk-through offers to resume the first... once it is
	// unfinished again.
	m.a.Status = assessments.InProgress
	m.a.Updated = clock.Add(-3 * time.Hour)
	run(t, m, m.persist())
	m2 := New(Options{Rubric: r, Store: m.opts.Store, Now: fixedNow})
	do(t, m2, size(w, h))
	out["start"] = m2.View().Content
	return out
}

func TestGoldenScreens(t *testing.T) {
	r, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for name, view := range screens(t, r, sz[0], sz[1]) {
			t.Run(fmt.Sprintf("%s-%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				view = ansi.Strip(view)
				lines := strings.Split(view, "\n")
				if len(lines) > sz[1] {
					t.Errorf("%d lines on a %d-line terminal", len(lines), sz[1])
				}
				for i, l := range lines {
					if w := len([]rune(l)); w > sz[0] {
						t.Errorf("line %d is %d cells wide on a %d-cell terminal: %q", i, w, sz[0], l)
					}
				}
				golden.RequireEqual(t, view)
			})
		}
	}
}

// The real-world rubric: seven levels with long French descriptors fit at
// 80x24, the selected level always visible.
func TestGoldenRealWorldQuestion(t *testing.T) {
	const path = "../../shared/realworld/data-skills-matrix.yaml"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no real-world rubric")
	}
	r := loadRubric(t, path)
	m, _ := newModel(t, r, "A", r.Companies[0].ID)
	do(t, m, size(80, 24))
	golden.RequireEqual(t, ansi.Strip(m.View().Content))
	do(t, m, keys("6")...)
	v := ansi.Strip(m.View().Content)
	if !strings.Contains(v, "› 6 ") {
		t.Errorf("the selected level 6 is not visible at 80x24:\n%s", v)
	}
	if lines := strings.Split(v, "\n"); len(lines) > 24 {
		t.Errorf("%d lines at 80x24", len(lines))
	}
}

// The program itself, in teatest: keys through a real Bubble Tea program
// until the results, then q.
func TestProgramTeatest(t *testing.T) {
	r := loadRubric(t, "testdata/small.yaml")
	m, _ := newModel(t, r, "Ada", "acme", "beta")
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("skill 1 of 5")) }, teatest.WithDuration(3*time.Second))
	for _, k := range []string{"3", "enter", "2", "enter", "1", "enter", "2", "enter", "1", "enter"} {
		tm.Send(press(k))
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Review your answers")) }, teatest.WithDuration(3*time.Second))
	tm.Send(press("f"))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Your readiness")) }, teatest.WithDuration(3*time.Second))
	tm.Send(press("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*Model)
	if final.screen != screenResults || final.a.Status != assessments.Complete || final.a.Answered() != 5 {
		t.Errorf("final model: screen %d status %s answered %d", final.screen, final.a.Status, final.a.Answered())
	}
}
