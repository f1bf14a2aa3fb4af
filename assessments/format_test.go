package assessments_test

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

func smallRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile("testdata/small-rubric.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A hand-written file with only the required fields, levels as numbers and
// labels, a shorthand answer, and an answer for a skill the rubric lacks.
func TestParseHandWritten(t *testing.T) {
	r := smallRubric(t)
	a, err := assessments.LoadFile("testdata/ada.yaml")
	if err != nil {
		t.Fatal(err)
	}
	problems := a.Check(r)
	if problems.Err() != nil {
		t.Fatalf("check: %v", problems)
	}
	warnings := problems.Warnings()
	if len(warnings) != 1 || warnings[0].Line != 9 || !strings.Contains(warnings[0].Message, `skill "kotlin", which rubric "small" does not have; it is ignored`) {
		t.Errorf("warnings = %v, want one for kotlin at line 9", warnings)
	}
	want := map[string]int{"python": 2, "java": 3, "sql": 1, "dutch": 0}
	for id, lvl := range want {
		if got := a.Answers[id].Level; got != lvl {
			t.Errorf("%s level = %d, want %d", id, got, lvl)
		}
	}
	lv := a.Levels(r)
	if s, _ := r.Skill("testing"); lv[s.Index] != rubric.Unanswered {
		t.Errorf("testing should be unanswered")
	}
	if a.Status != assessments.InProgress || len(a.Targets) != 0 {
		t.Errorf("defaults: status %q targets %v", a.Status, a.Targets)
	}
	rv, ok := a.Review("grace hopper")
	if !ok || rv.Ratings["python"].Level != 1 || rv.Ratings["sql"].Rated() || rv.Summary != "Strong start." {
		t.Errorf("review = %+v", rv)
	}
	mentor := a.MentorLevels(r, rv)
	if s, _ := r.Skill("python"); mentor[s.Index] != 1 {
		t.Errorf("mentor view python = %d, want the mentor's 1", mentor[s.Index])
	}
	if s, _ := r.Skill("sql"); mentor[s.Index] != 1 {
		t.Errorf("mentor view sql = %d, want the candidate's 1 (the mentor only commented)", mentor[s.Index])
	}
}

func TestParseProblems(t *testing.T) {
	r := smallRubric(t)
	cases := []struct {
		name, src string
		line, col int
		text      string
		check     bool // the problem shows only against the rubric
	}{
		{"level above the scale", "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nanswers:\n  python: {level: 7}\n", 5, 19, `the answer for "python" is level 7, outside the scale "prof" of skill "python" (levels 0 to 4`, true},
		{"unknown label", "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nanswers:\n  python: Guru\n", 5, 11, `is "Guru", which is not a label of the scale "prof"`, true},
		{"negative level", "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nanswers:\n  python: -1\n", 5, 11, "is not a level", false},
		{"unknown key", "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nanwsers: {}\n", 4, 1, `unknown field "anwsers" (did you mean "answers"?)`, false},
		{"no candidate name", "format: readycheck/assessment/v1\ncandidate: {email: a@b.c}\nrubric: {id: small}\n", 2, 12, `candidate is missing the required field "name"`, false},
		{"review without reviewer", "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nreviews:\n  - ratings: {python: 2}\n", 5, 5, "has no reviewer", false},
		{"rating outside the scale", "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nreviews:\n  - reviewer: {name: G}\n    ratings:\n      dutch: {level: 2}\n", 7, 22, `the rating by "G" for "dutch" is level 2, outside the scale "yn"`, true},
		{"rubric passed as an assessment", "format: readycheck/rubric/v1\nid: x\n", 1, 9, "this file is a rubric", false},
		{"bad time", "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nstarted: yesterday\n", 4, 10, `started "yesterday" is not a date and time`, false},
		{"another rubric", "format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: other}\n", 0, 0, `taken against rubric "other", not "small"`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, problems := assessments.Parse("a.yaml", []byte(tc.src))
			if tc.check {
				if problems.Err() != nil {
					t.Fatalf("parse: %v", problems)
				}
				problems = a.Check(r)
			}
			errs := problems.Errors()
			if len(errs) != 1 {
				t.Fatalf("got %d problems, want 1: %v", len(errs), errs)
			}
			p := errs[0]
			if p.Line != tc.line || p.Column != tc.col || !strings.Contains(p.Message, tc.text) {
				t.Errorf("problem = %q, want a.yaml:%d:%d: ...%s...", p.Error(), tc.line, tc.col, tc.text)
			}
		})
	}
}

