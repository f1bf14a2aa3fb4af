package tui

import "charm.land/bubbles/v2/key"

// keyMap declares every binding once, with its help text.
type keyMap struct {
	Up, Down, Select, Confirm, Back, Forward, Skip, Note, Jump, Help, Quit, Interrupt, Suspend key.Binding
	Toggle, Finish, Edit, Export, Save, Cancel, NextField, Review                              key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Select:    key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "pick level")),
		Confirm:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		Back:      key.NewBinding(key.WithKeys("left", "shift+tab", "b"), key.WithHelp("←/b", "back")),
		Forward:   key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "next")),
		Skip:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		Note:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		Jump:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "jump")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		Toggle:    key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "toggle")),
		Finish:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "finish")),
		Edit:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit")),
		Export:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export Markdown")),
		Save:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save note")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Review:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review answers")),
	}
}

// screenKeys is the help.KeyMap of one screen: its short line and full help.
type screenKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k screenKeys) ShortHelp() []key.Binding  { return k.short }
func (k screenKeys) FullHelp() [][]key.Binding { return k.full }

func (k keyMap) question() screenKeys {
	return screenKeys{
		short: []key.Binding{k.Up, k.Down, k.Confirm, k.Back, k.Skip, k.Note, k.Jump, k.Help},
		full: [][]key.Binding{
			{k.Up, k.Down, k.Select, k.Confirm},
			{k.Back, k.Forward, k.Skip, k.Jump},
			{k.Note, k.Help, k.Quit, k.Interrupt, k.Suspend},
		},
	}
}

func (k keyMap) review() screenKeys {
	return screenKeys{
		short: []key.Binding{k.Up, k.Down, k.Edit, k.Finish, k.Back, k.Help},
		full:  [][]key.Binding{{k.Up, k.Down, k.Edit}, {k.Finish, k.Back, k.Jump}, {k.Help, k.Quit, k.Interrupt}},
	}
}

func (k keyMap) results() screenKeys {
	return screenKeys{
		short: []key.Binding{k.Up, k.Down, k.Export, k.Review, k.Quit},
		full:  [][]key.Binding{{k.Up, k.Down}, {k.Export, k.Review}, {k.Quit, k.Interrupt}},
	}
}

func (k keyMap) jump() screenKeys {
	nav := []key.Binding{
		key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
	}
	return screenKeys{
		short: append(nav, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")), k.Cancel),
		full:  [][]key.Binding{append(nav, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")), k.Cancel)},
	}
}

func (k keyMap) note() screenKeys {
	return screenKeys{
		short: []key.Binding{k.NextField, k.Save, k.Cancel},
		full:  [][]key.Binding{{k.NextField, k.Save, k.Cancel}},
	}
}

func (k keyMap) start() screenKeys {
	nav := []key.Binding{
		key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
	}
	return screenKeys{
		short: append(nav, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")), k.Interrupt),
		full:  [][]key.Binding{append(nav, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")), k.Interrupt)},
	}
}

func (k keyMap) form() screenKeys {
	return screenKeys{
		short: []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")), key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")), k.Interrupt},
		full:  [][]key.Binding{{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")), k.Interrupt}},
	}
}

func (k keyMap) targets() screenKeys {
	return screenKeys{
		short: []key.Binding{k.Up, k.Down, k.Toggle, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")), k.Interrupt},
		full:  [][]key.Binding{{k.Up, k.Down, k.Toggle}, {key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")), k.Interrupt}},
	}
}

// mentorKeys are the bindings of the review program.
type mentorKeys struct {
	Up, Down, Open, Filter, Sort, Back, Quit, Interrupt, Suspend, Help   key.Binding
	Lower, Higher, Level, Clear, NextGap, Summary, Results, Save, Cancel key.Binding
}

func newMentorKeys() mentorKeys {
	return mentorKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "sort")),
		Back:      key.NewBinding(key.WithKeys("esc", "b"), key.WithHelp("esc/b", "back")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Lower:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "your level")),
		Higher:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "raise your level")),
		Level:     key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "set your level")),
		Clear:     key.NewBinding(key.WithKeys("x", "backspace"), key.WithHelp("x", "clear your level")),
		NextGap:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "next gap")),
		Summary:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "summary")),
		Results:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "results")),
		Save:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

func (k mentorKeys) form() screenKeys {
	enter := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue"))
	return screenKeys{short: []key.Binding{enter, k.Interrupt}, full: [][]key.Binding{{enter, k.Interrupt}}}
}

func (k mentorKeys) list() screenKeys {
	return screenKeys{
		short: []key.Binding{k.Up, k.Down, k.Open, k.Filter, k.Sort, k.Quit},
		full:  [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Filter, k.Sort}, {k.Quit, k.Interrupt, k.Suspend}},
	}
}

func (k mentorKeys) sheet() screenKeys {
	return screenKeys{
		short: []key.Binding{k.Up, k.Down, k.Lower, k.Level, k.Open, k.NextGap, k.Summary, k.Results, k.Back, k.Help},
		full:  [][]key.Binding{{k.Up, k.Down, k.Open}, {k.Lower, k.Higher, k.Level, k.Clear}, {k.NextGap, k.Summary, k.Results}, {k.Back, k.Quit, k.Interrupt}},
	}
}

func (k mentorKeys) note() screenKeys {
	return screenKeys{short: []key.Binding{k.Save, k.Cancel}, full: [][]key.Binding{{k.Save, k.Cancel}}}
}

func (k mentorKeys) results() screenKeys {
	return screenKeys{short: []key.Binding{k.Up, k.Down, k.Back, k.Quit}, full: [][]key.Binding{{k.Up, k.Down, k.Back, k.Quit}}}
}
