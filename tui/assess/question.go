package assess

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/tui/kit"
)

// questionScreen asks about one skill: its question and help, and the
// levels of its scale, each with its label and descriptor. It never shows
// the level a company requires: a visible target pulls self-ratings
// toward it.
type questionScreen struct {
	s    *session
	keys questionKeys

	index  int // the skill, in rubric order
	cursor int // the level under the cursor
	saved  int // the saved answer's level, -1 when unanswered
	// fromReview sends the candidate back to the review once they confirm.
	fromReview bool
	// unanswered is the next skill not answered yet after this one (round
	// to the start), -1 when there is none: u goes there.
	unanswered int

	// Set by refresh when the skill, its answer or the keys change: the
	// note line and the help line, drawn.
	note, helpLine string

	// Set by fit after every change: how many question and help lines
	// show (the last one cut with "…" when not all do), whether the note
	// shows, and which levels, when they do not all fit, from first to
	// last.
	questionShown, helpShown int
	questionCut, helpCut     string
	noteShown                bool
	first, last              int
	levelsRoom               int
}

func newQuestionScreen(s *session) *questionScreen {
	return &questionScreen{s: s, keys: newQuestionKeys(s.Keys)}
}

// show opens the screen on skill i with its saved answer selected.
func (q *questionScreen) show(i int, fromReview bool) {
	q.index, q.fromReview, q.first = i, fromReview, 0
	sk := q.s.Rubric.Skills()[i]
	q.cursor = 0
	if ans := q.s.a.Answers[sk.ID]; ans.Answered() {
		q.cursor = min(ans.Level, sk.Scale.Top())
	}
	q.refresh()
}

// refresh takes in a change to the skill's answer, to the keys or to the
// size: the keys that apply, the note and help lines, the layout.
func (q *questionScreen) refresh() {
	s, t := q.s, q.s.Theme
	sk := s.Rubric.Skills()[q.index]
	ans := s.a.Answers[sk.ID]
	q.saved = -1
	if ans.Answered() {
		q.saved = ans.Level
	}
	q.keys.Back.SetEnabled(q.index > 0 || q.fromReview)
	if q.fromReview {
		// Opened from the review, the question goes back there.
		q.keys.Back.SetHelp("←/b", "review")
		q.keys.Skip.SetHelp("s", "review")
	} else {
		q.keys.Back.SetHelp("←/b", "back")
		q.keys.Skip.SetHelp("s", "skip")
	}
	q.keys.Forward.SetEnabled(ans.Answered())
	q.unanswered = q.nextUnanswered()
	q.keys.Unanswered.SetEnabled(q.unanswered >= 0)
	q.keys.Pick.SetHelp(fmt.Sprintf("0-%d", min(sk.Scale.Top(), 9)), "pick a level")
	q.helpLine = s.HelpView(q.keys.help())
	q.note = ""
	if ans != nil && (ans.Note != "" || len(ans.Evidence) > 0) {
		note := kit.MarkNote + " " + kit.CleanLine(ans.Note)
		if n := len(ans.Evidence); n > 0 {
			note = strings.TrimSpace(note + " · " + termtext.Plural(n, "evidence link", "evidence links"))
		}
		q.note = " " + t.Dim.Render(termtext.Cut(note, s.Width-2))
	}
	q.fit()
}

// forwardHint answers → on a skill not answered yet, which does not move
// on: a key that does nothing must say why.
const forwardHint = "→ moves on only past an answered skill: enter confirms, s skips"

