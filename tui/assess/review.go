package assess

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/tui/kit"
)

// reviewScreen lists every skill under its category with the answer's
// label and a note marker; the unanswered ones are marked ○ and said so.
// enter changes a row's answer, f finishes.
type reviewScreen struct {
	s    *session
	keys listKeys
	// rows are the category headings and the skills, in rubric order; a
	// heading has skill -1. skillRow[i] is skill i's row.
	rows     []int
	headings []string
	skillRow []int
	cursor   int // a skill
	offset   int // the first row shown
	// titleWidth and answerWidth are the widths of the longest title and
	// of the answer column.
	titleWidth, answerWidth int

	// Drawn in Update, for View to put together: the rows shown (by
	// row), each as it looks without and with the cursor, and the help.
	drawn    map[int][2]string
	helpLine string
}

func newReviewScreen(s *session) *reviewScreen {
	rv := &reviewScreen{s: s, keys: newListKeys(s.Keys, s.Keys.Edit, s.Keys.Finish), drawn: map[int][2]string{}}
	rv.answerWidth = len(kit.NotAnswered)
	rv.rows, rv.headings, rv.skillRow = kit.SkillRows(s.Rubric)
	for _, sc := range s.Rubric.Scales {
		for _, lv := range sc.Levels {
			rv.answerWidth = max(rv.answerWidth, ansi.StringWidth(kit.CleanLine(lv.Label)))
		}
	}
	rv.answerWidth = min(rv.answerWidth, 24)
	for _, title := range s.Titles {
		rv.titleWidth = max(rv.titleWidth, ansi.StringWidth(title))
	}
	return rv
}

// show opens the review with the cursor on skill i, its rows drawn anew
// since answers may have changed.
func (rv *reviewScreen) show(i int) {
	rv.cursor = max(0, min(i, len(rv.skillRow)-1))
	rv.Resize()
}

// topLines of the review: its title, a summary and a blank line.
const reviewTop = 3

func (rv *reviewScreen) room() int { return rv.s.RoomWith(reviewTop, rv.helpLine) }

func (rv *reviewScreen) Resize() {
	rv.drawn = map[int][2]string{}
	rv.helpLine = rv.s.HelpView(rv.keys.help())
	rv.scroll()
}

// scroll keeps the cursor's row in view, with its category's heading when
// it is the category's first skill.
func (rv *reviewScreen) scroll() {
	room, row := rv.room(), rv.skillRow[rv.cursor]
	if row-1 >= 0 && rv.rows[row-1] < 0 {
		rv.offset, _ = kit.Window(len(rv.rows), room, row-1, rv.offset)
	}
	var n int
	rv.offset, n = kit.Window(len(rv.rows), room, row, rv.offset)
	for r := rv.offset; r < rv.offset+n; r++ {
		if _, ok := rv.drawn[r]; !ok {
			rv.drawn[r] = rv.draw(r)
		}
	}
}

func (rv *reviewScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	last := len(rv.skillRow) - 1
	if c, ok := kit.MoveLine(msg, rv.keys.Up, rv.keys.Down, rv.cursor, last); ok {
		rv.cursor = c
		rv.scroll()
		return nil, nil
	}
	if c, ok := kit.MovePage(msg, rv.keys.PageUp, rv.keys.PageDown, rv.keys.Home, rv.keys.End, rv.cursor, last, rv.room()); ok {
		rv.cursor = c
		rv.scroll()
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := rv.keys
		switch {
		case key.Matches(msg, k.Primary):
			return editMsg{index: rv.cursor}, nil
		case key.Matches(msg, rv.s.Keys.Finish):
			return finishMsg{}, nil
		case key.Matches(msg, k.Back):
			return prevMsg{}, nil
		case key.Matches(msg, k.Jump):
			return openJumpMsg{}, nil
		case key.Matches(msg, k.Help):
			rv.s.Help.ShowAll = !rv.s.Help.ShowAll
			rv.helpLine = rv.s.HelpView(rv.keys.help())
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		default:
			return nil, nil
		}
	default:
		return nil, nil
	}
	rv.scroll()
	return nil, nil
}

func (rv *reviewScreen) View() string {
	s, t := rv.s, rv.s.Theme
	total := len(rv.skillRow)
	summary := fmt.Sprintf("All %d skills answered. Press f to finish and see your readiness.", total)
	if left := total - s.answered; left > 0 {
		summary = fmt.Sprintf("%d of %d answered · %d not answered (%s), counted as 0 · f finishes", s.answered, total, left, kit.MarkOpen)
	}
	top := []string{s.TitleLine(t.Title.Render("Review your answers")), " " + t.Dim.Render(termtext.Cut(summary, s.Width-2)), ""}
	cursorRow := rv.skillRow[rv.cursor]
	first, n := kit.Window(len(rv.rows), rv.room(), cursorRow, rv.offset)
	body := s.Windowed(len(rv.rows), first, n, "row", "rows", func(r int) string {
		if r == cursorRow {
			return rv.drawn[r][1]
		}
		return rv.drawn[r][0]
	})
	return s.FrameWith(top, body, rv.helpLine)
}

// draw draws row r of the list: a category's heading, or a skill with its
// answer and note marker, without and with the cursor on it.
func (rv *reviewScreen) draw(r int) [2]string {
	s, t := rv.s, rv.s.Theme
	i := rv.rows[r]
	if i < 0 {
		h := " " + t.Heading.Render(termtext.Cut(rv.headings[-1-i], s.Width-2))
		return [2]string{h, h}
	}
	// The answers sit beside the longest title, not at the far right.
	titleW := min(max(s.Width-1-2-2-2-rv.answerWidth-2, 8), rv.titleWidth)
	sk := s.Rubric.Skills()[i]
	ans := s.a.Answers[sk.ID]
	mark, answer, answerStyle := t.Chosen.Render(kit.MarkChosen), "", t.Text
	if ans.Answered() {
		answer = kit.CleanLine(sk.Scale.Label(ans.Level))
	} else {
		mark, answer, answerStyle = t.Unanswered.Render(kit.MarkOpen), kit.NotAnswered, t.Unanswered
	}
	note := " "
	if ans != nil && (ans.Note != "" || len(ans.Evidence) > 0) {
		note = t.Dim.Render(kit.MarkNote)
	}
	title := termtext.Exact(s.Titles[i], titleW)
	answer = termtext.Exact(answer, rv.answerWidth)
	plain := " " + s.Marks.NoCursor + mark + " " + t.Text.Render(title) + "  " + answerStyle.Render(answer) + " " + note
	if ans.Answered() {
		answerStyle = t.Selected
	}
	cursor := " " + s.Marks.Cursor + mark + " " + t.Selected.Render(title) + "  " + answerStyle.Render(answer) + " " + note
	return [2]string{plain, cursor}
}