// The tool writes every field, levels as numbers, answers in rubric order,
// and what it writes reads back the same.
func TestEncodeRoundTrip(t *testing.T) {
	r := smallRubric(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	a := assessments.New(r, assessments.Person{Name: "Ada Lovelace", Email: "ada@example.org"}, []string{"beta"}, now)
	a.SetAnswer("sql", 2, now.Add(time.Minute))
	a.SetAnswer("python", 3, now.Add(2*time.Minute))
	a.SetNote("python", "Flask API: thesis\nwith tests", []string{"https://github.com/ada/x"}, now.Add(3*time.Minute))
	a.SetNote("testing", "Not yet", nil, now.Add(4*time.Minute))
	a.Reviews = append(a.Reviews, &assessments.Review{Reviewer: assessments.Person{Name: "Grace"}, Started: now, Updated: now,
		Ratings: map[string]*assessments.Rating{"python": {Level: 2, Comment: "no tests"}}, Summary: "Good"})
	b, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, want := range []string{
		"format: readycheck/assessment/v1\n",
		"candidate: {name: Ada Lovelace, email: ada@example.org}\n",
		"targets: [beta]\n",
		"status: in-progress\n",
		"started: 2026-11-23T10:00:00Z\n",
		"updated: 2026-11-23T10:04:00Z\n",
		"  python:\n    level: 3\n",
		"  sql: {level: 2}\n",
		"  testing:\n    note: Not yet\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("encoded file lacks %q:\n%s", want, text)
		}
	}
	if strings.Index(text, "  python:") > strings.Index(text, "  sql:") {
		t.Errorf("answers are not in rubric order:\n%s", text)
	}
	back, problems := assessments.Parse("a.yaml", b)
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	if p := back.Check(r); p.Err() != nil {
		t.Fatal(p)
	}
	b2, err := back.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if string(b2) != text {
		t.Errorf("round trip changed the file:\n%s\nvs\n%s", text, b2)
	}
	if !reflect.DeepEqual(back.Answers, a.Answers) {
		t.Errorf("answers changed in the round trip")
	}
}

// A note on a skipped skill keeps the skill unanswered; clearing the note
// removes the entry.
func TestNoteWithoutLevel(t *testing.T) {
	r := smallRubric(t)
	now := time.Now()
	a := assessments.New(r, assessments.Person{Name: "A"}, nil, now)
	a.SetNote("sql", "later", nil, now)
	if a.Answers["sql"].Answered() || a.Answered() != 0 {
		t.Errorf("a note made sql answered")
	}
	a.SetNote("sql", "", nil, now)
	if _, ok := a.Answers["sql"]; ok {
		t.Errorf("an empty note left an empty answer behind")
	}
}

func TestTargetCompanies(t *testing.T) {
	r := smallRubric(t)
	a := assessments.New(r, assessments.Person{Name: "A"}, []string{"beta"}, time.Now())
	cs, err := a.TargetCompanies(r, nil)
	if err != nil || len(cs) != 1 || cs[0].ID != "beta" {
		t.Errorf("targets = %v %v", cs, err)
	}
	cs, err = a.TargetCompanies(r, []string{"acme"})
	if err != nil || len(cs) != 1 || cs[0].ID != "acme" {
		t.Errorf("override = %v %v", cs, err)
	}
	if _, err := a.TargetCompanies(r, []string{"zeta"}); err == nil || !strings.Contains(err.Error(), `unknown company "zeta"`) {
		t.Errorf("unknown company err = %v", err)
	}
}

func FuzzParseAssessment(f *testing.F) {
	r := smallRubric(f)
	if b, err := os.ReadFile("testdata/ada.yaml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nanswers: {python: 9}\n"))
	f.Add([]byte("format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nreviews: [{reviewer: {name: G}, ratings: {sql: Capable}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, problems := assessments.Parse("fuzz.yaml", data)
		if a == nil {
			if problems.Err() == nil {
				t.Fatal("no assessment and no error")
			}
			return
		}
		if a.Check(r).Err() != nil {
			return
		}
		lv := a.Levels(r)
		for _, s := range r.Skills() {
			if lv[s.Index] > s.Scale.Top() {
				t.Fatalf("level %d above the scale of %s", lv[s.Index], s.ID)
			}
		}
		b, err := a.Encode()
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		back, problems := assessments.Parse("again.yaml", b)
		if problems.Err() != nil {
			t.Fatalf("what the tool wrote does not read back: %v\n%s", problems, b)
		}
		if back.Check(r).Err() != nil {
			t.Fatalf("what the tool wrote does not check: %s", b)
		}
		if !reflect.DeepEqual(back.Levels(r), lv) {
			t.Fatalf("levels changed in the round trip:\n%s", b)
		}
	})
}

// A review's rating for a skill the rubric lacks is a warning, and ignored
// by the mentor view.
func TestRatingForUnknownSkill(t *testing.T) {
	r := smallRubric(t)
	a, problems := assessments.Parse("a.yaml", []byte("format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nanswers: {python: 2}\nreviews:\n  - reviewer: {name: G}\n    ratings:\n      cobol: {level: 3}\n      python: 1\n"))
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	ps := a.Check(r)
	if ps.Err() != nil || len(ps.Warnings()) != 1 || ps.Warnings()[0].Line != 8 || !strings.Contains(ps.Warnings()[0].Message, `the rating by "G" for "cobol" is for skill "cobol"`) {
		t.Fatalf("problems = %v", ps)
	}
	rv, _ := a.Review("")
	lv := a.MentorLevels(r, rv)
	if s, _ := r.Skill("python"); lv[s.Index] != 1 {
		t.Errorf("mentor python = %d, want 1", lv[s.Index])
	}
}
