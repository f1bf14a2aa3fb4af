package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/readycheck/readycheck/assessments"
)

// mentorFolder is a folder of assessments of the small rubric: two of Ada
// (a trend), one already reviewed by Grace Hopper, a broken file, and one
// of another rubric.
func mentorFolder(t *testing.T, withBad ...bool) string {
	dir := t.TempDir()
	r := loadRubric(t, "testdata/small.yaml")
	early := assessments.New(r, assessments.Person{Name: "Ada Lovelace"}, nil, clock.AddDate(0, -2, 0))
	early.SetAnswer("python", 1, clock.AddDate(0, -2, 0))
	later := assessments.New(r, assessments.Person{Name: "Ada Lovelace"}, nil, clock.AddDate(0, -1, 0))
	for id, l := range map[string]int{"python": 3, "java": 3, "sql": 2, "dutch": 1} {
		later.SetAnswer(id, l, clock.AddDate(0, -1, 0))
	}
	later.SetNote("sql", "Joins across three tables", []string{"https://example.org/sql"}, clock.AddDate(0, -1, 0))
	for name, a := range map[string]*assessments.Assessment{"ada-1.yaml": early, "ada-2.yaml": later} {
		if err := assessments.Save(filepath.Join(dir, name), a); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := os.ReadFile("testdata/reviewed.yaml")
	b = []byte(strings.Replace(string(b), "Ada Lovelace", "Alan Turing", 1))
	os.WriteFile(filepath.Join(dir, "reviewed.yaml"), b, 0o600)
	if len(withBad) > 0 && !withBad[0] {
		return dir
	}
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("format: readycheck/assessment/v1\ncandidate: {name: [x]}\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "other.yaml"), []byte("format: readycheck/assessment/v1\ncandidate: {name: Zed}\nrubric: {id: other}\nanswers: {}\n"), 0o600)
	return dir
}

// mentorScreen names the review program's screen on display, for tests.
type mentorScreen int

const (
	mentorName mentorScreen = iota
	mentorList
	mentorSheet
	mentorSkill
	mentorSummary
	mentorResults
)

func screenOf(m *Mentor) mentorScreen {
	switch sc := m.active.(type) {
	case *nameScreen:
		return mentorName
	case *sheetScreen:
		return mentorSheet
	case *editorScreen:
		if sc.index < 0 {
			return mentorSummary
		}
		return mentorSkill
	case *reviewResults:
		return mentorResults
	}
	return mentorList
}

func newMentor(t *testing.T, dir, reviewer string) *Mentor {
	t.Helper()
	r := loadRubric(t, "testdata/small.yaml")
	m := NewMentor(MentorOptions{Paths: []string{dir}, Rubric: r, Reviewer: reviewer, Now: fixedNow})
	t.Cleanup(func() { m.Close() })
	runMentor(t, m, m.Init())
	m.Update(size(80, 24))
	return m
}

// runMentor runs a command and feeds back the review program's own messages.
func runMentor(t testing.TB, m *Mentor, cmd tea.Cmd) {
	for depth := 0; cmd != nil && depth < 100; depth++ {
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				runMentor(t, m, c)
			}
			return
		case listLoadedMsg, reviewOpenedMsg, reviewSavedMsg, reviewClosedMsg, resumeReadMsg:
			_, cmd = m.Update(msg)
		default:
			return
		}
	}
}

func mdo(t testing.TB, m *Mentor, msgs ...tea.Msg) {
	for _, msg := range msgs {
		_, cmd := m.Update(msg)
		runMentor(t, m, cmd)
	}
}

