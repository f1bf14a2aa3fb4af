package review

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// mentorFolder is a folder of assessments of the small rubric: two of Ada
// (a trend), one already reviewed by Grace Hopper, a broken file, and one
// of another rubric.
func mentorFolder(t *testing.T, withBad ...bool) string {
	dir := t.TempDir()
	r := tuitest.Small(t)
	early := assessments.New(r, assessments.Person{Name: "Ada Lovelace"}, nil, tuitest.Clock.AddDate(0, -2, 0))
	early.SetAnswer("python", 1, tuitest.Clock.AddDate(0, -2, 0))
	later := assessments.New(r, assessments.Person{Name: "Ada Lovelace"}, nil, tuitest.Clock.AddDate(0, -1, 0))
	for id, l := range map[string]int{"python": 3, "java": 3, "sql": 2, "dutch": 1} {
		later.SetAnswer(id, l, tuitest.Clock.AddDate(0, -1, 0))
	}
	later.SetNote("sql", "Joins across three tables", []string{"https://example.org/sql"}, tuitest.Clock.AddDate(0, -1, 0))
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

func screenOf(m *Model) mentorScreen {
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

func newMentor(t *testing.T, dir, reviewer string) *Model {
	t.Helper()
	r := tuitest.Small(t)
	m := New(Options{Paths: []string{dir}, Rubric: r, Reviewer: reviewer, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	runMentor(t, m, m.Init())
	m.Update(tuitest.Size(80, 24))
	return m
}

// runMentor runs a command and feeds back the review program's own messages.
func runMentor(t testing.TB, m *Model, cmd tea.Cmd) {
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

func mdo(t testing.TB, m *Model, msgs ...tea.Msg) {
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
	mdo(t, m, tuitest.TypeText("Grace Hopper")...)
	mdo(t, m, tuitest.Keys("enter")...)
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
	mdo(t, m, tuitest.Keys("down", "down")...)
	if view := ansi.Strip(m.View().Content); !strings.Contains(view, "reviewed by you") || !strings.Contains(view, "yours✓+1") {
		t.Errorf("Grace's own finished review is not shown:\n%s", view)
	}
	// Wide enough for the reasons whole, however long the temporary
	// folder's path (macOS's is long).
	m.Update(tuitest.Size(400, 24))
	if wide := ansi.Strip(m.View().Content); !strings.Contains(wide, "broken.yaml:1:1:") || !strings.Contains(wide, `taken against rubric "other"`) {
		t.Errorf("failed files are not listed apart with their reason:\n%s", wide)
	}
	m.Update(tuitest.Size(80, 24))
	mdo(t, m, tuitest.Keys("home")...)
	// sort by readiness, then filter
	mdo(t, m, tuitest.Keys("o", "o")...)
	if m.list.sortBy != 2 || m.list.shown[0].best < m.list.shown[len(m.list.shown)-1].best {
		t.Errorf("sort by readiness failed")
	}
	mdo(t, m, tuitest.Keys("/")...)
	mdo(t, m, tuitest.TypeText("beta")...)
	mdo(t, m, tuitest.Keys("enter")...)
	if len(m.list.shown) != 3 {
		t.Errorf("filter by company kept %d rows, want 3 (all target every company)", len(m.list.shown))
	}
	mdo(t, m, tuitest.Keys("/")...)
	mdo(t, m, tuitest.TypeText("zzz")...)
	if len(m.list.shown) != 0 {
		t.Errorf("filter zzz kept %d rows", len(m.list.shown))
	}
	mdo(t, m, tuitest.Keys("esc")...)
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
	mdo(t, m, tuitest.Keys("down", "enter")...)
	if screenOf(m) != mentorSheet || m.open.path != path {
		t.Fatalf("screen %d, open %v", screenOf(m), m.open)
	}
	// python: 1; java: left from the candidate's 3 = 2; sql: comment
	mdo(t, m, tuitest.Keys("1", "down", "left", "down", "enter")...)
	mdo(t, m, tuitest.TypeText("Good joins")...)
	mdo(t, m, tuitest.Keys("ctrl+s", "u")...)
	mdo(t, m, tuitest.TypeText("Practise testing.")...)
	mdo(t, m, tuitest.Keys("ctrl+s")...)
	// g jumps to the gap: python 3 vs 1
	mdo(t, m, tuitest.Keys("g")...)
	if m.sheet.cursor != 0 {
		t.Errorf("g went to %d, want python (0)", m.sheet.cursor)
	}
	// The gaps come at the end of the results: G pages there.
	mdo(t, m, tuitest.Keys("r", "G")...)
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "Python: Capable (3) vs Aware (1), rated higher than mentor") {
		t.Errorf("results lack the gap:\n%s", v)
	}
	mdo(t, m, tuitest.Keys("esc", "esc")...)
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
	mdo(t, m, tuitest.Keys("enter", "3")...)
	mdo(t, m, tuitest.Keys("esc")...)
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
	mdo(t, m, tuitest.Keys("enter")...)
	if screenOf(m) != mentorList || !strings.Contains(m.s.Notice, "open in another readycheck") {
		t.Errorf("a locked file opened: screen %d notice %q", screenOf(m), m.s.Notice)
	}
}

func TestMentorGoldenScreens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		dir := mentorFolder(t, false)
		m := newMentor(t, dir, "Grace Hopper")
		m.Update(tuitest.Size(sz[0], sz[1]))
		shots := map[string]string{"list": m.View().Content}
		mdo(t, m, tuitest.Keys("down", "down", "enter")...)
		shots["sheet"] = m.View().Content
		mdo(t, m, tuitest.Keys("down", "down", "enter")...)
		shots["skill"] = m.View().Content
		mdo(t, m, tuitest.Keys("esc", "r")...)
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
	r := tuitest.Small(t)
	dir := t.TempDir()
	a := assessments.New(r, assessments.Person{Name: "Ada"}, nil, tuitest.Clock)
	for id, l := range map[string]int{"python": 2, "java": 4, "sql": 1} {
		a.SetAnswer(id, l, tuitest.Clock)
	}
	a.Reviews = append(a.Reviews, &assessments.Review{Reviewer: assessments.Person{Name: "Linus"}, Started: tuitest.Clock, Updated: tuitest.Clock,
		Ratings: map[string]*assessments.Rating{"sql": {Level: 2}, "java": {Level: 4, Comment: "Solid"}}})
	path := filepath.Join(dir, "ada.yaml")
	if err := assessments.Save(path, a); err != nil {
		t.Fatal(err)
	}
	r2 := tuitest.ChangedSmall(t)
	m := New(Options{Paths: []string{dir}, Rubric: r2, Reviewer: "Linus", Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	runMentor(t, m, m.Init())
	m.Update(tuitest.Size(80, 24))
	mdo(t, m, tuitest.Keys("enter")...)
	if screenOf(m) != mentorSheet {
		t.Fatalf("the file was not opened: screen %d, notice %q", screenOf(m), m.s.Notice)
	}
	if v := strings.Join(strings.Fields(ansi.Strip(m.View().Content)), " "); !strings.Contains(v, "The rubric changed since this assessment was saved; 1 answer kept, 2 dropped.") {
		t.Errorf("the mentor is not told:\n%s", ansi.Strip(m.View().Content))
	}
	rv, _ := m.open.a.Review("Linus")
	if _, ok := rv.Ratings["sql"]; ok || rv.Ratings["java"] == nil || rv.Ratings["java"].Rated() || rv.Ratings["java"].Comment != "Solid" {
		t.Errorf("ratings after the change: %+v", rv.Ratings)
	}
}

// cohortFolder is a folder of n finished assessments of the built-in
// rubric, with names that repeat.
func cohortFolder(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	r := tuitest.Builtin(t)
	for i := range n {
		a := assessments.New(r, assessments.Person{Name: fmt.Sprintf("Candidate %03d", i/2)}, nil, tuitest.Clock.Add(time.Duration(i)*time.Hour))
		for j, s := range r.Skills() {
			a.SetAnswer(s.ID, min((i+j)%3, s.Scale.Top()), tuitest.Clock.Add(time.Duration(i)*time.Hour))
		}
		if err := assessments.Save(filepath.Join(dir, fmt.Sprintf("a%04d.yaml", i)), a); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func newCohortMentor(t *testing.T, dir string) *Model {
	t.Helper()
	m := New(Options{Paths: []string{dir}, Builtin: tuitest.Builtin(t), Reviewer: "Grace", Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	runMentor(t, m, m.Init())
	m.Update(tuitest.Size(80, 24))
	return m
}

// The last line of every review screen is its help, whole at 80 columns,
// as in the walk-through (TestHelpFits80).
func TestMentorHelpFits80(t *testing.T) {
	dir := mentorFolder(t)
	r := tuitest.Small(t)
	m := New(Options{Paths: []string{dir}, Rubric: r, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	runMentor(t, m, m.Init())
	m.Update(tuitest.Size(80, 24))
	check := func(what string) {
		t.Helper()
		lines := strings.Split(ansi.Strip(m.View().Content), "\n")
		if len(lines) != 24 {
			t.Errorf("%s: %d lines", what, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("%s: line %d is %d wide", what, i, w)
			}
		}
		if m.s.Help.ShowAll {
			return // full help: columns, each line checked above
		}
		if last := lines[len(lines)-1]; strings.Contains(last, "…") || !strings.Contains(last, "•") {
			t.Errorf("%s: help line %q", what, last)
		}
	}
	check("name")
	mdo(t, m, tuitest.TypeText("Grace Hopper")...)
	mdo(t, m, tuitest.Keys("enter")...)
	check("list")
	mdo(t, m, tuitest.Keys("/")...)
	check("filter")
	mdo(t, m, tuitest.Keys("esc", "enter")...)
	check("sheet")
	mdo(t, m, tuitest.Keys("enter")...)
	check("comment")
	mdo(t, m, tuitest.TypeText("x")...)
	mdo(t, m, tuitest.Keys("esc")...)
	check("comment, asking")
	mdo(t, m, tuitest.Keys("n", "u")...)
	check("summary")
	mdo(t, m, tuitest.Keys("esc", "r")...)
	check("results")
	mdo(t, m, tuitest.Keys("?")...)
	check("results, all keys")
	mdo(t, m, tuitest.Keys("?", "esc", "?")...)
	check("sheet, all keys")
	// Full help names lowering and raising apart.
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "lower your level") || !strings.Contains(v, "raise your level") || !strings.Contains(v, "home") {
		t.Errorf("the sheet's keys do not show lower and raise apart:\n%s", v)
	}
	mdo(t, m, tuitest.Keys("?", "esc", "?")...)
	check("list, all keys")
}

// The list of a large cohort pages: pgdn, end (and G), home (and g), with
// "↑ N more" and "↓ N more" when rows are hidden; so do the sheet (where g
// is the next gap, home and end go to the ends) and the results.
func TestMentorListsPage(t *testing.T) {
	m := newCohortMentor(t, cohortFolder(t, 60))
	view := func() string { return ansi.Strip(m.View().Content) }
	if v := view(); !strings.Contains(v, "60 assessments") || !more(v, "↓") || more(v, "↑") {
		t.Fatalf("the first page has no marker below:\n%s", v)
	}
	mdo(t, m, tuitest.Keys("pgdown")...)
	if m.list.cursor < 5 || !more(view(), "↑") {
		t.Errorf("pgdn moved to %d:\n%s", m.list.cursor, view())
	}
	for _, k := range []string{"end", "G"} {
		mdo(t, m, tuitest.Keys("home", k)...)
		if m.list.cursor != 59 || more(view(), "↓") || !more(view(), "↑") {
			t.Errorf("%s moved to %d:\n%s", k, m.list.cursor, view())
		}
	}
	mdo(t, m, tuitest.Keys("g")...)
	if m.list.cursor != 0 {
		t.Errorf("g moved to %d", m.list.cursor)
	}
	mdo(t, m, tuitest.Keys("pgdown", "pgup")...)
	if m.list.cursor != 0 {
		t.Errorf("pgup went back to %d", m.list.cursor)
	}
	// Names repeat: the time tells two assessments of one candidate apart.
	if v := view(); !strings.Contains(v, "23 Nov 10:00") || !strings.Contains(v, "23 Nov 11:00") {
		t.Errorf("repeated names without their time:\n%s", v)
	}

	mdo(t, m, tuitest.Keys("enter")...)
	if screenOf(m) != mentorSheet {
		t.Fatalf("not on the sheet")
	}
	last := len(m.open.r.Skills()) - 1
	mdo(t, m, tuitest.Keys("end")...)
	if m.sheet.cursor != last || !more(view(), "↑") {
		t.Errorf("end on the sheet: %d\n%s", m.sheet.cursor, view())
	}
	mdo(t, m, tuitest.Keys("home", "pgdown")...)
	if m.sheet.cursor == 0 || !more(view(), "↓") || !more(view(), "↑") {
		t.Errorf("pgdn on the sheet: %d\n%s", m.sheet.cursor, view())
	}
	mdo(t, m, tuitest.Keys("home", "3", "r")...)
	if v := view(); !more(v, "↓") || more(v, "↑") {
		t.Errorf("the results have no marker below:\n%s", v)
	}
	mdo(t, m, tuitest.Keys("G")...)
	if v := view(); more(v, "↓") || !more(v, "↑") {
		t.Errorf("G did not reach the end of the results:\n%s", v)
	}
	mdo(t, m, tuitest.Keys("g")...)
	if v := view(); more(v, "↑") {
		t.Errorf("g did not go back to the top of the results:\n%s", v)
	}
}

// The filter's header counts what is shown; a file that cannot be read is
// reached by the cursor and its reason shown whole, wrapped, below.
func TestMentorListFilterAndReasons(t *testing.T) {
	dir := mentorFolder(t)
	m := newMentor(t, dir, "Grace Hopper")
	mdo(t, m, tuitest.Keys("/")...)
	mdo(t, m, tuitest.TypeText("alan")...)
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "1 of 3 assessments") {
		t.Errorf("the header does not count what the filter shows:\n%s", v)
	}
	mdo(t, m, tuitest.Keys("esc", "end")...)
	if r := m.list.item(); r == nil || r.err == "" {
		t.Fatalf("end is not on a file that could not be read")
	}
	v := strings.Join(strings.Fields(ansi.Strip(m.View().Content)), " ")
	if !strings.Contains(v, `taken against rubric "other", not "small" given with --rubric`) {
		t.Errorf("the reason is not shown whole:\n%s", ansi.Strip(m.View().Content))
	}
	// enter on it opens nothing.
	mdo(t, m, tuitest.Keys("enter")...)
	if screenOf(m) != mentorList {
		t.Errorf("enter on an unreadable file left the list")
	}
}

// Leaving a review closes the file in a command, not in Update: the list
// shows at once, the lock is released when the command runs, and opening
// the same file again waits for it.
func TestMentorClosesInACommand(t *testing.T) {
	dir := mentorFolder(t)
	path := filepath.Join(dir, "ada-2.yaml")
	m := newMentor(t, dir, "Linus")
	mdo(t, m, tuitest.Keys("down", "enter", "3")...)
	_, cmd := m.Update(tuitest.Keys("esc")[0])
	if screenOf(m) != mentorList || m.open != nil || len(m.closing) != 1 || cmd == nil {
		t.Fatalf("esc: screen %d, open %v, %d closing", screenOf(m), m.open, len(m.closing))
	}
	if saver, err := assessments.OpenSaver(path); err == nil {
		saver.Close()
		t.Fatalf("the lock was released inside Update")
	}
	// enter again before the close ran: the opening waits for it.
	_, open := m.Update(tuitest.Keys("enter")[0])
	if open != nil || m.next == nil {
		t.Fatalf("the file was opened again before it was released")
	}
	runMentor(t, m, cmd)
	if screenOf(m) != mentorSheet || len(m.closing) != 0 {
		t.Fatalf("the waiting open did not follow the close: screen %d", screenOf(m))
	}
	if got := m.Reviewed(); len(got) != 1 || got[0] != path {
		t.Errorf("reviewed = %q", got)
	}
	if rv, _ := m.open.a.Review("Linus"); rv == nil || rv.Ratings["python"].Level != 3 {
		t.Errorf("the rating was not saved before the file was opened again: %+v", rv)
	}
}

// more reports whether a view has a scroll marker: "↑ 3 more rows".
func more(view, arrow string) bool {
	return regexp.MustCompile(arrow + ` [0-9,]+ more`).MatchString(view)
}

// The skill screen wraps a level's descriptor as the walk-through's
// question screen does, and again when the terminal is resized.
func TestMentorSkillWraps(t *testing.T) {
	m := newCohortMentor(t, cohortFolder(t, 1))
	mdo(t, m, tuitest.Keys("enter")...)
	r := m.open.r
	i := 0
	for j, s := range r.Skills() {
		if s.ID == "csharp" {
			i = j
		}
	}
	mdo(t, m, tuitest.Keys("home")...)
	for range i {
		mdo(t, m, tuitest.Keys("down")...)
	}
	mdo(t, m, tuitest.Keys("enter")...)
	desc := r.Skills()[i].Descriptor(3)
	for _, w := range []int{80, 120, 70} {
		m.Update(tuitest.Size(w, 40))
		v := ansi.Strip(m.View().Content)
		if strings.Contains(v, "…") {
			t.Errorf("%d columns: text cut:\n%s", w, v)
		}
		if !strings.Contains(strings.Join(strings.Fields(v), " "), desc) {
			t.Errorf("%d columns: level 3's descriptor %q is not whole:\n%s", w, desc, v)
		}
		// The same lines as the question screen's layout at this width.
		want := m.s.Layout(i).Levels[3].Plain
		for _, l := range want {
			if !strings.Contains(v, ansi.Strip(l)) {
				t.Errorf("%d columns: line %q of the walk-through's layout is missing", w, ansi.Strip(l))
			}
		}
	}
}
