package review

import (
	"bytes"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
	"github.com/readycheck/readycheck/tui/kit"
)

// sheetScreen is the review of one assessment: every skill under its
// category's heading, with the candidate's level and the mentor's, and the
// detail of the skill under the cursor below.
type sheetScreen struct {
	s    *kit.Session
	keys mentorKeys
	o    *openReview
	// rows are the category headings and the skills, in rubric order; a
	// heading is -1-h. skillRow[i] is skill i's row.
	rows     []int
	headings []string
	skillRow []int
	cursor   int // a skill
	offset   int // the first row shown

	// Set by resize: the detail lines and the room for rows.
	detail   []string
	rowsRoom int
}

func newSheetScreen(s *kit.Session, k mentorKeys, o *openReview) *sheetScreen {
	sh := &sheetScreen{s: s, keys: k, o: o}
	sh.rows, sh.headings, sh.skillRow = kit.SkillRows(o.r)
	sh.Resize()
	return sh
}

// gapOf is the direction of a gap of two levels or more on a skill, or "".
func gapOf(o *openReview, s *rubric.Skill) string {
	rt := o.review.Ratings[s.ID]
	if !rt.Rated() {
		return ""
	}
	self := 0
	if ans := o.a.Answers[s.ID]; ans.Answered() {
		self = ans.Level
	}
	switch d := self - rt.Level; {
	case d >= 2:
		return "rated higher than mentor"
	case d <= -2:
		return "rated lower than mentor"
	}
	return ""
}

// sheetTop are the title, the skills' summary and the column heads.
const sheetTop = 3

func (sh *sheetScreen) Resize() {
	room := sh.s.Room(sheetTop, sh.keys.sheet())
	sh.detail = sh.drawDetail(max(room/3, 2))
	sh.rowsRoom = max(room-len(sh.detail)-1, 3)
	sh.scroll()
}

// scroll keeps the cursor's row in view, with its category's heading when
// it is the category's first skill.
func (sh *sheetScreen) scroll() {
	row := sh.skillRow[sh.cursor]
	if row > 0 && sh.rows[row-1] < 0 {
		sh.offset, _ = kit.Window(len(sh.rows), sh.rowsRoom, row-1, sh.offset)
	}
	sh.offset, _ = kit.Window(len(sh.rows), sh.rowsRoom, row, sh.offset)
}

func (sh *sheetScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	o := sh.o
	skills := o.r.Skills()
	last := len(skills) - 1
	s := skills[sh.cursor]
	if c, ok := kit.MoveLine(msg, sh.keys.Up, sh.keys.Down, sh.cursor, last); ok {
		sh.cursor = c
		sh.Resize()
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := sh.keys
		// An unrated skill starts from the candidate's level: the mentor
		// nudges it up or down from there.
		current, rated := 0, false
		if ans := o.a.Answers[s.ID]; ans.Answered() {
			current = ans.Level
		}
		if rt := o.review.Ratings[s.ID]; rt.Rated() {
			current, rated = rt.Level, true
		}
		page := max(sh.rowsRoom-3, 1)
		switch {
		case key.Matches(msg, k.PageUp):
			// The rows move by a page, and the cursor with them.
			sh.cursor, sh.offset = max(sh.cursor-page, 0), max(sh.offset-page, 0)
		case key.Matches(msg, k.PageDown):
			sh.cursor, sh.offset = min(sh.cursor+page, last), sh.offset+page
		case key.Matches(msg, k.First):
			sh.cursor = 0
		case key.Matches(msg, k.Last):
			sh.cursor = last
		case key.Matches(msg, k.Level):
			if d := int(msg.String()[0] - '0'); d <= s.Scale.Top() {
				return rateMsg{index: sh.cursor, level: d}, nil
			}
		case key.Matches(msg, k.Lower):
			if !rated {
				return rateMsg{index: sh.cursor, level: max(current-1, 0)}, nil
			} else if current > 0 {
				return rateMsg{index: sh.cursor, level: current - 1}, nil
			}
		case key.Matches(msg, k.Raise):
			if !rated || current < s.Scale.Top() {
				return rateMsg{index: sh.cursor, level: min(current+1, s.Scale.Top())}, nil
			}
		case key.Matches(msg, k.Clear):
			return rateMsg{index: sh.cursor, level: rubric.Unanswered}, nil
		case key.Matches(msg, k.NextGap):
			for i := 1; i <= len(skills); i++ {
				j := (sh.cursor + i) % len(skills)
				if gapOf(o, skills[j]) != "" {
					sh.cursor = j
					break
				}
			}
		case key.Matches(msg, k.Open):
			return openSkillMsg{index: sh.cursor}, nil
		case key.Matches(msg, k.Summary):
			return openSummaryMsg{}, nil
		case key.Matches(msg, k.Results):
			return showResultsMsg{}, nil
		case key.Matches(msg, k.Help):
			sh.s.Help.ShowAll = !sh.s.Help.ShowAll
		case key.Matches(msg, k.Back):
			return closeReviewMsg{}, nil
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		default:
			return nil, nil
		}
	default:
		return nil, nil
	}
	sh.Resize()
	return nil, nil
}

