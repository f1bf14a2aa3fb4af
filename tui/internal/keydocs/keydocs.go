// Package keydocs writes the tables of keys in the documents from the
// programs' own help, and keeps them there. A test of each program takes
// its screens' full help (what ? shows) as the program draws it, renders it
// as Markdown (Program, Table, KeyTable) and compares it with the block between two
// marker comments of a document (Sync):
//
//	<!-- keys:NAME:begin … -->
//	…the table…
//	<!-- keys:NAME:end -->
//
// Without -update (the flag of x/exp/golden) a block that differs fails
// the test with a diff; with it, the block is rewritten. Refresh is the
// command that rewrites every block.
package keydocs

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/aymanbagabas/go-udiff"

	"github.com/readycheck/readycheck/tui/kit"
	// The -update flag is golden's, so that one flag rewrites the golden
	// files and the documents' tables alike.
	_ "github.com/charmbracelet/x/exp/golden"
)

// Refresh is the command that rewrites the documents' tables of keys.
const Refresh = "go test ./tui/assess ./tui/review -run TestKeyDocs -update"

// Screen is one screen's keys, named as the documents name the screen.
type Screen struct {
	Name string
	Keys help.KeyMap
}

// Program gathers a program's screens for its tables, each checked
// against the screen as the program draws it.
type Program struct {
	// Session is the program's: its help draws the screens' keys, and its
	// key map's help key is the toggle of Table and KeyTable.
	Session *kit.Session
	Screens []Screen
}

// Take checks that km is the help drawn at the bottom of view (the screen
// drawn with Session.Help.ShowAll, wide enough for all of it), and that
// the full help explains every key of the help line; it adds the screen
// under name to Screens unless name is "", and returns km.
func (p *Program) Take(t testing.TB, name string, km help.KeyMap, view string) help.KeyMap {
	t.Helper()
	if !strings.HasSuffix(view, p.Session.HelpView(km)) {
		t.Fatalf("%s: the help taken is not the one drawn:\n%s", name, view)
	}
	for _, b := range Uncovered(km) {
		t.Errorf("%s: the help line's %q is not in the full help", name, b.Help().Key+" "+b.Help().Desc)
	}
	if name != "" {
		p.Screens = append(p.Screens, Screen{Name: name, Keys: km})
	}
	return km
}

// Same reports whether two helps give a row of the same keys: two screens
// that a row of the table names together.
func (p *Program) Same(a, b help.KeyMap) bool {
	return p.Table([]Screen{{Keys: a}}) == p.Table([]Screen{{Keys: b}})
}

// Table is Table of screens with the program's help key.
func (p *Program) Table(screens []Screen) string { return Table(screens, p.Session.Keys.Help) }

// KeyTable is KeyTable with the program's help key.
func (p *Program) KeyTable(heading string, km help.KeyMap) string {
	return KeyTable(heading, Screen{Keys: km}, p.Session.Keys.Help)
}

// Keys are the bindings of a full help, column after column, without the
// disabled ones (the help leaves those out too).
func Keys(km help.KeyMap) []key.Binding {
	var out []key.Binding
	for _, col := range km.FullHelp() {
		for _, b := range col {
			if b.Enabled() {
				out = append(out, b)
			}
		}
	}
	return out
}

// Uncovered are the enabled bindings of the help line (the short help) with
// a key that the full help does not list: a key the line promises and ?
// never explains.
func Uncovered(km help.KeyMap) []key.Binding {
	full := map[string]bool{}
	for _, b := range Keys(km) {
		for _, k := range b.Keys() {
			full[k] = true
		}
	}
	var out []key.Binding
	for _, b := range km.ShortHelp() {
		if !b.Enabled() {
			continue
		}
		for _, k := range b.Keys() {
			if !full[k] {
				out = append(out, b)
				break
			}
		}
	}
	return out
}

// Table is a Markdown table of screens and their keys: one row a screen,
// its full help's columns separated by semicolons. toggle is the key that
// shows the full help: it is described as the key map describes it
// ("keys"), not as the open full help does ("fewer keys").
func Table(screens []Screen, toggle key.Binding) string {
	var b strings.Builder
	b.WriteString("| screen | keys |\n|---|---|\n")
	for _, sc := range screens {
		var cols []string
		for _, col := range sc.Keys.FullHelp() {
			var cells []string
			for _, kb := range col {
				if kb.Enabled() {
					kb = described(kb, toggle)
					cells = append(cells, keyCell(kb)+" "+escape(kb.Help().Desc))
				}
			}
			if len(cells) > 0 {
				cols = append(cols, strings.Join(cells, ", "))
			}
		}
		b.WriteString("| " + escape(sc.Name) + " | " + strings.Join(cols, "; ") + " |\n")
	}
	return b.String()
}

