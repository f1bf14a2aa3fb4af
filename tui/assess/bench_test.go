package assess

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/sample"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// generated is a rubric of n skills from the benchmark generator.
func generated(b *testing.B, n int) *rubric.Rubric {
	r, problems := rubric.Parse("generated", sample.Rubric(n, 50, 1))
	if problems.Err() != nil {
		b.Fatal(problems)
	}
	return r
}

// benchmarkKeys measures a selection move and the frame it paints: Update
// for j or k, then View. Neither may grow with the rubric's size.
func benchmarkKeys(b *testing.B, m *Model, down, up tea.Msg) {
	m.View()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			m.Update(down)
		} else {
			m.Update(up)
		}
		m.View()
	}
}

func questionModel(b *testing.B, r *rubric.Rubric) *Model {
	m, _ := newModel(b, r, "Bench", r.Companies[0].ID)
	return m
}

func BenchmarkKeypressBuiltin(b *testing.B) {
	r, err := builtin.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	benchmarkKeys(b, questionModel(b, r), tuitest.Press("j"), tuitest.Press("k"))
}

func BenchmarkKeypressGenerated2000(b *testing.B) {
	benchmarkKeys(b, questionModel(b, generated(b, 2000)), tuitest.Press("j"), tuitest.Press("k"))
}

// The review list of 2,000 skills: only the visible rows are drawn.
func BenchmarkReviewGenerated2000(b *testing.B) {
	m := questionModel(b, generated(b, 2000))
	m.showReview(1000)
	benchmarkKeys(b, m, tuitest.Press("j"), tuitest.Press("k"))
}

// The jump list of 2,000 skills, filtered by one more letter and back.
func BenchmarkJumpFilterGenerated2000(b *testing.B) {
	m := questionModel(b, generated(b, 2000))
	m.Update(tuitest.Press("/"))
	benchmarkKeys(b, m, tuitest.Press("s"), tuitest.Press("backspace"))
}

// BenchmarkPastePosting pastes a long posting (about 30,000 characters, in
// paragraphs as postings come) into the posting screen and draws the
// frame: what the candidate waits for after pasting.
func BenchmarkPastePosting(b *testing.B) {
	r, err := builtin.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	m, _ := newModel(b, r, "Bench", r.Companies[0].ID)
	m.s.a.SetAnswer(r.Skills()[0].ID, 1, tuitest.FixedNow())
	m.results = newResultsScreen(m.s)
	m.active = m.results
	para := strings.Repeat("We look for a backend intern with SQL, Python and Git; experience with Docker is a plus. ", 10)
	text := strings.Repeat(para+"\n\n", 32)
	b.ReportAllocs()
	for b.Loop() {
		m.Update(tuitest.Press("p"))
		m.Update(tea.PasteMsg{Content: text})
		m.View()
		m.Update(tuitest.Press("esc"))
		m.Update(tuitest.Press("n"))
	}
}