func TestMentorList(t *testing.T) {
	dir := mentorFolder(t)
	m := newMentor(t, dir, "")
	if screenOf(m) != mentorName {
		t.Fatalf("without a reviewer the program does not ask the name")
	}
	mdo(t, m, typeText("Grace Hopper")...)
	mdo(t, m, keys("enter")...)
	if screenOf(m) != mentorList || len(m.list.rows) != 3 || len(m.list.failed) != 2 {
		t.Fatalf("screen %d, %d rows, %d apart", screenOf(m), len(m.list.rows), len(m.list.failed))
	}
	view := ansi.Strip(m.View().Content)
	// Ada's two assessments: acme 16.7 (python Aware only; lang 1/3 of
	// weight 2 = 2/3 of 4) then 100.0.
	if !strings.Contains(view, "Acme 16.7 → 100.0 ↑") {
		t.Errorf("no trend for Ada:\n%s", view)
	}
	// The row under the cursor in full below the list: Alan is third.
	mdo(t, m, keys("down", "down")...)
	if view := ansi.Strip(m.View().Content); !strings.Contains(view, "reviewed by you") || !strings.Contains(view, "yours✓+1") {
		t.Errorf("Grace's own finished review is not shown:\n%s", view)
	}
	// Wide enough for the reasons whole, however long the temporary
	// folder's path (macOS's is long).
	m.Update(size(400, 24))
	if wide := ansi.Strip(m.View().Content); !strings.Contains(wide, "broken.yaml:1:1:") || !strings.Contains(wide, `taken against rubric "other"`) {
		t.Errorf("failed files are not listed apart with their reason:\n%s", wide)
	}
	m.Update(size(80, 24))
	mdo(t, m, keys("home")...)
	// sort by readiness, then filter
	mdo(t, m, keys("o", "o")...)
	if m.list.sortBy != 2 || m.list.shown[0].best < m.list.shown[len(m.list.shown)-1].best {
		t.Errorf("sort by readiness failed")
	}
	mdo(t, m, keys("/")...)
	mdo(t, m, typeText("beta")...)
	mdo(t, m, keys("enter")...)
	if len(m.list.shown) != 3 {
		t.Errorf("filter by company kept %d rows, want 3 (all target every company)", len(m.list.shown))
	}
	mdo(t, m, keys("/")...)
	mdo(t, m, typeText("zzz")...)
	if len(m.list.shown) != 0 {
		t.Errorf("filter zzz kept %d rows", len(m.list.shown))
	}
	mdo(t, m, keys("esc")...)
	if len(m.list.shown) != 3 {
		t.Errorf("esc did not clear the filter")
	}
}

// A mentor rates and comments; the candidate's part of the file is left
// exactly as it was; reopening continues the same review.
func TestMentorReviewKeepsAnswers(t *testing.T) {
	dir := mentorFolder(t)
	path := filepath.Join(dir, "ada-2.yaml")
	before, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := newMentor(t, dir, "Linus")
	// open Ada's later assessment (sorted by name then path: ada-1, ada-2, then Alan)
	mdo(t, m, keys("down", "enter")...)
	if screenOf(m) != mentorSheet || m.open.path != path {
		t.Fatalf("screen %d, open %v", screenOf(m), m.open)
	}
	// python: 1; java: left from the candidate's 3 = 2; sql: comment
	mdo(t, m, keys("1", "down", "left", "down", "enter")...)
	mdo(t, m, typeText("Good joins")...)
	mdo(t, m, keys("ctrl+s", "u")...)
	mdo(t, m, typeText("Practise testing.")...)
	mdo(t, m, keys("ctrl+s")...)
	// g jumps to the gap: python 3 vs 1
	mdo(t, m, keys("g")...)
	if m.sheet.cursor != 0 {
		t.Errorf("g went to %d, want python (0)", m.sheet.cursor)
	}
	// The gaps come at the end of the results: G pages there.
	mdo(t, m, keys("r", "G")...)
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "Python: Capable (3) vs Aware (1), rated higher than mentor") {
		t.Errorf("results lack the gap:\n%s", v)
	}
	mdo(t, m, keys("esc", "esc")...)
	if screenOf(m) != mentorList || m.open != nil {
		t.Fatalf("back did not close the file")
	}
	after, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after.Candidate, before.Candidate) || !reflect.DeepEqual(after.Answers, before.Answers) ||
		!reflect.DeepEqual(after.Targets, before.Targets) || after.Status != before.Status || !after.Updated.Equal(before.Updated) {
		t.Errorf("the candidate's part changed")
	}
	rv, ok := after.Review("linus")
	if !ok || rv.Ratings["python"].Level != 1 || rv.Ratings["java"].Level != 2 || rv.Ratings["sql"].Comment != "Good joins" || rv.Ratings["sql"].Rated() || rv.Summary != "Practise testing." {
		t.Fatalf("review = %+v", rv)
	}
	// reopen: the same review continues, no second one
	mdo(t, m, keys("enter", "3")...)
	mdo(t, m, keys("esc")...)
	again, _ := assessments.LoadFile(path)
	if len(again.Reviews) != 1 || again.Reviews[0].Ratings["python"].Level != 3 {
		t.Errorf("reopening added a review or lost the change: %d reviews", len(again.Reviews))
	}
}

