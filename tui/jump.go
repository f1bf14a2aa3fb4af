package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// jumpScreen is a filterable list of categories and skills to jump to.
type jumpScreen struct {
	filter  textinput.Model
	from    screen
	matches []int // skill indexes
	cursor  int
	// haystack holds each skill's searchable text, lower-cased once.
	haystack []string
}

func (m *Model) showJump(from screen) tea.Cmd {
	j := jumpScreen{filter: textinput.New(), from: from}
	calmInput(&j.filter)
	j.filter.Prompt = "/ "
	j.filter.Placeholder = "type to filter skills and categories"
	for _, s := range m.r.Skills() {
		j.haystack = append(j.haystack, strings.ToLower(clean(s.Title+" "+s.Category.Title+" "+s.ID)))
	}
	j.refilter()
	if from == screenQuestion {
		j.cursor = m.question.index
	}
	m.jump = j
	m.screen = screenJump
	m.jump.resize(m)
	return m.jump.filter.Focus()
}

func (j *jumpScreen) resize(m *Model) { j.filter.SetWidth(max(m.width-6, 10)) }

func (j *jumpScreen) refilter() {
	words := strings.Fields(strings.ToLower(j.filter.Value()))
	j.matches = j.matches[:0]
	for i, h := range j.haystack {
		ok := true
		for _, w := range words {
			if !strings.Contains(h, w) {
				ok = false
				break
			}
		}
		if ok {
			j.matches = append(j.matches, i)
		}
	}
	j.cursor = min(j.cursor, max(len(j.matches)-1, 0))
}

func (j *jumpScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			j.cursor = max(j.cursor-1, 0)
		} else if msg.Button == tea.MouseWheelDown {
			j.cursor = min(j.cursor+1, max(len(j.matches)-1, 0))
		}
		return nil
	case tea.KeyPressMsg:
		switch msg.String() {
		case "up", "ctrl+p":
			j.cursor = max(j.cursor-1, 0)
			return nil
		case "down", "ctrl+n":
			j.cursor = min(j.cursor+1, max(len(j.matches)-1, 0))
			return nil
		case "enter":
			if len(j.matches) > 0 {
				m.showQuestion(j.matches[j.cursor], j.from == screenReview)
			}
			return nil
		case "esc":
			if j.from == screenReview {
				m.screen = screenReview
			} else {
				m.screen = screenQuestion
			}
			return nil
		}
	}
	before := j.filter.Value()
	var cmd tea.Cmd
	j.filter, cmd = j.filter.Update(msg)
	if j.filter.Value() != before {
		j.cursor = 0
		j.refilter()
	}
	return cmd
}

func (j *jumpScreen) view(m *Model) string {
	t := m.theme
	skills := m.r.Skills()
	header := []string{" " + t.Header.Render("Jump to a skill"), " " + j.filter.View(), ""}
	room := max(m.height-len(header)-3, 1)
	first := max(0, j.cursor-room+1)
	var body []string
	if len(j.matches) == 0 {
		body = append(body, " "+t.Dim.Render("No skill matches; esc goes back."))
	}
	for k := first; k < len(j.matches) && len(body) < room; k++ {
		s := skills[j.matches[k]]
		mark := "  "
		if k == j.cursor {
			mark = t.Cursor.Render("›") + " "
		}
		done := "·"
		if m.a.Answers[s.ID].Answered() {
			done = "✓"
		}
		line := truncate(clean(s.Title)+"  ·  "+clean(s.Category.Title), m.width-8)
		if k == j.cursor {
			line = t.Selected.Render(line)
		}
		body = append(body, " "+mark+done+" "+line)
	}
	return m.frame(header, body, m.keys.jump())
}
