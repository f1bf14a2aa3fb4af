package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/testshared"
	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// postingAssessment is an assessment of postingRubric (acme): Java and SQL
// answered, C++ not; acme-data requires only SQL, so that Java and C++
// matter only to a posting asking for them.
const postingAssessment = `format: readycheck/assessment/v1
candidate: {name: Ada}
rubric: {id: acme}
answers:
  java: 1
  sql: 2
reviews:
  - reviewer: {name: Grace}
    ratings: {java: 2}
`

// postingReport is score's JSON report, the fields this file looks at.
type postingReport struct {
	Companies []struct {
		ID           string  `json:"id"`
		Name         string  `json:"name"`
		Readiness    float64 `json:"readiness"`
		Source       string  `json:"source"`
		Requirements []struct {
			ID       string   `json:"id"`
			Skills   []string `json:"skills"`
			Sentence string   `json:"sentence"`
		} `json:"requirements"`
	} `json:"companies"`
	NextSteps []struct {
		Skill string `json:"skill"`
	} `json:"next_steps"`
}

func decodePostingReport(t *testing.T, out string) postingReport {
	t.Helper()
	var rep postingReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	return rep
}

// score --posting drafts the posting's company and scores it beside the
// rubric's, marked in text and Markdown, with source and sentences in
// JSON, its effect in the next steps.
func TestScorePosting(t *testing.T) {
	rub := writeFile(t, "acme.yaml", postingRubric)
	file := writeFile(t, "ada.yaml", postingAssessment)
	post := writeFile(t, "bank.txt", postingText)

	out, errs, code := run(t, "score", file, "--rubric", rub, "--posting", post)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Acme Data\n",
		"Acme Bank — Backend Intern (drafted from a posting)\n",
		"            from “Solid Java or C++ is essential.”\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}

	out, errs, code = run(t, "score", file, "--rubric", rub, "--posting", post, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rep := decodePostingReport(t, out)
	if len(rep.Companies) != 2 || rep.Companies[0].Source != "" || !strings.Contains(out, `"id": "acme-data",`) || strings.Count(out, `"source"`) != 1 {
		t.Fatalf("companies: %+v", rep.Companies)
	}
	bank := rep.Companies[1]
	if bank.ID != "acme-bank" || bank.Source != "posting" || len(bank.Requirements) != 2 {
		t.Fatalf("the posting's company: %+v", bank)
	}
	for _, rq := range bank.Requirements {
		if rq.Sentence == "" || !strings.Contains(postingText, rq.Sentence) {
			t.Errorf("requirement %s quotes %q, not a sentence of the posting", rq.ID, rq.Sentence)
		}
	}
	// Java matters only to the posting (acme-data asks for SQL, met): a
	// next step only with it.
	if !hasStep(rep, "java") {
		t.Errorf("no next step for java, which the posting asks for: %+v", rep.NextSteps)
	}
	out, _, _ = run(t, "score", file, "--rubric", rub, "--format", "json")
	if without := decodePostingReport(t, out); len(without.NextSteps) != 0 || len(without.Companies) != 1 {
		t.Errorf("without --posting: %+v", without)
	}

	out, errs, code = run(t, "score", file, "--rubric", rub, "--posting", post, "--format", "markdown")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"| Acme Bank — Backend Intern (drafted from a posting) |",
		"## Acme Bank — Backend Intern (drafted from a posting)\n",
		"- Java or C++: “Solid Java or C++ is essential.”\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}

	// From standard input, in the mentor's and both views.
	for _, view := range []string{"mentor", "both"} {
		out, errs, code = runIn(t, postingText, "score", file, "--rubric", rub, "--posting", "-", "--view", view)
		if code != ExitOK || !strings.Contains(out, "Acme Bank — Backend Intern (drafted from a posting)") {
			t.Errorf("--view %s: exit %d: %s\n%s", view, code, errs, out)
		}
	}

	// --company names the companies; the posting's is scored beside them.
	out, _, code = run(t, "score", file, "--rubric", rub, "--posting", post, "--company", "acme-data", "--format", "json")
	if rep := decodePostingReport(t, out); code != ExitOK || len(rep.Companies) != 2 {
		t.Errorf("--company: exit %d, %+v", code, rep.Companies)
	}
}

func hasStep(rep postingReport, skill string) bool {
	for _, st := range rep.NextSteps {
		if st.Skill == skill {
			return true
		}
	}
	return false
}

func TestScorePostingRefused(t *testing.T) {
	rub := writeFile(t, "acme.yaml", postingRubric)
	file := writeFile(t, "ada.yaml", postingAssessment)
	for _, tc := range []struct{ text, want string }{
		{"", "standard input: the posting is empty"},
		{"We value kindness and a good sense of humour.\n", "standard input: the posting names no skill of the rubric"},
	} {
		out, errs, code := runIn(t, tc.text, "score", file, "--rubric", rub, "--posting", "-")
		if code != ExitFailure || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", tc.text, code, out, errs)
		}
	}
	_, errs, code := run(t, "score", file, "--rubric", rub, "--posting", filepath.Join(t.TempDir(), "none.txt"))
	if code != ExitFailure || !strings.Contains(errs, "no such file") {
		t.Errorf("a missing posting: exit %d, %s", code, errs)
	}
}

