package assess

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"

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

	p := &keydocs.Program{Session: m.s.Session}
	// take takes the help of the screen on display, of want's type.
	take := func(name string, want kit.Screen) help.KeyMap {
		t.Helper()
		if reflect.TypeOf(m.active) != reflect.TypeOf(want) {
			t.Fatalf("%s: the screen on display is %T", name, m.active)
		}
		return p.Take(t, name, helpOf(t, m), m.active.View())
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
	question := take("", m.question)
	do(t, m, tuitest.Keys("n")...)
	take("note", (*noteScreen)(nil))
	do(t, m, tuitest.TypeText("x")...)
	do(t, m, tuitest.Keys("esc")...)
	asking := take("", (*noteScreen)(nil))
	do(t, m, tuitest.Keys("n", "/")...)
	take("jump", (*jumpScreen)(nil))
	do(t, m, tuitest.Keys("esc", "enter", "enter", "enter", "enter")...)
	take("review", m.review)
	do(t, m, tuitest.Keys("f")...)
	take("results", m.results)
	do(t, m, tuitest.Keys("p")...)
	take("posting", (*postingScreen)(nil))
	do(t, m, tuitest.TypeText("x")...)
	do(t, m, tuitest.Keys("esc")...)
	if !p.Same(take("", (*postingScreen)(nil)), asking) {
		t.Errorf("the posting asks to keep its text with other keys than the note: give it a row of its own")
	}
	p.Screens = append(p.Screens, keydocs.Screen{Name: "keep your changes? (`esc` in a changed note or posting)", Keys: asking})

	const doc = "../../docs/candidates.md"
	keydocs.Sync(t, doc, "question", p.KeyTable("on a question", question))
	keydocs.Sync(t, doc, "assess", p.Table(p.Screens))
}
