package tui

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
)

// sheetScreen is the review of one assessment: every skill with the
// candidate's level and the mentor's.
type sheetScreen struct {
	cursor int
	offset int
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

// rate sets (or clears, with level < 0) the mentor's level on a skill.
func (m *Mentor) rate(s *rubric.Skill, level int) tea.Cmd {
	o := m.open
	rt := o.review.Ratings[s.ID]
	if rt == nil {
		if level < 0 {
			return nil
		}
		rt = &assessments.Rating{Level: rubric.Unanswered}
		o.review.Ratings[s.ID] = rt
	}
	rt.Level = level
	if !rt.Rated() && rt.Comment == "" {
		delete(o.review.Ratings, s.ID)
	}
	return m.change()
}

func (sh *sheetScreen) room(m *Mentor) int {
	r := m.height - 5
	if m.status() != "" {
		r--
	}
	if m.help.ShowAll {
		r -= 4
	}
	return max(r, 1)
}

func (sh *sheetScreen) update(m *Mentor, msg tea.Msg) tea.Cmd {
	o := m.open
	skills := o.r.Skills()
	s := skills[sh.cursor]
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			sh.cursor = max(sh.cursor-1, 0)
		} else if msg.Button == tea.MouseWheelDown {
			sh.cursor = min(sh.cursor+1, len(skills)-1)
		}
	case tea.KeyPressMsg:
		k := m.keys
		// An unrated skill starts from the candidate's level: the mentor
		// nudges it up or down from there.
		current, rated := 0, false
		if ans := o.a.Answers[s.ID]; ans.Answered() {
			current = ans.Level
		}
		if rt := o.review.Ratings[s.ID]; rt.Rated() {
			current, rated = rt.Level, true
		}
		switch {
		case key.Matches(msg, k.Up):
			sh.cursor = max(sh.cursor-1, 0)
		case key.Matches(msg, k.Down):
			sh.cursor = min(sh.cursor+1, len(skills)-1)
		case key.Matches(msg, k.Level):
			if d := int(msg.String()[0] - '0'); d <= s.Scale.Top() {
				cmd = m.rate(s, d)
			}
		case key.Matches(msg, k.Lower):
			if !rated {
				cmd = m.rate(s, max(current-1, 0))
			} else if current > 0 {
				cmd = m.rate(s, current-1)
			}
		case key.Matches(msg, k.Higher):
			if !rated || current < s.Scale.Top() {
				cmd = m.rate(s, min(current+1, s.Scale.Top()))
			}
		case key.Matches(msg, k.Clear):
			cmd = m.rate(s, rubric.Unanswered)
		case key.Matches(msg, k.NextGap):
			for i := 1; i <= len(skills); i++ {
				j := (sh.cursor + i) % len(skills)
				if gapOf(o, skills[j]) != "" {
					sh.cursor = j
					break
				}
			}
		case key.Matches(msg, k.Open):
			return m.showSkill(sh.cursor)
		case key.Matches(msg, k.Summary):
			return m.showSummary()
		case key.Matches(msg, k.Results):
			m.showResults()
			return nil
		case key.Matches(msg, k.Help):
			m.help.ShowAll = !m.help.ShowAll
		case key.Matches(msg, k.Back):
			m.notice = ""
			if err := m.closeOpen(); err != nil {
				m.notice = err.Error()
			}
			m.screen = mentorList
			m.list.resort(m)
			return nil
		case key.Matches(msg, k.Quit):
			return tea.Quit
		}
	}
	room := sh.room(m)
	if sh.cursor < sh.offset {
		sh.offset = sh.cursor
	}
	if sh.cursor >= sh.offset+room {
		sh.offset = sh.cursor - room + 1
	}
	return cmd
}

