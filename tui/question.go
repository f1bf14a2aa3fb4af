package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
)

// questionScreen asks one skill: its question, help and the levels of its
// scale. It never shows what level a company requires.
type questionScreen struct {
	index  int
	cursor int
	offset int
	// fromReview returns to the review screen after a confirm.
	fromReview bool
	bar        progress.Model
}

// showQuestion opens the question screen on skill i, with the saved answer
// selected.
func (m *Model) showQuestion(i int, fromReview bool) {
	q := &m.question
	if q.bar.Width() == 0 {
		q.bar = progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))
		if m.theme.Color {
			q.bar = progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'), progress.WithColors(m.theme.Accent))
		}
	}
	q.bar.SetWidth(m.width - 2)
	q.index, q.fromReview, q.offset = i, fromReview, 0
	q.cursor = 0
	if ans, ok := m.a.Answers[m.r.Skills()[i].ID]; ok && ans.Answered() {
		q.cursor = ans.Level
	}
	m.screen = screenQuestion
	q.ensureVisible(m)
}

// levelsRoom is how many lines the level list may use on screen.
func (q *questionScreen) levelsRoom(m *Model, l *skillLayout) int {
	used := 3 + len(l.question) + min(len(l.help), 3) + 1 + 2 // header, bar, blank; question; help; blank; footer
	if len(l.help) > 0 {
		used++
	}
	if m.status() != "" {
		used++
	}
	if m.help.ShowAll {
		used += 4
	}
	return max(m.height-used-1, 3)
}

// ensureVisible scrolls the level list by whole levels so that the
// selected level shows, leaving room for the "more" lines above and below.
func (q *questionScreen) ensureVisible(m *Model) {
	l := m.layout(q.index, m.width-2)
	room := q.levelsRoom(m, l)
	total := 0
	for _, lv := range l.levels {
		total += len(lv)
	}
	if total <= room {
		q.offset = 0
		return
	}
	if q.cursor < q.offset {
		q.offset = q.cursor
	}
	span := func(from, to int) int {
		n := 0
		for i := from; i <= to; i++ {
			n += len(l.levels[i])
		}
		return n
	}
	for q.offset < q.cursor && span(q.offset, q.cursor) > room-2 {
		q.offset++
	}
}

func (q *questionScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	skill := m.r.Skills()[q.index]
	top := skill.Scale.Top()
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			q.cursor = max(q.cursor-1, 0)
		case tea.MouseWheelDown:
			q.cursor = min(q.cursor+1, top)
		}
		q.ensureVisible(m)
	case tea.KeyPressMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Up):
			q.cursor = max(q.cursor-1, 0)
		case key.Matches(msg, k.Down):
			q.cursor = min(q.cursor+1, top)
		case key.Matches(msg, k.Select):
			if d := int(msg.String()[0] - '0'); d <= top {
				q.cursor = d
			}
		case key.Matches(msg, k.Confirm):
			m.a.SetAnswer(skill.ID, q.cursor, m.opts.Now())
			m.notice = ""
			cmd := m.persist()
			q.advance(m)
			return cmd
		case key.Matches(msg, k.Back):
			if q.fromReview {
				m.showReview(q.index)
			} else if q.index > 0 {
				m.showQuestion(q.index-1, false)
			}
			return nil
		case key.Matches(msg, k.Forward):
			if m.a.Answers[skill.ID].Answered() {
				q.advance(m)
			}
			return nil
		case key.Matches(msg, k.Skip):
			q.advance(m)
			return nil
		case key.Matches(msg, k.Note):
			return m.showNote(q.index)
		case key.Matches(msg, k.Jump):
			return m.showJump(screenQuestion)
		case key.Matches(msg, k.Help):
			m.help.ShowAll = !m.help.ShowAll
		case key.Matches(msg, k.Quit):
			return tea.Quit
		}
		q.ensureVisible(m)
	case tea.WindowSizeMsg:
		q.bar.SetWidth(m.width - 2)
		q.ensureVisible(m)
	}
	return nil
}

