package cmd

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/creack/pty"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// The hand-computed example: testdata/ada.yaml against testdata/small.yaml.
//
// Acme (thresholds 60/80):
//
//	lang  any_of python 2, java 3 -> 3, min Capable 3: score 1,   weight 2
//	sql   1, min 2:                                     score 0.5, weight 1
//	dutch 0, min Yes 1, must:                           score 0,   weight 1
//	readiness 100 * (2 + 0.5 + 0) / 4 = 62.5; dutch is an unmet must: blocked
//
// Beta (thresholds 50/75):
//
//	python 2, min 2:            score 1, weight 1
//	testing unanswered (0), min 2: score 0, weight 3
//	readiness 100 * 1 / 4 = 25: not-yet
//
// Next steps, each skill raised by one level:
//
//	dutch 0->1:   Acme +25 (100*1/4), unblocks Acme
//	testing 0->1: Beta +37.5 (100*3*0.5/4)
//	sql 1->2:     Acme +12.5 (100*0.5/4)
//	python 2->3, java 3->4: no requirement rises (any_of already 3, Beta met)
//
// ordered by unblocks first, then gain: dutch, testing, sql.
const (
	ada   = "testdata/ada.yaml"
	small = "testdata/small.yaml"
)

func TestScoreText(t *testing.T) {
	out, errs, code := run(t, "score", ada, "--rubric", small)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden.RequireEqual(t, out)
	for _, want := range []string{
		"62.5%  ✗ BLOCKED",
		"25.0%  · NOT YET",
		"~ partial SQL",
		"Aware (1) < Beginner (2)",
		"Dutch university [must]",
		"1. Raise Dutch university from No to Yes: +25.0 points, unblocks Acme",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("colour escapes in output that is not a terminal")
	}
	for _, l := range strings.Split(out, "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("line wider than 80 (%d): %q", w, l)
		}
	}
	wantErr := "testdata/ada.yaml:13:3: warning: the answer for \"kotlin\" is for skill \"kotlin\", which rubric \"small\" does not have; it is ignored\n" +
		"warning: rubric \"small\" has changed since this assessment was taken (its digest differs); the answers are scored against the rubric as it is now\n"
	if errs != wantErr {
		t.Errorf("stderr = %q, want %q", errs, wantErr)
	}
}

func TestScoreMarkdown(t *testing.T) {
	out, errs, code := run(t, "score", ada, "--rubric", small, "--format", "markdown")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden.RequireEqual(t, out)
	for _, want := range []string{
		"| Acme | 62.5% | ✗ blocked |",
		"| Dutch university | No (0) | Yes (1) | 1 | ✗ unmet (must) |",
		`> Built a Flask API \| for my thesis`,
		"- <https://github.com/ada/thesis>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if !strings.Contains(errs, "changed since this assessment") {
		t.Errorf("no digest warning on stderr: %q", errs)
	}
}

// keySets are the exact keys of each object of score's JSON, by path; []
// stands for every element of a list.
var keySets = map[string]string{
	"":                           "candidate,companies,next_steps,rubric,unanswered,view,warnings",
	"candidate":                  "email,name",
	"rubric":                     "digest,id,version",
	"companies[]":                "id,name,readiness,requirements,verdict",
	"companies[].requirements[]": "id,level,met,must,required,score,skills,title,weight",
	// "unanswered" is there, true, only on an unanswered skill's step.
	"next_steps[]": "from,gain,skill,title,to,unblocks|from,gain,skill,title,to,unanswered,unblocks,up_to",
}

// checkKeys walks a decoded JSON value and compares every object's keys with
// keySets; lists must be lists, never null.
func checkKeys(t *testing.T, path string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		var ks []string
		for k := range v {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		want, ok := keySets[path]
		if !ok {
			t.Errorf("unexpected object at %q", path)
		} else if got := strings.Join(ks, ","); !slices.Contains(strings.Split(want, "|"), got) {
			t.Errorf("keys at %q = %s, want %s", path, got, want)
		}
		for k, x := range v {
			p := k
			if path != "" {
				p = path + "." + k
			}
			checkKeys(t, p, x)
		}
	case []any:
		for _, x := range v {
			checkKeys(t, path+"[]", x)
		}
	case nil:
		t.Errorf("null at %q", path)
	}
}

