package assess

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
	"github.com/readycheck/readycheck/tui/kit"
)

// resultsScreen shows the readiness for each target company: a bar, the
// percentage, a verdict with a word and a marker, the requirements not met
// yet, and the next steps. It scores through scorecard, as `readycheck
// score` does the saved file, so the figures are the same.
type resultsScreen struct {
	s      *session
	keys   listKeys
	card   *scorecard.Card
	lines  []string
	offset int
}

func newResultsScreen(s *session) *resultsScreen {
	rs := &resultsScreen{s: s, keys: newListKeys(s.Keys, s.Keys.Export, s.Keys.Review, s.Keys.Posting)}
	rs.keys.Move.SetHelp("↑↓", "scroll")
	rs.keys.Back.SetEnabled(false)
	rs.keys.Jump.SetEnabled(false)
	rs.Resize()
	return rs
}

// Resize scores the assessment and lays the report out for the width.
func (rs *resultsScreen) Resize() {
	s, t := rs.s, rs.s.Theme
	// Scored against the rubric and the postings the candidate added.
	r, err := s.a.WithPostings(s.Rubric)
	var card *scorecard.Card
	if err == nil {
		card, err = scorecard.New(s.a, r, nil)
	}
	if err != nil {
		rs.card = nil
		rs.lines = []string{" " + t.Error.Render(termtext.Cut(kit.MarkError+" "+kit.CleanLine(err.Error()), s.Width-2))}
		return
	}
	rs.card = card
	w := s.Width - 2
	var out []string
	// add wraps text under indent, its later lines hanging by hang cells.
	add := func(style lipgloss.Style, indent string, hang int, text string) {
		for i, l := range kit.WrapLines(text, w-len(indent)-hang) {
			if i > 0 {
				l = strings.Repeat(" ", hang) + l
			}
			out = append(out, " "+indent+style.Render(l))
		}
	}

	// Skills not answered first: they count as 0 in every figure below.
	if n := card.UnansweredCount(); n > 0 {
		add(t.Warning, "", 2, fmt.Sprintf("%s %s not answered, counted as 0 below: press r to review your answers and answer %s.",
			kit.MarkNotice, termtext.Plural(n, "skill", "skills"), map[bool]string{true: "it", false: "them"}[n == 1]))
		out = append(out, "")
	}

	// One line per company: name, bar, percentage, verdict.
	nameW := 0
	for _, cr := range card.Result.Companies {
		nameW = max(nameW, ansi.StringWidth(kit.CleanLine(cr.Company.Name)))
	}
	const verdictW = 11 // "✗ NOT YET" and a margin
	// A company drafted from a posting says so on its row too.
	const postingMark = "  posting"
	markW := 0
	for _, cr := range card.Result.Companies {
		if cr.Company.Source == rubric.SourcePosting {
			markW = len(postingMark)
		}
	}
	nameW = min(nameW, max(w/3, 12))
	barW := min(max(w-nameW-2-8-verdictW-markW, 6), 30)
	for _, cr := range card.Result.Companies {
		verdict := scorecard.VerdictMarker(cr.Verdict) + " " + strings.ToUpper(scorecard.VerdictWord(cr.Verdict))
		row := fmt.Sprintf(" %s  %s %5.1f%%  %s",
			t.Heading.Render(termtext.Exact(kit.CleanLine(cr.Company.Name), nameW)),
			t.Verdict[cr.Verdict].Render(scorecard.Bar(cr.Readiness, barW)), cr.Readiness, t.Verdict[cr.Verdict].Render(termtext.Exact(verdict, verdictW-2)))
		if cr.Company.Source == rubric.SourcePosting {
			row += t.Dim.Render(postingMark)
		}
		out = append(out, row)
	}

	if steps := card.Result.NextSteps; len(steps) > 0 {
		out = append(out, "", " "+t.Title.Render("Next steps"))
		for i, st := range steps {
			add(t.Text, "", 3, fmt.Sprintf("%d. %s", i+1, scorecard.NextStepSentence(st)))
		}
	}

	for _, cr := range card.Result.Companies {
		out = append(out, "")
		add(t.Heading, "", 2, kit.CleanLine(scorecard.CompanyTitle(cr.Company)))
		// A company drafted from a posting lists every requirement with
		// the sentence it came from, met or not: the draft is checked by
		// reading it. The rubric's own list what is not met yet.
		drafted := cr.Company.Source == rubric.SourcePosting
		unmet := 0
		for _, rr := range cr.Requirements {
			req := rr.Requirement
			if rr.Met && !drafted {
				continue
			}
			scale := req.Skills[0].Scale
			mark, style := "~", t.Text
			switch {
			case rr.Met:
				mark, style = kit.MarkSaved, t.Dim
			case rr.Level == 0:
				mark = kit.MarkError
			}
			line := fmt.Sprintf("%s %s: %s, needs %s", mark, kit.CleanLine(req.Title), kit.CleanLine(scorecard.ReachedName(rr)), kit.LevelName(scale, req.Min))
			if req.Must {
				line += " (must)"
			}
			if !rr.Met {
				unmet++
				if req.Must {
					style = t.Verdict[rubric.Blocked]
				}
			}
			add(style, "  ", 2, line)
			if drafted && req.Sentence != "" {
				add(t.Dim, "    ", 1, "“"+kit.CleanLine(req.Sentence)+"”")
			}
		}
		if unmet == 0 {
			out = append(out, "   "+t.Verdict[rubric.Ready].Render(kit.MarkSaved+" Every requirement met."))
		}
	}
	if len(s.a.Postings) == 0 {
		out = append(out, "")
		add(t.Dim, "", 0, "Aiming at a job posting? Press p and paste its text: readiness for it appears here, sentence by sentence.")
	}
	rs.lines = out
	rs.offset = min(rs.offset, rs.maxOffset())
}

