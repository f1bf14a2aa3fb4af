package assess

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/tui/kit"
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
	leave                 kit.Leaving
}

func newNoteScreen(s *session, index int) *noteScreen {
	n := &noteScreen{s: s, index: index, note: textarea.New(), evidence: textinput.New()}
	n.keys = newFieldKeys(s.Keys, kit.With(s.Keys.Submit, "enter", "save"))
	n.keys.Cancel = kit.LeaveHelp()
	n.leave = kit.NewLeaving()
	s.Theme.AreaStyles(&n.note)
	s.Theme.InputStyles(&n.evidence)
	n.note.ShowLineNumbers = false
	n.note.Prompt = "│ "
	n.note.Placeholder = "What you built or did that shows this level, in a sentence or two."
	n.note.CharLimit = assessments.MaxNote
	n.evidence.Prompt = "│ "
	n.evidence.Placeholder = "e.g. https://github.com/you/project"
	n.evidence.CharLimit = assessments.MaxEvidence
	if ans := s.a.Answers[s.Rubric.Skills()[index].ID]; ans != nil {
		n.note.SetValue(ans.Note)
		n.evidence.SetValue(strings.Join(ans.Evidence, ", "))
	}
	n.savedNote, n.savedLinks = n.note.Value(), n.evidence.Value()
	n.Resize()
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
func (n *noteScreen) help() kit.HelpKeys {
	if n.leave.Asking() {
		return n.leave.Help()
	}
	k := n.keys
	save := k.Save
	if n.focused == 1 {
		save = kit.With(save, "enter/ctrl+s", "save")
	}
	short := []key.Binding{save, k.NextField, k.Cancel, k.Interrupt}
	return kit.HelpKeys{Short: short, Full: [][]key.Binding{short}}
}

func (n *noteScreen) Resize() {
	n.note.SetWidth(max(n.s.Width-4, 20))
	n.note.SetHeight(max(min(n.s.Height-13, 8), 2))
	n.evidence.SetWidth(max(n.s.Width-6, 20))
}

// changed reports whether the note or the links differ from what is saved.
func (n *noteScreen) changed() bool {
	return kit.CleanNote(n.note.Value()) != kit.CleanNote(n.savedNote) ||
		strings.Join(kit.SplitEvidence(n.evidence.Value()), " ") != strings.Join(kit.SplitEvidence(n.savedLinks), " ")
}

// saveIntent saves the note and links as typed.
func (n *noteScreen) saveIntent() noteMsg {
	return noteMsg{note: kit.CleanNote(n.note.Value()), evidence: kit.SplitEvidence(n.evidence.Value())}
}

func (n *noteScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	switch n.leave.Update(msg, n.keys.Cancel, n.changed) {
	case kit.LeaveHandled:
		return nil, nil
	case kit.LeaveKeep:
		return n.saveIntent(), nil
	case kit.LeaveDiscard:
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
		n.note, cmd = n.note.Update(kit.Typed(msg))
	} else {
		n.evidence, cmd = n.evidence.Update(kit.Typed(msg))
	}
	return nil, cmd
}

func (n *noteScreen) View() string {
	s, t := n.s, n.s.Theme
	sk := s.Rubric.Skills()[n.index]
	top := []string{s.TitleLine(t.Header.Render("Note · " + s.Titles[n.index] + " · " + kit.CleanLine(sk.Category.Title))), ""}
	label := func(i int, text string) string {
		if n.focused == i {
			return " " + t.Cursor.Render(kit.MarkCursor) + " " + t.Label.Render(text)
		}
		return "   " + t.Label.Render(text)
	}
	body := []string{
		" " + t.Dim.Render(termtext.Cut("Saved with your answer; a mentor reading your assessment sees it.", s.Width-2)),
		"",
		label(0, "Note"),
	}
	for _, l := range strings.Split(n.note.View(), "\n") {
		body = append(body, "   "+l)
	}
	body = append(body, "", label(1, "Evidence links")+t.Dim.Render("  separated by commas or spaces"), "   "+n.evidence.View())
	if n.leave.Asking() {
		body = append(body, "")
		body = append(body, strings.Split(kit.WrapBlock(kit.MarkNotice+" "+kit.LeaveQuestion, s.Width-2, 3, t.Warning), "\n")...)
	}
	return s.Frame(top, body, n.help())
}
