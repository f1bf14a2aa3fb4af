package kit

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
)

// Screen is one step of a program, shown and updated by its parent model
// (Session.Dispatch); it never reaches into another screen.
type Screen interface {
	// Update returns, besides a command for the runtime, an intent for
	// the parent: a message such as "this answer is confirmed" when the
	// person moves on. The parent handles it in the same Update, so that
	// keys typed ahead always land on the screen they were meant for.
	Update(msg tea.Msg) (intent tea.Msg, cmd tea.Cmd)
	// View draws the screen.
	View() string
	// Resize lays the screen out again after the terminal's size changed.
	Resize()
}

// Session is what every screen of either program reads: the rubric on
// display, the look, the keys, the terminal's size, and the state of the
// file open (its saving, a notice). Only a program's parent model changes
// it.
type Session struct {
	Rubric *rubric.Rubric
	Theme  *Theme
	Keys   *KeyMap
	Help   help.Model
	Now    func() time.Time

	Width, Height int
	// Titles are the skills' titles, cleaned once.
	Titles []string
	// Marks are the markers, drawn once.
	Marks Marks
	wraps wrapCache

	// Save is the open file's autosave, nil before one is open: the
	// status line says when a write failed, the title line when one is
	// on its way.
	Save *Autosave
	// Notice is the status line's warning; done says, more quietly, that
	// something went well (the report written).
	Notice, Done string
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

// NewSession is a session without a rubric yet: the look, the keys,
// the help and the size, which every program shares.
func NewSession(color bool, now func() time.Time) *Session {
	theme := newTheme(color)
	s := &Session{
		Theme: &theme,
		Keys:  newKeyMap(),
		Help:  help.New(),
		Now:   now,
		Width: 80, Height: 24,
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	s.Help.Styles = s.Theme.HelpStyles
	s.Help.SetWidth(s.Width - 1)
	s.Marks = newMarks(s.Theme)
	return s
}

// SetSize takes the terminal's new size, at least 20 columns and minHeight
// lines, and lays screens out again for it.
func (s *Session) SetSize(msg tea.WindowSizeMsg, minHeight int, screens []Screen) {
	s.Width, s.Height = max(msg.Width, 20), max(msg.Height, minHeight)
	s.Help.SetWidth(s.Width - 1)
	for _, sc := range screens {
		sc.Resize()
	}
}

// GlobalKey is the command of a key that works on every screen: ctrl+c
// interrupts the program, ctrl+z suspends it; nil for any other key.
func (s *Session) GlobalKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.Keys.Interrupt):
		return tea.Interrupt
	case key.Matches(msg, s.Keys.Suspend):
		return tea.Suspend
	}
	return nil
}

// SetRubric makes r the rubric the screens show: its titles cleaned once,
// its skills laid out anew.
func (s *Session) SetRubric(r *rubric.Rubric) {
	s.Rubric = r
	s.wraps = wrapCache{}
	s.Titles = make([]string, len(r.Skills()))
	for i, sk := range r.Skills() {
		s.Titles[i] = CleanLine(sk.Title)
	}
}

// MoreLine is a scroll marker of a list: "↑ 3 more assessments" above the
// rows shown, "↓ …" below, indented like the rows.
func (s *Session) MoreLine(arrow string, n int, one, many string) string {
	return " " + s.Theme.Dim.Render(fmt.Sprintf("  %s %s", arrow, termtext.PluralGrouped(n, "more "+one, "more "+many)))
}

// Frame lays a screen out with layout, over the status line and the help
// of keys.
func (s *Session) Frame(top, body []string, keys help.KeyMap) string {
	return s.FrameWith(top, body, s.HelpView(keys))
}

// FrameWith lays a screen out over the status line and a help already
// drawn (HelpView).
func (s *Session) FrameWith(top, body []string, help string) string {
	return layout(s.Width, s.Height, top, body, s.status(), help)
}

