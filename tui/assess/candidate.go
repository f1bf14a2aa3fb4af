package assess

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/tui/kit"
)

// candidateScreen asks for the candidate's name (required: it names the
// saved file and the report) and email (optional). q types a q here.
type candidateScreen struct {
	s       *session
	keys    fieldKeys
	fields  [2]textinput.Model // name, email
	focused int
	err     string
}

func newCandidateScreen(s *session, name string, canGoBack bool) *candidateScreen {
	c := &candidateScreen{s: s, keys: newFieldKeys(s.Keys, s.Keys.Submit)}
	c.keys.Move.SetEnabled(false)
	c.keys.Save.SetEnabled(false)
	c.keys.ArrowUp.SetHelp("↑", "previous field")
	c.keys.ArrowDown.SetHelp("↓", "next field")
	c.keys.Cancel.SetHelp("esc", "back")
	c.keys.Cancel.SetEnabled(canGoBack)
	for i := range c.fields {
		in := textinput.New()
		in.Prompt = "│ "
		s.Theme.InputStyles(&in)
		c.fields[i] = in
	}
	c.fields[0].Placeholder = "e.g. Ada Lovelace"
	c.fields[0].CharLimit = assessments.MaxName
	c.fields[0].SetValue(name)
	c.fields[1].Placeholder = "e.g. ada@example.org"
	c.fields[1].CharLimit = assessments.MaxEmail
	c.Resize()
	return c
}

func (c *candidateScreen) focus() tea.Cmd {
	c.fields[1-c.focused].Blur()
	return c.fields[c.focused].Focus()
}

func (c *candidateScreen) Resize() {
	for i := range c.fields {
		c.fields[i].SetWidth(max(min(c.s.Width-8, 60), 10))
	}
}

// person is what was typed, cleaned.
func (c *candidateScreen) person() assessments.Person {
	return assessments.Person{Name: kit.CleanInput(c.fields[0].Value()), Email: kit.CleanInput(c.fields[1].Value())}
}

func (c *candidateScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		k := c.keys
		switch {
		case key.Matches(msg, k.Submit), key.Matches(msg, k.NextField):
			if c.focused == 0 {
				if c.person().Name == "" {
					c.err = nameNeeded
					return nil, nil
				}
				c.err = ""
				c.focused = 1
				return nil, c.focus()
			}
			if key.Matches(msg, k.NextField) {
				c.focused = 0
				return nil, c.focus()
			}
			p := c.person()
			if field, problem := checkPerson(p); problem != "" {
				c.err = problem
				if field != c.focused {
					c.focused = field
					return nil, c.focus()
				}
				return nil, nil
			}
			c.err = ""
			return candidateMsg{person: p}, nil
		case key.Matches(msg, k.PrevField), key.Matches(msg, k.ArrowUp) && c.focused == 1, key.Matches(msg, k.ArrowDown) && c.focused == 0:
			c.focused = 1 - c.focused
			return nil, c.focus()
		case key.Matches(msg, k.Cancel):
			return cancelMsg{}, nil
		}
	}
	var cmd tea.Cmd
	c.fields[c.focused], cmd = c.fields[c.focused].Update(kit.Typed(msg))
	return nil, cmd
}

func (c *candidateScreen) View() string {
	s, t := c.s, c.s.Theme
	top := []string{s.TitleLine(t.Brand.Render("readycheck") + t.Dim.Render(" · "+kit.CleanLine(s.Rubric.Title))), ""}
	body := []string{
		" " + t.Title.Render("A new assessment"),
		" " + t.Dim.Render(termtext.Cut("Rate yourself skill by skill; every answer is saved as you go.", s.Width-2)),
		"",
	}
	labels := [2]string{"Your name", "Email (optional)"}
	for i, in := range c.fields {
		mark := "  "
		if c.focused == i {
			mark = t.Cursor.Render(kit.MarkCursor) + " "
		}
		body = append(body, " "+mark+t.Label.Render(labels[i]), "   "+in.View(), "")
	}
	if c.err != "" {
		body = append(body, " "+t.Error.Render(termtext.Cut(kit.MarkNotice+" "+c.err, s.Width-2)))
	}
	return s.Frame(top, body, c.keys.help())
}
