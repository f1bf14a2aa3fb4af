package assess

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/tui/kit"
)

// targetsScreen picks the companies the candidate aims at, each shown with
// its role; all are checked at first.
type targetsScreen struct {
	s       *session
	keys    listKeys
	checked []bool
	cursor  int
	offset  int
	err     string
	// names and roles are the companies' cleaned texts.
	names, roles []string
}

func newTargetsScreen(s *session) *targetsScreen {
	ts := &targetsScreen{s: s, keys: newListKeys(s.Keys, s.Keys.Start, s.Keys.Toggle, s.Keys.All)}
	ts.keys.Jump.SetEnabled(false)
	ts.keys.Back = key.NewBinding(key.WithKeys(append(s.Keys.Cancel.Keys(), "shift+tab")...), key.WithHelp("esc", "back"))
	for _, c := range s.Rubric.Companies {
		ts.checked = append(ts.checked, true)
		ts.names = append(ts.names, kit.CleanLine(c.Name))
		ts.roles = append(ts.roles, kit.CleanLine(c.Role))
	}
	return ts
}

// targetsTop are the title, a blank, the question, a hint and a blank.
const targetsTop = 5

func (ts *targetsScreen) room() int {
	extra := 0
	if ts.err != "" {
		extra = 2
	}
	return max(ts.s.Room(targetsTop, ts.keys.help())-extra, 1)
}

func (ts *targetsScreen) Resize() { ts.scroll() }

func (ts *targetsScreen) scroll() {
	ts.offset, _ = kit.Window(len(ts.checked), ts.room(), ts.cursor, ts.offset)
}

func (ts *targetsScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	last := len(ts.checked) - 1
	if c, ok := kit.MoveLine(msg, ts.keys.Up, ts.keys.Down, ts.cursor, last); ok {
		ts.cursor = c
		ts.scroll()
		return nil, nil
	}
	if c, ok := kit.MovePage(msg, ts.keys.PageUp, ts.keys.PageDown, ts.keys.Home, ts.keys.End, ts.cursor, last, ts.room()); ok {
		ts.cursor = c
		ts.scroll()
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := ts.keys
		switch {
		case key.Matches(msg, ts.s.Keys.Toggle):
			ts.checked[ts.cursor] = !ts.checked[ts.cursor]
			ts.err = ""
		case key.Matches(msg, ts.s.Keys.All):
			all := true
			for _, c := range ts.checked {
				all = all && c
			}
			for i := range ts.checked {
				ts.checked[i] = !all
			}
			ts.err = ""
		case key.Matches(msg, k.Primary):
			var ids []string
			for i, c := range ts.s.Rubric.Companies {
				if ts.checked[i] {
					ids = append(ids, c.ID)
				}
			}
			if len(ids) == 0 {
				ts.err = "Check at least one company: space checks the one under the cursor, a checks them all."
				ts.scroll()
				return nil, nil
			}
			return targetsMsg{companies: ids}, nil
		case key.Matches(msg, k.Back):
			return cancelMsg{}, nil
		case key.Matches(msg, k.Help):
			ts.s.Help.ShowAll = !ts.s.Help.ShowAll
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		}
	}
	ts.scroll()
	return nil, nil
}

func (ts *targetsScreen) View() string {
	s, t := ts.s, ts.s.Theme
	n := 0
	for _, c := range ts.checked {
		if c {
			n++
		}
	}
	top := []string{
		s.TitleLine(t.Brand.Render("readycheck") + t.Dim.Render(" · "+kit.CleanLine(s.Rubric.Title))),
		"",
		" " + t.Title.Render("Which companies are you aiming at?"),
		" " + t.Dim.Render(termtext.Cut("You will see your readiness for each one you check. "+termtext.Plural(n, "company", "companies")+" checked.", s.Width-2)),
		"",
	}
	nameW := 0
	for _, name := range ts.names {
		nameW = max(nameW, ansi.StringWidth(name))
	}
	nameW = min(nameW, max(s.Width/3, 12))
	first, n := kit.Window(len(ts.checked), ts.room(), ts.cursor, ts.offset)
	body := s.Windowed(len(ts.checked), first, n, "company", "companies", func(i int) string {
		cursor, style := "  ", t.Heading
		if i == ts.cursor {
			cursor, style = t.Cursor.Render(kit.MarkCursor)+" ", t.SelectedLabel
		}
		box := kit.MarkUnchecked
		if ts.checked[i] {
			box = kit.MarkChecked
		}
		line := " " + cursor + box + " " + style.Render(termtext.Exact(ts.names[i], nameW))
		if ts.roles[i] != "" {
			line += "  " + t.Dim.Render(termtext.Cut(ts.roles[i], s.Width-nameW-10))
		}
		return line
	})
	if ts.err != "" {
		body = append(body, "", " "+t.Error.Render(termtext.Cut(kit.MarkNotice+" "+ts.err, s.Width-2)))
	}
	return s.Frame(top, body, ts.keys.help())
}
