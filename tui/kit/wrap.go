package kit

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
)

// wrapCache keeps each skill's text wrapped to the width, so that drawing
// never wraps: a skill is laid out the first time it is shown at a width,
// and the cache is emptied when the width changes.
type wrapCache struct {
	width   int
	layouts map[int]*SkillLayout
}

// SkillLayout is a question screen's text, cleaned, wrapped and styled
// once, so that drawing only puts lines together.
type SkillLayout struct {
	// Header is the position line's left part: "Category · skill 3 of 38".
	Header string
	Title  string
	// Question and help are the wrapped lines, plain and styled.
	Question, QuestionStyled []string
	Help, HelpStyled         []string
	Levels                   []LevelLayout
	// heights[i] is how many lines level i takes; total their sum.
	Heights []int
	Total   int
}

// LevelLayout is one level of a scale as the question screen shows it:
// its number, label and descriptor (beside the label, or under it when the
// screen is narrow), styled as a level under the cursor and as any other.
// The cursor and radio marks go before the first line.
type LevelLayout struct {
	Plain, Selected []string
}

// Widths of the level list: " › ● " before the level's number.
const (
	levelIndent = 1 + 2 + 2 // margin, cursor, radio
	labelGap    = 2
	minDescW    = 36
)

// Layout returns skill i's text laid out for the screen's width.
func (s *Session) Layout(i int) *SkillLayout {
	c := &s.wraps
	if c.width != s.Width || c.layouts == nil {
		c.width = s.Width
		c.layouts = map[int]*SkillLayout{}
	}
	if l, ok := c.layouts[i]; ok {
		return l
	}
	l := layoutSkill(s, s.Rubric.Skills()[i])
	c.layouts[i] = l
	return l
}

// Measure is the widest a skill's text runs, its margins included: on a
// 200-column terminal, lines of 180 characters are hard to read, so the
// question, help and levels wrap as on a terminal this wide.
const Measure = 102

func layoutSkill(s *Session, sk *rubric.Skill) *SkillLayout {
	t, width := s.Theme, min(s.Width, Measure)
	text := max(width-2, 10) // a margin each side
	l := &SkillLayout{
		Header:   t.Header.Render(fmt.Sprintf("%s · skill %d of %d", CleanLine(sk.Category.Title), sk.Index+1, len(s.Rubric.Skills()))),
		Title:    " " + t.SkillTitle.Render(termtext.Cut(CleanLine(sk.Title), text)),
		Question: WrapLines(CleanLine(sk.Question), text),
		Help:     WrapLines(cleanText(sk.Help), text),
	}
	for _, line := range l.Question {
		l.QuestionStyled = append(l.QuestionStyled, " "+t.Question.Render(line))
	}
	for _, line := range l.Help {
		l.HelpStyled = append(l.HelpStyled, " "+t.Dim.Render(line))
	}

	numWidth := len(fmt.Sprint(sk.Scale.Top()))
	labelWidth := 0
	for _, lv := range sk.Scale.Levels {
		labelWidth = max(labelWidth, ansi.StringWidth(CleanLine(lv.Label)))
	}
	before := levelIndent + numWidth + 1
	descW := width - 1 - before - labelWidth - labelGap
	stacked := descW < minDescW
	indent := strings.Repeat(" ", before+labelWidth+labelGap)
	if stacked {
		// Too narrow for two columns: each descriptor goes under its label.
		descW = width - 1 - before - 2
		indent = strings.Repeat(" ", before+2)
	}
	for lvl, lv := range sk.Scale.Levels {
		label := CleanLine(lv.Label)
		if !stacked {
			label = termtext.Pad(label, labelWidth)
		}
		desc := WrapLines(CleanLine(sk.Descriptor(lvl)), max(descW, 10))
		var ll LevelLayout
		// Under the cursor, the number and the label take the accent; the
		// descriptor stays as it is, so that a move repaints little.
		for sel, st := range [2]struct{ num, label, desc lipgloss.Style }{
			{t.Dim, t.Label, t.Text},
			{t.Selected, t.SelectedLabel, t.Text},
		} {
			head := st.num.Render(fmt.Sprintf("%*d", numWidth, lvl)) + " " + st.label.Render(label)
			rest := desc
			var lines []string
			if !stacked && len(desc) > 0 {
				head += strings.Repeat(" ", labelGap) + st.desc.Render(desc[0])
				rest = desc[1:]
			}
			lines = append(lines, head)
			for _, d := range rest {
				lines = append(lines, indent+st.desc.Render(d))
			}
			if sel == 0 {
				ll.Plain = lines
			} else {
				ll.Selected = lines
			}
		}
		l.Levels = append(l.Levels, ll)
		l.Heights = append(l.Heights, len(ll.Plain))
		l.Total += len(ll.Plain)
	}
	return l
}

// WrapLines wraps text to width and splits it into lines; nil for "".
func WrapLines(s string, width int) []string {
	if s == "" {
		return nil
	}
	return strings.Split(ansi.Wrap(s, max(width, 10), ""), "\n")
}
