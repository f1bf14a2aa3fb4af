package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// leaving is the one rule for leaving a text editor with esc, in every
// program: when the text is as it was saved, esc leaves; when it differs,
// esc asks whether to keep the changes (saved as with ctrl+s) or discard
// them, and until the answer keys go to that question, never into the
// text. Typed text is never thrown away without a word.
type leaving struct {
	keys   leaveKeys
	asking bool
}

// leaveKeys are the answers to "keep your changes?".
type leaveKeys struct {
	Keep, Discard, Stay key.Binding
}

// newLeaving is an editor's rule for leaving, not asking yet.
func newLeaving() leaving {
	return leaving{keys: leaveKeys{
		Keep:    key.NewBinding(key.WithKeys("y", "enter"), key.WithHelp("y/enter", "keep")),
		Discard: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "discard")),
		Stay:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to editing")),
	}}
}

// leaveHelp is esc's help in an editor: leaving, and what it does.
func leaveHelp() key.Binding {
	return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave (asks to keep)"))
}

// isAsking reports whether the question is asked: keys answer it, and the
// editor shows it (leaveQuestion) with the help of its answers.
func (l *leaving) isAsking() bool { return l.asking }

// The outcomes of a key while an editor may be leaving.
type leaveOutcome int

const (
	leaveNone    leaveOutcome = iota // the key is the editor's
	leaveHandled                     // the key answered or raised the question
	leaveKeep                        // save the text and leave
	leaveDiscard                     // leave without saving
)

// update handles a key: esc (cancel) starts leaving, and while the
// question is asked every key is its answer. changed says whether the text
// differs from what is saved.
func (l *leaving) update(msg tea.Msg, cancel key.Binding, changed func() bool) leaveOutcome {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return leaveNone
	}
	if l.asking {
		switch {
		case key.Matches(k, l.keys.Keep):
			l.asking = false
			return leaveKeep
		case key.Matches(k, l.keys.Discard):
			l.asking = false
			return leaveDiscard
		case key.Matches(k, l.keys.Stay):
			l.asking = false
		}
		return leaveHandled
	}
	if !key.Matches(k, cancel) {
		return leaveNone
	}
	if !changed() {
		return leaveDiscard
	}
	l.asking = true
	return leaveHandled
}

// question is the line that asks, shown under the editor.
const leaveQuestion = "Keep your changes? y or enter keeps them, n discards them, esc goes back to editing."

// help is the help line's bindings while asking.
func (l *leaving) help() screenKeys {
	short := []key.Binding{l.keys.Keep, l.keys.Discard, l.keys.Stay}
	return screenKeys{short: short, full: [][]key.Binding{short}}
}
