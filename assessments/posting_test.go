package assessments_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

var postingNow = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// widgetPosting is a posting drafted into a company of the small rubric.
func widgetPosting() assessments.Posting {
	return assessments.Posting{
		ID:   "widgets",
		Text: "Widgets Inc — Intern\n\nWhat we ask\n- Python is essential.\n- SQL or Java is a plus.\n",
		Company: rubric.CompanyEntry{Name: "Widgets Inc", Role: "Intern", Requirements: []rubric.RequirementEntry{
			{Skill: "python", Min: "3", Weight: 3, Must: true, Sentence: "Python is essential."},
			{AnyOf: []string{"sql", "java"}, Min: "1", Weight: 1, Sentence: "SQL or Java is a plus."},
		}},
	}
}

// A posting added to an assessment is written in its postings section,
// reads back, checks, and encodes to the same bytes; scored through
// WithPostings, its company comes after the rubric's, marked as drafted.
func TestPostingsRoundTrip(t *testing.T) {
	r := smallRubric(t)
	a := assessments.New(r, assessments.Person{Name: "Ada"}, []string{"acme"}, postingNow)
	a.SetAnswer("python", 3, postingNow)
	if err := a.AddPosting(r, widgetPosting(), postingNow); err != nil {
		t.Fatal(err)
	}
	if strings.Join(a.Targets, ",") != "acme,widgets" {
		t.Errorf("targets %v, want the posting added", a.Targets)
	}
	first, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"postings:\n  - id: widgets\n    text: |\n      Widgets Inc — Intern\n", "      requirements:\n        - skill: python\n          min: 3\n          weight: 3\n          must: true\n          sentence: Python is essential.\n", "        - any_of: [sql, java]\n"} {
		if !strings.Contains(string(first), want) {
			t.Errorf("the file lacks %q:\n%s", want, first)
		}
	}
	back, _ := parseChecked(t, r, string(first))
	second, err := back.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if string(second) != string(first) {
		t.Fatalf("the round trip changed the file:\n%s\nvs\n%s", first, second)
	}
	x, err := back.WithPostings(r)
	if err != nil {
		t.Fatal(err)
	}
	if x.Digest != r.Digest || len(r.Companies) != 2 || len(x.Companies) != 3 {
		t.Fatalf("digest %q (base %q), %d companies (base %d)", x.Digest, r.Digest, len(x.Companies), len(r.Companies))
	}
	c, ok := x.Company("widgets")
	if !ok || c.Source != rubric.SourcePosting || c.Name != "Widgets Inc" || c.Requirements[0].Sentence != "Python is essential." || !c.Requirements[0].Must || c.Requirements[1].ID != "sql-or-java" {
		t.Fatalf("company %+v", c)
	}
	targets, err := back.TargetCompanies(x, nil)
	if err != nil || len(targets) != 2 || targets[1] != c {
		t.Fatalf("targets %v, %v", targets, err)
	}
	res := x.Score(back.Levels(x), targets)
	if got := res.Companies[1]; got.Readiness != 75 {
		t.Errorf("widgets readiness %v, want 75 (python met, weight 3 of 4)", got.Readiness)
	}
	// Against the rubric without its postings (the cohort report), the
	// posting is left out of the targets rather than an unknown company.
	base, err := back.TargetCompanies(r, nil)
	if err != nil || len(base) != 1 || base[0].ID != "acme" {
		t.Errorf("base targets %v, %v", base, err)
	}
	if got := back.RubricTargets(); strings.Join(got, ",") != "acme" {
		t.Errorf("rubric targets %v", got)
	}
}

// Files without postings encode exactly as before: no postings key.
func TestNoPostingsNoSection(t *testing.T) {
	data, err := os.ReadFile("testdata/ada.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := parseChecked(t, smallRubric(t), string(data))
	out, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "postings") {
		t.Errorf("a file without postings gained a section:\n%s", out)
	}
	x, err := a.WithPostings(smallRubric(t))
	if err != nil || len(x.Companies) != 2 {
		t.Errorf("WithPostings without postings: %v, %v", x, err)
	}
}

func TestAddPostingRefuses(t *testing.T) {
	r := smallRubric(t)
	a := assessments.New(r, assessments.Person{Name: "Ada"}, nil, postingNow)
	clash := widgetPosting()
	clash.ID = "acme"
	if err := a.AddPosting(r, clash, postingNow); !errors.Is(err, rubric.ErrCompanyClash) {
		t.Errorf("a rubric company's id: %v", err)
	}
	long := widgetPosting()
	long.Text = strings.Repeat("x", assessments.MaxPostingText+1)
	if err := a.AddPosting(r, long, postingNow); !errors.Is(err, assessments.ErrPostingTooLong) {
		t.Errorf("a long posting: %v", err)
	}
	unknown := widgetPosting()
	unknown.Company.Requirements[0].Skill = "pyton"
	if err := a.AddPosting(r, unknown, postingNow); err == nil || !strings.Contains(err.Error(), `did you mean "python"?`) {
		t.Errorf("an unknown skill: %v", err)
	}
	if len(a.Postings) != 0 || a.Targets != nil {
		t.Fatalf("refused postings were kept: %+v, targets %v", a.Postings, a.Targets)
	}
	// Empty targets mean every company, postings included: left empty.
	if err := a.AddPosting(r, widgetPosting(), postingNow); err != nil || a.Targets != nil {
		t.Fatalf("%v, targets %v", err, a.Targets)
	}
	if got := a.PostingID(r, "widgets"); got != "widgets-2" {
		t.Errorf("PostingID = %q, want widgets-2", got)
	}
	if got := a.PostingID(r, "Acme"); got != "acme-2" {
		t.Errorf("PostingID = %q, want acme-2", got)
	}
	if !a.RemovePosting("widgets", postingNow) || len(a.Postings) != 0 {
		t.Errorf("not removed: %+v", a.Postings)
	}
}

// testdata/postings.yaml is written as Encode writes it: it reads, checks
// and encodes to the same bytes, and its posting scores.
func TestPostingsFileEncodesAsWritten(t *testing.T) {
	data, err := os.ReadFile("testdata/postings.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := smallRubric(t)
	a, warnings := parseChecked(t, r, string(data))
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	out, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != string(data) {
		t.Errorf("encoded:\n%s\nwant the file as written:\n%s", out, data)
	}
	x, err := a.WithPostings(r)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := x.Company("widgets")
	if c == nil || c.Requirements[1].Min != 1 || c.Requirements[1].Weight != 1 || !c.Requirements[1].AnyOf {
		t.Errorf("widgets: %+v", c)
	}
}

// Checked against WithPostings' rubric, a posting is not a clash with
// its own company.
func TestCheckAgainstExtendedRubric(t *testing.T) {
	r := smallRubric(t)
	data, err := os.ReadFile("testdata/postings.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := parseChecked(t, r, string(data))
	x, err := a.WithPostings(r)
	if err != nil {
		t.Fatal(err)
	}
	if ps := a.Check(x); len(ps) != 0 {
		t.Errorf("checked against the extended rubric: %v", ps)
	}
	if err := a.AddPosting(x, widgetPosting(), postingNow); err != nil {
		t.Errorf("replacing the posting with the extended rubric: %v", err)
	}
}
