package kit

import (
	"reflect"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/readycheck/readycheck/internal/safetext"
)

// Text reaches the terminal only through these functions: text from files
// (rubrics, saved notes) may hold escape sequences, control characters or
// bidirectional overrides, and text a person types may hold pasted control
// characters.

// Clean makes text from a file safe for the terminal, keeping its line
// breaks and tabs as they are.
func Clean(s string) string { return safetext.Clean(s) }

// CleanPath makes a path safe to show on one line (safetext.CleanPath).
func CleanPath(p string) string { return safetext.CleanPath(p) }

// CleanLine makes text from a file safe to show on one line: escape
// sequences and control characters dropped, and runs of white space
// (newlines and tabs included) folded into one space.
func CleanLine(s string) string { return safetext.CleanLine(s) }

// cleanText makes text from a file safe to show as a paragraph: escape
// sequences and control characters dropped, tabs turned into spaces (they
// would break the layout), line breaks kept.
func cleanText(s string) string {
	s = strings.ReplaceAll(safetext.Clean(s), "\t", " ")
	return strings.TrimSpace(s)
}

// CleanInput cleans what a person typed into a one-line field, such as a
// name: the rule of every name readycheck saves (safetext.CleanLine).
func CleanInput(s string) string { return safetext.CleanLine(s) }

// Typed cleans the text a key press or a paste brings to a text field, so
// that the field shows what will be saved: escape sequences, controls but
// line breaks and tabs, bidirectional and invisible characters never reach
// it (safetext.Clean). Every text field's Update takes its message through
// it.
func Typed(msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.PasteMsg:
		m.Content = safetext.Clean(m.Content)
		return m
	case tea.KeyPressMsg:
		m.Text = safetext.Clean(m.Text)
		return m
	}
	// The fields' own clipboard paste (their KeyMap.Paste) comes back as
	// an unexported message that is a string.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.String {
		c := reflect.New(v.Type()).Elem()
		c.SetString(safetext.Clean(v.String()))
		return c.Interface()
	}
	return msg
}

// CleanNote cleans a typed note before it is saved: control characters
// dropped but newlines, Windows line ends made plain, surrounding white
// space trimmed.
func CleanNote(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(safetext.Clean(s))
}

// SplitEvidence reads evidence links typed as a list: separated by commas,
// spaces or newlines.
func SplitEvidence(s string) []string {
	return strings.FieldsFunc(safetext.Clean(s), func(r rune) bool {
		return r == ',' || r == ' ' || r == '\n' || r == '\t' || r == '\r'
	})
}
