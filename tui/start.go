package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
)

// startScreen offers to resume an unfinished assessment or start a new one.
type startScreen struct {
	entries []assessments.Entry
	cursor  int
}

func newStartScreen(m *Model) startScreen {
	var s startScreen
	if m.opts.Store == nil {
		return s
	}
	for _, e := range m.opts.Store.Unfinished() {
		if e.Assessment.Rubric.ID == m.r.ID {
			s.entries = append(s.entries, e)
		}
	}
	return s
}

func (s *startScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			s.cursor = max(s.cursor-1, 0)
		} else if msg.Button == tea.MouseWheelDown {
			s.cursor = min(s.cursor+1, len(s.entries))
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			s.cursor = max(s.cursor-1, 0)
		case key.Matches(msg, m.keys.Down):
			s.cursor = min(s.cursor+1, len(s.entries))
		case key.Matches(msg, m.keys.Confirm):
			if s.cursor == 0 {
				m.form = newFormScreen(m, m.opts.Name)
				m.screen = screenForm
				return m.form.name.Focus()
			}
			return m.resume(s.entries[s.cursor-1])
		case key.Matches(msg, m.keys.Quit):
			return tea.Quit
		}
	}
	return nil
}

func (s *startScreen) view(m *Model) string {
	t := m.theme
	header := []string{" " + t.Title.Render("readycheck") + "  " + t.Dim.Render(truncate(clean(m.r.Title), m.width-14)), ""}
	body := []string{" You have unfinished assessments. Resume one, or start a new one.", ""}
	items := []string{"Start a new assessment"}
	for _, e := range s.entries {
		a := e.Assessment
		items = append(items, fmt.Sprintf("Resume %s · %d/%d answered · changed %s",
			clean(a.Candidate.Name), a.Answered(), len(m.r.Skills()), ago(m.opts.Now(), a.Updated)))
	}
	room := max(m.height-len(header)-len(body)-3, 1)
	first := max(0, s.cursor-room+1)
	for i := first; i < len(items) && i < first+room; i++ {
		line := truncate(items[i], m.width-4)
		if i == s.cursor {
			body = append(body, " "+t.Cursor.Render("›")+" "+t.Selected.Render(line))
		} else {
			body = append(body, "   "+line)
		}
	}
	return m.frame(header, body, m.keys.start())
}

// ago says how long ago t was, as people say it.
func ago(now, t time.Time) string {
	if t.IsZero() {
		return "at an unknown time"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d.Minutes()), "minute") + " ago"
	case d < 24*time.Hour:
		return plural(int(d.Hours()), "hour") + " ago"
	case d < 14*24*time.Hour:
		return plural(int(d.Hours()/24), "day") + " ago"
	}
	return "on " + t.Format("2 Jan 2006")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// formScreen asks the candidate's name (required) and email (optional).
type formScreen struct {
	name, email textinput.Model
	focus       int
	err         string
}

func newFormScreen(m *Model, name string) formScreen {
	f := formScreen{name: textinput.New(), email: textinput.New()}
	f.name.Prompt, f.email.Prompt = "", ""
	f.name.Placeholder = "Ada Lovelace"
	f.email.Placeholder = "ada@example.org (optional)"
	f.name.CharLimit, f.email.CharLimit = 120, 200
	calmInput(&f.name)
	calmInput(&f.email)
	f.name.SetValue(name)
	f.name.SetWidth(max(m.width-12, 20))
	f.email.SetWidth(max(m.width-12, 20))
	return f
}

func (f *formScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch msg.String() {
		case "enter", "tab":
			if f.focus == 0 {
				if strings.TrimSpace(f.name.Value()) == "" {
					f.err = "Your name is needed: it names the saved file and the report."
					return nil
				}
				f.err = ""
				f.focus = 1
				f.name.Blur()
				return f.email.Focus()
			}
			m.targets = newTargetsScreen(m)
			m.screen = screenTargets
			return nil
		case "shift+tab", "up":
			if f.focus == 1 {
				f.focus = 0
				f.email.Blur()
				return f.name.Focus()
			}
			return nil
		case "esc":
			if len(m.start.entries) > 0 {
				m.screen = screenStart
			}
			return nil
		}
	}
	var cmd tea.Cmd
	if f.focus == 0 {
		f.name, cmd = f.name.Update(msg)
	} else {
		f.email, cmd = f.email.Update(msg)
	}
	return cmd
}