func (q *questionScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if press, ok := msg.(tea.KeyPressMsg); ok {
		if q.s.Notice == forwardHint {
			q.s.Notice = ""
		}
		if !q.keys.Forward.Enabled() && slices.Contains(q.keys.Forward.Keys(), press.String()) {
			q.s.Notice = forwardHint
			return nil, nil
		}
	}
	top := q.s.Rubric.Skills()[q.index].Scale.Top()
	if c, ok := kit.MoveLine(msg, q.keys.Up, q.keys.Down, q.cursor, top); ok {
		q.cursor = c
		q.fit()
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := q.keys
		switch {
		case key.Matches(msg, k.Pick):
			if d := int(msg.String()[0] - '0'); d <= top {
				q.cursor = d
			}
		case key.Matches(msg, k.Confirm):
			return answerMsg{level: q.cursor}, nil
		case key.Matches(msg, k.Back):
			return prevMsg{}, nil
		case key.Matches(msg, k.Forward), key.Matches(msg, k.Skip):
			return nextMsg{}, nil
		case key.Matches(msg, k.Unanswered):
			return gotoMsg{index: q.unanswered}, nil
		case key.Matches(msg, k.Note):
			return openNoteMsg{}, nil
		case key.Matches(msg, k.Jump):
			return openJumpMsg{}, nil
		case key.Matches(msg, k.Help):
			q.s.Help.ShowAll = !q.s.Help.ShowAll
			q.refresh()
			return nil, nil
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		default:
			return nil, nil
		}
	default:
		return nil, nil
	}
	q.fit()
	return nil, nil
}

// nextUnanswered is the first skill after this one, round to the start,
// that has no answer yet; -1 when every other skill has one.
func (q *questionScreen) nextUnanswered() int {
	skills := q.s.Rubric.Skills()
	for d := 1; d < len(skills); d++ {
		i := (q.index + d) % len(skills)
		if !q.s.a.Answers[skills[i].ID].Answered() {
			return i
		}
	}
	return -1
}

func (q *questionScreen) Resize() {
	q.refresh()
	// A taller screen may show levels above the first one shown.
	heights := q.s.Layout(q.index).Heights
	for q.first > 0 && levelWindow(heights, q.first-1, q.levelsRoom) >= q.cursor {
		q.first--
	}
	q.last = levelWindow(heights, q.first, q.levelsRoom)
}

// topLines are the header, the progress bar and a blank line.
const topLines = 3

// fit decides what shows in the room the terminal leaves, most important
// first: the skill's title and question, then its help text whole (it
// says how to rate: a calibration cut off would mislead) as long as six
// lines of levels remain, then the levels (the selected one always), then
// the note line. When the levels do not all fit, they scroll by whole
// levels, say how many more there are, and the selected one stays in view.
func (q *questionScreen) fit() {
	s, t := q.s, q.s.Theme
	l := s.Layout(q.index)
	room := s.RoomWith(topLines, q.helpLine)

	q.questionShown = min(len(l.Question), max(room/3, 1))
	q.questionCut = ""
	if q.questionShown < len(l.Question) {
		q.questionCut = " " + t.Question.Render(termtext.Cut(l.Question[q.questionShown-1]+" …", s.Width-2))
	}
	fixed := 1 + q.questionShown + 1 // title, question, blank before the levels
	avail := room - fixed
	block := func(n int) int { // help lines and the blank line before them
		if n == 0 {
			return 0
		}
		return n + 1
	}
	q.helpShown, q.noteShown = len(l.Help), q.note != ""
	noteLines := func() int {
		if q.noteShown {
			return 2
		}
		return 0
	}
	if l.Total+block(q.helpShown)+noteLines() > avail {
		q.noteShown = false
	}
	minLevels := min(l.Total, 6)
	for avail-block(q.helpShown) < minLevels && q.helpShown > min(2, len(l.Help)) {
		q.helpShown--
	}
	if l.Total+block(q.helpShown) > avail && avail-block(q.helpShown) < 6 {
		q.helpShown = 0
	}
	q.helpCut = ""
	if q.helpShown > 0 && q.helpShown < len(l.Help) {
		q.helpCut = " " + t.Dim.Render(termtext.Cut(l.Help[q.helpShown-1]+" …", s.Width-2))
	}
	q.levelsRoom = max(avail-block(q.helpShown)-noteLines(), 1)

	if l.Total <= q.levelsRoom {
		q.first, q.last = 0, len(l.Levels)-1
		return
	}
	q.first = min(q.first, q.cursor)
	for q.first < q.cursor && levelWindow(l.Heights, q.first, q.levelsRoom) < q.cursor {
		q.first++
	}
	q.last = levelWindow(l.Heights, q.first, q.levelsRoom)
}

