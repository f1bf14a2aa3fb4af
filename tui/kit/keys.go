package kit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap declares every key binding of both programs once, with its help
// text. Each screen takes the bindings it uses into a key map of its own
// (its help line a HelpKeys), and disables those that do not apply at the
// moment.
type KeyMap struct {
	// Moving in a list or a scale. Up and Down include k and j; the
	// arrow-only ones serve screens with a text field, where k and j type.
	Up, Down, ArrowUp, ArrowDown, PageUp, PageDown, Home, End key.Binding
	// Move only shows "↑↓" in the short help; Up and Down do the work.
	Move key.Binding

	// The question screen.
	Pick, Confirm, Back, Forward, Skip, Unanswered, Note, Jump key.Binding

	// The other screens.
	Choose, Go, Edit, Finish, Toggle, All, Start, Export, Review, Posting key.Binding

	// Text fields.
	NextField, PrevField, Submit, SaveNote, Cancel key.Binding

	// The review program. First and Last are Home and End without g and
	// G, for the sheet, where g is the next gap.
	Open, Filter, Sort, Leave, Lower, Raise, Level, ClearLevel, NextGap, Summary, Results, First, Last key.Binding

	// Everywhere.
	Help, Quit, Interrupt, Suspend key.Binding
}

func newKeyMap() *KeyMap {
	return &KeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		ArrowUp:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		ArrowDown: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "first")),
		End:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "last")),
		Move:      key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓", "move")),

		Pick:       key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "pick a level")),
		Confirm:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		Back:       key.NewBinding(key.WithKeys("left", "shift+tab", "b"), key.WithHelp("←/b", "back")),
		Forward:    key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "next (answered)")),
		Skip:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		Unanswered: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "next unanswered")),
		Note:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		Jump:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "jump")),

		Choose:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Go:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
		Edit:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "change")),
		Finish:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "finish")),
		Toggle:  key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "check")),
		All:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "all/none")),
		Start:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")),
		Export:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export .md")),
		Review:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review")),
		Posting: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "posting")),

		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Submit:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		SaveNote:  key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "sort")),
		Leave:      key.NewBinding(key.WithKeys("esc", "b"), key.WithHelp("esc/b", "back")),
		Lower:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "lower your level")),
		Raise:      key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "raise your level")),
		Level:      key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "set your level")),
		ClearLevel: key.NewBinding(key.WithKeys("x", "backspace"), key.WithHelp("x", "clear your level")),
		NextGap:    key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "next gap")),
		Summary:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "summary")),
		Results:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "results")),
		First:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		Last:       key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")),

		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
	}
}

// With returns a copy of b with other help text, for a screen where the
// same keys mean something more precise.
func With(b key.Binding, keyHelp, desc string) key.Binding {
	b.SetHelp(keyHelp, desc)
	return b
}

// MoveLine moves a cursor over the lines 0..last a line at a time, as the
// mouse wheel or the keys up and down ask: the moves of every list and
// scrolled text. ok is false for any other message, and cursor stays.
func MoveLine(msg tea.Msg, up, down key.Binding, cursor, last int) (moved int, ok bool) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			return max(cursor-1, 0), true
		case tea.MouseWheelDown:
			return min(cursor+1, last), true
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, up):
			return max(cursor-1, 0), true
		case key.Matches(msg, down):
			return min(cursor+1, last), true
		}
	}
	return cursor, false
}

// MovePage moves a cursor over the lines 0..last a page at a time, or to
// either end, as the keys pgup, pgdn, home and end ask: the paging of
// every list and scrolled text, beside MoveLine. ok is false for any
// other message, and cursor stays.
func MovePage(msg tea.Msg, pageUp, pageDown, home, end key.Binding, cursor, last, page int) (moved int, ok bool) {
	press, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		return cursor, false
	}
	switch {
	case key.Matches(press, pageUp):
		return max(cursor-page, 0), true
	case key.Matches(press, pageDown):
		return min(cursor+page, last), true
	case key.Matches(press, home):
		return 0, true
	case key.Matches(press, end):
		return last, true
	}
	return cursor, false
}

// HelpKeys implements help.KeyMap over a short line and full columns.
type HelpKeys struct {
	Short []key.Binding
	Full  [][]key.Binding
}

// ShortHelp is the help line's bindings.
func (b HelpKeys) ShortHelp() []key.Binding { return b.Short }

// FullHelp is the full help's columns of bindings.
func (b HelpKeys) FullHelp() [][]key.Binding { return b.Full }
