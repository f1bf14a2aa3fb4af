package assess

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/tui/internal/keydocs"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
	"github.com/readycheck/readycheck/tui/kit"
)

// helpOf is the help the screen on display draws at its bottom.
func helpOf(t *testing.T, m *Model) kit.HelpKeys {
	t.Helper()
	switch sc := m.active.(type) {
	case *startScreen:
		return sc.keys.help()
	case *candidateScreen:
		return sc.keys.help()
	case *targetsScreen:
		return sc.keys.help()
	case *questionScreen:
		return sc.keys.help()
	case *noteScreen:
		return sc.help()
	case *jumpScreen:
		return sc.keys.help()
	case *reviewScreen:
		return sc.keys.help()
	case *resultsScreen:
		return sc.keys.help()
	case *postingScreen:
		return sc.help()
	}
	t.Fatalf("no help known for %T: add it to helpOf", m.active)
	return kit.HelpKeys{}
}

// tenLevels is the small rubric with levels 0 to 9, the most the number
// keys pick: the question's help then names all of them, as the documents
// do for any rubric.
func tenLevels(t *testing.T) *rubric.Rubric {
	t.Helper()
	more := "    - {label: Expert}\n"
	for _, l := range []string{"Five", "Six", "Seven", "Eight", "Nine"} {
		more += "    - {label: " + l + "}\n"
	}
	r, problems := rubric.Parse("ten.yaml", []byte(strings.Replace(string(tuitest.SmallYAML()), "    - {label: Expert}\n", more, 1)))
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	return r
}

// TestKeyDocs keeps the tables of keys in docs/candidates.md those of the
// walk-through's full help (?), screen by screen, as a candidate meets
// them; keydocs.Refresh rewrites them after a change.
func TestKeyDocs(t *testing.T) {
	r := tenLevels(t)
	store := newStore(t)
	// An unfinished assessment, so that the start screen shows.
	zed := assessments.New(r, assessments.Person{Name: "Zed"}, nil, tuitest.Clock)
	zed.SetAnswer("python", 2, tuitest.Clock)
	if err := assessments.Save(filepath.Join(store.Dir, "zed.yaml"), zed); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Rubric: r, Store: store, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	m.s.Help.ShowAll = true
	// Wide and tall enough for the whole full help of every screen.
	do(t, m, tuitest.Size(240, 60))
	run(t, m, m.Init())

	var screens []keydocs.Screen
	var question kit.HelpKeys
	take := func(name string, want any) kit.HelpKeys {
		t.Helper()
		if m.active != want {
			t.Fatalf("%s: the screen on display is %T", name, m.active)
		}
		h := helpOf(t, m)
		if v := m.active.View(); !strings.HasSuffix(v, m.s.HelpView(h)) {
			t.Fatalf("%s: the help taken is not the one drawn:\n%s", name, v)
		}
		for _, b := range keydocs.Uncovered(h) {
			t.Errorf("%s: the help line's %q is not in the full help", name, b.Help().Key+" "+b.Help().Desc)
		}
		if name != "" {
			screens = append(screens, keydocs.Screen{Name: name, Keys: h})
		}
		return h
	}
	take("start", m.start)
	do(t, m, tuitest.Keys("end", "enter")...) // Start a new assessment
	take("your name", m.form)
	do(t, m, tuitest.TypeText("Ada")...)
	do(t, m, tuitest.Keys("enter", "enter")...)
	take("companies", m.targets)
	// The second skill, answered: every key of a question applies.
	do(t, m, tuitest.Keys("enter", "1", "enter", "2", "enter", "left")...)
	if m.question.index != 1 {
		t.Fatalf("on question %d, want 1", m.question.index)
	}
	question = take("", m.question)
	do(t, m, tuitest.Keys("n")...)
	take("note", m.active)
	do(t, m, tuitest.TypeText("x")...)
	do(t, m, tuitest.Keys("esc")...)
	asking := take("", m.active)
	do(t, m, tuitest.Keys("n", "/")...)
	take("jump", m.active)
	do(t, m, tuitest.Keys("esc", "enter", "enter", "enter", "enter")...)
	take("review", m.review)
	do(t, m, tuitest.Keys("f")...)
	take("results", m.results)
	do(t, m, tuitest.Keys("p")...)
	take("posting", m.active)
	do(t, m, tuitest.TypeText("x")...)
	do(t, m, tuitest.Keys("esc")...)
	if h := take("", m.active); keydocs.Table([]keydocs.Screen{{Keys: h}}, m.s.Keys.Help) != keydocs.Table([]keydocs.Screen{{Keys: asking}}, m.s.Keys.Help) {
		t.Errorf("the posting asks to keep its text with other keys than the note: give it a row of its own")
	}
	screens = append(screens, keydocs.Screen{Name: "keep your changes? (`esc` in a changed note or posting)", Keys: asking})

	const doc = "../../docs/candidates.md"
	keydocs.Sync(t, doc, "question", keydocs.KeyTable("on a question", keydocs.Screen{Keys: question}, m.s.Keys.Help))
	keydocs.Sync(t, doc, "assess", keydocs.Table(screens, m.s.Keys.Help))
}
