package review

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// The same rule in the mentor's comment and summary editors, and what was
// typed survives the program ending.
func TestMentorEscAsks(t *testing.T) {
	dir := mentorFolder(t)
	path := filepath.Join(dir, "ada-2.yaml")
	m := newMentor(t, dir, "Linus")
	mdo(t, m, tuitest.Keys("down", "enter")...)
	mdo(t, m, tuitest.Keys("enter")...) // python's skill screen
	if v := ansi.Strip(m.View().Content); !strings.Contains(v, "esc leave (asks to keep)") {
		t.Errorf("the comment's help does not say what esc does:\n%s", v)
	}
	mdo(t, m, tuitest.TypeText("Solid")...)
	mdo(t, m, tuitest.Keys("esc")...)
	if v := ansi.Strip(m.View().Content); screenOf(m) != mentorSkill || !strings.Contains(v, "Keep your changes?") || !strings.Contains(v, "n discard") {
		t.Fatalf("esc on a changed comment did not ask:\n%s", v)
	}
	mdo(t, m, tuitest.Keys("enter")...) // keep
	if screenOf(m) != mentorSheet || m.open.review.Ratings["python"].Comment != "Solid" {
		t.Fatalf("enter did not keep the comment")
	}
	mdo(t, m, tuitest.Keys("u")...)
	mdo(t, m, tuitest.TypeText("Keep going")...)
	mdo(t, m, tuitest.Keys("esc", "n")...)
	if screenOf(m) != mentorSheet || m.open.review.Summary != "" {
		t.Errorf("n did not discard the summary: %q", m.open.review.Summary)
	}
	mdo(t, m, tuitest.Keys("u")...)
	mdo(t, m, tuitest.TypeText("Practise SQL")...)
	// The program ends while the summary is being typed.
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	a, err := assessments.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rv, ok := a.Review("Linus")
	if !ok || rv.Summary != "Practise SQL" || rv.Ratings["python"].Comment != "Solid" {
		t.Errorf("the review typed before quitting was lost: %+v", rv)
	}
}
