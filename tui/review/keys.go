package review

import (
	"charm.land/bubbles/v2/key"

	"github.com/readycheck/readycheck/tui/kit"
)

// mentorKeys are the bindings of the review program, taken from the one
// key map: the walk-through's moving, paging, help and quitting keys, and
// the review's own (declared in kit.KeyMap with their help text).
type mentorKeys struct {
	Up, Down, Move, PageUp, PageDown, Home, End         key.Binding
	Open, Filter, Sort, Back, Quit, Interrupt, Suspend  key.Binding
	Help, Lower, Raise, Level, Clear, NextGap, Summary  key.Binding
	Results, Save, Continue, Apply, Cancel, First, Last key.Binding
}

func newMentorKeys(k *kit.KeyMap) mentorKeys {
	return mentorKeys{
		Up: k.Up, Down: k.Down, Move: k.Move, PageUp: k.PageUp, PageDown: k.PageDown, Home: k.Home, End: k.End,
		Open: k.Open, Filter: k.Filter, Sort: k.Sort, Back: k.Leave, Quit: k.Quit, Interrupt: k.Interrupt, Suspend: k.Suspend,
		Help: k.Help, Lower: k.Lower, Raise: k.Raise, Level: k.Level, Clear: k.ClearLevel, NextGap: k.NextGap, Summary: k.Summary,
		Results: k.Results, Save: k.SaveNote, Continue: kit.With(k.Submit, "enter", "continue"), Apply: kit.With(k.Submit, "enter", "apply"),
		Cancel: kit.With(k.Cancel, "esc", "clear"), First: k.First, Last: k.Last,
	}
}

// paging is the full help's column of moving keys.
func (k mentorKeys) paging(home, end key.Binding) []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, home, end}
}

func (k mentorKeys) form() kit.HelpKeys {
	short := []key.Binding{k.Continue, k.Interrupt}
	return kit.HelpKeys{Short: short, Full: [][]key.Binding{short}}
}

func (k mentorKeys) list() kit.HelpKeys {
	return kit.HelpKeys{
		Short: []key.Binding{kit.With(k.Move, "↑↓", "move"), k.Open, k.Filter, k.Sort, k.Help, k.Quit},
		Full: [][]key.Binding{
			k.paging(k.Home, k.End),
			{k.Open, k.Filter, k.Sort},
			{kit.With(k.Help, "?", "fewer keys"), k.Quit, k.Interrupt, k.Suspend},
		},
	}
}

func (k mentorKeys) filter() kit.HelpKeys {
	short := []key.Binding{k.Apply, k.Cancel, k.Interrupt}
	return kit.HelpKeys{Short: short, Full: [][]key.Binding{short}}
}

func (k mentorKeys) sheet() kit.HelpKeys {
	return kit.HelpKeys{
		Short: []key.Binding{kit.With(k.Level, "0-9 ←→", "level"), k.Open, kit.With(k.NextGap, "g", "gap"), k.Summary, k.Results, kit.With(k.Back, "esc", "back"), k.Help},
		Full: [][]key.Binding{
			k.paging(k.First, k.Last),
			{k.Level, k.Lower, k.Raise, k.Clear},
			{k.Open, k.NextGap, k.Summary, k.Results},
			{k.Back, kit.With(k.Help, "?", "fewer keys"), k.Quit, k.Interrupt, k.Suspend},
		},
	}
}

func (k mentorKeys) results() kit.HelpKeys {
	return kit.HelpKeys{
		Short: []key.Binding{kit.With(k.Move, "↑↓", "scroll"), k.PageDown, k.Back, k.Help, k.Quit},
		Full: [][]key.Binding{
			k.paging(k.Home, k.End),
			{k.Back, kit.With(k.Help, "?", "fewer keys"), k.Quit, k.Interrupt, k.Suspend},
		},
	}
}
