package rubric_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// head is the start of a valid rubric; cases append categories and companies.
const head = `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}, {label: Aware}, {label: Capable}]
  yn: [{label: "No"}, {label: "Yes"}]
default_scale: prof
`

const okCategories = `categories:
  - id: code
    title: Code
    skills:
      - {id: rest, title: REST}
      - {id: sql, title: SQL}
      - {id: dutch, title: Dutch, scale: yn}
`

const okCompanies = `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: 1}
`

// problem is an expected problem: its position and a part of its message.
type problem struct {
	line, col int
	text      string
}

func TestValidationProblems(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want []problem
	}{
		{"valid", head + okCategories + okCompanies, nil},
		{"syntax error", head + "categories: [\n", []problem{{9, 1, "YAML syntax error"}}},
		{"typo in a field", head + `categories:
  - id: code
    title: Code
    skils:
      - {id: sql, title: SQL}
` + okCompanies, []problem{{11, 5, `category "code" has an unknown field "skils" (did you mean "skills"?)`}}},
		{"missing required fields", `format: readycheck/rubric/v1
id: acme
scales:
  prof: [{label: None}, {label: Aware}]
default_scale: prof
` + okCategories[:len(okCategories)-len("      - {id: dutch, title: Dutch, scale: yn}\n")], []problem{{1, 1, `missing the required field "title"`}, {1, 1, `missing the required field "companies"`}}},
		{"malformed id", head + `categories:
  - id: Code Skills
    title: Code
    skills:
      - {id: sql, title: SQL}
` + okCompanies, []problem{{9, 9, `"Code Skills" is not a valid id`}}},
		{"duplicate skill across categories", head + okCategories + `  - id: more
    title: More
    skills:
      - {id: sql, title: SQL again}
` + okCompanies, []problem{{18, 14, `skill id "sql" is used twice (first at line 13)`}}},
		{"duplicate category", head + okCategories + `  - id: code
    title: Code again
    skills:
      - {id: other, title: Other}
` + okCompanies, []problem{{15, 9, `category id "code" is used twice`}}},
		{"duplicate company", head + okCategories + okCompanies + `  - id: acme-data
    name: Again
    requirements:
      - {skill: sql, min: 1}
`, []problem{{20, 9, `company id "acme-data" is used twice`}}},
		{"duplicate scale", `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}, {label: Aware}]
  prof: [{label: None}, {label: Some}]
default_scale: prof
` + okCategories[:len(okCategories)-len("      - {id: dutch, title: Dutch, scale: yn}\n")] + okCompanies, []problem{{6, 3, `scale "prof" is defined twice`}}},
		{"duplicate requirement", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: 1}
      - {skill: sql, min: 2}
`, []problem{{20, 9, `requirement "sql" of company "acme-data" is used twice`}}},
		{"unknown scale", head + `categories:
  - id: code
    title: Code
    scale: proficiency
    skills:
      - {id: sql, title: SQL}
` + okCompanies, []problem{{11, 12, `refers to unknown scale "proficiency"`}}},
		{"scale with one level", `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}]
default_scale: prof
` + okCategories[:len(okCategories)-len("      - {id: dutch, title: Dutch, scale: yn}\n")] + okCompanies, []problem{{5, 9, `has 1 level(s); a scale needs at least 2`}}},
		{"descriptor outside the scale", head + `categories:
  - id: code
    title: Code
    skills:
      - id: sql
        title: SQL
        levels: {1: Writes a SELECT, 5: Tunes the planner}
` + okCompanies, []problem{{14, 38, `describes level 5, outside its scale "prof" (levels 0 to 2)`}}},
		{"neither skill nor any_of", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {min: 1}
`, []problem{{19, 9, `names no skill`}}},
		{"both skill and any_of", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, any_of: [sql, rest], min: 1}
