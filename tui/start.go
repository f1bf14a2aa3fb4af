package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
)

// startScreen offers to take up an unfinished assessment (name, rubric,
// progress, last change) or to start a new one.
type startScreen struct {
	s       *session
	keys    listKeys
	entries []assessments.Entry
	// answered counts each entry's answered skills.
	answered []int
	// others counts the unfinished assessments of other rubrics.
	others int
	cursor int // entries first, then "Start a new assessment"
	offset int
	err    error
}

func newStartScreen(s *session, store *assessments.Store) *startScreen {
	st := &startScreen{s: s, keys: s.keys.list(s.keys.Choose)}
	st.keys.Back.SetEnabled(false)
	st.keys.Jump.SetEnabled(false)
	st.entries, st.others = resumable(store, s.r)
	for _, e := range st.entries {
		st.answered = append(st.answered, answeredOf(e.Assessment, s.r))
	}
	return st
}

// items counts the choices: each entry, and a new assessment.
func (st *startScreen) items() int { return len(st.entries) + 1 }

// startTop are the title, a blank, the prompt and a blank.
const startTop = 4

// room is how many choices show: each takes three lines (the new one
// two), blank line included.
func (st *startScreen) room() int {
	extra := 0
	if st.err != nil {
		extra = 4
	} else if st.others > 0 {
		extra = 3
	}
	return max((st.s.room(startTop, st.keys.help())-extra+1)/3, 1)
}

func (st *startScreen) resize() { st.scroll() }

func (st *startScreen) scroll() {
	room := st.room()
	if st.cursor < st.offset {
		st.offset = st.cursor
	}
	if st.cursor >= st.offset+room {
		st.offset = st.cursor - room + 1
	}
}

func (st *startScreen) update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	last := st.items() - 1
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			st.cursor = max(st.cursor-1, 0)
		case tea.MouseWheelDown:
			st.cursor = min(st.cursor+1, last)
		}
	case tea.KeyPressMsg:
		k := st.keys
		switch {
		case key.Matches(msg, k.Up):
			st.cursor = max(st.cursor-1, 0)
		case key.Matches(msg, k.Down):
			st.cursor = min(st.cursor+1, last)
		case key.Matches(msg, k.Home):
			st.cursor = 0
		case key.Matches(msg, k.End):
			st.cursor = last
		case key.Matches(msg, k.Primary):
			st.err = nil
			if st.cursor == len(st.entries) {
				return newMsg{}, nil
			}
			return resumeMsg{entry: st.entries[st.cursor]}, nil
		case key.Matches(msg, k.Help):
			st.s.help.ShowAll = !st.s.help.ShowAll
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		}
	}
	st.scroll()
	return nil, nil
}

func (st *startScreen) view() string {
	s, t := st.s, st.s.theme
	top := []string{
		s.titleLine(t.Brand.Render("readycheck") + t.Dim.Render(" · "+cleanLine(s.r.Title))),
		"",
		" " + t.Text.Render(truncate("Welcome back. Pick up where you left off, or start a new assessment.", s.width-2)),
		"",
	}
	var body []string
	room := st.room()
	for i := st.offset; i < st.items() && i < st.offset+room; i++ {
		cursor, style := "  ", t.Text
		if i == st.cursor {
			cursor, style = t.Cursor.Render(markCursor)+" ", t.Selected
		}
		if i > st.offset {
			body = append(body, "")
		}
		if i == len(st.entries) {
			body = append(body, " "+cursor+style.Render("Start a new assessment"),
				"   "+t.Dim.Render(truncate("Your name, then the companies you aim at", s.width-4)))
			continue
		}
		e := st.entries[i]
		a := e.Assessment
		line := fmt.Sprintf("Resume %s · %d/%d answered · changed %s",
			cleanLine(a.Candidate.Name), st.answered[i], len(s.r.Skills()), ago(s.now(), a.Updated))
		body = append(body,
			" "+cursor+style.Render(truncate(line, s.width-4)),
			"   "+t.Dim.Render(truncate(cleanLine(s.r.Title)+" · "+cleanPath(filepath.Base(e.Path)), s.width-4)))
	}
	if st.err != nil {
		body = append(body, "")
		body = append(body, strings.Split(wrapBlock(markError+" "+cleanLine(st.err.Error()), s.width-2, 3, t.Error), "\n")...)
	} else if st.others > 0 {
		others := fmt.Sprintf("%s taken against other rubrics: open one with readycheck --rubric FILE --resume FILE.",
			plural(st.others, "more unfinished assessment"))
		if st.others == 1 {
			others = "1 more unfinished assessment was taken against another rubric: open it with readycheck --rubric FILE --resume FILE."
		}
		body = append(body, "")
		body = append(body, strings.Split(wrapBlock(others, s.width-2, 2, t.Dim), "\n")...)
	}
	return s.frame(top, body, st.keys.help())
}
