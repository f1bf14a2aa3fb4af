package assess

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/tui/kit"
)

// startScreen offers to take up an unfinished assessment (name, rubric,
// progress, last change) or to start a new one.
type startScreen struct {
	s       *session
	keys    listKeys
	entries []assessments.Entry
	// answered counts each entry's answered skills.
	answered []int
	// others are the unfinished assessments of other rubrics, listed
	// with the command that opens each; otherLines are drawn on resize.
	others     []assessments.Entry
	otherLines []string
	cursor     int // entries first, then "Start a new assessment"
	offset     int
	err        error
}

func newStartScreen(s *session, store *assessments.Store) *startScreen {
	st := &startScreen{s: s, keys: newListKeys(s.Keys, s.Keys.Choose)}
	st.keys.Back.SetEnabled(false)
	st.keys.Jump.SetEnabled(false)
	st.entries, st.others = resumable(store, s.Rubric)
	st.drawOthers()
	for _, e := range st.entries {
		st.answered = append(st.answered, answeredOf(e.Assessment, s.Rubric))
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
	} else if len(st.otherLines) > 0 {
		extra = 1 + len(st.otherLines)
	}
	return max((st.s.Room(startTop, st.keys.help())-extra+1)/3, 1)
}

func (st *startScreen) Resize() {
	st.drawOthers()
	st.scroll()
}

// maxOthers is how many assessments of other rubrics the start screen
// lists one by one; the rest are counted.
const maxOthers = 3

// drawOthers lays out the unfinished assessments of other rubrics: who and
// which rubric, and the command that opens each.
func (st *startScreen) drawOthers() {
	s, t := st.s, st.s.Theme
	st.otherLines = nil
	if len(st.others) == 0 {
		return
	}
	head := "Unfinished, taken against other rubrics: open one with its command."
	if len(st.others) == 1 {
		head = "Unfinished, taken against another rubric: open it with its command."
	}
	st.otherLines = append(st.otherLines, " "+t.Text.Render(termtext.Cut(head, s.Width-2)))
	for i, e := range st.others {
		if i == maxOthers {
			more := fmt.Sprintf("and %d more: readycheck --accessible lists them all", len(st.others)-maxOthers)
			st.otherLines = append(st.otherLines, "   "+t.Dim.Render(termtext.Cut(more, s.Width-4)))
			break
		}
		about, command := otherRubric(e)
		for _, l := range kit.WrapLines(about, s.Width-4) {
			st.otherLines = append(st.otherLines, "   "+t.Dim.Render(l))
		}
		// A command too long for the line breaks before the file, with a
		// backslash, so that copying both lines still runs it; the file
		// then starts near the edge, for as long a path as fits whole.
		indent := "     "
		if w := s.Width - 6; ansi.StringWidth(command) > w {
			if i := strings.LastIndex(command, " "); i > 0 {
				st.otherLines = append(st.otherLines, indent+t.Text.Render(command[:i]+` \`))
				command, indent = command[i+1:], "   "
			}
		}
		if w := s.Width - 1 - len(indent); ansi.StringWidth(command) > w {
			// A file too long for any line breaks after a slash, the line
			// ending in a backslash and the next starting at the edge: a
			// shell joins them into the one path again.
			for i, l := range splitPath(command, s.Width-1) {
				if i == 0 {
					l = indent + l
				}
				st.otherLines = append(st.otherLines, t.Text.Render(l))
			}
			continue
		}
		st.otherLines = append(st.otherLines, indent+t.Text.Render(command))
	}
}

func (st *startScreen) scroll() {
	st.offset, _ = kit.Window(st.items(), st.room(), st.cursor, st.offset)
}

func (st *startScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	last := st.items() - 1
	if c, ok := kit.MoveLine(msg, st.keys.Up, st.keys.Down, st.cursor, last); ok {
		st.cursor = c
		st.scroll()
		return nil, nil
	}
	if c, ok := kit.MovePage(msg, st.keys.PageUp, st.keys.PageDown, st.keys.Home, st.keys.End, st.cursor, last, st.room()); ok {
		st.cursor = c
		st.scroll()
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := st.keys
		switch {
		case key.Matches(msg, k.Primary):
			st.err = nil
			if st.cursor == len(st.entries) {
				return newMsg{}, nil
			}
			return resumeMsg{entry: st.entries[st.cursor]}, nil
		case key.Matches(msg, k.Help):
			st.s.Help.ShowAll = !st.s.Help.ShowAll
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		}
	}
	st.scroll()
	return nil, nil
}

func (st *startScreen) View() string {
	s, t := st.s, st.s.Theme
	top := []string{
		s.TitleLine(t.Brand.Render("readycheck") + t.Dim.Render(" · "+kit.CleanLine(s.Rubric.Title))),
		"",
		" " + t.Text.Render(termtext.Cut(st.welcome(), s.Width-2)),
		"",
	}
	var body []string
	first, n := kit.Window(st.items(), st.room(), st.cursor, st.offset)
	if first > 0 {
		body = append(body, s.MoreLine("↑", first, "choice", "choices"), "")
	}
	for i := first; i < first+n; i++ {
		cursor, style := "  ", t.Text
		if i == st.cursor {
			cursor, style = t.Cursor.Render(kit.MarkCursor)+" ", t.Selected
		}
		if i > first {
			body = append(body, "")
		}
		if i == len(st.entries) {
			body = append(body, " "+cursor+style.Render("Start a new assessment"),
				"   "+t.Dim.Render(termtext.Cut("Your name, then the companies you aim at", s.Width-4)))
			continue
		}
		e := st.entries[i]
		a := e.Assessment
		line := fmt.Sprintf("Resume %s · %d/%d answered · changed %s",
			kit.CleanLine(a.Candidate.Name), st.answered[i], len(s.Rubric.Skills()), ago(s.Now(), a.Updated))
		body = append(body,
			" "+cursor+style.Render(termtext.Cut(line, s.Width-4)),
			"   "+t.Dim.Render(termtext.Cut(kit.CleanLine(s.Rubric.Title)+" · "+kit.CleanPath(filepath.Base(e.Path)), s.Width-4)))
	}
	if hidden := st.items() - first - n; hidden > 0 {
		body = append(body, "", s.MoreLine("↓", hidden, "choice", "choices"))
	}
	if st.err != nil {
		body = append(body, "")
		body = append(body, strings.Split(kit.WrapBlock(kit.MarkError+" "+kit.CleanLine(st.err.Error()), s.Width-2, 3, t.Error), "\n")...)
	} else if len(st.otherLines) > 0 {
		body = append(body, "")
		body = append(body, st.otherLines...)
	}
	return s.Frame(top, body, st.keys.help())
}

// welcome is the start screen's prompt.
func (st *startScreen) welcome() string {
	if len(st.entries) == 0 {
		return "Start a new assessment, or open an unfinished one with its command below."
	}
	return "Welcome back. Pick up where you left off, or start a new assessment."
}

// splitPath cuts a long path into lines of at most width cells, each but
// the last ending in a backslash after a slash where there is one, so that
// a shell reading the lines, the later ones from their first column, gets
// the path whole.
func splitPath(p string, width int) []string {
	var lines []string
	for first := true; ansi.StringWidth(p) > width-1; first = false {
		room := width - 1
		if first {
			room -= 5 // the indent of the first line
		}
		cut := ansi.Truncate(p, room, "")
		if i := strings.LastIndex(cut, "/"); i > 0 {
			cut = cut[:i+1]
		}
		if cut == "" {
			break
		}
		lines = append(lines, cut+`\`)
		p = p[len(cut):]
	}
	return append(lines, p)
}