// columns are the sheet's widths: the skill's title, a level's label.
func (sh *sheetScreen) columns() (titleW, labelW, gapW int) {
	labelW = 13
	if sh.s.Width >= 100 {
		gapW = 26
	}
	// margin, cursor, gap mark, three spaces, the notes' "n e c"
	return max(sh.s.Width-2-2-1-3-5-2*labelW-gapW, 10), labelW, gapW
}

func (sh *sheetScreen) View() string {
	s, t := sh.s, sh.s.Theme
	o := sh.o
	skills := o.r.Skills()
	gaps, rated := 0, 0
	for _, sk := range skills {
		if gapOf(o, sk) != "" {
			gaps++
		}
		if o.review.Ratings[sk.ID].Rated() {
			rated++
		}
	}
	titleW, labelW, _ := sh.columns()
	top := []string{
		s.TitleLine(t.Title.Render("Review") + "  " + t.Dim.Render(fmt.Sprintf("%s · %s given · %s of 2+", kit.CleanLine(o.a.Candidate.Name), termtext.Plural(rated, "level", "levels"), termtext.Plural(gaps, "gap", "gaps")))),
		" " + t.Dim.Render(termtext.Cut(fmt.Sprintf("%s skills · ▲ the candidate rated 2+ above you, ▼ below", termtext.Thousands(len(skills))), s.Width-2)),
		" " + t.Dim.Render(termtext.Cut(fmt.Sprintf("   %s %s %s %s", termtext.Pad("skill", titleW), termtext.Pad("candidate", labelW), termtext.Pad("your level", labelW), "notes"), s.Width-2)),
	}
	first, n := kit.Window(len(sh.rows), sh.rowsRoom, sh.skillRow[sh.cursor], sh.offset)
	body := s.Windowed(len(sh.rows), first, n, "row", "rows", sh.drawRow)
	for len(body) < sh.rowsRoom {
		body = append(body, "")
	}
	body = append(body, "")
	body = append(body, sh.detail...)
	return s.Frame(top, body, sh.keys.sheet())
}

// drawRow draws a category's heading, or a skill with both levels, its
// notes' marks (n a note, e evidence, c your comment) and its gap.
func (sh *sheetScreen) drawRow(r int) string {
	s, t, o := sh.s, sh.s.Theme, sh.o
	i := sh.rows[r]
	if i < 0 {
		return " " + t.Heading.Render(termtext.Cut(sh.headings[-1-i], s.Width-2))
	}
	sk := o.r.Skills()[i]
	titleW, labelW, gapW := sh.columns()
	cand, mine := kit.NotAnswered, "·"
	ans := o.a.Answers[sk.ID]
	if ans.Answered() {
		cand = kit.CleanLine(sk.Scale.Label(ans.Level))
	}
	rt := o.review.Ratings[sk.ID]
	if rt.Rated() {
		mine = kit.CleanLine(sk.Scale.Label(rt.Level))
	}
	marks := []byte("   ")
	if ans != nil && ans.Note != "" {
		marks[0] = 'n'
	}
	if ans != nil && len(ans.Evidence) > 0 {
		marks[1] = 'e'
	}
	if rt != nil && rt.Comment != "" {
		marks[2] = 'c'
	}
	gap := gapOf(o, sk)
	gapMark := " "
	switch {
	case strings.Contains(gap, "higher"):
		gapMark = "▲"
	case gap != "":
		gapMark = "▼"
	}
	row := fmt.Sprintf("%s %s %s %s", termtext.Exact(s.Titles[i], titleW), termtext.Exact(cand, labelW), termtext.Exact(mine, labelW), fmt.Sprintf("%c %c %c", marks[0], marks[1], marks[2]))
	if gapW > 0 && gap != "" {
		row += " " + gap
	}
	cursor := s.Marks.NoCursor
	if i == sh.cursor {
		cursor = s.Marks.Cursor
		row = t.Selected.Render(row)
	}
	return " " + cursor + t.Warning.Render(gapMark) + row
}

