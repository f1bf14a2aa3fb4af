package assess

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// A posting as a candidate would paste it: a heading, what the company
// asks, what is a plus, and what it offers.
const pastedPosting = `Backend intern at Harbour Logistics

What we ask
- You must be enrolled at a Dutch university for the whole internship.
- Solid experience with Python and SQL.
- You work with Git every day.

Nice to have
- Any exposure to Docker or cloud platforms such as AWS.

What we offer
- A laptop and a travel allowance.
`

// On the results screen, p takes a pasted posting, drafts the company it
// describes, keeps it in the assessment (postings and targets, saved), and
// shows the readiness for it with each requirement's sentence.
func TestResultsPosting(t *testing.T) {
	r := tuitest.Builtin(t)
	m, _ := newModel(t, r, "Ada", "dept")
	for range r.Skills() {
		do(t, m, tuitest.Keys("2", "enter")...)
	}
	do(t, m, tuitest.Keys("f")...)
	if m.active != m.results || !strings.Contains(view(m), "p posting") {
		t.Fatalf("the results do not offer p:\n%s", view(m))
	}
	do(t, m, tuitest.Keys("p")...)
	ps, ok := m.active.(*postingScreen)
	if !ok {
		t.Fatalf("p opened %T", m.active)
	}
	// Nothing pasted: ctrl+s says why and stays.
	do(t, m, tuitest.Keys("ctrl+s")...)
	if m.active != ps || !strings.Contains(view(m), "the posting is empty") {
		t.Errorf("an empty posting was read:\n%s", view(m))
	}
	do(t, m, tea.PasteMsg{Content: pastedPosting})
	if ps.area.Value() != strings.TrimRight(pastedPosting, "") && !strings.Contains(ps.area.Value(), "Harbour Logistics") {
		t.Fatalf("the paste did not land: %q", ps.area.Value())
	}
	do(t, m, tuitest.Keys("ctrl+s")...)
	if m.active != m.results {
		t.Fatalf("after reading the posting: %T\n%s", m.active, view(m))
	}
	a := saved(t, m)
	if len(a.Postings) != 1 || !strings.Contains(a.Postings[0].Text, "Harbour Logistics") {
		t.Fatalf("the posting is not saved: %+v", a.Postings)
	}
	id := a.Postings[0].ID
	if !strings.Contains(strings.Join(a.Targets, ","), id) {
		t.Errorf("targets %v lack the posting %q", a.Targets, id)
	}
	m.results.offset = 0
	do(t, m, tuitest.Size(120, 200))
	v := strings.Join(strings.Fields(view(m)), " ")
	for _, want := range []string{"(drafted from a posting)", "“You must be enrolled at a Dutch university for the whole internship.”", "(must)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the results lack %q:\n%s", want, view(m))
		}
	}
	// The saved file opens again with its posting scored.
	path := m.SavedPath()
	m.Close()
	o, err := assessments.Open(path, r)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Saver.Close()
	if rx, err := o.Assessment.WithPostings(r); err != nil || len(rx.Companies) != len(r.Companies)+1 {
		t.Errorf("reopened: %v", err)
	}
}

// A posting that names no skill of the rubric is refused on its screen,
// with the reason, and the text stays to edit; esc then asks before
// throwing the pasted text away.
func TestPostingNoSkills(t *testing.T) {
	r := tuitest.Builtin(t)
	m, _ := newModel(t, r, "Ada", "dept")
	do(t, m, tuitest.Keys("3", "enter")...)
	m.active.(*questionScreen).index = len(r.Skills()) - 1
	do(t, m, tuitest.Keys("f")...)
	for m.active != m.results {
		do(t, m, tuitest.Keys("s")...)
		do(t, m, tuitest.Keys("f")...)
	}
	do(t, m, tuitest.Keys("p")...)
	do(t, m, tea.PasteMsg{Content: "We sell bicycles and love the sea."})
	do(t, m, tuitest.Keys("ctrl+s")...)
	ps, ok := m.active.(*postingScreen)
	if !ok || !strings.Contains(strings.Join(strings.Fields(view(m)), " "), "names none of the rubric's skills") || ps.area.Value() == "" {
		t.Fatalf("a posting without skills: %T\n%s", m.active, view(m))
	}
	do(t, m, tuitest.Keys("esc")...)
	if m.active != ps || !strings.Contains(strings.Join(strings.Fields(view(m)), " "), "Keep this posting?") {
		t.Errorf("esc threw the pasted text away without asking:\n%s", view(m))
	}
	do(t, m, tuitest.Keys("n")...)
	if m.active != m.results {
		t.Errorf("n did not go back to the results: %T", m.active)
	}
}

// A paste that would pass the limit is refused whole with the reason
// (never cut); the same posting twice is kept once; a posting pasted but
// not read when the program ends is kept too.
func TestPostingLimitsTwiceAndQuit(t *testing.T) {
	r := tuitest.Builtin(t)
	m, _ := newModel(t, r, "Ada", "dept")
	for range r.Skills() {
		do(t, m, tuitest.Keys("1", "enter")...)
	}
	do(t, m, tuitest.Keys("f", "p")...)
	ps := m.active.(*postingScreen)
	do(t, m, tea.PasteMsg{Content: strings.Repeat("x", assessments.MaxPostingText+10)})
	if ps.area.Value() != "" || !strings.Contains(strings.Join(strings.Fields(view(m)), " "), "its end would be lost") {
		t.Errorf("an over-long paste was cut or taken silently (%d characters kept):\n%s", len(ps.area.Value()), view(m))
	}
	do(t, m, tea.PasteMsg{Content: pastedPosting})
	do(t, m, tuitest.Keys("ctrl+s")...)
	do(t, m, tuitest.Keys("p")...)
	do(t, m, tea.PasteMsg{Content: pastedPosting})
	do(t, m, tuitest.Keys("ctrl+s")...)
	if a := saved(t, m); len(a.Postings) != 1 || !strings.Contains(view(m), "already in your assessment") {
		t.Errorf("the same posting twice: %d postings\n%s", len(a.Postings), view(m))
	}
	// Pasted, not read, and the program ends (ctrl+c, a closed terminal).
	do(t, m, tuitest.Keys("p")...)
	do(t, m, tea.PasteMsg{Content: strings.Replace(pastedPosting, "Harbour Logistics", "Dock Systems", 1)})
	path := m.SavedPath()
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	a, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Postings) != 2 || !strings.Contains(a.Postings[1].Text, "Dock Systems") {
		t.Errorf("the posting pasted before quitting was lost: %d postings", len(a.Postings))
	}
}
