package scorecard

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// The rubric of rubric/testdata/small.yaml: companies acme and beta, skills
// python, java, sql, testing (None..Expert) and dutch (No/Yes).
func smallRubric(t *testing.T) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile("../rubric/testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const adaYAML = `format: readycheck/assessment/v1
candidate: {name: Ada Lovelace, email: ada@example.org}
rubric: {id: small}
status: complete
answers:
  python: {level: 2, note: "Flask | API\nwith tests", evidence: ["https://example.org/a", "my thesis <appendix B>"]}
  java: {level: 3}
  sql: {level: Aware}
  dutch: {level: 0}
`

func card(t *testing.T, companies ...string) *Card {
	t.Helper()
	r := smallRubric(t)
	a, problems := assessments.Parse("ada.yaml", []byte(adaYAML))
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	if problems := a.Check(r); problems.Err() != nil {
		t.Fatal(problems)
	}
	c, err := New(a, r, companies)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNextStepSentence(t *testing.T) {
	r := smallRubric(t)
	skill := func(id string) *rubric.Skill { s, _ := r.Skill(id); return s }
	company := func(id string) *rubric.Company { c, _ := r.Company(id); return c }
	cases := []struct {
		step rubric.NextStep
		want string
	}{
		{rubric.NextStep{Skill: skill("sql"), From: 1, To: 2, Gain: 12.5, Companies: 1},
			"Raise SQL from Aware to Beginner: +12.5 points"},
		{rubric.NextStep{Skill: skill("sql"), From: 1, To: 2, Gain: 12.45, Companies: 2},
			"Raise SQL from Aware to Beginner: +12.5 points across 2 companies"},
		{rubric.NextStep{Skill: skill("dutch"), From: 0, To: 1, Gain: 25, Companies: 1, Unblocks: []*rubric.Company{company("acme")}},
			"Raise Dutch university from No to Yes: +25.0 points, unblocks Acme"},
		{rubric.NextStep{Skill: skill("dutch"), From: 0, To: 1, Gain: 0.04, Companies: 1, Unblocks: []*rubric.Company{company("acme"), company("beta")}},
			"Raise Dutch university from No to Yes: unblocks Acme and Beta"},
		{rubric.NextStep{Skill: skill("dutch"), From: 0, To: 1, Unblocks: []*rubric.Company{company("acme"), company("beta"), company("acme")}},
			"Raise Dutch university from No to Yes: unblocks Acme, Beta and Acme"},
	}
	for _, c := range cases {
		if got := NextStepSentence(c.step); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

func TestStatusAndBar(t *testing.T) {
	for _, c := range []struct {
		rr   rubric.RequirementResult
		want string
	}{
		{rubric.RequirementResult{Level: 3, Met: true}, "met"},
		{rubric.RequirementResult{Level: 1}, "partial"},
		{rubric.RequirementResult{Level: 0}, "unmet"},
	} {
		if got := Status(c.rr); got != c.want {
			t.Errorf("Status(%+v) = %s, want %s", c.rr, got, c.want)
		}
	}
	for _, c := range []struct {
		pct        float64
		width      int
		filled     int
		emptyCells int
	}{
		{0, 10, 0, 10}, {100, 10, 10, 0}, {62.5, 30, 19, 11}, {5, 10, 1, 9}, {4, 10, 0, 10}, {50, 0, 0, 0},
	} {
		got := Bar(c.pct, c.width)
		if strings.Count(got, "█") != c.filled || strings.Count(got, "░") != c.emptyCells {
			t.Errorf("Bar(%v, %d) = %q, want %d filled and %d empty", c.pct, c.width, got, c.filled, c.emptyCells)
		}
	}
}

func TestText(t *testing.T) {
	c := card(t)
	var plain, colored bytes.Buffer
	if err := c.Text(&plain, 80, false); err != nil {
		t.Fatal(err)
	}
	if err := c.Text(&colored, 80, true); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b") {
		t.Errorf("escape sequences without colour")
	}
	if !strings.Contains(colored.String(), "\x1b[") {
		t.Errorf("no colour with colour on")
	}
	// Colour adds nothing but colour: the words and markers stay.
	if ansi.Strip(colored.String()) != plain.String() {
		t.Errorf("the coloured report says something else than the plain one:\n%s\n%s", ansi.Strip(colored.String()), plain.String())
	}
	for _, width := range []int{40, 57, 80, 120} {
		var b bytes.Buffer
		if err := c.Text(&b, width, false); err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(b.String(), "\n") {
			if ansi.StringWidth(l) > width {
				t.Errorf("width %d: line of %d cells: %q", width, ansi.StringWidth(l), l)
			}
			if strings.HasSuffix(l, " ") {
				t.Errorf("width %d: trailing space: %q", width, l)
			}
		}
	}
	var narrow, def bytes.Buffer
	c.Text(&narrow, 10, false)
	c.Text(&def, 0, false)
	if !strings.Contains(narrow.String(), "Dutch university [must]") {
		t.Errorf("a too-narrow width is not widened to %d:\n%s", MinWidth, narrow.String())
	}
	if def.String() != plain.String() {
		t.Errorf("width 0 is not the default width %d", DefaultWidth)
	}
}

// A long must requirement's title is cut, its [must] marker never.
func TestTextMustSurvivesTruncation(t *testing.T) {
	c := card(t)
	for _, co := range c.Result.Companies {
		for _, rr := range co.Requirements {
			if rr.Requirement.Must {
				rr.Requirement.Title = strings.Repeat("Enrolled at a university ", 6)
			}
		}
	}
	var b bytes.Buffer
	c.Text(&b, 60, false)
	if !strings.Contains(b.String(), "… [must]") {
		t.Errorf("the [must] marker was cut off:\n%s", b.String())
	}
}

// Text from files reaches no terminal and breaks no document, even when it
// slipped past the loaders' checks.
func TestHostileText(t *testing.T) {
	c := card(t)
	c.Assessment.Candidate.Name = "Eve\x1b]0;owned\x07 | *bold*\n# heading"
	var text, doc bytes.Buffer
	c.Text(&text, 80, false)
	c.Markdown(&doc)
	for name, out := range map[string]string{"text": text.String(), "markdown": doc.String()} {
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("%s: control characters reach the output", name)
		}
	}
	if !strings.Contains(doc.String(), `# Readiness of Eve \| \*bold\* \# heading`+"\n") {
		t.Errorf("the name is not escaped into one heading line:\n%.120s", doc.String())
	}
}

