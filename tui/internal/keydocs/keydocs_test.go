package keydocs

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/readycheck/readycheck/tui/kit"
)

var toggle = key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys"))

func bind(help string, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// A key disabled on a screen is not listed for it, in either table, as
// the help leaves it out; the help key reads as in the key map.
func TestDisabledLeftOut(t *testing.T) {
	back := bind("←/b", "back", "left", "shift+tab", "b")
	back.SetEnabled(false)
	jump := bind("/", "jump", "/")
	h := kit.HelpKeys{Full: [][]key.Binding{
		{bind("↑/k", "up", "up", "k"), bind("0-9", "pick a level", strings.Split("0 1 2 3 4 5 6 7 8 9", " ")...)},
		{back},
		{jump, bind("?", "fewer keys", "?")},
	}}
	want := "| screen | keys |\n|---|---|\n| question | `↑`/`k` up, `0`–`9` pick a level; `/` jump, `?` keys |\n"
	if got := Table([]Screen{{Name: "question", Keys: h}}, toggle); got != want {
		t.Errorf("Table:\n%s\nwant:\n%s", got, want)
	}
	got := KeyTable("on a question", Screen{Keys: h}, toggle)
	if strings.Contains(got, "back") || !strings.Contains(got, "| `/` | jump |\n| `?` | keys |\n") {
		t.Errorf("KeyTable:\n%s", got)
	}
	back.SetEnabled(true)
	h.Full[1] = []key.Binding{back}
	if got := KeyTable("on a question", Screen{Keys: h}, toggle); !strings.Contains(got, "| `←`/`b` (also `shift+tab`) | back |\n") {
		t.Errorf("an enabled key with a key its help does not name:\n%s", got)
	}
}

// Keys are named as their help names them, and the others they answer to
// follow.
func TestKeyCell(t *testing.T) {
	for _, c := range []struct {
		b    key.Binding
		want string
	}{
		{bind("/", "jump", "/"), "`/`"},
		{bind("↑↓", "move", "up", "down"), "`↑`/`↓`"},
		{bind("space", "check", "space", "x"), "`space` (also `x`)"},
		{bind("pgdn", "page down", "pgdown"), "`pgdn`"},
		{bind("0-4", "pick a level", strings.Split("0 1 2 3 4 5", " ")...), "`0`–`4` (also `5`)"},
		{bind("a|b", "pipe", "a"), "`a\\|b` (also `a`)"},
	} {
		if got := keyCell(c.b); got != c.want {
			t.Errorf("%q: %s, want %s", c.b.Help().Key, got, c.want)
		}
	}
}

// recorder keeps what Sync reports.
type recorder struct {
	testing.TB
	said []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.said = append(r.said, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }
func (r *recorder) Fatal(args ...any)                 { r.said = append(r.said, fmt.Sprint(args...)) }

// Sync fails with a diff when the block differs, rewrites it with -update
// and leaves the rest of the document as it was.
func TestSync(t *testing.T) {
	path := filepath.Join(t.TempDir(), "doc.md")
	doc := "# Doc\n\nBefore.\n\n<!-- keys:x:begin -->\n| old |\n<!-- keys:x:end -->\n\nAfter.\n"
	os.WriteFile(path, []byte(doc), 0o600)
	r := &recorder{TB: t}
	Sync(r, path, "x", "| new |\n")
	if len(r.said) != 1 || !strings.Contains(r.said[0], "-| old |") || !strings.Contains(r.said[0], "+| new |") || !strings.Contains(r.said[0], Refresh) {
		t.Fatalf("a block that differs: %q", r.said)
	}
	if err := flag.Set("update", "true"); err != nil {
		t.Fatal(err)
	}
	Sync(r, path, "x", "| new |\n")
	flag.Set("update", "false")
	b, _ := os.ReadFile(path)
	want := "# Doc\n\nBefore.\n\n<!-- keys:x:begin (generated from the key map: " + Refresh + ") -->\n\n| new |\n\n<!-- keys:x:end -->\n\nAfter.\n"
	if string(b) != want || len(r.said) != 1 {
		t.Fatalf("-update wrote:\n%s\nwant:\n%s\n%q", b, want, r.said)
	}
	Sync(r, path, "x", "| new |\n")
	Sync(r, path, "y", "| new |\n")
	if len(r.said) != 2 || !strings.Contains(r.said[1], "no block keys:y") {
		t.Errorf("an equal block, then a missing one: %q", r.said)
	}
}