// top lines of the results: the title, the rubric and a blank line.
const resultsTop = 3

func (rs *resultsScreen) room() int { return rs.s.Room(resultsTop, rs.keys.help()) }

func (rs *resultsScreen) maxOffset() int { return max(len(rs.lines)-rs.room(), 0) }

func (rs *resultsScreen) Update(msg tea.Msg) (tea.Msg, tea.Cmd) {
	if c, ok := kit.MoveLine(msg, rs.keys.Up, rs.keys.Down, rs.offset, rs.maxOffset()); ok {
		rs.offset = c
		return nil, nil
	}
	if c, ok := kit.MovePage(msg, rs.keys.PageUp, rs.keys.PageDown, rs.keys.Home, rs.keys.End, rs.offset, rs.maxOffset(), rs.room()); ok {
		rs.offset = c
		return nil, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := rs.keys
		switch {
		case key.Matches(msg, k.Primary):
			return exportMsg{}, nil
		case key.Matches(msg, rs.s.Keys.Review):
			return showReviewMsg{}, nil
		case key.Matches(msg, rs.s.Keys.Posting):
			return openPostingMsg{}, nil
		case key.Matches(msg, k.Help):
			rs.s.Help.ShowAll = !rs.s.Help.ShowAll
			rs.offset = min(rs.offset, rs.maxOffset())
		case key.Matches(msg, k.Quit):
			return nil, tea.Quit
		}
	}
	return nil, nil
}

func (rs *resultsScreen) View() string {
	s, t := rs.s, rs.s.Theme
	end := min(rs.offset+rs.room(), len(rs.lines))
	sub := fmt.Sprintf("%s · %d of %d answered", kit.CleanLine(s.Rubric.Title), s.answered, len(s.Rubric.Skills()))
	if rs.offset > 0 || end < len(rs.lines) {
		// Say where in the report the screen is.
		pos := fmt.Sprintf("  lines %d–%d of %d", rs.offset+1, end, len(rs.lines))
		sub = termtext.Cut(sub, s.Width-2-len([]rune(pos))) + pos
	}
	top := []string{
		s.TitleLine(t.Title.Render("Your readiness") + t.Dim.Render(" · "+kit.CleanLine(s.a.Candidate.Name))),
		" " + t.Dim.Render(termtext.Cut(sub, s.Width-2)),
		"",
	}
	return s.Frame(top, rs.lines[rs.offset:end], rs.keys.help())
}