// The shared postings, scored against the built-in rubric: each drafted
// company is scored, marked, every requirement quoting its sentence; saved
// in the assessment's postings, score without --posting reports the same.
func TestScoreSharedPostings(t *testing.T) {
	r, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"harbor-bank-summer.txt", "canal-digital-talent.txt", "lighthouse-backend-intern.txt"} {
		t.Run(name, func(t *testing.T) {
			post := testshared.Path(t, "postings/"+name)
			now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
			a := assessments.New(r, assessments.Person{Name: "Ada"}, nil, now)
			for i, s := range r.Skills() {
				if i%3 == 0 {
					a.SetAnswer(s.ID, min(2, s.Scale.Top()), now)
				}
			}
			data, err := a.Encode()
			if err != nil {
				t.Fatal(err)
			}
			file := writeFile(t, "ada.yaml", string(data))
			out, errs, code := run(t, "score", file, "--posting", post, "--format", "json")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			flagged := decodePostingReport(t, out)
			last := flagged.Companies[len(flagged.Companies)-1]
			if len(flagged.Companies) != len(r.Companies)+1 || last.Source != "posting" || len(last.Requirements) == 0 {
				t.Fatalf("companies: %+v", flagged.Companies)
			}
			for _, rq := range last.Requirements {
				if rq.Sentence == "" {
					t.Errorf("requirement %s has no sentence", rq.ID)
				}
			}
			text, _, _ := run(t, "score", file, "--posting", post)
			if !strings.Contains(strings.Join(strings.Fields(text), " "), "(drafted from a posting)") {
				t.Errorf("text not marked:\n%s", text)
			}

			// Saved as the screen saves it: the same report without the flag.
			raw, err := os.ReadFile(post)
			if err != nil {
				t.Fatal(err)
			}
			draft, err := posting.Draft(string(raw), r, posting.Options{})
			if err != nil {
				t.Fatal(err)
			}
			id := a.PostingID(r, draft.ID)
			if err := a.AddPosting(r, assessments.Posting{ID: id, Text: string(raw), Company: draft.Entry()}, now); err != nil {
				t.Fatal(err)
			}
			data, err = a.Encode()
			if err != nil {
				t.Fatal(err)
			}
			saved := writeFile(t, "saved.yaml", string(data))
			out, errs, code = run(t, "score", saved, "--format", "json")
			if code != ExitOK {
				t.Fatalf("saved: exit %d: %s", code, errs)
			}
			if got, want := companiesAndSteps(t, out), companiesAndSteps(t, mustRun(t, "score", file, "--posting", post, "--format", "json")); got != want {
				t.Errorf("saved postings score differently:\n%s\nwant:\n%s", got, want)
			}
			// A posting in the file and the same one again by flag: scored
			// once, as saved, and stderr says so.
			out, errs, code = run(t, "score", saved, "--posting", post, "--format", "json")
			if rep := decodePostingReport(t, out); code != ExitOK || len(rep.Companies) != len(r.Companies)+1 || rep.Companies[len(rep.Companies)-1].ID != id || !strings.Contains(errs, "already among the assessment's postings") {
				t.Errorf("file and flag: exit %d, %d companies, stderr %q", code, len(rep.Companies), errs)
			}
		})
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := run(t, args...)
	if code != ExitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out
}

// companiesAndSteps is the JSON report's companies and next steps.
func companiesAndSteps(t *testing.T, out string) string {
	t.Helper()
	var rep struct {
		Companies json.RawMessage `json:"companies"`
		NextSteps json.RawMessage `json:"next_steps"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	return string(rep.Companies) + "\n" + string(rep.NextSteps)
}

// A file with postings: diff and the mentor's views score them; the cohort
// report reads it and counts it for the rubric's own companies.
func TestPostingsInFile(t *testing.T) {
	rub := writeFile(t, "acme.yaml", postingRubric)
	r, err := rubric.LoadFile(rub)
	if err != nil {
		t.Fatal(err)
	}
	a, problems := assessments.Parse("ada.yaml", []byte(postingAssessment))
	if problems.Err() != nil || a.Check(r).Err() != nil {
		t.Fatal(problems)
	}
	draft, err := posting.Draft(postingText, r, posting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.Targets = []string{"acme-data"}
	if err := a.AddPosting(r, assessments.Posting{ID: draft.ID, Text: postingText, Company: draft.Entry()}, time.Now()); err != nil {
		t.Fatal(err)
	}
	data, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "ada.yaml")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, view := range []string{"self", "mentor", "both"} {
		out, errs, code := run(t, "score", file, "--rubric", rub, "--view", view)
		if code != ExitOK || !strings.Contains(out, "Acme Bank — Backend Intern (drafted from a posting)") || !strings.Contains(out, "Acme Data") {
			t.Errorf("--view %s: exit %d: %s\n%s", view, code, errs, out)
		}
	}
	old := writeFile(t, "old.yaml", postingAssessment)
	out, errs, code := run(t, "diff", old, file, "--rubric", rub)
	if code != ExitOK || !strings.Contains(out, "Acme Bank (drafted from a posting)") {
		t.Errorf("diff: exit %d: %s\n%s", code, errs, out)
	}
	out, errs, code = run(t, "report", dir, "--rubric", rub, "--format", "json")
	if code != ExitOK || strings.Contains(out, "acme-bank") || !strings.Contains(out, "acme-data") {
		t.Errorf("report: exit %d: %s\n%s", code, errs, out)
	}
}