// scoreReport is score's JSON as a script reads it.
type scoreReport struct {
	Candidate struct{ Name, Email string }
	Rubric    struct{ ID, Version, Digest string }
	Companies []struct {
		ID, Name, Verdict string
		Readiness         float64
		Requirements      []struct {
			ID, Title       string
			Skills          []string
			Level, Required int
			Score, Weight   float64
			Met, Must       bool
		}
	}
	NextSteps []struct {
		Skill, Title string
		From, To     int
		Gain         float64
		Unblocks     []string
	} `json:"next_steps"`
	Unanswered []string
	Warnings   []string
}

func scoreJSON(t *testing.T, args ...string) scoreReport {
	t.Helper()
	out, errs, code := run(t, append([]string{"score", "--format", "json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if errs != "" {
		t.Errorf("JSON output printed on stderr too: %q", errs)
	}
	var doc any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	checkKeys(t, "", doc)
	if !strings.HasSuffix(out, "}\n") {
		t.Errorf("no final newline")
	}
	var rep scoreReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

// The JSON is a contract with scripts: exact keys, figures as computed by
// hand above.
func TestScoreJSON(t *testing.T) {
	rep := scoreJSON(t, ada, "--rubric", small)
	r, err := rubric.LoadFile(small)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Candidate.Name != "Ada Lovelace" || rep.Candidate.Email != "ada@example.org" {
		t.Errorf("candidate = %+v", rep.Candidate)
	}
	if rep.Rubric.ID != "small" || rep.Rubric.Version != "1" || rep.Rubric.Digest != r.Digest {
		t.Errorf("rubric = %+v, want the digest of the rubric used, %s", rep.Rubric, r.Digest)
	}
	type company struct {
		id, name, verdict string
		readiness         float64
	}
	var companies []company
	for _, c := range rep.Companies {
		companies = append(companies, company{c.ID, c.Name, c.Verdict, c.Readiness})
	}
	if want := []company{{"acme", "Acme", "blocked", 62.5}, {"beta", "Beta", "not-yet", 25}}; !reflect.DeepEqual(companies, want) {
		t.Fatalf("companies = %+v, want %+v", companies, want)
	}
	type requirement struct {
		id, title       string
		skills          []string
		level, required int
		score, weight   float64
		met, must       bool
	}
	var reqs []requirement
	for _, c := range rep.Companies {
		for _, q := range c.Requirements {
			reqs = append(reqs, requirement{q.ID, q.Title, q.Skills, q.Level, q.Required, q.Score, q.Weight, q.Met, q.Must})
		}
	}
	wantReqs := []requirement{
		{"lang", "Python or Java", []string{"python", "java"}, 3, 3, 1, 2, true, false},
		{"sql", "SQL", []string{"sql"}, 1, 2, 0.5, 1, false, false},
		{"dutch", "Dutch university", []string{"dutch"}, 0, 1, 0, 1, false, true},
		{"python", "Python", []string{"python"}, 2, 2, 1, 1, true, false},
		{"testing", "Testing", []string{"testing"}, 0, 2, 0, 3, false, false},
	}
	if !reflect.DeepEqual(reqs, wantReqs) {
		t.Errorf("requirements =\n%+v\nwant\n%+v", reqs, wantReqs)
	}
	type step struct {
		skill, title string
		from, to     int
		gain         float64
		unblocks     []string
	}
	var steps []step
	for _, s := range rep.NextSteps {
		steps = append(steps, step{s.Skill, s.Title, s.From, s.To, s.Gain, s.Unblocks})
	}
	wantSteps := []step{
		{"dutch", "Dutch university", 0, 1, 25, []string{"acme"}},
		{"testing", "Testing", 0, 1, 37.5, []string{}},
		{"sql", "SQL", 1, 2, 12.5, []string{}},
	}
	if !reflect.DeepEqual(steps, wantSteps) {
		t.Errorf("next steps =\n%+v\nwant\n%+v", steps, wantSteps)
	}
	if !reflect.DeepEqual(rep.Unanswered, []string{"testing"}) {
		t.Errorf("unanswered = %v", rep.Unanswered)
	}
	if len(rep.Warnings) != 2 || !strings.Contains(rep.Warnings[0], `"kotlin"`) || !strings.Contains(rep.Warnings[1], "changed since this assessment") {
		t.Errorf("warnings = %q", rep.Warnings)
	}
}

// Scores are rounded to four decimals, readiness and gain to one.
func TestScoreJSONRounding(t *testing.T) {
	rep := scoreJSON(t, "testdata/readme-assessment.yaml", "--rubric", "../rubric/testdata/readme-example.yaml")
	if c := rep.Companies[0]; c.Readiness != 66.7 || c.Requirements[0].Score != 0.6667 {
		t.Errorf("readiness %v, score %v; want 66.7 and 0.6667", c.Readiness, c.Requirements[0].Score)
	}
	if len(rep.NextSteps) != 2 || rep.NextSteps[0].Gain != 16.7 || rep.NextSteps[1].Gain != 16.7 {
		t.Errorf("next steps = %+v", rep.NextSteps)
	}
}

// The worked example of docs/rubric-format.md, in figures: testdata/readme-assessment.yaml
// against rubric/testdata/readme-example.yaml.
//
//	language: any_of python 2 (java unanswered, 0) -> 2, min Capable 3: 2/3, weight 3
//	sql 3, min Beginner 2: 1, weight 2
//	enrolled No 0, min Yes 1, must: 0, weight 1
//	readiness 100 * (3*2/3 + 2*1 + 1*0) / 6 = 66.666... -> 66.7: blocked (almost without the must)
//	raise enrolled to Yes: +100*1/6 = 16.7 and unblocks Acme; python to Capable: +100*3*(1/3)/6 = 16.7
func TestScoreREADMEExample(t *testing.T) {
	out, _, code := run(t, "score", "testdata/readme-assessment.yaml", "--rubric", "../rubric/testdata/readme-example.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	golden.RequireEqual(t, out)
	for _, want := range []string{
		"66.7%  ✗ BLOCKED",
		"Blocked by Enrolled at a Dutch university (must)",
		"~ partial Python or Java",
		"1. Raise Enrolled at a Dutch university from No to Yes: +16.7 points,\n     unblocks Acme",
		"2. Raise Python from Beginner to Capable: +16.7 points",
		"Unanswered (1, counted as level 0)\n  Java",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
}

func TestScoreDigest(t *testing.T) {
	r, err := rubric.LoadFile(small)
	if err != nil {
		t.Fatal(err)
	}
	base := readFile(t, ada)
	same := writeFile(t, "same.yaml", strings.Replace(base, "sha256:0000000000000000000000000000000000000000000000000000000000000000", r.Digest, 1))
	none := writeFile(t, "none.yaml", strings.Replace(base, `, digest: "sha256:0000000000000000000000000000000000000000000000000000000000000000"`, "", 1))
	for _, c := range []struct {
		file    string
		warning bool
	}{{ada, true}, {same, false}, {none, false}} {
		rep := scoreJSON(t, c.file, "--rubric", small)
		got := slices.ContainsFunc(rep.Warnings, func(w string) bool { return strings.Contains(w, "changed since this assessment") })
		if got != c.warning {
			t.Errorf("%s: digest warning %v, want %v (%q)", c.file, got, c.warning, rep.Warnings)
		}
	}
}

func TestScoreBuiltinRubric(t *testing.T) {
	b, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "zoe.yaml", "format: readycheck/assessment/v1\ncandidate: {name: Zoë}\nrubric: {id: backend-internship}\ntargets: [dept]\nanswers:\n  python: {level: Capable}\n")
	rep := scoreJSON(t, file)
	if rep.Rubric.ID != b.ID || rep.Rubric.Digest != b.Digest || len(rep.Warnings) != 0 {
		t.Errorf("rubric %+v warnings %q", rep.Rubric, rep.Warnings)
	}
	if len(rep.Companies) != 1 || rep.Companies[0].ID != "dept" || rep.Companies[0].Verdict != "blocked" {
		t.Errorf("companies = %+v", rep.Companies)
	}
	if len(rep.Unanswered) != len(b.Skills())-1 {
		t.Errorf("%d unanswered, want %d", len(rep.Unanswered), len(b.Skills())-1)
	}
}

// --company replaces the assessment's targets; companies keep rubric order.
func TestScoreCompanies(t *testing.T) {
	rep := scoreJSON(t, ada, "--rubric", small, "--company", "beta")
	if len(rep.Companies) != 1 || rep.Companies[0].ID != "beta" || rep.Companies[0].Readiness != 25 {
		t.Errorf("--company beta: %+v", rep.Companies)
	}
	// Only Beta is a target: the next steps are Beta's alone.
	if len(rep.NextSteps) != 1 || rep.NextSteps[0].Skill != "testing" || rep.NextSteps[0].Gain != 37.5 {
		t.Errorf("--company beta next steps: %+v", rep.NextSteps)
	}
	rep = scoreJSON(t, ada, "--rubric", small, "--company", "beta", "--company", "acme")
	if len(rep.Companies) != 2 || rep.Companies[0].ID != "acme" || rep.Companies[1].ID != "beta" {
		t.Errorf("--company beta --company acme: %+v", rep.Companies)
	}
}

func TestScoreErrors(t *testing.T) {
	badTargets := writeFile(t, "targets.yaml", strings.Replace(readFile(t, ada), "targets: []", "targets: [acme, gamma]", 1))
	badLevel := writeFile(t, "level.yaml", strings.Replace(readFile(t, ada), "java: {level: 3}", "java: {level: 7}", 1))
	badRubric := writeFile(t, "rubric.yaml", strings.Replace(readFile(t, small), "{skill: sql, min: 2}", "{skill: sql, min: 9}", 1))
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown company", []string{ada, "--rubric", small, "--company", "zeta"},
			`readycheck: unknown company "zeta" in rubric "small"; its companies are: acme, beta`},
		{"unknown target in the file", []string{badTargets, "--rubric", small},
			`readycheck: ` + badTargets + `: its targets name an unknown company "gamma" in rubric "small"; its companies are: acme, beta; fix them, or pass --company ID`},
		{"no --rubric for another rubric", []string{ada},
			`taken against rubric "small", not the built-in "backend-internship"; pass that rubric with --rubric FILE`},
		{"level outside the scale", []string{badLevel, "--rubric", small},
			badLevel + `:10:17: the answer for "java" is level 7, outside the scale "prof" of skill "java" (levels 0 to 4: 0 None, 1 Aware, 2 Beginner, 3 Capable, 4 Expert)`},
		{"invalid rubric", []string{ada, "--rubric", badRubric},
			badRubric + `:34:27: requirement "sql" of company "acme" has min 9, outside its scale "prof"`},
		{"missing assessment", []string{"testdata/nobody.yaml", "--rubric", small},
			`testdata/nobody.yaml: no such file`},
		{"a rubric given as the assessment", []string{small, "--rubric", small},
			`testdata/small.yaml:1:9: this file is a rubric`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := run(t, append([]string{"score"}, c.args...)...)
			if code != ExitFailure || out != "" {
				t.Errorf("exit %d, stdout %q; want exit 1 and nothing on stdout", code, out)
			}
			if !strings.Contains(errs, c.want) {
				t.Errorf("stderr = %q, want it to contain %q", errs, c.want)
			}
		})
	}
}

// Colour only on a terminal, and never with NO_COLOR set to anything.
func TestTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: 100, Rows: 30}); err != nil {
		t.Fatal(err)
	}
	file, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	cases := []struct {
		name    string
		w       any
		noColor string
		width   int
		color   bool
	}{
		{"terminal", tty, "", 100, true},
		{"terminal, NO_COLOR=1", tty, "1", 100, false},
		{"terminal, NO_COLOR=false", tty, "false", 100, false},
		{"file", file, "", 80, false},
		{"buffer", &strings.Builder{}, "", 80, false},
	}
	for _, c := range cases {
		w := c.w.(interface{ Write([]byte) (int, error) })
		width, color := outputWidth(w, "", c.noColor)
		if width != c.width || color != c.color {
			t.Errorf("%s: width %d colour %v, want %d %v", c.name, width, color, c.width, c.color)
		}
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: 300, Rows: 30}); err != nil {
		t.Fatal(err)
	}
	if width, _ := outputWidth(tty, "", ""); width != 120 {
		t.Errorf("a 300-column terminal: width %d, want 120", width)
	}
	// COLUMNS wins over the terminal and over no terminal, under the same
	// cap; a value that is not a positive number is ignored.
	for _, c := range []struct {
		name, columns string
		w             any
		width         int
	}{
		{"terminal, COLUMNS=90", "90", tty, 90},
		{"file, COLUMNS=60", "60", file, 60},
		{"buffer, COLUMNS=100", "100", &strings.Builder{}, 100},
		{"buffer, COLUMNS=200", "200", &strings.Builder{}, 120},
		{"buffer, COLUMNS=wide", "wide", &strings.Builder{}, 80},
		{"buffer, COLUMNS=0", "0", &strings.Builder{}, 80},
	} {
		w := c.w.(interface{ Write([]byte) (int, error) })
		if width, _ := outputWidth(w, c.columns, ""); width != c.width {
			t.Errorf("%s: width %d, want %d", c.name, width, c.width)
		}
	}
}

