// Package tuitest is what the tests of the interactive programs share: a
// fixed clock, the rubrics they run on, and the messages of keys, text and
// terminal sizes.
package tuitest

import (
	_ "embed"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

//go:embed testdata/small.yaml
var small []byte

// SmallYAML is the small rubric's file: two companies, a few skills.
func SmallYAML() []byte { return append([]byte(nil), small...) }

// Small is the small rubric, read as from testdata/small.yaml.
func Small(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, problems := rubric.Parse("testdata/small.yaml", SmallYAML())
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	return r
}

// Clock is the fixed time of every test.
var Clock = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// FixedNow is the clock of every test: it always says Clock.
func FixedNow() time.Time { return Clock }

// LoadRubric reads a rubric file, failing the test when it cannot.
func LoadRubric(t testing.TB, path string) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Builtin is the built-in rubric.
func Builtin(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Press is the message of one key, named as Bubble Tea names it.
func Press(k string) tea.Msg {
	codes := map[string]rune{
		"enter": tea.KeyEnter, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"tab": tea.KeyTab, "esc": tea.KeyEscape, "home": tea.KeyHome, "end": tea.KeyEnd,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "backspace": tea.KeyBackspace,
	}
	switch {
	case k == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case k == "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case strings.HasPrefix(k, "ctrl+"):
		return tea.KeyPressMsg{Code: rune(k[len(k)-1]), Mod: tea.ModCtrl}
	case codes[k] != 0:
		return tea.KeyPressMsg{Code: codes[k]}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// Keys are the messages of keys pressed in turn, named as Press names them.
func Keys(ks ...string) []tea.Msg {
	out := make([]tea.Msg, len(ks))
	for i, k := range ks {
		out[i] = Press(k)
	}
	return out
}

// TypeText is the messages of text typed a character at a time.
func TypeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// Size is the message of the terminal's size, w columns by h lines.
func Size(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }

// ChangedSmall is the small rubric changed since assessments were taken
// against it: sql dropped, java on a two-level (yes/no) scale.
func ChangedSmall(t *testing.T) *rubric.Rubric {
	t.Helper()
	data := SmallYAML()
	changed := strings.Replace(string(data), "      - {id: sql, title: SQL}\n", "", 1)
	changed = strings.Replace(changed, "      - {id: java, title: Java}", "      - {id: java, title: Java, scale: yn}", 1)
	changed = strings.Replace(changed, "any_of: [python, java]", "any_of: [python]", 1)
	changed = strings.Replace(changed, "      - {skill: sql, min: 2}\n", "", 1)
	r2, problems := rubric.Parse("small2.yaml", []byte(changed))
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	return r2
}

// HostileName is a file or folder name with an escape sequence, a C1
// control, a bidirectional override, a direction mark and a line separator.
const HostileName = "ev\x1b[31mil\u009b2J\u202egpj\u200f\u2028"