// A candidate's walk-through and a mentor's review of one file: the second
// is refused with a clear message.
func TestMentorLock(t *testing.T) {
	dir := mentorFolder(t)
	path := filepath.Join(dir, "ada-1.yaml")
	saver, err := assessments.OpenSaver(path)
	if err != nil {
		t.Fatal(err)
	}
	defer saver.Close()
	m := newMentor(t, dir, "Linus")
	mdo(t, m, keys("enter")...)
	if screenOf(m) != mentorList || !strings.Contains(m.s.notice, "open in another readycheck") {
		t.Errorf("a locked file opened: screen %d notice %q", screenOf(m), m.s.notice)
	}
}

func TestMentorGoldenScreens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		dir := mentorFolder(t, false)
		m := newMentor(t, dir, "Grace Hopper")
		m.Update(size(sz[0], sz[1]))
		shots := map[string]string{"list": m.View().Content}
		mdo(t, m, keys("down", "down", "enter")...)
		shots["sheet"] = m.View().Content
		mdo(t, m, keys("down", "down", "enter")...)
		shots["skill"] = m.View().Content
		mdo(t, m, keys("esc", "r")...)
		shots["results"] = m.View().Content
		for name, view := range shots {
			t.Run(fmt.Sprintf("%s-%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				view = ansi.Strip(view)
				view = strings.ReplaceAll(view, dir, "DIR")
				for i, l := range strings.Split(view, "\n") {
					if w := ansi.StringWidth(l); w > sz[0] {
						t.Errorf("line %d is %d wide: %q", i, w, l)
					}
				}
				golden.RequireEqual(t, view)
			})
		}
	}
}

// The review opens a file as the walk-through does: when the rubric
// changed since it was saved, the answers and ratings that no longer fit
// are dropped and the mentor is told, instead of the file being refused.
func TestMentorOpensAfterRubricChange(t *testing.T) {
	r := loadRubric(t, "testdata/small.yaml")
	dir := t.TempDir()
	a := assessments.New(r, assessments.Person{Name: "Ada"}, nil, clock)
	for id, l := range map[string]int{"python": 2, "java": 4, "sql": 1} {
		a.SetAnswer(id, l, clock)
	}
	a.Reviews = append(a.Reviews, &assessments.Review{Reviewer: assessments.Person{Name: "Linus"}, Started: clock, Updated: clock,
		Ratings: map[string]*assessments.Rating{"sql": {Level: 2}, "java": {Level: 4, Comment: "Solid"}}})
	path := filepath.Join(dir, "ada.yaml")
	if err := assessments.Save(path, a); err != nil {
		t.Fatal(err)
	}
	r2 := changedSmall(t)
	m := NewMentor(MentorOptions{Paths: []string{dir}, Rubric: r2, Reviewer: "Linus", Now: fixedNow})
	t.Cleanup(func() { m.Close() })
	runMentor(t, m, m.Init())
	m.Update(size(80, 24))
	mdo(t, m, keys("enter")...)
	if screenOf(m) != mentorSheet {
		t.Fatalf("the file was not opened: screen %d, notice %q", screenOf(m), m.s.notice)
	}
	if v := strings.Join(strings.Fields(ansi.Strip(m.View().Content)), " "); !strings.Contains(v, "The rubric changed since this assessment was saved; 1 answer kept, 2 dropped.") {
		t.Errorf("the mentor is not told:\n%s", ansi.Strip(m.View().Content))
	}
	rv, _ := m.open.a.Review("Linus")
	if _, ok := rv.Ratings["sql"]; ok || rv.Ratings["java"] == nil || rv.Ratings["java"].Rated() || rv.Ratings["java"].Comment != "Solid" {
		t.Errorf("ratings after the change: %+v", rv.Ratings)
	}
}
