package tui

import (
	"testing"

	"github.com/readycheck/readycheck/internal/gen"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// benchmarkKeypress measures one selection move and the frame it paints:
// Update for "j" then View, on the question screen. It must not grow with
// the rubric's size.
func benchmarkKeypress(b *testing.B, r *rubric.Rubric) {
	m, _ := newModel(b, r, "Bench", r.Companies[0].ID)
	m.Update(size(80, 24))
	m.View()
	down, up := press("j"), press("k")
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

func BenchmarkKeypressBuiltin(b *testing.B) {
	r, err := builtin.Rubric()
	if err != nil {
		b.Fatal(err)
	}
	benchmarkKeypress(b, r)
}

func BenchmarkKeypressGenerated2000(b *testing.B) {
	r, problems := rubric.Parse("generated", gen.Rubric(2000, 50, 1))
	if problems.Err() != nil {
		b.Fatal(problems)
	}
	benchmarkKeypress(b, r)
}
