package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// noteScreen edits a skill's note and evidence links.
type noteScreen struct {
	index    int
	note     textarea.Model
	evidence textinput.Model
	focus    int
}

func (m *Model) showNote(i int) tea.Cmd {
	n := noteScreen{index: i, note: textarea.New(), evidence: textinput.New()}
	calmArea(&n.note)
	calmInput(&n.evidence)
	n.note.ShowLineNumbers = false
	n.note.Placeholder = "What you built or did that shows this level, in a sentence or two."
	n.note.CharLimit = 4000
	n.evidence.Prompt = ""
	n.evidence.Placeholder = "https://github.com/you/project, https://…"
	n.evidence.CharLimit = 2000
	if ans, ok := m.a.Answers[m.r.Skills()[i].ID]; ok {
		n.note.SetValue(ans.Note)
		n.evidence.SetValue(strings.Join(ans.Evidence, ", "))
	}
	m.note = n
	m.screen = screenNote
	m.note.resize(m)
	return m.note.note.Focus()
}

func (n *noteScreen) resize(m *Model) {
	n.note.SetWidth(max(m.width-4, 20))
	n.note.SetHeight(max(min(m.height-14, 8), 3))
	n.evidence.SetWidth(max(m.width-6, 20))
}

func (n *noteScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, m.keys.Save):
			skill := m.r.Skills()[n.index]
			m.a.SetNote(skill.ID, cleanNote(n.note.Value()), splitEvidence(n.evidence.Value()), m.opts.Now())
			cmd := m.persist()
			m.showQuestion(n.index, m.question.fromReview)
			return cmd
		case key.Matches(msg, m.keys.Cancel):
			m.showQuestion(n.index, m.question.fromReview)
			return nil
		case key.Matches(msg, m.keys.NextField), msg.String() == "shift+tab":
			if n.focus == 0 {
				n.focus = 1
				n.note.Blur()
				return n.evidence.Focus()
			}
			n.focus = 0
			n.evidence.Blur()
			return n.note.Focus()
		}
	}
	var cmd tea.Cmd
	if n.focus == 0 {
		n.note, cmd = n.note.Update(msg)
	} else {
		n.evidence, cmd = n.evidence.Update(msg)
	}
	return cmd
}

// cleanNote drops control characters other than newlines from a note.
func cleanNote(s string) string {
	return strings.TrimSpace(clean(strings.ReplaceAll(s, "\r\n", "\n")))
}

// splitEvidence reads links separated by commas, spaces or newlines.
func splitEvidence(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(clean(s), func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' }) {
		out = append(out, f)
	}
	return out
}

func (n *noteScreen) view(m *Model) string {
	t := m.theme
	skill := m.r.Skills()[n.index]
	header := []string{" " + t.Header.Render(truncate("Note · "+clean(skill.Title), m.width-2)), ""}
	label := func(i int, s string) string {
		if n.focus == i {
			return " " + t.Cursor.Render("›") + " " + t.Label.Render(s)
		}
		return "   " + t.Label.Render(s)
	}
	body := []string{label(0, "Note")}
	for _, l := range strings.Split(n.note.View(), "\n") {
		body = append(body, "  "+l)
	}
	body = append(body, "", label(1, "Evidence links (comma separated)"), "   "+n.evidence.View())
	return m.frame(header, body, m.keys.note())
}
