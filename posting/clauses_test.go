package posting_test

import (
	"testing"

	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// Found by a new user's pass: negations far from their need word, a
// clause of its own after "but", a list whose last item the rubric lacks,
// and a nice-to-have that raised a requirement's level.
func TestClausesListsAndMerges(t *testing.T) {
	r, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	draft := func(body string) map[string]*posting.Requirement {
		t.Helper()
		c, err := posting.Draft("Intern\n\nRequirements\n"+body, r, posting.Options{})
		if err != nil {
			t.Fatalf("%q: %v", body, err)
		}
		got := map[string]*posting.Requirement{}
		for _, req := range c.Requirements {
			for _, s := range req.Skills {
				got[s.ID] = req
			}
		}
		return got
	}
	if got := draft("- Python is essential.\n- No experience with SQL needed.\n- No prior experience with Java is needed.\n"); got["sql"] != nil || got["java"] != nil {
		t.Errorf("negated needs became requirements: sql %+v, java %+v", got["sql"], got["java"])
	}
	got := draft("- A degree in Computer Science is not required, but you must be enrolled at a Dutch university.\n- We do not require a degree, but Python is essential.\n")
	if got["dutch-university"] == nil || !got["dutch-university"].Must || got["python"] == nil || got["cs-major"] != nil {
		t.Errorf("clauses after but: dutch-university %+v, python %+v, cs-major %+v", got["dutch-university"], got["python"], got["cs-major"])
	}
	got = draft("- Python, Java or Kotlin.\n")
	if req := got["python"]; req == nil || !req.AnyOf || got["java"] != req {
		t.Errorf("a list ending in an unknown item is not one any_of: %+v", req)
	}
	got = draft("- Basic knowledge of Python is required.\n\nNice to have\n- Expert Python skills.\n")
	if req := got["python"]; req == nil || req.Min != 1 || !req.Must {
		t.Errorf("a nice-to-have raised the requirement: %+v", req)
	}
}