func (f *formScreen) person() assessments.Person {
	return assessments.Person{Name: cleanInput(f.name.Value()), Email: cleanInput(f.email.Value())}
}

// cleanInput trims what a person typed and drops control characters.
func cleanInput(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(clean(s), "\t", " "))
}

func (f *formScreen) view(m *Model) string {
	t := m.theme
	header := []string{" " + t.Title.Render("readycheck") + "  " + t.Dim.Render(truncate(clean(m.r.Title), m.width-14)), ""}
	body := []string{" " + t.Question.Render("A new assessment"), ""}
	field := func(i int, label string, in textinput.Model) {
		mark := "  "
		if f.focus == i {
			mark = t.Cursor.Render("›") + " "
		}
		body = append(body, " "+mark+t.Label.Render(label), "   "+in.View(), "")
	}
	field(0, "Your name", f.name)
	field(1, "Email", f.email)
	if f.err != "" {
		body = append(body, " "+t.Error.Render("! "+f.err))
	}
	return m.frame(header, body, m.keys.form())
}

// targetsScreen picks the companies aimed at, all checked at first.
type targetsScreen struct {
	checked []bool
	cursor  int
	err     string
}

func newTargetsScreen(m *Model) targetsScreen {
	t := targetsScreen{checked: make([]bool, len(m.r.Companies))}
	for i := range t.checked {
		t.checked[i] = true
	}
	return t
}

func (s *targetsScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	n := len(m.r.Companies)
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			s.cursor = max(s.cursor-1, 0)
		} else if msg.Button == tea.MouseWheelDown {
			s.cursor = min(s.cursor+1, n-1)
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			s.cursor = max(s.cursor-1, 0)
		case key.Matches(msg, m.keys.Down):
			s.cursor = min(s.cursor+1, n-1)
		case key.Matches(msg, m.keys.Toggle):
			s.checked[s.cursor] = !s.checked[s.cursor]
		case msg.String() == "a":
			all := true
			for _, c := range s.checked {
				all = all && c
			}
			for i := range s.checked {
				s.checked[i] = !all
			}
		case key.Matches(msg, m.keys.Confirm):
			var ids []string
			for i, c := range m.r.Companies {
				if s.checked[i] {
					ids = append(ids, c.ID)
				}
			}
			if len(ids) == 0 {
				s.err = "Check at least one company (space toggles)."
				return nil
			}
			if len(ids) == n {
				ids = nil // empty means all, in rubric order
			}
			return m.create(m.form.person(), ids)
		case msg.String() == "shift+tab" || msg.String() == "esc":
			m.screen = screenForm
			return m.form.email.Focus()
		case key.Matches(msg, m.keys.Quit):
			return tea.Quit
		}
	}
	return nil
}

func (s *targetsScreen) view(m *Model) string {
	t := m.theme
	header := []string{" " + t.Title.Render("readycheck") + "  " + t.Dim.Render(truncate(clean(m.r.Title), m.width-14)), ""}
	body := []string{" " + t.Question.Render("Which companies are you aiming at?"), " " + t.Dim.Render("Your readiness is shown for each one you check. (a: all or none)"), ""}
	room := max(m.height-len(header)-len(body)-3, 2)
	first := max(0, s.cursor-room/2+1)
	first = min(first, max(0, len(m.r.Companies)-room/2))
	for i := first; i < len(m.r.Companies) && len(body) < room+3; i++ {
		c := m.r.Companies[i]
		box := "[ ]"
		if s.checked[i] {
			box = "[x]"
		}
		mark := "  "
		if i == s.cursor {
			mark = t.Cursor.Render("›") + " "
		}
		name := clean(c.Name)
		if i == s.cursor {
			name = t.Selected.Render(name)
		}
		body = append(body, " "+mark+box+" "+name)
		if c.Role != "" {
			body = append(body, "       "+t.Dim.Render(truncate(clean(c.Role), m.width-8)))
		}
	}
	if s.err != "" {
		body = append(body, "", " "+t.Error.Render("! "+s.err))
	}
	return m.frame(header, body, m.keys.targets())
}