func (sh *sheetScreen) view(m *Mentor) string {
	t := m.theme
	o := m.open
	skills := o.r.Skills()
	gaps, rated := 0, 0
	for _, s := range skills {
		if gapOf(o, s) != "" {
			gaps++
		}
		if o.review.Ratings[s.ID].Rated() {
			rated++
		}
	}
	header := []string{
		" " + t.Title.Render("Review") + "  " + t.Dim.Render(termtext.Cut(fmt.Sprintf("%s · %s given · %d gaps of 2+ (g)", clean(o.a.Candidate.Name), termtext.Plural(rated, "level", "levels"), gaps), m.width-10)),
		" " + t.Header.Render(termtext.Cut(clean(skills[sh.cursor].Category.Title), m.width-2)),
	}
	labelW := 13
	gapW := 0
	if m.width >= 100 {
		gapW = 26
	}
	titleW := max(m.width-2*labelW-gapW-12, 10)
	header = append(header, " "+t.Dim.Render(termtext.Cut(fmt.Sprintf("  %s %s %s %s", termtext.Pad("skill", titleW), termtext.Pad("candidate", labelW), termtext.Pad("you", labelW), "n e c: note, evidence, your comment"), m.width-2)))
	var body []string
	room := sh.room(m)
	for i := sh.offset; i < len(skills) && len(body) < room; i++ {
		s := skills[i]
		cand, mine := notAnswered, "·"
		ans := o.a.Answers[s.ID]
		if ans.Answered() {
			cand = clean(s.Scale.Label(ans.Level))
		}
		rt := o.review.Ratings[s.ID]
		if rt.Rated() {
			mine = clean(s.Scale.Label(rt.Level))
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
		gap := gapOf(o, s)
		gapMark := " "
		switch {
		case strings.Contains(gap, "higher"):
			gapMark = "▲"
		case gap != "":
			gapMark = "▼"
		}
		row := fmt.Sprintf("%s %s %s %s", termtext.Exact(clean(s.Title), titleW), termtext.Exact(cand, labelW), termtext.Exact(mine, labelW), fmt.Sprintf("%c %c %c", marks[0], marks[1], marks[2]))
		if gapW > 0 && gap != "" {
			row += " " + gap
		}
		cursor := "  "
		if i == sh.cursor {
			cursor = t.Cursor.Render("›") + " "
			row = t.Selected.Render(row)
		}
		body = append(body, cursor+t.Warning.Render(gapMark)+row)
	}
	return layout(m.width, m.height, header, body, m.status(), m.help.View(m.keys.sheet()))
}

// skillScreen shows one skill: question, the scale with both levels
// marked, the candidate's note and evidence, and the mentor's comment.
type skillScreen struct {
	index   int
	comment textarea.Model
}

func (m *Mentor) showSkill(i int) tea.Cmd {
	s := m.open.r.Skills()[i]
	sk := skillScreen{index: i, comment: textarea.New()}
	calmArea(&sk.comment)
	sk.comment.ShowLineNumbers = false
	sk.comment.Placeholder = "Your comment for the candidate on this skill"
	sk.comment.CharLimit = assessments.MaxNote
	sk.comment.SetWidth(max(m.width-4, 20))
	sk.comment.SetHeight(3)
	if rt := m.open.review.Ratings[s.ID]; rt != nil {
		sk.comment.SetValue(rt.Comment)
	}
	m.skill = sk
	m.screen = mentorSkill
	return m.skill.comment.Focus()
}

// changed reports whether the comment typed differs from the saved one.
func (sk *skillScreen) changed(m *Mentor) bool {
	saved := ""
	if rt := m.open.review.Ratings[m.open.r.Skills()[sk.index].ID]; rt != nil {
		saved = rt.Comment
	}
	return cleanNote(sk.comment.Value()) != saved
}

// keep saves the comment as typed and goes back to the sheet.
func (sk *skillScreen) keep(m *Mentor) tea.Cmd {
	o := m.open
	s := o.r.Skills()[sk.index]
	comment := cleanNote(sk.comment.Value())
	rt := o.review.Ratings[s.ID]
	if rt == nil {
		rt = &assessments.Rating{Level: rubric.Unanswered}
		o.review.Ratings[s.ID] = rt
	}
	rt.Comment = comment
	if !rt.Rated() && rt.Comment == "" {
		delete(o.review.Ratings, s.ID)
	}
	m.screen = mentorSheet
	return m.change()
}

func (sk *skillScreen) update(m *Mentor, msg tea.Msg) tea.Cmd {
	switch m.leave.update(msg, m.keys.Cancel, func() bool { return sk.changed(m) }) {
	case leaveHandled:
		return nil
	case leaveKeep:
		return sk.keep(m)
	case leaveDiscard:
		m.screen = mentorSheet
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Save) {
		return sk.keep(m)
	}
	var cmd tea.Cmd
	sk.comment, cmd = sk.comment.Update(typed(msg))
	return cmd
}

func (sk *skillScreen) view(m *Mentor) string {
	t := m.theme
	o := m.open
	s := o.r.Skills()[sk.index]
	w := m.width - 2
	header := []string{" " + t.Header.Render(termtext.Cut(fmt.Sprintf("%s · %s", clean(s.Category.Title), clean(s.Title)), w)), ""}
	var body []string
	for _, l := range wrapLines(clean(s.Question), w) {
		body = append(body, " "+t.Question.Render(l))
	}
	body = append(body, "")
	cand, mine := -1, -1
	ans := o.a.Answers[s.ID]
	if ans.Answered() {
		cand = ans.Level
	}
	if rt := o.review.Ratings[s.ID]; rt.Rated() {
		mine = rt.Level
	}
	for lvl, lv := range s.Scale.Levels {
		mark := "     "
		switch {
		case lvl == cand && lvl == mine:
			mark = "C M  "
		case lvl == cand:
			mark = "C    "
		case lvl == mine:
			mark = "  M  "
		}
		line := fmt.Sprintf("%d %s", lvl, clean(lv.Label))
		if d := safetext.OneLine(clean(s.Descriptor(lvl))); d != "" {
			line += " — " + d
		}
		line = termtext.Cut(line, w-6)
		if lvl == cand || lvl == mine {
			line = t.Selected.Render(line)
		}
		body = append(body, " "+t.Marker.Render(mark)+line)
	}
	body = append(body, " "+t.Dim.Render("C: the candidate's level · M: yours"), "")
	if ans != nil && ans.Note != "" {
		for i, l := range wrapLines("Note: "+safetext.OneLine(clean(ans.Note)), w) {
			if i < 3 {
				body = append(body, " "+l)
			}
		}
	}
	if ans != nil {
		for _, e := range ans.Evidence {
			body = append(body, " "+t.Dim.Render(termtext.Cut("Evidence: "+clean(e), w)))
		}
	}
	body = append(body, "", " "+t.Label.Render("Your comment"))
	for _, l := range strings.Split(sk.comment.View(), "\n") {
		body = append(body, "  "+l)
	}
	// The question about leaving goes where the eye is: above the
	// question and levels when the screen is short.
	if q := m.leaveLines(); q != nil {
		body = append(q, body...)
	}
	return layout(m.width, m.height, header, body, m.status(), m.help.View(m.editorKeys()))
}

func (m *Mentor) showSummary() tea.Cmd {
	m.summary = textarea.New()
	calmArea(&m.summary)
	m.summary.ShowLineNumbers = false
	m.summary.Placeholder = "What the candidate does well, and what to practise before applying"
	m.summary.CharLimit = assessments.MaxNote
	m.summary.SetWidth(max(m.width-4, 20))
	m.summary.SetHeight(max(min(m.height-8, 10), 3))
	m.summary.SetValue(m.open.review.Summary)
	m.screen = mentorSummary
	return m.summary.Focus()
}

// summaryChanged reports whether the summary typed differs from the saved one.
func (m *Mentor) summaryChanged() bool {
	return cleanNote(m.summary.Value()) != m.open.review.Summary
}

// keepSummary saves the summary as typed and goes back to the sheet.
func (m *Mentor) keepSummary() tea.Cmd {
	m.open.review.Summary = cleanNote(m.summary.Value())
	m.screen = mentorSheet
	return m.change()
}

func (m *Mentor) updateSummary(msg tea.Msg) tea.Cmd {
	switch m.leave.update(msg, m.keys.Cancel, m.summaryChanged) {
	case leaveHandled:
		return nil
	case leaveKeep:
		return m.keepSummary()
	case leaveDiscard:
		m.screen = mentorSheet
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Save) {
		return m.keepSummary()
	}
	var cmd tea.Cmd
	m.summary, cmd = m.summary.Update(typed(msg))
	return cmd
}

// resultsLines is both views side by side, laid out for the width.
type resultsLines struct {
	lines  []string
	offset int
}

func (m *Mentor) showResults() {
	o := m.open
	var buf bytes.Buffer
	if o.added {
		r, err := o.a.WithPostings(o.r)
		var both *scorecard.Both
		if err == nil {
			both, err = scorecard.NewBoth(o.a, r, nil, o.review.Reviewer.Name)
		}
		if err == nil {
			err = both.Text(&buf, m.width-2)
		}
		if err != nil {
			buf.Reset()
			buf.WriteString(err.Error())
		}
	} else {
		buf.WriteString("You have not rated anything yet: the mentor view equals the candidate's.\n")
	}
	m.results = resultsLines{lines: strings.Split(strings.TrimRight(buf.String(), "\n"), "\n"), offset: m.results.offset}
	for i, l := range m.results.lines {
		m.results.lines[i] = " " + l
	}
	m.screen = mentorResults
}

func (rl *resultsLines) update(m *Mentor, msg tea.Msg) tea.Cmd {
	room := max(m.height-2, 1)
	maxOff := max(len(rl.lines)-room, 0)
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			rl.offset = max(rl.offset-1, 0)
		} else if msg.Button == tea.MouseWheelDown {
			rl.offset = min(rl.offset+1, maxOff)
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			rl.offset = max(rl.offset-1, 0)
		case key.Matches(msg, m.keys.Down):
			rl.offset = min(rl.offset+1, maxOff)
		case key.Matches(msg, m.keys.Back):
			m.screen = mentorSheet
		case key.Matches(msg, m.keys.Quit):
			return tea.Quit
		}
	}
	return nil
}

func (rl *resultsLines) view(m *Mentor) string {
	end := min(rl.offset+max(m.height-2, 1), len(rl.lines))
	return layout(m.width, m.height, nil, rl.lines[min(rl.offset, end):end], m.status(), m.help.View(m.keys.results()))
}
