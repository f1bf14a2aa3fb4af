package assess

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// Text pasted or typed into a field is cleaned as it arrives: the field
// shows no escape, control or bidirectional character, and what it shows
// is what is saved.
func TestTypedTextIsCleanedAsItArrives(t *testing.T) {
	r := tuitest.Small(t)
	m, _ := newModel(t, r, "")
	do(t, m, tea.PasteMsg{Content: "Ada\u202e \x1b[31mLovelace\x1b[0m\u200f"})
	do(t, m, tea.KeyPressMsg{Code: 0x202e, Text: "\u202e"})
	shown := m.form.fields[0].Value()
	if shown != "Ada Lovelace" || strings.ContainsAny(m.View().Content, "\u202e\u200f") {
		t.Fatalf("the name field holds %q after a hostile paste", shown)
	}
	do(t, m, tuitest.Keys("enter", "enter", "enter")...)
	do(t, m, tuitest.Keys("1", "enter", "b")...) // the file is written at the first answer
	if a := saved(t, m); a.Candidate.Name != shown {
		t.Errorf("saved name %q, the field showed %q", a.Candidate.Name, shown)
	}

	do(t, m, tuitest.Keys("n")...)
	n, ok := m.active.(*noteScreen)
	if !ok {
		t.Fatalf("n opened %T", m.active)
	}
	do(t, m, tea.PasteMsg{Content: "one\r\ntwo \u202eth\x1b[1mree\u2028"})
	shown = n.note.Value()
	if shown != "one\ntwo three" {
		t.Fatalf("the note field holds %q after a hostile paste", shown)
	}
	do(t, m, tuitest.Keys("ctrl+s")...)
	if a := saved(t, m); a.Answers["python"] == nil || a.Answers["python"].Note != shown {
		t.Errorf("saved note %+v, the field showed %q", a.Answers["python"], shown)
	}
}

// The start screen and the accessible mode's "saved in" line show file
// names as safetext.CleanPath shows them.
func TestFileNamesAreShownCleaned(t *testing.T) {
	r := tuitest.Small(t)
	store, err := assessments.OpenStore(filepath.Join(t.TempDir(), tuitest.HostileName))
	if err != nil {
		t.Fatal(err)
	}
	path, out := accessible(t, store, Options{Name: "Ada", Companies: []string{"acme"}}, "1\nq\n")
	if !strings.Contains(out, "saved in "+safetext.CleanPath(path)+" after each one") || strings.ContainsAny(out, "\u009b\u202e\u200f\u2028") {
		t.Errorf("the saved-in line does not show the cleaned path:\n%q", out)
	}
	if err := os.Rename(path, filepath.Join(filepath.Dir(path), tuitest.HostileName+".yaml")); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Rubric: r, Store: store, Now: tuitest.FixedNow})
	t.Cleanup(func() { m.Close() })
	do(t, m, tuitest.Size(100, 24))
	run(t, m, m.Init())
	v := m.View().Content
	if !strings.Contains(ansi.Strip(v), safetext.CleanPath(tuitest.HostileName)+".yaml") || strings.ContainsAny(v, "\u009b\u202e\u200f\u2028") || strings.Contains(v, "\x1b[31mil") {
		t.Errorf("the start screen does not show the cleaned file name:\n%q", ansi.Strip(v))
	}
}

// The notice of a written report shows its path cleaned.
func TestExportNoticeShowsPathCleaned(t *testing.T) {
	m, _ := newModel(t, tuitest.Small(t), "Ada", "acme")
	do(t, m, tuitest.Size(200, 24), exportedMsg{path: "/data/" + tuitest.HostileName + ".md"})
	v := m.View().Content
	if !strings.Contains(ansi.Strip(v), "Report written to /data/"+safetext.CleanPath(tuitest.HostileName)+".md") || strings.ContainsAny(v, "\u009b\u202e\u200f\u2028") {
		t.Errorf("the notice does not show the cleaned path:\n%q", ansi.Strip(v))
	}
}