// HelpView draws the help of keys, short or full, a space from the edge.
func (s *Session) HelpView(keys help.KeyMap) string {
	return " " + strings.ReplaceAll(s.Help.View(keys), "\n", "\n ")
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

// Room is how many body lines a screen with top lines of its own has,
// above the status line and the help of keys.
func (s *Session) Room(top int, keys help.KeyMap) int {
	help := ""
	if s.Help.ShowAll {
		help = s.Help.View(keys)
	}
	return s.RoomWith(top, help)
}

// RoomWith is room with the help already drawn.
func (s *Session) RoomWith(top int, help string) int {
	foot := 1 + strings.Count(help, "\n")
	if st := s.status(); st != "" {
		foot += 1 + strings.Count(st, "\n")
	}
	return max(s.Height-top-foot, 1)
}

// status is what the lines above the help say: a failed save, else a
// notice, else a quiet "done", wrapped to at most three lines.
func (s *Session) status() string {
	k := statusKey{notice: s.Notice, done: s.Done, width: s.Width}
	if s.Save != nil {
		k.err = s.Save.err
	}
	if k == (statusKey{width: s.Width}) {
		return ""
	}
	if s.statusMemo.key != k {
		s.statusMemo.key, s.statusMemo.lines = k, s.drawStatus()
	}
	return s.statusMemo.lines
}

func (s *Session) drawStatus() string {
	t := s.Theme
	var style lipgloss.Style
	var text string
	lines := 3
	switch {
	case s.Save != nil && s.Save.err != nil:
		// A failed save is said in full, however many lines it takes.
		style, text = t.Error, MarkError+" "+NotSavedText(s.Save.err)
		lines = max(s.Height/2, 3)
	case s.Notice != "":
		// A warning is said in full too: it says what went wrong.
		style, text = t.Warning, MarkNotice+" "+s.Notice
		lines = max(s.Height/2, 3)
	case s.Done != "":
		style, text = t.Saved, MarkSaved+" "+s.Done
	default:
		return ""
	}
	return WrapBlock(text, s.Width-2, lines, style)
}

// NotSavedText says that a save failed, why, and that the answers are safe
// in memory: every program says it in these words.
func NotSavedText(err error) string {
	return "Not saved: " + CleanLine(err.Error()) + ". Your answers are kept; the next change tries again, and quitting copies them somewhere safe."
}

// WrapBlock wraps text to width in at most n lines (the last cut with an
// ellipsis), styled, each line after the first hanging by two cells.
func WrapBlock(text string, width, n int, style lipgloss.Style) string {
	lines := WrapLines(text, width-2)
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

// TitleLine is a screen's first line: its title on the left and, once an
// assessment is open, whether it is saved on the right.
func (s *Session) TitleLine(left string) string {
	right := ""
	if s.Save != nil {
		switch {
		case s.Save.err != nil:
			right = s.Marks.notSaved
		case s.Save.pending():
			right = s.Marks.saving
		default:
			right = s.Marks.saved
		}
	}
	w := s.Width - 2
	rw := ansi.StringWidth(right)
	lw := ansi.StringWidth(left)
	if lw+rw+2 > w {
		left = ansi.Truncate(left, max(w-rw-2, 1), "…")
		lw = ansi.StringWidth(left)
	}
	return " " + left + strings.Repeat(" ", max(w-lw-rw, 1)) + right
}

// Dispatch is the Update of every program: the parent's own messages first
// (handle), else the screen on display (active, read after handle ran),
// whose intent the parent handles in the same Update, so that keys typed
// ahead land on the screen they were meant for; when the status line came
// or went, the screen is laid out again for the line it gained or lost.
func (s *Session) Dispatch(msg tea.Msg, handle func(tea.Msg) (tea.Cmd, bool), active func() Screen) tea.Cmd {
	status := s.status() != ""
	cmd, ok := handle(msg)
	if !ok {
		if sc := active(); sc != nil {
			var intent tea.Msg
			intent, cmd = sc.Update(msg)
			if intent != nil {
				c, _ := handle(intent)
				cmd = tea.Batch(cmd, c)
			}
		}
	}
	if (s.status() != "") != status {
		if sc := active(); sc != nil {
			sc.Resize()
		}
	}
	return cmd
}