// drawDetail is the skill under the cursor in words: both levels, the
// gap, the candidate's note and evidence, your comment; at most n lines.
func (sh *sheetScreen) drawDetail(n int) []string {
	s, t, o := sh.s, sh.s.Theme, sh.o
	sk := o.r.Skills()[sh.cursor]
	ans := o.a.Answers[sk.ID]
	rt := o.review.Ratings[sk.ID]
	parts := []string{s.Titles[sh.cursor]}
	if ans.Answered() {
		parts = append(parts, "candidate: "+kit.LevelName(sk.Scale, ans.Level))
	} else {
		parts = append(parts, "candidate: "+kit.NotAnswered)
	}
	if rt.Rated() {
		parts = append(parts, "you: "+kit.LevelName(sk.Scale, rt.Level))
	} else {
		parts = append(parts, "you: not rated yet")
	}
	if g := gapOf(o, sk); g != "" {
		parts = append(parts, g)
	}
	if ans != nil && ans.Note != "" {
		parts = append(parts, "note: "+kit.CleanLine(ans.Note))
	}
	if ans != nil && len(ans.Evidence) > 0 {
		parts = append(parts, termtext.Plural(len(ans.Evidence), "evidence link", "evidence links"))
	}
	if rt != nil && rt.Comment != "" {
		parts = append(parts, "your comment: "+kit.CleanLine(rt.Comment))
	}
	return strings.Split(kit.WrapBlock(strings.Join(parts, " · "), s.Width-1, n, t.Dim), "\n")
}

// editorScreen is a text the mentor writes: the comment on one skill
// (shown with its question, its scale with both levels marked, and the
// candidate's note and evidence), or the summary of the review.
type editorScreen struct {
	s     *kit.Session
	keys  mentorKeys
	o     *openReview
	index int // the skill, -1 for the summary
	area  textarea.Model
	leave kit.Leaving
	// saved is the text as it is in the file.
	saved string
}

func newEditor(s *kit.Session, k mentorKeys, o *openReview, index int, saved, placeholder string) *editorScreen {
	e := &editorScreen{s: s, keys: k, o: o, index: index, area: textarea.New(), saved: saved}
	e.leave = kit.NewLeaving()
	s.Theme.AreaStyles(&e.area)
	e.area.ShowLineNumbers = false
	e.area.Placeholder = placeholder
	e.area.CharLimit = assessments.MaxNote
	e.area.SetValue(saved)
	e.Resize()
	return e
}

func newCommentScreen(s *kit.Session, k mentorKeys, o *openReview, index int) *editorScreen {
	saved := ""
	if rt := o.review.Ratings[o.r.Skills()[index].ID]; rt != nil {
		saved = rt.Comment
	}
	return newEditor(s, k, o, index, saved, "Your comment for the candidate on this skill")
}

func newSummaryScreen(s *kit.Session, k mentorKeys, o *openReview) *editorScreen {
	return newEditor(s, k, o, -1, o.review.Summary, "What the candidate does well, and what to practise before applying")
}