`, []problem{{19, 9, `has both skill and any_of`}}},
		{"unknown skill with suggestion", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - id: jvm-or-python
        any_of: [rust]
        min: 1
`, []problem{{20, 18, `requirement "jvm-or-python" of company "acme-data" refers to unknown skill "rust" (did you mean "rest"?)`}}},
		{"any_of mixing scales", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {any_of: [sql, dutch], min: 1}
`, []problem{{19, 18, `mixes scales in any_of: "sql" uses "prof" but "dutch" uses "yn"`}}},
		{"min out of range", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: 3}
`, []problem{{19, 27, `has min 3, outside its scale "prof"; use a level from 1 to 2 (1 Aware, 2 Capable)`}}},
		{"min unknown label", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: Capabel}
`, []problem{{19, 27, `has min "Capabel", which is not a label of scale "prof" (did you mean "Capable"?)`}}},
		{"min zero as a label", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: none}
`, []problem{{19, 27, `level 0 of scale "prof", which every candidate meets`}}},
		{"weight not positive", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: 1, weight: 0}
      - {skill: rest, min: 1, weight: heavy}
`, []problem{{19, 38, `has weight 0; a weight must be a number above 0`}, {20, 39, `weight should be a number, not "heavy"`}}},
		{"thresholds out of order", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    thresholds: {almost: 80, ready: 70}
    requirements:
      - {skill: sql, min: 1}
`, []problem{{18, 17, `thresholds are out of order: almost (80) must be below ready (70)`}}},
		{"threshold outside 0..100", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    thresholds: {ready: 120}
    requirements:
      - {skill: sql, min: 1}
`, []problem{{18, 25, `threshold "ready" is 120; thresholds are percentages from 0 to 100`}}},
		{"company without requirements", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements: []
`, []problem{{18, 19, `company "acme-data" has no requirements`}}},
		{"assessment passed as a rubric", `format: readycheck/assessment/v1
candidate: {name: Ada}
rubric: {id: acme}
answers: {}
`, []problem{{1, 9, `this file is an assessment (format "readycheck/assessment/v1"), not a rubric`}}},
		{"wrong format", "format: readycheck/rubric/v9\n" + head[len("format: readycheck/rubric/v1\n"):] + okCategories + okCompanies, []problem{{1, 9, `rubric format "readycheck/rubric/v9" is not supported`}}},
		{"empty file", "", []problem{{0, 0, "the file is empty"}}},
		{"only a comment", "# nothing yet\n", []problem{{0, 0, "the file is empty"}}},
		{"not UTF-8", head + "description: caf\xe9\n" + okCategories + okCompanies, []problem{{8, 17, "not valid UTF-8"}}},
		{"escape sequence in a title", head + okCategories + `companies:
  - id: acme-data
    name: "Acme \e[31mData"
    requirements:
      - {skill: sql, min: 1}
`, []problem{{17, 11, `contains a terminal escape sequence (ESC)`}}},
		{"control character", head + "description: \"a\\u0007b\"\n" + okCategories + okCompanies, []problem{{8, 14, `contains a control character (U+0007)`}}},
		{"bidi override", head + "description: \"abc\u202edef\"\n" + okCategories + okCompanies, []problem{{8, 14, `contains a bidirectional override character (U+202E)`}}},
		{"alias", head + `categories:
  - id: code
    title: &t Code
    skills:
      - {id: sql, title: *t}
` + okCompanies, []problem{{12, 26, `aliases are not supported`}}},
		{"all problems in one run", head + `categories:
  - id: Code
    title: Code
    skils: []
companies:
  - id: x
    name: X
    thresholds: {almost: 90, ready: 10}
    requirements:
      - {skill: nope, min: 1, weight: -1}
`, []problem{{9, 9, "not a valid id"}, {11, 5, `unknown field "skils" (did you mean "skills"?)`}, {11, 12, "has no skills"}, {15, 17, "out of order"}, {17, 17, `unknown skill "nope"`}, {17, 39, "weight -1"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, problems := rubric.Parse("acme.yaml", []byte(tc.src))
			errs := problems.Errors()
			if len(tc.want) == 0 {
				if len(errs) > 0 || r == nil {
					t.Fatalf("want no problems, got:\n%v", errs)
				}
				return
			}
			if r != nil {
				t.Errorf("an invalid rubric was returned")
			}
			if len(errs) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(errs), len(tc.want), errs)
			}
			for i, w := range tc.want {
				p := errs[i]
				if p.File != "acme.yaml" || p.Line != w.line || p.Column != w.col || !strings.Contains(p.Message, w.text) {
					t.Errorf("problem %d = %q\nwant acme.yaml:%d:%d: ...%s...", i, p.Error(), w.line, w.col, w.text)
				}
			}
		})
	}
}

