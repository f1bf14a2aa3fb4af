package review

import (
	"strings"
	"testing"

	"github.com/readycheck/readycheck/tui/internal/keydocs"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
	"github.com/readycheck/readycheck/tui/kit"
)

// mentorHelp is the help the screen on display draws at its bottom.
func mentorHelp(t *testing.T, m *Model) kit.HelpKeys {
	t.Helper()
	switch sc := m.active.(type) {
	case *nameScreen:
		return sc.keys.form()
	case *listScreen:
		return sc.help()
	case *sheetScreen:
		return sc.keys.sheet()
	case *editorScreen:
		return sc.help()
	case *reviewResults:
		return sc.keys.results()
	}
	t.Fatalf("no help known for %T: add it to mentorHelp", m.active)
	return kit.HelpKeys{}
}

// TestKeyDocs keeps the table of keys in docs/mentors.md that of the
// review's full help (?), screen by screen, as a mentor meets them;
// keydocs.Refresh rewrites it after a change.
func TestKeyDocs(t *testing.T) {
	dir := mentorFolder(t, false)
	m := newMentor(t, dir, "")
	m.s.Help.ShowAll = true
	// Wide and tall enough for the whole full help of every screen.
	m.Update(tuitest.Size(240, 60))

	var screens []keydocs.Screen
	take := func(name string, want mentorScreen) kit.HelpKeys {
		t.Helper()
		if screenOf(m) != want {
			t.Fatalf("%s: the screen on display is %T", name, m.active)
		}
		h := mentorHelp(t, m)
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
	same := func(what string, a, b kit.HelpKeys) {
		t.Helper()
		if keydocs.Table([]keydocs.Screen{{Keys: a}}, m.s.Keys.Help) != keydocs.Table([]keydocs.Screen{{Keys: b}}, m.s.Keys.Help) {
			t.Errorf("%s have other keys now: give each a row of its own", what)
		}
	}
	take("your name", mentorName)
	mdo(t, m, tuitest.TypeText("Grace Hopper")...)
	mdo(t, m, tuitest.Keys("enter")...)
	take("list", mentorList)
	mdo(t, m, tuitest.Keys("/")...)
	take("list, filtering", mentorList)
	mdo(t, m, tuitest.Keys("esc", "enter")...)
	take("review", mentorSheet)
	mdo(t, m, tuitest.Keys("enter")...)
	comment := take("skill (your comment), summary", mentorSkill)
	mdo(t, m, tuitest.TypeText("x")...)
	mdo(t, m, tuitest.Keys("esc")...)
	asking := take("", mentorSkill)
	mdo(t, m, tuitest.Keys("n", "u")...)
	same("the comment and the summary", comment, take("", mentorSummary))
	mdo(t, m, tuitest.TypeText("x")...)
	mdo(t, m, tuitest.Keys("esc")...)
	same("the comment and the summary asking to keep", asking, take("", mentorSummary))
	mdo(t, m, tuitest.Keys("n", "r")...)
	take("results", mentorResults)
	screens = append(screens, keydocs.Screen{Name: "keep your changes? (`esc` in a changed comment or summary)", Keys: asking})

	keydocs.Sync(t, "../../docs/mentors.md", "review", keydocs.Table(screens, m.s.Keys.Help))
}
