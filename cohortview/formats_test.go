package cohortview

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/net/html"

	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/internal/testshared"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/sample"
)

func TestCSVReadBack(t *testing.T) {
	rp := read(t, report.Options{}, "testdata/cohort")
	var b bytes.Buffer
	if err := CSV(rp, &b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], CSVHeader) || strings.Join(CSVHeader, ",") != "name,file,status,updated,company,readiness,verdict,met,unmet,blocked_by" {
		t.Fatalf("header = %q", rows[0])
	}
	// One row per candidate and company: ada-old 1, ada 2, bob 2, cleo 1, dan 1, eve 2.
	if len(rows) != 1+9 {
		t.Fatalf("%d rows, want 9 after the header", len(rows)-1)
	}
	want := [][]string{
		{"Ada Lovelace", "testdata/cohort/ada-old.yaml", "complete", "2026-10-01T08:00:00Z", "acme", "62.5", "almost", "1", "2", ""},
		{"Ada Lovelace", "testdata/cohort/ada.yaml", "complete", "2026-11-21T10:30:00Z", "acme", "100.0", "ready", "3", "0", ""},
		{"Ada Lovelace", "testdata/cohort/ada.yaml", "complete", "2026-11-21T10:30:00Z", "beta", "75.0", "ready", "1", "1", ""},
		{"Bob Jansen", "testdata/cohort/bob.yaml", "in-progress", "2026-11-22T12:00:00Z", "acme", "62.5", "blocked", "1", "2", "dutch"},
		{"Bob Jansen", "testdata/cohort/bob.yaml", "in-progress", "2026-11-22T12:00:00Z", "beta", "33.3", "not-yet", "0", "2", ""},
	}
	if !reflect.DeepEqual(rows[1:6], want) {
		t.Errorf("rows =\n%q\nwant\n%q", rows[1:6], want)
	}
}