// levelWindow returns the last level shown when a list of levels of these
// heights starts at first in room lines, counting a line for "↑ more"
// when first > 0 and one for "↓ more" when the list does not reach the end.
// The first level always shows, cut if need be.
func levelWindow(heights []int, first, room int) int {
	used := heights[first]
	if first > 0 {
		used++
	}
	last := first
	for i := first + 1; i < len(heights); i++ {
		more := 0
		if i < len(heights)-1 {
			more = 1
		}
		if used+heights[i]+more > room {
			break
		}
		used += heights[i]
		last = i
	}
	return last
}

func (q *questionScreen) View() string {
	s := q.s
	l := s.Layout(q.index)
	top := []string{s.TitleLine(l.Header), s.bar.line, ""}
	body := make([]string, 0, s.Height)
	body = append(body, l.Title)
	body = append(body, l.QuestionStyled[:q.questionShown]...)
	if q.questionCut != "" {
		body[len(body)-1] = q.questionCut
	}
	if q.helpShown > 0 {
		body = append(body, "")
		body = append(body, l.HelpStyled[:q.helpShown]...)
		if q.helpCut != "" {
			body[len(body)-1] = q.helpCut
		}
	}
	body = append(body, "")
	body = q.levels(body, l)
	if q.noteShown {
		body = append(body, "", q.note)
	}
	return s.FrameWith(top, body, q.helpLine)
}

// levels draws the levels from first to last, with "more" lines when the
// list scrolls.
func (q *questionScreen) levels(body []string, l *kit.SkillLayout) []string {
	m := q.s.Marks
	start := len(body)
	if q.first > 0 {
		body = append(body, m.MoreAbove(q.first))
	}
	for lvl := q.first; lvl <= q.last; lvl++ {
		ll := l.Levels[lvl]
		lines, cursor, radio := ll.Plain, m.NoCursor, m.Open
		if lvl == q.saved {
			radio = m.Chosen
		}
		if lvl == q.cursor {
			lines, cursor = ll.Selected, m.Cursor
		}
		body = append(body, " "+cursor+radio+" "+lines[0])
		body = append(body, lines[1:]...)
	}
	if n := len(l.Levels) - 1 - q.last; n > 0 {
		// The last level shown may be cut; the "more" line comes after
		// what fits.
		if room := q.levelsRoom - 1; len(body)-start > room {
			body = body[:start+room]
		}
		body = append(body, m.MoreBelow(n))
	}
	return body
}

// progressBar is the overall progress line of the question screen, drawn
// with bubbles' progress bar (static: no animation ticks) and kept until
// the count or the width changes.
type progressBar struct {
	model progress.Model
	line  string
}

func (b *progressBar) update(s *session) {
	total := len(s.Rubric.Skills())
	count := fmt.Sprintf(" %d/%d answered", s.answered, total)
	if b.model.Width() == 0 {
		opts := []progress.Option{progress.WithoutPercentage(), progress.WithFillCharacters('█', '░')}
		if s.Theme.Color {
			opts = append(opts, progress.WithColors(s.Theme.Accent))
		}
		b.model = progress.New(opts...)
	}
	b.model.SetWidth(max(s.Width-2-len(count), 5))
	frac := 0.0
	if total > 0 {
		frac = float64(s.answered) / float64(total)
	}
	b.line = " " + b.model.ViewAs(frac) + s.Theme.Dim.Render(count)
}
