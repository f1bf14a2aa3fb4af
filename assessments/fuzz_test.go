package assessments_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
)

// FuzzParseAssessment feeds arbitrary bytes to the assessment loader and,
// when they parse, checks them against the small rubric. It must never
// panic or hang; every problem is safe for a terminal; and what passes
// Check encodes to a file that reads back, checks, and encodes to the very
// same bytes. Seeds: the files under testdata/, the cases of parse_test.go,
// and the corpus in testdata/fuzz/FuzzParseAssessment.
func FuzzParseAssessment(f *testing.F) {
	r := smallRubric(f)
	paths, _ := filepath.Glob("testdata/*.yaml")
	for _, path := range paths {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	for _, tc := range parseCases {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte(fullYAML))
	f.Add([]byte("format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nanswers: {python: 9}\n"))
	f.Add([]byte("format: readycheck/assessment/v1\ncandidate: {name: A}\nrubric: {id: small}\nanswers: {}\nreviews: [{reviewer: {name: G}, ratings: {sql: Capable}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, problems := assessments.Parse("fuzz.yaml", data)
		safe(t, problems)
		if a == nil {
			if problems.Err() == nil {
				t.Fatal("no assessment and no error")
			}
			return
		}
		if problems.Err() != nil {
			t.Fatalf("an assessment with errors was returned: %v", problems)
		}
		checked := a.Check(r)
		safe(t, checked)
		if checked.Err() != nil {
			return
		}
		if _, err := a.WithPostings(r); err != nil {
			t.Fatalf("checked, but its postings do not score: %v", err)
		}
		lv := a.Levels(r)
		for _, s := range r.Skills() {
			if lv[s.Index] > s.Scale.Top() {
				t.Fatalf("level %d above the scale of %s", lv[s.Index], s.ID)
			}
		}
		if rv, ok := a.Review(""); ok {
			for _, s := range r.Skills() {
				if l := a.MentorLevels(r, rv)[s.Index]; l > s.Scale.Top() {
					t.Fatalf("mentor level %d above the scale of %s", l, s.ID)
				}
			}
		}
		first, err := a.Encode()
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		back, problems := assessments.Parse("again.yaml", first)
		if problems.Err() != nil {
			t.Fatalf("what the tool wrote does not read back: %v\n%s", problems, first)
		}
		if p := back.Check(r); p.Err() != nil {
			t.Fatalf("what the tool wrote does not check: %v\n%s", p, first)
		}
		second, err := back.Encode()
		if err != nil {
			t.Fatalf("encode again: %v", err)
		}
		if string(second) != string(first) {
			t.Fatalf("the round trip changed the file:\n%s\nvs\n%s", first, second)
		}
	})
}

func safe(t *testing.T, problems yamlfile.Problems) {
	t.Helper()
	for _, p := range problems {
		if _, bad := safetext.Unsafe(p.Error()); bad || p.Message == "" {
			t.Fatalf("problem %q is not safe for a terminal, or empty", p.Error())
		}
	}
}
