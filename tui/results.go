package tui

import (
	"bytes"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
)

// resultsScreen shows readiness per target company and the next steps,
// scored exactly as `readycheck score` scores the saved file.
type resultsScreen struct {
	card   *scorecard.Card
	lines  []string
	offset int
	err    error
}

func (m *Model) showResults() {
	m.results = resultsScreen{}
	m.screen = screenResults
	m.results.build(m)
}

// build scores the assessment and lays the screen out for the width.
func (rs *resultsScreen) build(m *Model) {
	card, err := scorecard.New(m.a, m.r, nil)
	if err != nil {
		rs.err = err
		rs.lines = []string{" " + m.theme.Error.Render(err.Error())}
		return
	}
	rs.card = card
	t := m.theme
	w := m.width - 2
	var out []string
	nameW := 0
	for _, cr := range card.Result.Companies {
		nameW = max(nameW, len([]rune(clean(cr.Company.Name))))
	}
	nameW = min(nameW, w/3)
	barW := max(min(w-nameW-22, 30), 8)
	for _, cr := range card.Result.Companies {
		badge := verdictStyle(t, cr.Verdict).Render(scorecard.VerdictMarker(cr.Verdict) + " " + strings.ToUpper(scorecard.VerdictWord(cr.Verdict)))
		out = append(out, fmt.Sprintf(" %s  %s %5.1f%%  %s", t.Label.Render(pad(truncate(clean(cr.Company.Name), nameW), nameW)), scorecard.Bar(cr.Readiness, barW), cr.Readiness, badge))
	}
	if len(card.Result.NextSteps) > 0 {
		out = append(out, "", " "+t.Title.Render("Next steps"))
		for i, st := range card.Result.NextSteps {
			for j, l := range wrapLines(fmt.Sprintf("%d. %s", i+1, scorecard.NextStepSentence(st)), w-3) {
				if j > 0 {
					l = "   " + l
				}
				out = append(out, "  "+l)
			}
		}
	}
	for _, cr := range card.Result.Companies {
		name := clean(cr.Company.Name)
		if cr.Company.Role != "" {
			name += " — " + clean(cr.Company.Role)
		}
		out = append(out, "", " "+t.Label.Render(truncate(name, w)))
		unmet := 0
		for _, rr := range cr.Requirements {
			if rr.Met {
				continue
			}
			unmet++
			req := rr.Requirement
			scale := req.Skills[0].Scale
			must := ""
			if req.Must {
				must = " (must)"
			}
			line := fmt.Sprintf("✗ %s%s: %s, needs %s", clean(req.Title), must, clean(scale.Label(rr.Level)), clean(scale.Label(req.Min)))
			for i, l := range wrapLines(line, w-3) {
				if i > 0 {
					l = "  " + l
				}
				out = append(out, "   "+t.Dim.Render(l))
			}
		}
		if unmet == 0 {
			out = append(out, "   ✓ Every requirement met.")
		}
	}
	if n := len(card.Result.Unanswered); n > 0 {
		out = append(out, "", " "+t.Dim.Render(fmt.Sprintf("%d skills unanswered, counted as 0 (r to review them).", n)))
	}
	rs.lines = out
	rs.offset = min(rs.offset, max(len(out)-1, 0))
}

func verdictStyle(t Theme, v rubric.Verdict) interface{ Render(...string) string } {
	switch v {
	case rubric.Ready:
		return t.Ready
	case rubric.Almost:
		return t.Almost
	case rubric.NotYet:
		return t.NotYet
	}
	return t.Blocked
}

func (rs *resultsScreen) room(m *Model) int {
	extra := 0
	if m.status() != "" {
		extra++
	}
	return max(m.height-4-extra, 1)
}

func (rs *resultsScreen) update(m *Model, msg tea.Msg) tea.Cmd {
	maxOff := max(len(rs.lines)-rs.room(m), 0)
	switch msg := msg.(type) {
	case exportedMsg:
		if msg.err != nil {
			m.notice = "Export failed: " + msg.err.Error()
		} else {
			m.notice = "Exported the report to " + msg.path
		}
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			rs.offset = max(rs.offset-1, 0)
		} else if msg.Button == tea.MouseWheelDown {
			rs.offset = min(rs.offset+1, maxOff)
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Up):
			rs.offset = max(rs.offset-1, 0)
		case key.Matches(msg, m.keys.Down):
			rs.offset = min(rs.offset+1, maxOff)
		case key.Matches(msg, m.keys.Export):
			return rs.export(m)
		case key.Matches(msg, m.keys.Review):
			m.showReview(0)
		case key.Matches(msg, m.keys.Quit):
			return tea.Quit
		}
	}
	return nil
}

// export writes the Markdown report beside the saved file.
func (rs *resultsScreen) export(m *Model) tea.Cmd {
	if rs.card == nil || m.SavedPath() == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := rs.card.Markdown(&buf); err != nil {
		return func() tea.Msg { return exportedMsg{err: err} }
	}
	path := strings.TrimSuffix(m.SavedPath(), ".yaml") + ".md"
	data := buf.Bytes()
	return func() tea.Msg { return exportedMsg{path: path, err: assessments.WriteFile(path, data)} }
}

func (rs *resultsScreen) view(m *Model) string {
	t := m.theme
	header := []string{" " + t.Title.Render("Your readiness") + "  " + t.Dim.Render(truncate(clean(m.a.Candidate.Name), m.width-20)), ""}
	end := min(rs.offset+rs.room(m), len(rs.lines))
	return m.frame(header, rs.lines[rs.offset:end], m.keys.results())
}
