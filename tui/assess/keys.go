package assess

import (
	"charm.land/bubbles/v2/key"

	"github.com/readycheck/readycheck/tui/kit"
)

// The walk-through's screens take the bindings they use from the one key
// map (kit.KeyMap), into key maps of their own.

// questionKeys are the question screen's bindings.
type questionKeys struct {
	Up, Down, Move, Pick, Confirm, Back, Forward, Skip, Unanswered, Note, Jump, Help, Quit, Interrupt, Suspend key.Binding
}

func newQuestionKeys(k *kit.KeyMap) questionKeys {
	return questionKeys{
		Up: k.Up, Down: k.Down, Move: kit.With(k.Move, "↑↓", "level"), Pick: k.Pick, Confirm: k.Confirm,
		Back: k.Back, Forward: k.Forward, Skip: k.Skip, Unanswered: k.Unanswered, Note: k.Note, Jump: k.Jump,
		Help: k.Help, Quit: k.Quit, Interrupt: k.Interrupt, Suspend: k.Suspend,
	}
}

func (k questionKeys) help() kit.HelpKeys {
	return kit.HelpKeys{
		Short: []key.Binding{k.Move, k.Confirm, kit.With(k.Back, "←", k.Back.Help().Desc), k.Skip, k.Note, k.Jump, k.Help, k.Quit},
		Full: [][]key.Binding{
			{k.Up, k.Down, k.Pick, k.Confirm},
			{k.Back, k.Forward, k.Skip, k.Unanswered, k.Jump},
			{k.Note, kit.With(k.Help, "?", "fewer keys"), k.Quit},
			{k.Interrupt, k.Suspend},
		},
	}
}

// listKeys are the bindings of a list without a text field: the start
// screen, the company picker, the review and the results.
type listKeys struct {
	Up, Down, Move, PageUp, PageDown, Home, End key.Binding
	// Primary is enter on the row (choose, change, start).
	Primary key.Binding
	// Extra are the screen's own keys (toggle, finish, export...).
	Extra                                      []key.Binding
	Back, Jump, Help, Quit, Interrupt, Suspend key.Binding
}

func newListKeys(k *kit.KeyMap, primary key.Binding, extra ...key.Binding) listKeys {
	return listKeys{
		Up: k.Up, Down: k.Down, Move: k.Move, PageUp: k.PageUp, PageDown: k.PageDown, Home: k.Home, End: k.End,
		Primary: primary, Extra: extra,
		Back: k.Back, Jump: k.Jump, Help: k.Help, Quit: k.Quit, Interrupt: k.Interrupt, Suspend: k.Suspend,
	}
}

func (k listKeys) help() kit.HelpKeys {
	short := []key.Binding{k.Move, k.Primary}
	short = append(short, k.Extra...)
	short = append(short, k.Back, k.Jump, k.Help, k.Quit)
	actions := append([]key.Binding{k.Primary}, k.Extra...)
	return kit.HelpKeys{
		Short: short,
		Full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
			actions,
			{k.Back, k.Jump, kit.With(k.Help, "?", "fewer keys"), k.Quit, k.Interrupt, k.Suspend},
		},
	}
}

// fieldKeys are the bindings of a screen with text fields: the candidate
// form, the note and the jump list's filter. q types a q there.
// PageUp and PageDown are off unless the screen lists rows (the jump
// list); the full help shows every key the screen takes, the short one
// the keys a person needs first.
type fieldKeys struct {
	ArrowUp, ArrowDown, Move, PageUp, PageDown, NextField, PrevField, Submit, Save, Cancel, Interrupt, Suspend key.Binding
}

func newFieldKeys(k *kit.KeyMap, submit key.Binding) fieldKeys {
	f := fieldKeys{
		ArrowUp: k.ArrowUp, ArrowDown: k.ArrowDown, Move: k.Move, PageUp: k.PageUp, PageDown: k.PageDown,
		NextField: k.NextField, PrevField: k.PrevField, Submit: submit, Save: k.SaveNote, Cancel: k.Cancel,
		Interrupt: k.Interrupt, Suspend: k.Suspend,
	}
	f.PageUp.SetEnabled(false)
	f.PageDown.SetEnabled(false)
	return f
}

func (k fieldKeys) help() kit.HelpKeys {
	return kit.HelpKeys{
		Short: []key.Binding{k.Move, k.Submit, k.NextField, k.Save, k.Cancel, k.Interrupt},
		Full: [][]key.Binding{
			{k.ArrowUp, k.ArrowDown, k.PageUp, k.PageDown},
			{k.Submit, k.NextField, k.PrevField, k.Save, k.Cancel},
			{k.Interrupt, k.Suspend},
		},
	}
}
