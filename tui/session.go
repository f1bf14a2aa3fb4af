package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
)

// screen is one step of a program. update returns, besides a command for
// the runtime, an intent for the parent: a message such as "this answer is
// confirmed" when the person moves on. The parent handles it in the same
// Update (Session.dispatch), so that keys typed ahead always land on the
// screen they were meant for.
type screen interface {
	update(msg tea.Msg) (intent tea.Msg, cmd tea.Cmd)
	view() string
	// resize lays the screen out again after the terminal's size changed.
	resize()
}

// Session is what every screen of either program reads: the rubric on
// display, the look, the keys, the terminal's size, and the state of the
// file open (its saving, a notice). Only a program's parent model changes
// it.
type Session struct {
	r     *rubric.Rubric
	theme *Theme
	keys  *keyMap
	help  help.Model
	now   func() time.Time

	width, height int
	// titles are the skills' titles, cleaned once.
	titles []string
	// marks are the markers, drawn once.
	marks marks
	wraps wrapCache

	// save is the open file's autosave, nil before one is open: the
	// status line says when a write failed, the title line when one is
	// on its way.
	save *autosave
	// notice is the status line's warning; done says, more quietly, that
	// something went well (the report written).
	notice, done string
	// statusMemo keeps the status lines drawn for what they say.
	statusMemo struct {
		key   statusKey
		lines string
	}
}

// statusKey is what the status lines depend on.
type statusKey struct {
	err          error
	notice, done string
	width        int
}

// newBareSession is a session without a rubric yet: the look, the keys,
// the help and the size, which every program shares.
func newBareSession(color bool, now func() time.Time) *Session {
	theme := NewTheme(color)
	s := &Session{
		theme: &theme,
		keys:  newKeyMap(),
		help:  help.New(),
		now:   now,
		width: 80, height: 24,
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.help.Styles = s.theme.HelpStyles
	s.help.SetWidth(s.width - 1)
	s.marks = newMarks(s.theme)
	return s
}

// setRubric makes r the rubric the screens show: its titles cleaned once,
// its skills laid out anew.
func (s *Session) setRubric(r *rubric.Rubric) {
	s.r = r
	s.wraps = wrapCache{}
	s.titles = make([]string, len(r.Skills()))
	for i, sk := range r.Skills() {
		s.titles[i] = cleanLine(sk.Title)
	}
}

// moreLine is a scroll marker of a list: "↑ 3 more assessments" above the
// rows shown, "↓ …" below, indented like the rows.
func (s *Session) moreLine(arrow string, n int, one, many string) string {
	return " " + s.theme.Dim.Render(fmt.Sprintf("  %s %s", arrow, termtext.PluralGrouped(n, "more "+one, "more "+many)))
}

// frame lays a screen out with layout, over the status line and the help
// of keys.
func (s *Session) frame(top, body []string, keys help.KeyMap) string {
	return s.frameWith(top, body, s.helpView(keys))
}

// frameWith lays a screen out over the status line and a help already
// drawn (helpView).
func (s *Session) frameWith(top, body []string, help string) string {
	return layout(s.width, s.height, top, body, s.status(), help)
}

// helpView draws the help of keys, short or full, a space from the edge.
func (s *Session) helpView(keys help.KeyMap) string {
	return " " + strings.ReplaceAll(s.help.View(keys), "\n", "\n ")
}

// layout lays a screen out: its top lines, then its body cut to the room
// left, then the status line (when there is one) and the help at the
// bottom. Every line is cut to the width, so that nothing wraps and
// garbles the screen.
func layout(width, height int, top, body []string, status, help string) string {
	foot := strings.Split(help, "\n")
	if status != "" {
		foot = append(strings.Split(status, "\n"), foot...)
	}
	room := max(height-len(top)-len(foot), 0)
	if len(body) > room {
		body = body[:room]
	}
	var b strings.Builder
	b.Grow(width * height)
	lines := 0
	put := func(l string) {
		if lines > 0 {
			b.WriteByte('\n')
		}
		// A line of no more bytes than cells fits; only longer ones
		// (styled, or wide text) are measured.
		if len(l) > width && ansi.StringWidth(l) > width {
			l = ansi.Truncate(l, width, "…")
		}
		b.WriteString(l)
		lines++
	}
	for _, l := range top {
		put(l)
	}
	for _, l := range body {
		put(l)
	}
	for lines < height-len(foot) {
		put("")
	}
	for _, l := range foot {
		put(l)
	}
	return b.String()
}

// room is how many body lines a screen with top lines of its own has,
// above the status line and the help of keys.
func (s *Session) room(top int, keys help.KeyMap) int {
	help := ""
	if s.help.ShowAll {
		help = s.help.View(keys)
	}
	return s.roomWith(top, help)
}

// roomWith is room with the help already drawn.
func (s *Session) roomWith(top int, help string) int {
	foot := 1 + strings.Count(help, "\n")
	if st := s.status(); st != "" {
		foot += 1 + strings.Count(st, "\n")
	}
	return max(s.height-top-foot, 1)
}

// status is what the lines above the help say: a failed save, else a
// notice, else a quiet "done", wrapped to at most three lines.
func (s *Session) status() string {
	k := statusKey{notice: s.notice, done: s.done, width: s.width}
	if s.save != nil {
		k.err = s.save.err
	}
	if k == (statusKey{width: s.width}) {
		return ""
	}
	if s.statusMemo.key != k {
		s.statusMemo.key, s.statusMemo.lines = k, s.drawStatus()
	}
	return s.statusMemo.lines
}

func (s *Session) drawStatus() string {
	t := s.theme
	var style lipgloss.Style
	var text string
	lines := 3
	switch {
	case s.save != nil && s.save.err != nil:
		// A failed save is said in full, however many lines it takes.
		style, text = t.Error, markError+" "+notSavedText(s.save.err)
		lines = max(s.height/2, 3)
	case s.notice != "":
		// A warning is said in full too: it says what went wrong.
		style, text = t.Warning, markNotice+" "+s.notice
		lines = max(s.height/2, 3)
	case s.done != "":
		style, text = t.Saved, markSaved+" "+s.done
	default:
		return ""
	}
	return wrapBlock(text, s.width-2, lines, style)
}

// notSavedText says that a save failed, why, and that the answers are safe
// in memory: every program says it in these words.
func notSavedText(err error) string {
	return "Not saved: " + cleanLine(err.Error()) + ". Your answers are kept; the next change tries again, and quitting copies them somewhere safe."
}

// wrapBlock wraps text to width in at most n lines (the last cut with an
// ellipsis), styled, each line after the first hanging by two cells.
func wrapBlock(text string, width, n int, style lipgloss.Style) string {
	lines := wrapLines(text, width-2)
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = termtext.Cut(lines[n-1]+" …", width-2)
	}
	for i, l := range lines {
		if i > 0 {
			l = "  " + l
		}
		lines[i] = " " + style.Render(l)
	}
	return strings.Join(lines, "\n")
}