func TestMarkdownEscapes(t *testing.T) {
	for _, c := range []struct{ in, cell, link string }{
		{"a | b", `a \| b`, `a \| b`},
		{"two\nlines", "two lines", "two lines"},
		{"<script>", "&lt;script&gt;", "&lt;script&gt;"},
		{"R&D_team *1*", `R&amp;D\_team \*1\*`, `R&amp;D\_team \*1\*`},
		// Text never becomes a link: only evidence that is a web address does.
		{"https://example.org/x?a=1", `https\://example.org/x?a=1`, "<https://example.org/x?a=1>"},
		{"ftp://example.org", `ftp\://example.org`, `ftp\://example.org`},
		{"https://example.org/a b", `https\://example.org/a b`, `https\://example.org/a b`},
		{"see www.evil.example or WWW.EVIL.EXAMPLE", `see www\.evil.example or WWW\.EVIL.EXAMPLE`, `see www\.evil.example or WWW\.EVIL.EXAMPLE`},
		{"mail eve@evil.example", `mail eve\@evil.example`, `mail eve\@evil.example`},
		{"~~struck~~ [x](y)", `\~\~struck\~\~ \[x\](y)`, `\~\~struck\~\~ \[x\](y)`},
		{"rtl\u202e mark\u200f sep\u2028", "rtl mark sep", "rtl mark sep"},
	} {
		if got := cell(c.in); got != c.cell {
			t.Errorf("cell(%q) = %q, want %q", c.in, got, c.cell)
		}
		if got := link(c.in); got != c.link {
			t.Errorf("link(%q) = %q, want %q", c.in, got, c.link)
		}
	}
	var b bytes.Buffer
	card(t).Markdown(&b)
	for _, want := range []string{
		"> Flask \\| API\n> with tests\n",
		"- <https://example.org/a>\n- my thesis &lt;appendix B&gt;\n",
		"| Dutch university | No (0) | Yes (1) | 1 | ✗ unmet (must) |\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, b.String())
		}
	}
}

func TestJSONLists(t *testing.T) {
	c := card(t, "beta")
	b, err := c.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Companies  []map[string]any
		Warnings   []string
		Unanswered []string
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	// Only Beta; testing is unanswered; no warnings, as an empty list.
	if len(doc.Companies) != 1 || doc.Companies[0]["id"] != "beta" || doc.Companies[0]["readiness"] != 25.0 {
		t.Errorf("companies = %v", doc.Companies)
	}
	if !bytes.Contains(b, []byte(`"warnings": []`)) || !bytes.Contains(b, []byte(`"unblocks": []`)) {
		t.Errorf("empty lists are not []:\n%s", b)
	}
	if _, err := New(c.Assessment, c.Rubric, []string{"gamma"}); err == nil || !strings.Contains(err.Error(), `unknown company "gamma"`) {
		t.Errorf("unknown company: %v", err)
	}
}