// KeyTable is a Markdown table of one screen's keys, a row each: the keys
// and what they do, under heading.
func KeyTable(heading string, sc Screen, toggle key.Binding) string {
	var b strings.Builder
	b.WriteString("| key | " + escape(heading) + " |\n|---|---|\n")
	for _, kb := range Keys(sc.Keys) {
		kb = described(kb, toggle)
		b.WriteString("| " + keyCell(kb) + " | " + escape(kb.Help().Desc) + " |\n")
	}
	return b.String()
}

// described is b with toggle's help when it is the toggle.
func described(b, toggle key.Binding) key.Binding {
	if strings.Join(b.Keys(), " ") == strings.Join(toggle.Keys(), " ") {
		b.SetHelp(toggle.Help().Key, toggle.Help().Desc)
	}
	return b
}

// shown are the names help texts give keys that Bubble Tea names otherwise.
var shown = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}

var (
	digits = regexp.MustCompile(`^([0-9])-([0-9])$`)
	arrows = regexp.MustCompile(`^[←↑→↓]{2,}$`)
)

// keyCell is a binding's keys as its help names them ("↑/k" as `↑`/`k`,
// "↑↓" as `↑`/`↓`, "0-9" as `0`–`9`), then the keys it also answers to that its help does
// not name: "`←`/`b` (also `shift+tab`)".
func keyCell(b key.Binding) string {
	name := b.Help().Key
	parts := []string{name}
	if name != "/" {
		parts = strings.Split(name, "/")
	}
	named := map[string]bool{}
	var cells []string
	for _, p := range parts {
		named[p] = true
		if arrows.MatchString(p) {
			// "↑↓" are two keys.
			var each []string
			for _, r := range p {
				named[string(r)] = true
				each = append(each, code(string(r)))
			}
			cells = append(cells, strings.Join(each, "/"))
			continue
		}
		if m := digits.FindStringSubmatch(p); m != nil {
			for d := m[1][0]; d <= m[2][0]; d++ {
				named[string(d)] = true
			}
			cells = append(cells, code(m[1])+"–"+code(m[2]))
			continue
		}
		cells = append(cells, code(p))
	}
	var also []string
	for _, k := range b.Keys() {
		if s, ok := shown[k]; ok {
			k = s
		}
		if !named[k] {
			also = append(also, code(k))
		}
	}
	cell := strings.Join(cells, "/")
	if len(also) > 0 {
		cell += " (also " + strings.Join(also, ", ") + ")"
	}
	return cell
}

// code is text as inline code in a table cell.
func code(s string) string { return "`" + escape(s) + "`" }

// escape keeps a pipe from ending a table cell.
func escape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// Sync keeps the block NAME of the document at path equal to table: with
// -update it rewrites the block, else a block that differs fails t with a
// diff. The block's marker lines must be in the document already.
func Sync(t testing.TB, path, name, table string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
		return
	}
	doc := strings.ReplaceAll(string(data), "\r\n", "\n")
	begin, end := "<!-- keys:"+name+":begin", "<!-- keys:"+name+":end -->"
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i || strings.Count(doc, begin) != 1 || strings.Count(doc, end) != 1 {
		t.Fatalf("%s has no block keys:%s: put the lines %s --> and %s, once each, where its table of keys goes", path, name, begin, end)
		return
	}
	j += len(end)
	want := begin + " (generated from the key map: " + Refresh + ") -->\n\n" + table + "\n" + end
	got := doc[i:j]
	if got == want {
		return
	}
	if update() {
		if err := os.WriteFile(path, []byte(doc[:i]+want+doc[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the keys of %s (block keys:%s) are not the programs' own; after a deliberate change, %s rewrites them (read the diff before committing):\n%s",
		path, name, Refresh, udiff.Unified(path, "the key map", got+"\n", want+"\n"))
}

// update reports whether -update was given.
func update() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}