// advance moves to the next skill, or back to the review when the question
// was opened from it or was the last one.
func (q *questionScreen) advance(m *Model) {
	if q.fromReview || q.index+1 >= len(m.r.Skills()) {
		m.showReview(q.index)
		return
	}
	m.showQuestion(q.index+1, false)
}

func (q *questionScreen) view(m *Model) string {
	skills := m.r.Skills()
	skill := skills[q.index]
	t := m.theme
	w := m.width - 2
	l := m.layout(q.index, w)

	left := fmt.Sprintf("%s · skill %d of %d", clean(skill.Category.Title), q.index+1, len(skills))
	right := fmt.Sprintf("%d answered", m.a.Answered())
	gap := w - len([]rune(left)) - len([]rune(right))
	if gap < 2 {
		left = truncate(left, w-len([]rune(right))-2)
		gap = 2
	}
	header := []string{
		" " + t.Header.Render(left+strings.Repeat(" ", max(gap, 0))+right),
		" " + q.bar.ViewAs(float64(m.a.Answered())/float64(len(skills))),
		"",
	}

	var body []string
	for _, line := range l.question {
		body = append(body, " "+t.Question.Render(line))
	}
	if len(l.help) > 0 {
		body = append(body, "")
		helpLines := l.help
		if len(helpLines) > 3 {
			helpLines = append(append([]string{}, helpLines[:2]...), truncate(helpLines[2]+" "+helpLines[3], w-1)+"…")
			helpLines[2] = strings.TrimSuffix(helpLines[2], "…")
		}
		for _, line := range helpLines {
			body = append(body, " "+t.Dim.Render(line))
		}
	}
	body = append(body, "")

	saved := -1
	if ans, ok := m.a.Answers[skill.ID]; ok && ans.Answered() {
		saved = ans.Level
	}
	room := q.levelsRoom(m, l)
	total := 0
	for _, block := range l.levels {
		total += len(block)
	}
	var visible []string
	shown := 0 // lines of levels before the first shown one
	if q.offset > 0 {
		for _, block := range l.levels[:q.offset] {
			shown += len(block)
		}
		visible = append(visible, " "+t.Dim.Render(fmt.Sprintf("  ↑ %d more", q.offset)))
	}
	for lvl := q.offset; lvl < len(l.levels); lvl++ {
		for j, line := range l.levels[lvl] {
			prefix := "    "
			if j == 0 {
				mark := "  "
				switch {
				case lvl == q.cursor:
					mark = t.Cursor.Render("›") + " "
				case lvl == saved:
					mark = t.Marker.Render("•") + " "
				}
				prefix = mark + fmt.Sprintf("%d ", lvl)
			}
			style := t.Descriptor
			if lvl == q.cursor {
				style = t.Selected
			}
			visible = append(visible, " "+prefix+style.Render(line))
		}
	}
	if len(visible) > room {
		// Cut at the last whole level that fits, and say how many follow.
		keep := 0
		if q.offset > 0 {
			keep = 1
		}
		last := q.offset
		for lvl := q.offset; lvl < len(l.levels); lvl++ {
			if keep+len(l.levels[lvl]) > room-1 && lvl > q.cursor {
				break
			}
			keep += len(l.levels[lvl])
			last = lvl
		}
		keep = min(keep, room-1)
		visible = append(visible[:keep], " "+t.Dim.Render(fmt.Sprintf("  ↓ %d more", len(l.levels)-1-last)))
	}
	body = append(body, visible...)
	if ans, ok := m.a.Answers[skill.ID]; ok && (ans.Note != "" || len(ans.Evidence) > 0) {
		note := strings.Join(strings.Fields(clean(ans.Note)), " ")
		if len(ans.Evidence) > 0 {
			note = strings.TrimSpace(note + fmt.Sprintf(" (%d evidence links)", len(ans.Evidence)))
		}
		body = append(body, "", " "+t.Dim.Render(truncate("✎ "+note, w)))
	}
	return m.frame(header, body, m.keys.question())
}
