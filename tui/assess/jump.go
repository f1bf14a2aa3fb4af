package assess

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/tui/kit"
)

// jumpScreen is a filterable list of the rubric's categories and skills:
// typing narrows it, enter goes to the skill (or a category's first
// skill). q types a q here.
type jumpScreen struct {
	s      *session
	keys   fieldKeys
	filter textinput.Model
	// rows are the categories and skills that match the filter, in
	// rubric order; a category row has skill -1.
	rows   []jumpRow
	cursor int
	offset int
	// haystack holds each skill's searchable text, lower-cased once.
	haystack []string
	helpLine string
}

type jumpRow struct {
	category *rubric.Category
	skill    int
}

func newJumpScreen(s *session, current int) *jumpScreen {
	j := &jumpScreen{s: s, filter: textinput.New()}
	j.keys = newFieldKeys(s.Keys, s.Keys.Go)
	j.keys.NextField.SetEnabled(false)
	j.keys.PrevField.SetEnabled(false)
	j.keys.Save.SetEnabled(false)
	j.keys.PageUp.SetEnabled(true)
	j.keys.PageDown.SetEnabled(true)
	j.keys.Cancel.SetHelp("esc", "back")
	s.Theme.InputStyles(&j.filter)
	j.filter.Prompt = "/ "
	j.filter.Placeholder = "type to filter skills and categories"
	j.filter.CharLimit = 100
	j.haystack = make([]string, len(s.Rubric.Skills()))
	for i, sk := range s.Rubric.Skills() {
		j.haystack[i] = kit.Fold(s.Titles[i] + " " + kit.CleanLine(sk.Category.Title) + " " + sk.ID)
	}
	j.refilter()
	for i, row := range j.rows {
		if row.skill == current {
			j.cursor = i
		}
	}
	j.Resize()
	return j
}

func (j *jumpScreen) focus() tea.Cmd { return j.filter.Focus() }

// refilter keeps the skills whose text holds every word typed, under
// their categories; case and accents do not count (kit.Fold).
func (j *jumpScreen) refilter() {
	words := strings.Fields(kit.Fold(j.filter.Value()))
	j.rows = j.rows[:0]
	var last *rubric.Category
	for i, sk := range j.s.Rubric.Skills() {
		ok := true
		for _, w := range words {
			if !strings.Contains(j.haystack[i], w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if sk.Category != last {
			j.rows = append(j.rows, jumpRow{category: sk.Category, skill: -1})
			last = sk.Category
		}
		j.rows = append(j.rows, jumpRow{category: sk.Category, skill: i})
	}
	j.cursor = min(j.cursor, max(len(j.rows)-1, 0))
}

// room is how many rows show: below the title and the filter.
func (j *jumpScreen) room() int { return j.s.RoomWith(3, j.helpLine) }

func (j *jumpScreen) Resize() {
	j.filter.SetWidth(max(j.s.Width-6, 10))
	j.helpLine = j.s.HelpView(j.keys.help())
	j.scroll()
}

// scroll keeps the cursor's row in view.
func (j *jumpScreen) scroll() {
	j.offset, _ = kit.Window(len(j.rows), j.room(), j.cursor, j.offset)
}

func (j *jumpScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	last := max(len(j.rows)-1, 0)
	if c, ok := kit.MoveLine(msg, j.keys.ArrowUp, j.keys.ArrowDown, j.cursor, last); ok {
		j.cursor = c
		j.scroll()
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		j.scroll()
		return nil, nil
	case tea.KeyPressMsg:
		k := j.keys
		switch {
		case key.Matches(msg, j.keys.PageUp):
			j.cursor = max(j.cursor-j.room(), 0)
		case key.Matches(msg, j.keys.PageDown):
			j.cursor = min(j.cursor+j.room(), last)
		case key.Matches(msg, k.Submit):
			if len(j.rows) == 0 {
				return nil, nil
			}
			row := j.rows[j.cursor]
			if row.skill < 0 {
				// A category: its first skill is the next row.
				row = j.rows[j.cursor+1]
			}
			return gotoMsg{index: row.skill}, nil
		case key.Matches(msg, k.Cancel):
			return cancelMsg{}, nil
		default:
			return j.typed(msg)
		}
		j.scroll()
		return nil, nil
	}
	return j.typed(msg)
}

// typed hands the filter what was typed or pasted, and filters again.
func (j *jumpScreen) typed(msg tea.Msg) (tea.Msg, tea.Cmd) {
	before := j.filter.Value()
	var cmd tea.Cmd
	j.filter, cmd = j.filter.Update(kit.Typed(msg))
	if j.filter.Value() != before {
		j.cursor, j.offset = 0, 0
		j.refilter()
		// Land on the first skill rather than its category.
		if len(j.rows) > 1 {
			j.cursor = 1
		}
	}
	j.scroll()
	return nil, cmd
}

func (j *jumpScreen) View() string {
	s, t := j.s, j.s.Theme
	top := []string{s.TitleLine(t.Title.Render("Jump to a skill")), " " + j.filter.View(), ""}
	if len(j.rows) == 0 {
		return s.FrameWith(top, []string{" " + t.Dim.Render("No skill matches. Backspace widens the search; esc goes back.")}, j.helpLine)
	}
	first, n := kit.Window(len(j.rows), j.room(), j.cursor, j.offset)
	body := s.Windowed(len(j.rows), first, n, "row", "rows", func(i int) string {
		row := j.rows[i]
		cursor := "  "
		if i == j.cursor {
			cursor = t.Cursor.Render(kit.MarkCursor) + " "
		}
		if row.skill < 0 {
			text := termtext.Cut(kit.CleanLine(row.category.Title), s.Width-4)
			if i == j.cursor {
				text = t.Selected.Render(text)
			} else {
				text = t.Heading.Render(text)
			}
			return " " + cursor + text
		}
		mark := t.Dim.Render(kit.MarkOpen)
		if s.a.Answers[s.Rubric.Skills()[row.skill].ID].Answered() {
			mark = t.Chosen.Render(kit.MarkChosen)
		}
		title := termtext.Cut(s.Titles[row.skill], s.Width-8)
		if i == j.cursor {
			title = t.Selected.Render(title)
		}
		return " " + cursor + "  " + mark + " " + title
	})
	return s.FrameWith(top, body, j.helpLine)
}
