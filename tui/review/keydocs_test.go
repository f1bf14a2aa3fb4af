package review

import (
	"testing"

	"charm.land/bubbles/v2/help"

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

	p := &keydocs.Program{Session: m.s}
	take := func(name string, want mentorScreen) help.KeyMap {
		t.Helper()
		if screenOf(m) != want {
			t.Fatalf("%s: the screen on display is %T", name, m.active)
		}
		return p.Take(t, name, mentorHelp(t, m), m.active.View())
	}
	same := func(what string, a, b help.KeyMap) {
		t.Helper()
		if !p.Same(a, b) {
			t.Errorf("%s have other keys now: give each a row of its own", what)
		}
	}
	take("your name", mentorName)
	mdo(t, m, tuitest.TypeText("Grace Hopper")...)
	mdo(t, m, tuitest.Keys("enter")...)
	take("list", mentorList)
	mdo(t, m, tuitest.Keys("/")...)
	if !m.list.filterOn {
		t.Fatal("/ did not open the list's filter")
	}
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
	p.Screens = append(p.Screens, keydocs.Screen{Name: "keep your changes? (`esc` in a changed comment or summary)", Keys: asking})

	keydocs.Sync(t, "../../docs/mentors.md", "review", p.Table(p.Screens))
}