// titleLine is a screen's first line: its title on the left and, once an
// assessment is open, whether it is saved on the right.
func (s *Session) titleLine(left string) string {
	right := ""
	if s.save != nil {
		switch {
		case s.save.err != nil:
			right = s.marks.notSaved
		case s.save.pending():
			right = s.marks.saving
		default:
			right = s.marks.saved
		}
	}
	w := s.width - 2
	rw := ansi.StringWidth(right)
	lw := ansi.StringWidth(left)
	if lw+rw+2 > w {
		left = ansi.Truncate(left, max(w-rw-2, 1), "…")
		lw = ansi.StringWidth(left)
	}
	return " " + left + strings.Repeat(" ", max(w-lw-rw, 1)) + right
}

// dispatch is the Update of every program: the parent's own messages first
// (handle), else the screen on display (active, read after handle ran),
// whose intent the parent handles in the same Update, so that keys typed
// ahead land on the screen they were meant for; when the status line came
// or went, the screen is laid out again for the line it gained or lost.
func (s *Session) dispatch(msg tea.Msg, handle func(tea.Msg) (tea.Cmd, bool), active func() screen) tea.Cmd {
	status := s.status() != ""
	cmd, ok := handle(msg)
	if !ok {
		if sc := active(); sc != nil {
			var intent tea.Msg
			intent, cmd = sc.update(msg)
			if intent != nil {
				c, _ := handle(intent)
				cmd = tea.Batch(cmd, c)
			}
		}
	}
	if (s.status() != "") != status {
		if sc := active(); sc != nil {
			sc.resize()
		}
	}
	return cmd
}
