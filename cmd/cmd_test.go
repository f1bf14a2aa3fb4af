package cmd

import (
	"bytes"

	"charm.land/fang/v2"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/rubric"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// run runs readycheck in-process and returns its output and exit status.
func run(t *testing.T, args ...string) (stdout, errout string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	old := stderr
	stderr = &errb
	defer func() { stderr = old }()
	assessOpts = assessFlags{}
	root := NewRoot()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	err := root.Execute()
	if err != nil {
		handleError(&errb, fang.Styles{}, err)
	}
	return out.String(), errb.String(), exitCode(err)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run with -update after checking):\n%s", name, got)
	}
}

func TestValidate(t *testing.T) {
	out, _, code := run(t, "validate", "testdata/small.yaml", "../rubric/builtin/backend-internship.yaml")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := "testdata/small.yaml: valid rubric \"small\" (2 categories, 5 skills, 2 companies)\n" +
		"../rubric/builtin/backend-internship.yaml: valid rubric \"backend-internship\" (9 categories, 38 skills, 3 companies)\n"
	if out != want {
		t.Errorf("stdout = %q", out)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("format: readycheck/rubric/v1\nid: Bad\ntitle: x\nskales: {}\n"), 0o600)
	out, errs, code := run(t, "validate", "testdata/small.yaml", bad, "testdata/ada.yaml")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(out, "small.yaml: valid") {
		t.Errorf("the valid file was not reported: %q", out)
	}
	for _, want := range []string{
		bad + ":2:5: the rubric id \"Bad\" is not a valid id",
		bad + ":4:1: the rubric has an unknown field \"skales\" (did you mean \"scales\"?)",
		"testdata/ada.yaml:1:9: this file is an assessment",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if _, _, code := run(t, "validate"); code != 2 {
		t.Errorf("validate with no file: exit %d, want 2", code)
	}
}

func TestRealWorldValidates(t *testing.T) {
	const path = "../../shared/realworld/data-skills-matrix.yaml"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no real-world rubric")
	}
	out, errs, code := run(t, "validate", path)
	if code != 0 || !strings.Contains(out, "(14 categories, 47 skills, 24 companies)") {
		t.Errorf("exit %d: %s %s", code, out, errs)
	}
}

func TestScoreText(t *testing.T) {
	out, errs, code := run(t, "score", "testdata/ada.yaml", "--rubric", "testdata/small.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "ada.txt", out)
	for _, want := range []string{"changed since this assessment", `ada.yaml:13:3: warning: the answer for "kotlin"`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q: %s", want, errs)
		}
	}
}

func TestScoreMarkdown(t *testing.T) {
	out, _, code := run(t, "score", "testdata/ada.yaml", "--rubric", "testdata/small.yaml", "--format", "markdown")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	golden(t, "ada.md", out)
	if !strings.Contains(out, `Built a Flask API \| for my thesis`) {
		t.Errorf("a | in a note is not escaped")
	}
}