// docs/rubric-format.md (the rubric authoring guide, linked from the README)
// shows the worked example as it is tested here: the rubric, the assessment
// and the text report, verbatim.
func TestREADMEShowsTheWorkedExample(t *testing.T) {
	const doc = "../docs/rubric-format.md"
	guide, err := os.ReadFile(doc)
	if err != nil || !strings.Contains(string(guide), "## Rubric authoring guide") {
		t.Fatalf("%s has no rubric authoring guide: %v", doc, err)
	}
	for _, path := range []string{"../rubric/testdata/readme-example.yaml", "testdata/readme-assessment.yaml", "testdata/TestScoreREADMEExample.golden"} {
		if !strings.Contains(string(guide), readFile(t, path)) {
			t.Errorf("%s does not show %s verbatim", doc, path)
		}
	}
}

// An unanswered skill counts 0 but is never shown as a level: the count
// and how to answer them come first, its requirement says "not answered",
// its next step asks to answer it, and the JSON marks that step.
func TestScoreUnanswered(t *testing.T) {
	out, _, _ := run(t, "score", ada, "--rubric", small)
	lines := strings.Split(out, "\n")
	if len(lines) < 4 || lines[2] != "1 skill not answered (counted as 0); to answer it, run:" || lines[3] != "  readycheck --rubric "+small+" --resume testdata/ada.yaml" {
		t.Errorf("the unanswered count is not at the top:\n%s", out)
	}
	for _, want := range []string{
		"✗ unmet   Testing  not answered < Beginner (2)",
		"2. Answer Testing (counted as 0 now): up to +75.0 points",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Raise Testing") || strings.Contains(out, "None (0) < Beginner") {
		t.Errorf("the unanswered skill is shown as a level:\n%s", out)
	}
	doc, _, _ := run(t, "score", ada, "--rubric", small, "--format", "markdown")
	for _, want := range []string{
		"\n\n**1 skill not answered** (counted as 0); to answer it, run `readycheck --rubric " + small + " --resume testdata/ada.yaml`.\n\n> **Warning:**",
		"| Testing | not answered | Beginner (2) | 3 | ✗ unmet |",
		"2. Answer Testing (counted as 0 now): up to +75.0 points",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, doc)
		}
	}
	if strings.Contains(doc, "Raise Testing") || strings.Contains(doc, "None (0)") {
		t.Errorf("the unanswered skill is shown as a level:\n%s", doc)
	}
	js, _, _ := run(t, "score", ada, "--rubric", small, "--format", "json")
	var rep struct {
		NextSteps []map[string]any `json:"next_steps"`
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	for _, st := range rep.NextSteps {
		if u, ok := st["unanswered"]; (st["skill"] == "testing") != ok || ok && u != true {
			t.Errorf("next step %v: unanswered = %v, %v", st["skill"], u, ok)
		}
		// "up to" is answering at the top of the scale (Beta 25 → 100);
		// "gain" stays the first level's, as for every step.
		if st["skill"] == "testing" && (st["up_to"] != 75.0 || st["gain"] != 37.5) {
			t.Errorf("testing: up_to %v, gain %v; want 75 and 37.5", st["up_to"], st["gain"])
		}
	}

	// The mentor's and both views: sql and testing unanswered; Grace rates
	// sql 3 and only comments on testing.
	reviewed := writeFile(t, "reviewed.yaml", strings.NewReplacer("  sql: {level: 1}\n", "", "  testing: {level: 2}\n", "").Replace(readFile(t, "testdata/reviewed.yaml")))
	mentor, errs, code := run(t, "score", reviewed, "--rubric", small, "--view", "mentor")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"1 skill neither answered nor rated (counted as 0); to rate it, run:\n  readycheck review --rubric " + small + " " + reviewed + "\n",
		"Testing  not answered < Beginner (2)",
		"Answer Testing (counted as 0 now): up to +75.0 points",
	} {
		if !strings.Contains(mentor, want) {
			t.Errorf("the mentor view lacks %q:\n%s", want, mentor)
		}
	}
	for _, format := range []string{"text", "markdown"} {
		both, _, _ := run(t, "score", reviewed, "--rubric", small, "--view", "both", "--format", format)
		for _, want := range []string{
			"2 skills not answered (counted as 0); to answer them, run",
			"SQL: not answered (counted as 0) vs Capable (3)",
			"Answer Testing (counted as 0 now): up to +75.0 points",
		} {
			if !strings.Contains(strings.ReplaceAll(both, "**", ""), want) {
				t.Errorf("%s: both views lack %q:\n%s", format, want, both)
			}
		}
		if format == "markdown" && !strings.Contains(both, "| Testing | Beginner (2) | not answered ✗ unmet | not answered ✗ unmet |") {
			t.Errorf("both views' table shows a level for an unanswered skill:\n%s", both)
		}
		if strings.Contains(both, "None (0)") {
			t.Errorf("%s: both views show an unanswered skill as a level:\n%s", format, both)
		}
	}
}
