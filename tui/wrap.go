package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// wrapCache keeps text wrapped to a width, so that View never wraps: a
// screen asks for a skill's layout, built once per skill and width.
type wrapCache struct {
	width   int
	layouts map[int]*skillLayout
}

func newWrapCache() *wrapCache { return &wrapCache{layouts: map[int]*skillLayout{}} }

// skillLayout is a question screen's text, wrapped.
type skillLayout struct {
	question []string
	help     []string
	// levels holds each level's lines: the first carries the label.
	levels [][]string
}

// wrapLines wraps text to width and splits it into lines.
func wrapLines(s string, width int) []string {
	if s == "" {
		return nil
	}
	if width < 10 {
		width = 10
	}
	return strings.Split(lipgloss.Wrap(s, width, ""), "\n")
}

// layout returns the wrapped text of skill index i for width.
func (m *Model) layout(i, width int) *skillLayout {
	c := m.wraps
	if c.width != width {
		c.width = width
		c.layouts = map[int]*skillLayout{}
	}
	if l, ok := c.layouts[i]; ok {
		return l
	}
	s := m.r.Skills()[i]
	l := &skillLayout{
		question: wrapLines(clean(s.Question), width),
		help:     wrapLines(clean(strings.Join(strings.Fields(s.Help), " ")), width),
	}
	labelW := 0
	for _, lv := range s.Scale.Levels {
		labelW = max(labelW, lipgloss.Width(clean(lv.Label)))
	}
	// "› 3 Capable    descriptor…": cursor (2), number (2), label, gap (2).
	indent := 4 + labelW + 2
	descW := width - indent
	for lvl, lv := range s.Scale.Levels {
		label := clean(lv.Label)
		head := pad(label, labelW)
		desc := clean(s.Descriptor(lvl))
		var lines []string
		if descW < 20 {
			// Too narrow for two columns: the descriptor goes under the label.
			lines = append(lines, head)
			for _, d := range wrapLines(desc, width-4) {
				lines = append(lines, "    "+d)
			}
		} else {
			ds := wrapLines(desc, descW)
			if len(ds) == 0 {
				ds = []string{""}
			}
			lines = append(lines, head+"  "+ds[0])
			for _, d := range ds[1:] {
				lines = append(lines, strings.Repeat(" ", labelW+2)+d)
			}
		}
		l.levels = append(l.levels, lines)
	}
	c.layouts[i] = l
	return l
}

func pad(s string, n int) string {
	if w := lipgloss.Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}
