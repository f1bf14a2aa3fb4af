package kit

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Leaving is the one rule for leaving a text editor with esc, in every
// program: when the text is as it was saved, esc leaves; when it differs,
// esc asks whether to keep the changes (saved as with ctrl+s) or discard
// them, and until the answer keys go to that question, never into the
// text. Typed text is never thrown away without a word.
type Leaving struct {
	keys   leaveKeys
	asking bool
}

// leaveKeys are the answers to "keep your changes?".
type leaveKeys struct {
	Keep, Discard, Stay key.Binding
}

// NewLeaving is an editor's rule for leaving, not asking yet.
func NewLeaving() Leaving {
	return Leaving{keys: leaveKeys{
		Keep:    key.NewBinding(key.WithKeys("y", "enter"), key.WithHelp("y/enter", "keep")),
		Discard: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "discard")),
		Stay:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to editing")),
	}}
}

// LeaveHelp is esc's help in an editor: leaving, and what it does.
func LeaveHelp() key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave (asks to keep)"))
}

// Asking reports whether the question is asked: keys answer it, and the
// editor shows it (LeaveQuestion) with the help of its answers.
func (l *Leaving) Asking() bool { return l.asking }

// LeaveOutcome is what a key did while an editor may be leaving.
type LeaveOutcome int

const (
	LeaveNone    LeaveOutcome = iota // the key is the editor's
	LeaveHandled                     // the key answered or raised the question
	LeaveKeep                        // save the text and leave
	LeaveDiscard                     // leave without saving
)

// Update handles a key: esc (cancel) starts leaving, and while the
// question is asked every key is its answer. changed says whether the text
// differs from what is saved.
func (l *Leaving) Update(msg tea.Msg, cancel key.Binding, changed func() bool) LeaveOutcome {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return LeaveNone
	}
	if l.asking {
		switch {
		case key.Matches(k, l.keys.Keep):
			l.asking = false
			return LeaveKeep
		case key.Matches(k, l.keys.Discard):
			l.asking = false
			return LeaveDiscard
		case key.Matches(k, l.keys.Stay):
			l.asking = false
		}
		return LeaveHandled
	}
	if !key.Matches(k, cancel) {
		return LeaveNone
	}
	if !changed() {
		return LeaveDiscard
	}
	l.asking = true
	return LeaveHandled
}

// question is the line that asks, shown under the editor.
const LeaveQuestion = "Keep your changes? y or enter keeps them, n discards them, esc goes back to editing."

// Help is the help line's bindings while asking.
func (l *Leaving) Help() HelpKeys {
	short := []key.Binding{l.keys.Keep, l.keys.Discard, l.keys.Stay}
	return HelpKeys{Short: short, Full: [][]key.Binding{short}}
}
