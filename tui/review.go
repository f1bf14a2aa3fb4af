package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// reviewScreen lists every skill with its answer, unanswered ones marked;
// enter edits a row and f finishes.
type reviewScreen struct {
	cursor int
	offset int
}

func (m *Model) showReview(cursor int) {
	m.review.cursor = max(0, min(cursor, len(m.r.Skills())-1))
	m.screen = screenReview
	m.review.ensureVisible(m)
}

func (rv *reviewScreen) room(m *Model) int {
	extra := 0
	if m.help.ShowAll {
		extra = 3
	}
	if m.status() != "" {
		extra++
	}
	return max(m.height-4-extra, 1)
}

func (rv *reviewScreen) ensureVisible(m *Model) {
	room := rv.room(m)
	if rv.cursor < rv.offset {
		rv.offset = rv.cursor
	}
	if rv.cursor >= rv.offset+room {
		rv.offset = rv.cursor - room + 1
	}
	rv.offset = max(0, min(rv.offset, len(m.r.Skills())-room))
}

func (rv *reviewScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	n := len(m.r.Skills())
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			rv.cursor = max(rv.cursor-1, 0)
		} else if msg.Button == tea.MouseWheelDown {
			rv.cursor = min(rv.cursor+1, n-1)
		}
	case tea.KeyPressMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Up):
			rv.cursor = max(rv.cursor-1, 0)
		case key.Matches(msg, k.Down):
			rv.cursor = min(rv.cursor+1, n-1)
		case msg.String() == "pgup":
			rv.cursor = max(rv.cursor-rv.room(m), 0)
		case msg.String() == "pgdown":
			rv.cursor = min(rv.cursor+rv.room(m), n-1)
		case key.Matches(msg, k.Edit):
			m.showQuestion(rv.cursor, true)
			return nil
		case key.Matches(msg, k.Back):
			m.showQuestion(n-1, false)
			return nil
		case key.Matches(msg, k.Jump):
			return m.showJump(screenReview)
		case key.Matches(msg, k.Finish):
			m.a.Status = "complete"
			m.a.Updated = m.opts.Now().UTC().Truncate(1e9)
			cmd := m.persist()
			m.showResults()
			return cmd
		case key.Matches(msg, k.Help):
			m.help.ShowAll = !m.help.ShowAll
		case key.Matches(msg, k.Quit):
			return tea.Quit
		}
	}
	rv.ensureVisible(m)
	return nil
}

func (rv *reviewScreen) view(m *Model) string {
	t := m.theme
	skills := m.r.Skills()
	answered := m.a.Answered()
	summary := fmt.Sprintf("%d of %d answered", answered, len(skills))
	if left := len(skills) - answered; left > 0 {
		summary += fmt.Sprintf(" · %d unanswered (marked !, counted as 0)", left)
	}
	header := []string{
		" " + t.Title.Render("Review your answers"),
		" " + t.Dim.Render(truncate(summary, m.width-2)),
		"",
	}
	labelW := 14
	titleW := max(m.width-labelW-8, 12)
	var body []string
	room := rv.room(m)
	for i := rv.offset; i < len(skills) && i < rv.offset+room; i++ {
		s := skills[i]
		ans := m.a.Answers[s.ID]
		label, mark := "unanswered", "!"
		if ans.Answered() {
			label, mark = clean(s.Scale.Label(ans.Level)), " "
		}
		note := " "
		if ans != nil && (ans.Note != "" || len(ans.Evidence) > 0) {
			note = "✎"
		}
		title := truncate(clean(s.Title), titleW)
		if i == 0 || skills[i-1].Category != s.Category || i == rv.offset {
			title = truncate(clean(s.Title), titleW)
		}
		row := fmt.Sprintf("%s %s %s", pad(title, titleW), pad(truncate(label, labelW), labelW), note)
		cursor := "  "
		if i == rv.cursor {
			cursor = t.Cursor.Render("›") + " "
			row = t.Selected.Render(row)
		} else if !ans.Answered() {
			row = t.Unanswered.Render(row)
		}
		if mark == "!" {
			mark = t.Unanswered.Render("!")
		}
		body = append(body, " "+cursor+mark+" "+row)
	}
	if cat := skills[rv.cursor].Category; cat != nil {
		header[2] = " " + t.Header.Render(truncate(clean(cat.Title), m.width-2))
	}
	return m.frame(header, body, m.keys.review())
}
