package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Text pasted or typed into a field is cleaned as it arrives: the field
// shows no escape, control or bidirectional character, and what it shows
// is what is saved.
func TestTypedTextIsCleanedAsItArrives(t *testing.T) {
	r := loadRubric(t, "testdata/small.yaml")
	m, _ := newModel(t, r, "")
	do(t, m, tea.PasteMsg{Content: "Ada\u202e \x1b[31mLovelace\x1b[0m\u200f"})
	do(t, m, tea.KeyPressMsg{Code: 0x202e, Text: "\u202e"})
	shown := m.form.fields[0].Value()
	if shown != "Ada Lovelace" || strings.ContainsAny(m.View().Content, "\u202e\u200f") {
		t.Fatalf("the name field holds %q after a hostile paste", shown)
	}
	do(t, m, keys("enter", "enter", "enter")...)
	if a := saved(t, m); a.Candidate.Name != shown {
		t.Errorf("saved name %q, the field showed %q", a.Candidate.Name, shown)
	}

	do(t, m, keys("n")...)
	n, ok := m.active.(*noteScreen)
	if !ok {
		t.Fatalf("n opened %T", m.active)
	}
	do(t, m, tea.PasteMsg{Content: "one\r\ntwo \u202eth\x1b[1mree\u2028"})
	shown = n.note.Value()
	if shown != "one\ntwo three" {
		t.Fatalf("the note field holds %q after a hostile paste", shown)
	}
	do(t, m, keys("ctrl+s")...)
	if a := saved(t, m); a.Answers["python"] == nil || a.Answers["python"].Note != shown {
		t.Errorf("saved note %+v, the field showed %q", a.Answers["python"], shown)
	}
}

// The fields' own clipboard paste is a string message of theirs: cleaned too.
func TestTypedCleansClipboardPaste(t *testing.T) {
	type clipboard string
	if got := typed(clipboard("a\u202eb\x1b[2Jc")); got != clipboard("abc") {
		t.Errorf("typed(clipboard) = %#v", got)
	}
	if got := typed(tea.WindowSizeMsg{Width: 3}); got != (tea.WindowSizeMsg{Width: 3}) {
		t.Errorf("typed changed a message that holds no text: %#v", got)
	}
}