// Problems print as FILE:LINE:COL: message, and never carry raw escapes.
func TestProblemFormat(t *testing.T) {
	_, problems := rubric.Parse("acme.yaml", []byte(head+okCategories+`companies:
  - id: acme-data
    name: Acme
    requirements:
      - {skill: "sq\u001b[2Jl", min: 1}
`))
	if len(problems) == 0 {
		t.Fatal("no problems")
	}
	for _, p := range problems {
		s := p.Error()
		if !strings.HasPrefix(s, "acme.yaml:19:") {
			t.Errorf("problem %q does not start with FILE:LINE:COL", s)
		}
		if strings.ContainsRune(s, 0x1b) {
			t.Errorf("problem %q carries an escape character to the terminal", s)
		}
	}
}

func TestFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	data := []byte(head + "description: " + strings.Repeat("x", yamlfile.MaxSize) + "\n")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := rubric.LoadFile(path)
	if err == nil || !strings.Contains(err.Error(), "over the 4.0 MiB limit") || !strings.HasPrefix(err.Error(), path+": ") {
		t.Fatalf("err = %v, want the size and the 4 MiB limit", err)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := rubric.LoadFile(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.Contains(err.Error(), "nope.yaml: no such file") {
		t.Fatalf("err = %v", err)
	}
}

// The billion laughs: aliases nest nine levels deep. It must be refused
// quickly, without expanding anything.
func TestAliasBomb(t *testing.T) {
	bomb := `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
format: readycheck/rubric/v1
id: bomb
title: Bomb
scales: *i
categories: *i
companies: *i
`
	done := make(chan struct{})
	var problems yamlfile.Problems
	go func() {
		_, problems = rubric.Parse("bomb.yaml", []byte(bomb))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("parsing an alias bomb did not finish within 5 seconds")
	}
	if problems.Err() == nil {
		t.Fatal("an alias bomb was accepted")
	}
}

func TestDefaults(t *testing.T) {
	r := mustParse(t, head+okCategories+`companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {any_of: [rest, sql], min: Capable}
      - {skill: dutch, min: "YES"}
`)
	c := r.Companies[0]
	if c.Almost != 60 || c.Ready != 80 {
		t.Errorf("thresholds = %v/%v, want the defaults 60/80", c.Almost, c.Ready)
	}
	any := c.Requirements[0]
	if any.ID != "rest-or-sql" || any.Title != "REST or SQL" || any.Weight != 1 || any.Min != 2 || !any.AnyOf {
		t.Errorf("any_of requirement = %+v", any)
	}
	yes := c.Requirements[1]
	if yes.ID != "dutch" || yes.Title != "Dutch" || yes.Min != 1 {
		t.Errorf("skill requirement = %+v", yes)
	}
	sql, _ := r.Skill("sql")
	if sql.Question != "How would you rate your SQL?" {
		t.Errorf("default question = %q", sql.Question)
	}
	if sql.Descriptor(1) != "" || sql.Scale.Name != "prof" {
		t.Errorf("sql scale = %s, descriptor %q", sql.Scale.Name, sql.Descriptor(1))
	}
	if !strings.HasPrefix(r.Digest, "sha256:") || len(r.Digest) != len("sha256:")+64 {
		t.Errorf("digest = %q", r.Digest)
	}
}
