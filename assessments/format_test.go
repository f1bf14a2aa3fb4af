package assessments_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// smallRubric is testdata/small-rubric.yaml: python, java, sql, testing on
// the scale prof (0 None .. 4 Expert), dutch on yn (0 No, 1 Yes); companies
// acme and beta.
func smallRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, err := rubric.LoadFile("testdata/small-rubric.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// parseChecked parses src and checks it against r, failing on any error.
func parseChecked(t *testing.T, r *rubric.Rubric, src string) (*assessments.Assessment, []string) {
	t.Helper()
	a, problems := assessments.Parse("a.yaml", []byte(src))
	if err := problems.Err(); err != nil {
		t.Fatalf("parse: %v", err)
	}
	checked := a.Check(r)
	if err := checked.Err(); err != nil {
		t.Fatalf("check: %v", err)
	}
	var warnings []string
	for _, p := range append(problems, checked...) {
		warnings = append(warnings, p.Error())
	}
	return a, warnings
}

// A hand-written file needs only format, candidate.name, rubric.id and
// answers; everything else takes its default.
func TestMinimalFile(t *testing.T) {
	r := smallRubric(t)
	a, warnings := parseChecked(t, r, `format: readycheck/assessment/v1
candidate: {name: Ada Lovelace}
rubric: {id: small}
answers: {}
`)
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	if a.Candidate.Name != "Ada Lovelace" || a.Candidate.Email != "" || a.Rubric.ID != "small" || a.Rubric.Version != "" || a.Rubric.Digest != "" {
		t.Errorf("candidate %+v, rubric %+v", a.Candidate, a.Rubric)
	}
	if a.Status != assessments.InProgress || a.Targets != nil || !a.Started.IsZero() || !a.Updated.IsZero() || len(a.Answers) != 0 || len(a.Reviews) != 0 {
		t.Errorf("defaults: status %q, targets %v, started %v, updated %v, %d answers, %d reviews", a.Status, a.Targets, a.Started, a.Updated, len(a.Answers), len(a.Reviews))
	}
	// No targets: all companies, in rubric order.
	cs, err := a.TargetCompanies(r, nil)
	if err != nil || len(cs) != 2 || cs[0].ID != "acme" || cs[1].ID != "beta" {
		t.Errorf("targets = %v %v, want acme, beta", cs, err)
	}
	// Every skill unanswered.
	for _, lvl := range a.Levels(r) {
		if lvl != rubric.Unanswered {
			t.Errorf("levels = %v, want all unanswered", a.Levels(r))
			break
		}
	}
}

// Levels may be numbers or labels (any case, in quotes or not), written in
// full or as a shorthand; Check turns labels into numbers. An answer for a
// skill the rubric lacks is a warning at its key, and is ignored.
func TestLevelsAsLabels(t *testing.T) {
	r := smallRubric(t)
	a, warnings := parseChecked(t, r, `format: readycheck/assessment/v1
candidate: {name: Ada Lovelace}
rubric: {id: small}
answers:
  python: {level: Beginner, note: Built a Flask API}
  java: CAPABLE
  sql: "aware"
  testing: "3"
  dutch: {level: "Yes"}
  kotlin: {level: 2}
`)
	want := []string{`a.yaml:10:3: warning: the answer for "kotlin" is for skill "kotlin", which rubric "small" does not have; it is ignored`}
	if strings.Join(warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
	wantLevels := map[string]int{"python": 2, "java": 3, "sql": 1, "testing": 3, "dutch": 1, "kotlin": 2}
	for id, lvl := range wantLevels {
		if got := a.Answers[id].Level; got != lvl {
			t.Errorf("%s level = %d, want %d", id, got, lvl)
		}
	}
	// Levels follows rubric order and leaves kotlin out.
	if got, want := a.Levels(r), (rubric.Levels{2, 3, 1, 3, 1}); !reflect.DeepEqual(got, want) {
		t.Errorf("Levels = %v, want %v", got, want)
	}
	if a.Answered() != 6 || a.Answers["python"].Note != "Built a Flask API" {
		t.Errorf("answered %d, python note %q", a.Answered(), a.Answers["python"].Note)
	}
}

// A review's ratings override the candidate's answers in the mentor's view
// where they have a level; a comment alone keeps the candidate's.
func TestReviewsAndMentorLevels(t *testing.T) {
	r := smallRubric(t)
	a, err := assessments.LoadFile("testdata/ada.yaml")
	if err != nil {
		t.Fatal(err)
	}
	problems := a.Check(r)
	want := `testdata/ada.yaml:9:3: warning: the answer for "kotlin" is for skill "kotlin", which rubric "small" does not have; it is ignored`
	if problems.Err() != nil || len(problems) != 1 || problems[0].Error() != want {
		t.Fatalf("check = %v, want the one warning %s", problems, want)
	}
	rv, ok := a.Review("grace hopper")
	if !ok || rv.Reviewer.Name != "Grace Hopper" || rv.Summary != "Strong start." || len(rv.Ratings) != 2 {
		t.Fatalf("review = %+v", rv)
	}
	if py := rv.Ratings["python"]; py.Level != 1 || py.Comment != "The API has no tests yet" {
		t.Errorf("python rating = %+v", py)
	}
	if sql := rv.Ratings["sql"]; sql.Rated() || sql.Comment != "Practise joins" {
		t.Errorf("sql rating = %+v, want a comment without a level", sql)
	}
	// Candidate: python 2, java 3, sql 1, testing -, dutch 0.
	// Mentor:    python 1 (rated), the rest the candidate's.
	if got, want := a.MentorLevels(r, rv), (rubric.Levels{1, 3, 1, rubric.Unanswered, 0}); !reflect.DeepEqual(got, want) {
		t.Errorf("MentorLevels = %v, want %v", got, want)
	}
	if got, want := a.Levels(r), (rubric.Levels{2, 3, 1, rubric.Unanswered, 0}); !reflect.DeepEqual(got, want) {
		t.Errorf("Levels = %v, want %v (a review never changes the answers)", got, want)
	}
	if _, ok := a.Review("Alan Turing"); ok {
		t.Errorf("found a review by someone who wrote none")
	}
}

// fullAssessment has every field the format knows, set.
func fullAssessment(r *rubric.Rubric) *assessments.Assessment {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	a := assessments.New(r, assessments.Person{Name: "Ada Lovelace", Email: "ada@example.org"}, []string{"acme", "beta"}, now)
	a.SetAnswer("sql", 2, now.Add(time.Minute))
	a.SetAnswer("python", 3, now.Add(2*time.Minute))
	a.SetNote("python", "Built a Flask API: thesis\nwith tests", []string{"https://github.com/ada/thesis", "#1 in class"}, now.Add(3*time.Minute))
	a.SetNote("testing", "Not yet", nil, now.Add(4*time.Minute))
	a.SetAnswer("dutch", 0, now.Add(20*time.Minute))
	a.Status = assessments.Complete
	a.Reviews = append(a.Reviews, &assessments.Review{
		Reviewer: assessments.Person{Name: "Grace Hopper", Email: "grace@example.org"},
		Started:  time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
		Updated:  time.Date(2026, 11, 30, 9, 40, 0, 0, time.UTC),
		Ratings: map[string]*assessments.Rating{
			"python": {Level: 2, Comment: "The API has no tests yet"},
			"sql":    {Level: rubric.Unanswered, Comment: "Practise joins"},
			"dutch":  {Level: 1},
		},
		Summary: "Strong on data; practise SQL joins before applying.",
	})
	return a
}

// What the tool writes: every field, levels as numbers, answers and
// ratings in rubric order, multi-line text as a block.
const fullYAML = `format: readycheck/assessment/v1
candidate: {name: Ada Lovelace, email: ada@example.org}
rubric: {id: small, version: "1", digest: 'sha256:DIGEST'}
targets: [acme, beta]
status: complete
started: 2026-11-23T10:00:00Z
updated: 2026-11-23T10:20:00Z
answers:
  python:
    level: 3
    note: |-
      Built a Flask API: thesis
      with tests
    evidence:
      - https://github.com/ada/thesis
      - '#1 in class'
  sql: {level: 2}
  testing:
    note: Not yet
  dutch: {level: 0}
reviews:
  - reviewer: {name: Grace Hopper, email: grace@example.org}
    started: 2026-11-30T09:00:00Z
    updated: 2026-11-30T09:40:00Z
    ratings:
      python:
        level: 2
        comment: The API has no tests yet
      sql:
        comment: Practise joins
      dutch: {level: 1}
    summary: Strong on data; practise SQL joins before applying.
`

func TestEncodeEveryField(t *testing.T) {
	r := smallRubric(t)
	b, err := fullAssessment(r).Encode()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(fullYAML, "sha256:DIGEST", r.Digest, 1)
	if string(b) != want {
		t.Errorf("encoded:\n%s\nwant:\n%s", b, want)
	}
}

// A file read with labels is written back with numbers.
func TestEncodeWritesNumbers(t *testing.T) {
	r := smallRubric(t)
	a, _ := parseChecked(t, r, `format: readycheck/assessment/v1
candidate: {name: Ada}
rubric: {id: small}
answers: {dutch: "yes", sql: Aware, python: expert}
reviews:
  - reviewer: {name: Grace}
    ratings: {python: capable}
`)
	b, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	want := `format: readycheck/assessment/v1
candidate: {name: Ada}
rubric: {id: small, version: "", digest: ""}
targets: []
status: in-progress
started: null
updated: null
answers:
  python: {level: 4}
  sql: {level: 1}
  dutch: {level: 1}
reviews:
  - reviewer: {name: Grace}
    started: null
    updated: null
    ratings:
      python: {level: 3}
`
	if string(b) != want {
		t.Errorf("encoded:\n%s\nwant:\n%s", b, want)
	}
}

// Encode, Parse, Check and Encode again gives the same bytes, for every
// shape of answer and text that needs quoting.
func TestRoundTrip(t *testing.T) {
	r := smallRubric(t)
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	odd := assessments.New(r, assessments.Person{Name: "Zoë 'Z' O\"Neil: #1"}, nil, now)
	odd.SetAnswer("java", 4, now)
	odd.SetNote("java", "  leading spaces, trailing \n\nblank lines\n", []string{"- not a list", "key: value", "yes", "012"}, now)
	odd.SetNote("sql", "null", nil, now)
	odd.SetAnswer("testing", 0, now)
	cases := map[string]*assessments.Assessment{
		"full":    fullAssessment(r),
		"new":     assessments.New(r, assessments.Person{Name: "A"}, nil, now),
		"oddtext": odd,
	}
	for name, a := range cases {
		t.Run(name, func(t *testing.T) {
			first, err := a.Encode()
			if err != nil {
				t.Fatal(err)
			}
			back, problems := assessments.Parse("again.yaml", first)
			if problems.Err() != nil {
				t.Fatalf("what the tool wrote does not read back: %v\n%s", problems, first)
			}
			if p := back.Check(r); len(p) != 0 {
				t.Fatalf("what the tool wrote does not check: %v", p)
			}
			second, err := back.Encode()
			if err != nil {
				t.Fatal(err)
			}
			if string(second) != string(first) {
				t.Errorf("round trip changed the file:\n%s\nvs\n%s", first, second)
			}
			if !reflect.DeepEqual(back.Answers, a.Answers) || back.Candidate != a.Candidate || !back.Updated.Equal(a.Updated) {
				t.Errorf("the round trip changed the assessment")
			}
		})
	}
}

// A note on a skipped skill keeps the skill unanswered; clearing the note
// removes the entry. Setting a level keeps the note.
func TestAnswersAndNotes(t *testing.T) {
	r := smallRubric(t)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	a := assessments.New(r, assessments.Person{Name: "A"}, nil, now)
	a.SetNote("sql", "later", nil, now.Add(time.Minute))
	if a.Answers["sql"].Answered() || a.Answered() != 0 || !a.Updated.Equal(now.Add(time.Minute)) {
		t.Errorf("a note made sql answered, or Updated = %v", a.Updated)
	}
	a.SetAnswer("sql", 2, now.Add(2*time.Minute))
	if ans := a.Answers["sql"]; ans.Level != 2 || ans.Note != "later" || a.Answered() != 1 {
		t.Errorf("sql = %+v, want level 2 keeping the note", ans)
	}
	a.SetAnswer("java", 1, now)
	a.SetNote("java", "", nil, now)
	if _, ok := a.Answers["java"]; !ok {
		t.Errorf("clearing the note of an answered skill removed its answer")
	}
	a.SetNote("testing", "x", nil, now)
	a.SetNote("testing", "", nil, now)
	if _, ok := a.Answers["testing"]; ok {
		t.Errorf("an empty note left an empty answer behind")
	}
}

// Targets come from the file, or from an override; unknown ids are an
// error naming them and the companies there are.
func TestTargetCompanies(t *testing.T) {
	r := smallRubric(t)
	a := assessments.New(r, assessments.Person{Name: "A"}, []string{"beta", "acme"}, time.Now())
	cs, err := a.TargetCompanies(r, nil)
	if err != nil || len(cs) != 2 || cs[0].ID != "acme" || cs[1].ID != "beta" {
		t.Errorf("targets = %v %v, want acme, beta in rubric order", cs, err)
	}
	cs, err = a.TargetCompanies(r, []string{"acme"})
	if err != nil || len(cs) != 1 || cs[0].ID != "acme" {
		t.Errorf("override = %v %v", cs, err)
	}
	_, err = a.TargetCompanies(r, []string{"zeta", "acme", "omega"})
	if want := `unknown company "zeta", "omega" in rubric "small"; its companies are: acme, beta`; err == nil || err.Error() != want {
		t.Errorf("unknown companies: err = %v, want %s", err, want)
	}
}