// The JSON is a contract: exact keys, hand-computed figures (see
// rubric/score_test.go for the arithmetic of this example).
func TestScoreJSON(t *testing.T) {
	out, _, code := run(t, "score", "testdata/ada.yaml", "--rubric", "testdata/small.yaml", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m any) string {
		var ks []string
		for k := range m.(map[string]any) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return strings.Join(ks, ",")
	}
	checks := map[string][2]any{
		"top":         {keys(doc), "candidate,companies,next_steps,rubric,unanswered,warnings"},
		"candidate":   {keys(doc["candidate"]), "email,name"},
		"rubric":      {keys(doc["rubric"]), "digest,id,version"},
		"company":     {keys(doc["companies"].([]any)[0]), "id,name,readiness,requirements,verdict"},
		"requirement": {keys(doc["companies"].([]any)[0].(map[string]any)["requirements"].([]any)[0]), "id,level,met,must,required,score,skills,title,weight"},
		"next step":   {keys(doc["next_steps"].([]any)[0]), "from,gain,skill,title,to,unblocks"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s keys = %v, want %v", name, c[0], c[1])
		}
	}
	var rep struct {
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
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	r, _ := rubric.LoadFile("testdata/small.yaml")
	if rep.Candidate.Name != "Ada Lovelace" || rep.Rubric.ID != "small" || rep.Rubric.Digest != r.Digest {
		t.Errorf("header = %+v %+v", rep.Candidate, rep.Rubric)
	}
	if len(rep.Companies) != 2 || rep.Companies[0].Readiness != 62.5 || rep.Companies[0].Verdict != "blocked" || rep.Companies[1].Readiness != 25 || rep.Companies[1].Verdict != "not-yet" {
		t.Errorf("companies = %+v", rep.Companies)
	}
	lang := rep.Companies[0].Requirements[0]
	if lang.ID != "lang" || !reflect.DeepEqual(lang.Skills, []string{"python", "java"}) || lang.Level != 3 || lang.Required != 3 || lang.Score != 1 || !lang.Met || lang.Weight != 2 || lang.Title != "Python or Java" {
		t.Errorf("lang = %+v", lang)
	}
	sql := rep.Companies[0].Requirements[1]
	if sql.Score != 0.5 || sql.Met || sql.Level != 1 || sql.Required != 2 {
		t.Errorf("sql = %+v", sql)
	}
	if !rep.Companies[0].Requirements[2].Must {
		t.Errorf("dutch should be a must")
	}
	if len(rep.NextSteps) != 3 || rep.NextSteps[0].Skill != "dutch" || rep.NextSteps[0].Gain != 25 || !reflect.DeepEqual(rep.NextSteps[0].Unblocks, []string{"acme"}) ||
		rep.NextSteps[1].Skill != "testing" || rep.NextSteps[1].Gain != 37.5 || rep.NextSteps[2].Skill != "sql" || rep.NextSteps[2].Gain != 12.5 {
		t.Errorf("next steps = %+v", rep.NextSteps)
	}
	if !reflect.DeepEqual(rep.Unanswered, []string{"testing"}) || len(rep.Warnings) != 2 {
		t.Errorf("unanswered %v warnings %v", rep.Unanswered, rep.Warnings)
	}
}

func TestScoreOptions(t *testing.T) {
	out, _, code := run(t, "score", "testdata/ada.yaml", "--rubric", "testdata/small.yaml", "--company", "beta", "--format", "json")
	if code != 0 || strings.Count(out, `"verdict"`) != 1 || !strings.Contains(out, `"id": "beta"`) {
		t.Errorf("--company beta: exit %d\n%s", code, out)
	}
	_, errs, code := run(t, "score", "testdata/ada.yaml", "--rubric", "testdata/small.yaml", "--company", "zeta")
	if code != 1 || !strings.Contains(errs, `unknown company "zeta" in rubric "small"; its companies are: acme, beta`) {
		t.Errorf("unknown company: exit %d %s", code, errs)
	}
	_, errs, code = run(t, "score", "testdata/ada.yaml")
	if code != 1 || !strings.Contains(errs, `taken against rubric "small", not the built-in "backend-internship"; pass that rubric with --rubric FILE`) {
		t.Errorf("missing --rubric: exit %d %s", code, errs)
	}
	if _, _, code = run(t, "score", "testdata/ada.yaml", "--format", "xml"); code != 2 {
		t.Errorf("bad format: exit %d, want 2", code)
	}
	if _, _, code = run(t, "score"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
	if _, _, code = run(t, "nonsense"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestRubricInit(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "acme.yaml")
	out, errs, code := run(t, "rubric", "init", file)
	if code != 0 || !strings.Contains(out, "Wrote "+file) {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	data, _ := os.ReadFile(file)
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=./readycheck-rubric.schema.json\n") {
		t.Errorf("no schema modeline: %.80s", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "readycheck-rubric.schema.json")); err != nil {
		t.Errorf("schema not written beside it: %v", err)
	}
	if _, _, code := run(t, "validate", file); code != 0 {
		t.Errorf("the written rubric does not validate")
	}
	_, errs, code = run(t, "rubric", "init", file)
	if code != 1 || !strings.Contains(errs, "already exists") || !strings.Contains(errs, "--force") {
		t.Errorf("overwrite: exit %d %s", code, errs)
	}
	os.WriteFile(file, []byte("changed"), 0o644)
	if _, _, code := run(t, "rubric", "init", "--force", file); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
	if b, _ := os.ReadFile(file); string(b) == "changed" {
		t.Errorf("--force did not overwrite")
	}
}