func (e *editorScreen) Resize() {
	e.area.SetWidth(max(e.s.Width-4, 20))
	if e.index < 0 {
		// The room under the title, less the label and the question about
		// leaving, up to ten lines.
		e.area.SetHeight(max(min(e.s.Room(2, e.help())-1-4, 10), 3))
	} else {
		e.area.SetHeight(3)
	}
}

// changed reports whether the text typed differs from the saved one.
func (e *editorScreen) changed() bool { return kit.CleanNote(e.area.Value()) != e.saved }

// keepIntent saves the text as typed and goes back to the sheet.
func (e *editorScreen) keepIntent() tea.Msg {
	if e.index < 0 {
		return summaryMsg{text: e.area.Value()}
	}
	return commentMsg{index: e.index, text: e.area.Value()}
}

func (e *editorScreen) help() kit.HelpKeys {
	if e.leave.Asking() {
		return e.leave.Help()
	}
	short := []key.Binding{e.keys.Save, kit.LeaveHelp(), e.keys.Interrupt}
	return kit.HelpKeys{Short: short, Full: [][]key.Binding{short}}
}

func (e *editorScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	switch e.leave.Update(msg, e.keys.Cancel, e.changed) {
	case kit.LeaveHandled:
		return nil, nil
	case kit.LeaveKeep:
		return e.keepIntent(), nil
	case kit.LeaveDiscard:
		return sheetMsg{}, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, e.keys.Save) {
		return e.keepIntent(), nil
	}
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(kit.Typed(msg))
	return nil, cmd
}

// leaveLines ask whether to keep the changes, while it asks.
func (e *editorScreen) leaveLines() []string {
	if !e.leave.Asking() {
		return nil
	}
	return append(strings.Split(kit.WrapBlock(kit.MarkNotice+" "+kit.LeaveQuestion, e.s.Width-1, 3, e.s.Theme.Warning), "\n"), "")
}

func (e *editorScreen) View() string {
	s, t := e.s, e.s.Theme
	var top, upper []string
	label := "Your comment"
	if e.index < 0 {
		top = []string{s.TitleLine(t.Header.Render("Summary of your review · " + kit.CleanLine(e.o.a.Candidate.Name))), ""}
		label = "Your summary"
	} else {
		l := s.Layout(e.index)
		top = []string{s.TitleLine(l.Header), ""}
		upper = e.skillLines(l)
	}
	lower := []string{" " + t.Label.Render(label)}
	for _, l := range strings.Split(e.area.View(), "\n") {
		lower = append(lower, "  "+l)
	}
	// The question about leaving goes where the eye is: above the text.
	if q := e.leaveLines(); q != nil {
		lower = append(q, lower...)
	}
	// The editor always shows; what does not fit above it is said.
	if room := s.Room(len(top), e.help()) - len(lower); len(upper) > room {
		keep := max(room-2, 0)
		upper = append(upper[:keep], s.MoreLine("↓", len(upper)-keep, "line", "lines")+t.Dim.Render(" (widen the terminal to read all)"), "")
	}
	return s.Frame(top, append(upper, lower...), e.help())
}

// skillLines are the skill's title, question and levels, wrapped as the
// walk-through's question screen wraps them, with the candidate's level
// (C) and yours (M) marked; then the candidate's note and evidence.
func (e *editorScreen) skillLines(l *kit.SkillLayout) []string {
	s, t, o := e.s, e.s.Theme, e.o
	sk := o.r.Skills()[e.index]
	body := []string{l.Title}
	body = append(body, l.QuestionStyled...)
	body = append(body, "")
	cand, mine := -1, -1
	ans := o.a.Answers[sk.ID]
	if ans.Answered() {
		cand = ans.Level
	}
	if rt := o.review.Ratings[sk.ID]; rt.Rated() {
		mine = rt.Level
	}
	for lvl, ll := range l.Levels {
		c, m := "  ", "  "
		if lvl == cand {
			c = t.Marker.Render("C") + " "
		}
		if lvl == mine {
			m = t.Marker.Render("M") + " "
		}
		lines := ll.Plain
		if lvl == cand || lvl == mine {
			lines = ll.Selected
		}
		body = append(body, " "+c+m+lines[0])
		body = append(body, lines[1:]...)
	}
	body = append(body, " "+t.Dim.Render("C: the candidate's level · M: yours"), "")
	w := s.Width - 2
	if ans != nil && ans.Note != "" {
		for _, line := range kit.WrapLines("Note: "+safetext.OneLine(kit.Clean(ans.Note)), w) {
			body = append(body, " "+line)
		}
	}
	if ans != nil {
		for _, ev := range ans.Evidence {
			for _, line := range kit.WrapLines("Evidence: "+kit.CleanLine(ev), w) {
				body = append(body, " "+t.Dim.Render(line))
			}
		}
		if ans.Note != "" || len(ans.Evidence) > 0 {
			body = append(body, "")
		}
	}
	return body
}

