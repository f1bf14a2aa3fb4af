package cmd

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// testdata/reviewed.yaml against testdata/small.yaml, by hand:
//
//	answers: python 4, java 3, sql 1, testing 2, dutch 1
//	last review (Grace Hopper): python 2, java 3, sql 3, testing comment only
//	self   acme: lang best(4,3)=4 >= 3 -> 1 (w2); sql 1/2 (w1); dutch 1 (w1): 100*3.5/4 = 87.5 ready
//	mentor acme: lang best(2,3)=3 -> 1; sql 3 >= 2 -> 1; dutch 1: 100.0 ready
//	beta, both views: python >= 2, testing 2 (the mentor only commented): 100.0
//	confirmed: lang (python and java rated) yes, sql yes, dutch no; beta python yes, testing no
//	gaps: python 4 vs 2 over, sql 1 vs 3 under (both differ by 2: rubric order)
func TestScoreMentorView(t *testing.T) {
	out, errs, code := run(t, "score", "testdata/reviewed.yaml", "--rubric", "testdata/small.yaml", "--view", "mentor", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		View      string
		Reviewer  map[string]string
		Companies []struct {
			ID           string
			Readiness    float64
			Verdict      string
			Requirements []struct {
				ID        string
				Level     int
				Confirmed *bool
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.View != "mentor" || rep.Reviewer["name"] != "Grace Hopper" {
		t.Errorf("view %q reviewer %v", rep.View, rep.Reviewer)
	}
	if rep.Companies[0].Readiness != 100 || rep.Companies[1].Readiness != 100 {
		t.Errorf("mentor readiness = %v, %v; want 100, 100", rep.Companies[0].Readiness, rep.Companies[1].Readiness)
	}
	var confirmed []bool
	for _, c := range rep.Companies {
		for _, r := range c.Requirements {
			if r.Confirmed == nil {
				t.Fatalf("requirement %s has no confirmed", r.ID)
			}
			confirmed = append(confirmed, *r.Confirmed)
		}
	}
	if !reflect.DeepEqual(confirmed, []bool{true, true, false, true, false}) {
		t.Errorf("confirmed = %v", confirmed)
	}
	// --reviewer picks an earlier review, case-insensitively: Linus rates python 3.
	out, _, _ = run(t, "score", "testdata/reviewed.yaml", "--rubric", "testdata/small.yaml", "--view", "mentor", "--reviewer", "linus", "--format", "json")
	if !strings.Contains(out, `"name": "Linus"`) {
		t.Errorf("--reviewer linus did not select Linus's review")
	}
	_, errs, code = run(t, "score", "testdata/reviewed.yaml", "--rubric", "testdata/small.yaml", "--view", "mentor", "--reviewer", "Ada")
	if code != 1 || !strings.Contains(errs, `no review by "Ada"`) {
		t.Errorf("unknown reviewer: exit %d %s", code, errs)
	}
	_, errs, code = run(t, "score", "testdata/ada.yaml", "--rubric", "testdata/small.yaml", "--view", "mentor")
	if code != 1 || !strings.Contains(errs, "no review in this assessment") {
		t.Errorf("no review: exit %d %s", code, errs)
	}
	if _, _, code = run(t, "score", "testdata/ada.yaml", "--view", "theirs"); code != 2 {
		t.Errorf("bad --view: exit %d, want 2", code)
	}
}

func TestScoreBothViews(t *testing.T) {
	out, errs, code := run(t, "score", "testdata/reviewed.yaml", "--rubric", "testdata/small.yaml", "--view", "both", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var both struct {
		Self struct {
			View      string
			Companies []struct{ Readiness float64 }
		}
		Mentor struct {
			View      string
			Companies []struct{ Readiness float64 }
		}
		Gaps []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &both); err != nil {
		t.Fatal(err)
	}
	if both.Self.View != "self" || both.Mentor.View != "mentor" || both.Self.Companies[0].Readiness != 87.5 || both.Mentor.Companies[0].Readiness != 100 {
		t.Errorf("views = %+v", both)
	}
	want := []map[string]any{
		{"skill": "python", "title": "Python", "self": 4.0, "mentor": 2.0, "direction": "over", "comment": "The API has no tests yet"},
		{"skill": "sql", "title": "SQL", "self": 1.0, "mentor": 3.0, "direction": "under", "comment": "Joins are solid"},
	}
	if !reflect.DeepEqual(both.Gaps, want) {
		t.Errorf("gaps = %v, want %v", both.Gaps, want)
	}
	text, _, code := run(t, "score", "testdata/reviewed.yaml", "--rubric", "testdata/small.yaml", "--view", "both")
	if code != 0 {
		t.Fatal(code)
	}
	t.Run("text", func(t *testing.T) { golden.RequireEqual(t, text) })
	mdOut, _, _ := run(t, "score", "testdata/reviewed.yaml", "--rubric", "testdata/small.yaml", "--view", "both", "--format", "markdown")
	t.Run("markdown", func(t *testing.T) { golden.RequireEqual(t, mdOut) })
	for _, w := range []string{"Python: Expert (4) vs Beginner (2), rated higher than mentor", "SQL: Aware (1) vs Capable (3), rated lower than mentor", "Joins are solid", "practise testing before applying"} {
		if !strings.Contains(text, w) || !strings.Contains(mdOut, w) {
			t.Errorf("both views lack %q", w)
		}
	}
}

// Both views mark must requirements and say what blocks each view: here
// the candidate says they are not enrolled (blocked), Grace says they are.
func TestScoreBothBlockers(t *testing.T) {
	src := strings.Replace(readFile(t, "testdata/reviewed.yaml"), "  dutch: {level: 1}\n", "  dutch: {level: 0}\n", 1)
	src = strings.Replace(src, "      testing: {comment: Show me a test suite}\n", "      testing: {comment: Show me a test suite}\n      dutch: {level: 1}\n", 1)
	file := writeFile(t, "blocked.yaml", src)
	text, errs, code := run(t, "score", file, "--rubric", "testdata/small.yaml", "--view", "both")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "  candidate   62.5%  ✗ BLOCKED\n    blocked by: Dutch university\n  mentor     100.0%  ✓ READY\n"
	if !strings.Contains(text, want) || strings.Count(text, "blocked by:") != 1 {
		t.Errorf("the text does not say what blocks the candidate's view alone:\n%s", text)
	}
	if !strings.Contains(text, "  Dutch university [must]  ✗ unmet    ✓ met\n") {
		t.Errorf("the text does not mark the must requirement:\n%s", text)
	}
	doc, _, _ := run(t, "score", file, "--rubric", "testdata/small.yaml", "--view", "both", "--format", "markdown")
	for _, want := range []string{
		"## Acme\n\n- Candidate's view blocked by: Dutch university\n\n| Requirement |",
		"| Dutch university (must) | Yes (1) | No (0) ✗ unmet | Yes (1) ✓ met |",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, doc)
		}
	}
	if strings.Count(doc, "blocked by:") != 1 {
		t.Errorf("the Markdown says a view is blocked when it is not:\n%s", doc)
	}
}

// The both views' JSON keeps the mentor's words: a comment on each gap, and
// the review (reviewer, times, summary, every comment in rubric order), as
// the mentor view's JSON does; a missing time is null.
func TestScoreReviewJSON(t *testing.T) {
	type review struct {
		Reviewer         map[string]string
		Started, Updated *string
		Summary          string
		Comments         []map[string]string
	}
	want := review{
		Reviewer: map[string]string{"name": "Grace Hopper", "email": ""},
		Summary:  "Strong on data; practise testing before applying.",
		Comments: []map[string]string{
			{"skill": "python", "comment": "The API has no tests yet"},
			{"skill": "sql", "comment": "Joins are solid"},
			{"skill": "testing", "comment": "Show me a test suite"},
		},
	}
	for _, view := range []string{"both", "mentor"} {
		out, errs, code := run(t, "score", "testdata/reviewed.yaml", "--rubric", "testdata/small.yaml", "--view", view, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", view, code, errs)
		}
		var doc struct {
			Review *review
			Mentor struct{ Review *review }
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Review == nil || !reflect.DeepEqual(*doc.Review, want) {
			t.Errorf("%s: review = %+v, want %+v", view, doc.Review, want)
		}
		if !strings.Contains(out, `"started": null`) || strings.Contains(out, "0001-01-01") {
			t.Errorf("%s: a missing time is not null:\n%s", view, out)
		}
		if view == "both" && (doc.Mentor.Review == nil || !reflect.DeepEqual(*doc.Mentor.Review, want)) {
			t.Errorf("both: the mentor object differs from --view mentor's: %+v", doc.Mentor.Review)
		}
	}
	// The self view has no review.
	if out, _, _ := run(t, "score", "testdata/reviewed.yaml", "--rubric", "testdata/small.yaml", "--format", "json"); strings.Contains(out, `"review"`) {
		t.Errorf("the self view has a review:\n%s", out)
	}
	// Times are written when the review has them.
	src := strings.Replace(readFile(t, "testdata/reviewed.yaml"), "  - reviewer: {name: Grace Hopper}\n", "  - reviewer: {name: Grace Hopper}\n    started: 2026-11-30T09:00:00Z\n    updated: 2026-11-30T09:40:00Z\n", 1)
	out, _, _ := run(t, "score", writeFile(t, "timed.yaml", src), "--rubric", "testdata/small.yaml", "--view", "both", "--format", "json")
	if !strings.Contains(out, `"started": "2026-11-30T09:00:00Z",`) || !strings.Contains(out, `"updated": "2026-11-30T09:40:00Z",`) {
		t.Errorf("the review's times are missing:\n%s", out)
	}
}