// writeCohort writes assessment files of the cohort rubric into a new
// folder, one per name, each Ada's answers but for the name.
func writeCohort(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for i, name := range names {
		q := strings.ReplaceAll(name, `'`, `''`)
		data := "format: readycheck/assessment/v1\ncandidate: {name: '" + q + "'}\nrubric: {id: cohort}\ntargets: [acme]\nupdated: 2026-11-21T10:30:00Z\nanswers: {python: 3, sql: 2, dutch: 1}\n"
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".yaml"), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCSVQuotingAndFormulas(t *testing.T) {
	names := []string{`Smith, "Jo"`, "=HYPERLINK(\"http://x\")", "Line\tTab"}
	rp := read(t, report.Options{}, writeCohort(t, names...))
	var b bytes.Buffer
	if err := CSV(rp, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"Smith, ""Jo"""`) {
		t.Errorf("a name with a comma and quotes is not quoted as RFC 4180 says:\n%s", b.String())
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := []string{rows[1][0], rows[2][0], rows[3][0]}
	want := []string{"'=HYPERLINK(\"http://x\")", "Line\tTab", `Smith, "Jo"`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("names read back = %q, want %q", got, want)
	}
}

func TestSpreadsheetSafe(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+31 6": "'+31 6", "-x": "'-x", "@a": "'@a", "Ada": "Ada", "": "", "a=b": "a=b"} {
		if got := spreadsheetSafe(in); got != want {
			t.Errorf("spreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

const evilName = `<script>alert(1)</script> & "Bob"`

func TestHTMLSelfContainedAndEscaped(t *testing.T) {
	dir := writeCohort(t, evilName, "Ada")
	rp := read(t, report.Options{}, dir)
	var b bytes.Buffer
	if err := HTML(rp, &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "<script") {
		t.Errorf("the HTML holds a <script>: the name is not escaped")
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	svgs := 0
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "link", "iframe", "object", "embed", "img", "base":
				t.Errorf("the HTML has a <%s> element", n.Data)
			case "svg":
				svgs++
			case "style":
				css := strings.ToLower(textOf(n))
				if strings.Contains(css, "@import") || strings.Contains(css, "url(") {
					t.Errorf("the style imports or fetches something")
				}
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case a.Key == "src" || a.Key == "href" || a.Key == "xlink:href" || a.Key == "action":
					t.Errorf("<%s %s=%q> refers to something", n.Data, a.Key, a.Val)
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("<%s> has an event handler %s", n.Data, a.Key)
				case strings.Contains(v, "url(") || strings.Contains(v, "http:") || strings.Contains(v, "https:") || strings.Contains(v, "javascript:"):
					t.Errorf("<%s %s=%q> refers to something", n.Data, a.Key, a.Val)
				}
			}
		}
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	found := false
	for _, s := range texts {
		if s == evilName {
			found = true
		}
	}
	if !found {
		t.Errorf("the name %q is not shown as text", evilName)
	}
	// Acme's verdicts, spread and histogram (beta has no candidates), and
	// a bar per skill; no next step (everyone meets every requirement).
	if want := 3 + 5; svgs != want {
		t.Errorf("%d charts, want %d", svgs, want)
	}
	if !strings.Contains(out, "@media print") {
		t.Errorf("no print style")
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// TestTerminalSafety: a name holding an escape sequence reaches neither
// the text nor the Markdown report.
func TestTerminalSafety(t *testing.T) {
	dir := writeCohort(t, "Ada")
	// The assessment loader refuses control characters in text, so write
	// the row directly as a worker would have.
	rp := read(t, report.Options{}, dir)
	if got := clean("Ada\x1b[31mRed\x1b[0m\u202e"); got != "AdaRed" {
		t.Errorf("clean = %q", got)
	}
	var b bytes.Buffer
	if err := Text(rp, &b, 80, palette.Palette{}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), 0x1b) {
		t.Errorf("the plain text report holds an escape sequence")
	}
}

// textAt writes the plain text report at width and fails the test for
// every line wider than that; what names the report in the messages.
func textAt(t *testing.T, rp *report.Report, width int, what string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Text(rp, &b, width, palette.Palette{}); err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(b.String(), "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("%swidth %d: line %d is %d wide: %q", what, width, i+1, w, l)
		}
	}
	return b.String()
}

func TestTextFitsTheWidth(t *testing.T) {
	rp := read(t, report.Options{}, "testdata/cohort")
	for _, width := range []int{50, 72, 100, 140} {
		textAt(t, rp, width, "")
	}
	// With colour, the same text under the escape sequences.
	var plain, colored bytes.Buffer
	Text(rp, &plain, 100, palette.Palette{})
	Text(rp, &colored, 100, palette.Print())
	if !strings.Contains(colored.String(), "\x1b[") {
		t.Errorf("the coloured report has no colour")
	}
	if ansi.Strip(colored.String()) != plain.String() {
		t.Errorf("the coloured report says something else than the plain one")
	}
}

// TestTextRealRubrics: the built-in rubric and the real-world one (24
// profiles, seven-level scales, French text) fit every width; the
// built-in one's three companies become columns, their names wrapped over
// the heading, at 100 cells.
func TestTextRealRubrics(t *testing.T) {
	builtinRubric, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	rubrics := map[string]*rubric.Rubric{"built-in": builtinRubric}
	if path, ok := testshared.Lookup(t, "realworld/data-skills-matrix.yaml"); ok {
		rw, err := rubric.LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rubrics["real-world"] = rw
	}
	for name, r := range rubrics {
		dir := t.TempDir()
		err := sample.Assessments(r, 40, 2, func(i int, b []byte) error {
			return os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.yaml", i)), b, 0o600)
		})
		if err != nil {
			t.Fatal(err)
		}
		rp := read(t, report.Options{Rubric: r}, dir)
		for _, width := range []int{50, 80, 100, 160} {
			text := textAt(t, rp, width, name+", ")
			if name != "built-in" || width != 100 {
				continue
			}
			_, list, _ := strings.Cut(text, "\nCandidates\n")
			lines := strings.Split(list, "\n")
			if len(lines) < 3 || !strings.HasSuffix(lines[0], "Typical backend") ||
				!regexp.MustCompile(`^  Name +Status +Updated +JPMorganChase +DEPT® +internship$`).MatchString(lines[1]) {
				t.Errorf("at 100 cells the candidates' heading is not two lines of company columns:\n%s", strings.Join(lines[:min(4, len(lines))], "\n"))
			}
		}
	}
}