// reviewResults are both views side by side, laid out for the width, and
// scrolled.
type reviewResults struct {
	s      *kit.Session
	keys   mentorKeys
	o      *openReview
	lines  []string
	offset int
}

func newReviewResults(s *kit.Session, k mentorKeys, o *openReview) *reviewResults {
	rr := &reviewResults{s: s, keys: k, o: o}
	rr.Resize()
	return rr
}

// resultsTopLines are the title and a blank line.
const resultsTopLines = 2

func (rr *reviewResults) Resize() {
	o := rr.o
	var buf bytes.Buffer
	if o.added {
		r, err := o.a.WithPostings(o.r)
		var both *scorecard.Both
		if err == nil {
			both, err = scorecard.NewBoth(o.a, r, nil, o.review.Reviewer.Name)
		}
		if err == nil {
			err = both.Text(&buf, rr.s.Width-2)
		}
		if err != nil {
			buf.Reset()
			buf.WriteString(err.Error())
		}
	} else {
		buf.WriteString("You have not rated anything yet: the mentor view equals the candidate's.\n")
	}
	rr.lines = strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	for i, l := range rr.lines {
		rr.lines[i] = " " + l
	}
	rr.offset, _ = rr.window()
}

func (rr *reviewResults) room() int { return rr.s.Room(resultsTopLines, rr.keys.results()) }

// window is the first line shown and how many show, with the markers.
func (rr *reviewResults) window() (int, int) {
	room := rr.room()
	total := len(rr.lines)
	if total <= room {
		return 0, total
	}
	// The cursor is the first line shown: it stays in view.
	first, n := kit.Window(total, room, min(rr.offset, total-1), rr.offset)
	return first, n
}

func (rr *reviewResults) maxOffset() int {
	room := rr.room()
	if len(rr.lines) <= room {
		return 0
	}
	return len(rr.lines) - (max(room, 3) - 1)
}

func (rr *reviewResults) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	_, n := rr.window()
	page := max(n-1, 1)
	if c, ok := kit.MoveLine(msg, rr.keys.Up, rr.keys.Down, rr.offset, rr.maxOffset()); ok {
		rr.offset = c
		return nil, nil
	}
	if c, ok := kit.MovePage(msg, rr.keys.PageUp, rr.keys.PageDown, rr.keys.Home, rr.keys.End, rr.offset, rr.maxOffset(), page); ok {
		rr.offset = c
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := rr.keys
		switch {
		case key.Matches(msg, k.Help):
			rr.s.Help.ShowAll = !rr.s.Help.ShowAll
			rr.offset = min(rr.offset, rr.maxOffset())
		case key.Matches(msg, k.Back):
			return sheetMsg{}, nil
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		}
	}
	return nil, nil
}

func (rr *reviewResults) View() string {
	s, t := rr.s, rr.s.Theme
	first, n := rr.window()
	sub := ""
	if n < len(rr.lines) {
		sub = fmt.Sprintf("  lines %d–%d of %d", first+1, first+n, len(rr.lines))
	}
	top := []string{s.TitleLine(t.Title.Render("Results") + t.Dim.Render(" · "+kit.CleanLine(rr.o.a.Candidate.Name)+sub)), ""}
	body := s.Windowed(len(rr.lines), first, n, "line", "lines", func(i int) string { return rr.lines[i] })
	return s.Frame(top, body, rr.keys.results())
}
