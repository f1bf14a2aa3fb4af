package assess

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/tui/kit"
)

// postingScreen takes the text of a job posting, pasted (bracketed paste
// brings thousands of characters at once) or typed, and asks the parent
// to draft the company it describes and score the candidate against it.
type postingScreen struct {
	s     *session
	keys  fieldKeys
	area  textarea.Model
	leave kit.Leaving
	// err says why the last text could not be drafted.
	err string
}

func newPostingScreen(s *session) *postingScreen {
	ps := &postingScreen{s: s, area: textarea.New()}
	ps.keys = newFieldKeys(s.Keys, s.Keys.Submit)
	ps.keys.Save = kit.With(ps.keys.Save, "ctrl+s", "read it")
	ps.keys.Cancel = kit.LeaveHelp()
	ps.leave = kit.NewLeaving()
	s.Theme.AreaStyles(&ps.area)
	ps.area.ShowLineNumbers = false
	ps.area.Prompt = "│ "
	ps.area.Placeholder = "Paste the job posting here: the whole text, headings included."
	// The posting's text has the limit an assessment keeps
	// (assessments.MaxPostingText, in bytes): the paste check below keeps
	// to it, and the field itself has room for more, so that no paste is
	// ever cut silently; a text typed past it is refused when read.
	ps.area.CharLimit = assessments.MaxPostingText + 1
	ps.area.MaxHeight = 0
	ps.Resize()
	return ps
}

func (ps *postingScreen) focus() tea.Cmd { return ps.area.Focus() }

// postingTop are the title, a blank, two lines of explanation and a blank.
const postingTop = 5

func (ps *postingScreen) Resize() {
	s := ps.s
	ps.area.SetWidth(max(s.Width-4, 20))
	extra := 2 // the count line and a blank
	if ps.err != "" {
		extra += 4
	}
	if ps.leave.Asking() {
		extra += 4
	}
	ps.area.SetHeight(max(s.Room(postingTop, ps.help())-extra, 3))
}

func (ps *postingScreen) help() kit.HelpKeys {
	if ps.leave.Asking() {
		return ps.leave.Help()
	}
	short := []key.Binding{ps.keys.Save, ps.keys.Cancel, ps.keys.Interrupt}
	return kit.HelpKeys{Short: short, Full: [][]key.Binding{short}}
}

// postingMsg asks the parent to draft a company from a posting's text.
type postingMsg struct{ text string }

func (ps *postingScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	changed := func() bool { return strings.TrimSpace(ps.area.Value()) != "" }
	switch ps.leave.Update(msg, ps.keys.Cancel, changed) {
	case kit.LeaveHandled:
		ps.Resize()
		return nil, nil
	case kit.LeaveKeep:
		return ps.read()
	case kit.LeaveDiscard:
		return cancelMsg{}, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, ps.keys.Save) {
		return ps.read()
	}
	// A paste that would not fit is refused whole, with the reason: the
	// field's limit would otherwise drop its tail without a word.
	if p, ok := msg.(tea.PasteMsg); ok {
		if len(ps.area.Value())+len(p.Content) > assessments.MaxPostingText {
			ps.err = fmt.Sprintf("That paste is %s; with what is here, it would pass the %s an assessment keeps of a posting, and its end would be lost. Paste only the posting's text (the job's description and requirements).", kb(len(p.Content)), kb(assessments.MaxPostingText))
			ps.Resize()
			return nil, nil
		}
	}
	var cmd tea.Cmd
	ps.area, cmd = ps.area.Update(kit.Typed(msg))
	return nil, cmd
}

// read hands the text to the parent, or says why there is nothing to read.
func (ps *postingScreen) read() (tea.Msg, tea.Cmd) {
	text := ps.area.Value()
	if _, err := posting.Check([]byte(text)); err != nil {
		ps.fail(err)
		return nil, nil
	}
	ps.err = ""
	return postingMsg{text: text}, nil
}

// fail shows why the text could not be drafted; the text stays to edit.
func (ps *postingScreen) fail(err error) {
	ps.err = kit.CleanLine(err.Error())
	ps.Resize()
}

func (ps *postingScreen) View() string {
	s, t := ps.s, ps.s.Theme
	top := []string{
		s.TitleLine(t.Header.Render("Job posting · how ready am I for it?")),
		"",
		" " + t.Text.Render(termtext.Cut("Paste a posting's text. readycheck drafts the company it describes from", s.Width-2)),
		" " + t.Text.Render(termtext.Cut("its words and scores your answers against it, sentence by sentence.", s.Width-2)),
		"",
	}
	var body []string
	for _, l := range strings.Split(ps.area.View(), "\n") {
		body = append(body, " "+l)
	}
	body = append(body, " "+t.Dim.Render(termtext.Cut(fmt.Sprintf("%s of at most %s · %s", kb(len(ps.area.Value())), kb(assessments.MaxPostingText), termtext.Plural(ps.area.LineCount(), "line", "lines")), s.Width-2)))
	if ps.err != "" {
		body = append(body, "")
		body = append(body, strings.Split(kit.WrapBlock(kit.MarkError+" "+ps.err, s.Width-2, 3, t.Error), "\n")...)
	}
	if ps.leave.Asking() {
		body = append(body, "")
		body = append(body, strings.Split(kit.WrapBlock(kit.MarkNotice+" Keep this posting? y or enter reads it, n discards it, esc goes back to editing.", s.Width-2, 3, t.Warning), "\n")...)
	}
	return s.Frame(top, body, ps.help())
}

// kb writes a size in whole kilobytes, rounded up: 12 KB.
func kb(n int) string { return termtext.Thousands((n+1023)/1024) + " KB" }
