package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
)

// noteScreen edits a skill's note and its evidence links: what the
// candidate built or did that shows their level. q types a q here.
type noteScreen struct {
	s        *session
	keys     fieldKeys
	index    int
	note     textarea.Model
	evidence textinput.Model
	focused  int // 0 the note, 1 the links
	// saved are the note and links as saved, to tell whether leaving
	// would lose anything.
	savedNote, savedLinks string
	leave                 leaving
}

func newNoteScreen(s *session, index int) *noteScreen {
	n := &noteScreen{s: s, index: index, note: textarea.New(), evidence: textinput.New()}
	n.keys = newFieldKeys(s.keys, with(s.keys.Submit, "enter", "save"))
	n.keys.Cancel = leaveHelp()
	n.leave = newLeaving()
	s.theme.areaStyles(&n.note)
	s.theme.inputStyles(&n.evidence)
	n.note.ShowLineNumbers = false
	n.note.Prompt = "│ "
	n.note.Placeholder = "What you built or did that shows this level, in a sentence or two."
	n.note.CharLimit = assessments.MaxNote
	n.evidence.Prompt = "│ "
	n.evidence.Placeholder = "e.g. https://github.com/you/project"
	n.evidence.CharLimit = assessments.MaxEvidence
	if ans := s.a.Answers[s.r.Skills()[index].ID]; ans != nil {
		n.note.SetValue(ans.Note)
		n.evidence.SetValue(strings.Join(ans.Evidence, ", "))
	}
	n.savedNote, n.savedLinks = n.note.Value(), n.evidence.Value()
	n.resize()
	n.setKeys()
	return n
}

func (n *noteScreen) focus() tea.Cmd {
	if n.focused == 1 {
		n.note.Blur()
		return n.evidence.Focus()
	}
	n.evidence.Blur()
	return n.note.Focus()
}

// setKeys lets enter save in the links field; in the note, enter starts
// a new line.
func (n *noteScreen) setKeys() {
	n.keys.Submit.SetEnabled(n.focused == 1)
}

// help is the note's help line: ctrl+s saves from either field, enter
// too from the links.
func (n *noteScreen) help() screenKeys {
	if n.leave.isAsking() {
		return n.leave.help()
	}
	k := n.keys
	save := k.Save
	if n.focused == 1 {
		save = with(save, "enter/ctrl+s", "save")
	}
	short := []key.Binding{save, k.NextField, k.Cancel, k.Interrupt}
	return screenKeys{short: short, full: [][]key.Binding{short}}
}

func (n *noteScreen) resize() {
	n.note.SetWidth(max(n.s.width-4, 20))
	n.note.SetHeight(max(min(n.s.height-13, 8), 2))
	n.evidence.SetWidth(max(n.s.width-6, 20))
}

// changed reports whether the note or the links differ from what is saved.
func (n *noteScreen) changed() bool {
	return cleanNote(n.note.Value()) != cleanNote(n.savedNote) ||
		strings.Join(splitEvidence(n.evidence.Value()), " ") != strings.Join(splitEvidence(n.savedLinks), " ")
}

// saveIntent saves the note and links as typed.
func (n *noteScreen) saveIntent() noteMsg {
	return noteMsg{index: n.index, note: cleanNote(n.note.Value()), evidence: splitEvidence(n.evidence.Value())}
}

func (n *noteScreen) update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	switch n.leave.update(msg, n.keys.Cancel, n.changed) {
	case leaveHandled:
		return nil, nil
	case leaveKeep:
		return n.saveIntent(), nil
	case leaveDiscard:
		return cancelMsg{}, nil
	}
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		k := n.keys
		switch {
		case key.Matches(msg, k.Save), n.focused == 1 && key.Matches(msg, k.Submit):
			return n.saveIntent(), nil
		case key.Matches(msg, k.NextField), key.Matches(msg, k.PrevField):
			n.focused = 1 - n.focused
			n.setKeys()
			return nil, n.focus()
		}
	}
	var cmd tea.Cmd
	if n.focused == 0 {
		n.note, cmd = n.note.Update(typed(msg))
	} else {
		n.evidence, cmd = n.evidence.Update(typed(msg))
	}
	return nil, cmd
}

func (n *noteScreen) view() string {
	s, t := n.s, n.s.theme
	sk := s.r.Skills()[n.index]
	top := []string{s.titleLine(t.Header.Render("Note · " + s.titles[n.index] + " · " + cleanLine(sk.Category.Title))), ""}
	label := func(i int, text string) string {
		if n.focused == i {
			return " " + t.Cursor.Render(markCursor) + " " + t.Label.Render(text)
		}
		return "   " + t.Label.Render(text)
	}
	body := []string{
		" " + t.Dim.Render(termtext.Cut("Saved with your answer; a mentor reading your assessment sees it.", s.width-2)),
		"",
		label(0, "Note"),
	}
	for _, l := range strings.Split(n.note.View(), "\n") {
		body = append(body, "   "+l)
	}
	body = append(body, "", label(1, "Evidence links")+t.Dim.Render("  separated by commas or spaces"), "   "+n.evidence.View())
	if n.leave.isAsking() {
		body = append(body, "")
		body = append(body, strings.Split(wrapBlock(markNotice+" "+leaveQuestion, s.width-2, 3, t.Warning), "\n")...)
	}
	return s.frame(top, body, n.help())
}
