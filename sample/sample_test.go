package sample

import (
	"bytes"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

func TestGeneratedFilesAreValidAndDeterministic(t *testing.T) {
	data := Rubric(300, 8, 7)
	if !bytes.Equal(data, Rubric(300, 8, 7)) {
		t.Fatal("the same seed gave two rubrics")
	}
	r, problems := rubric.Parse("gen.yaml", data)
	if err := problems.Err(); err != nil {
		t.Fatalf("generated rubric is invalid: %v", err)
	}
	if len(r.Skills()) != 300 || len(r.Companies) != 8 {
		t.Fatalf("got %d skills and %d companies", len(r.Skills()), len(r.Companies))
	}
	anyOf, labels := 0, 0
	for _, c := range r.Companies {
		for _, req := range c.Requirements {
			if req.AnyOf {
				anyOf++
			}
		}
	}
	labels = bytes.Count(data, []byte(`min: "`))
	if anyOf == 0 || labels == 0 {
		t.Errorf("generated rubric lacks any_of (%d) or labels as min (%d)", anyOf, labels)
	}
	var first []byte
	count := 0
	err := Assessments(r, 20, 3, func(i int, b []byte) error {
		if i == 0 {
			first = b
		}
		a, problems := assessments.Parse("a.yaml", b)
		if problems.Err() != nil {
			t.Fatalf("assessment %d invalid: %v", i, problems)
		}
		if p := a.Check(r); p.Err() != nil || len(p) > 0 {
			t.Fatalf("assessment %d does not check cleanly: %v", i, p)
		}
		count++
		return nil
	})
	if err != nil || count != 20 {
		t.Fatalf("err %v, %d assessments", err, count)
	}
	Assessments(r, 1, 3, func(i int, b []byte) error {
		if !bytes.Equal(b, first) {
			t.Error("the same seed gave two assessments")
		}
		return nil
	})
}

func TestPersonNamesAreUnique(t *testing.T) {
	seen := map[string]int{}
	for i := range 2000 {
		p := Person(i)
		if j, ok := seen[p.Name]; ok {
			t.Fatalf("Person(%d) and Person(%d) are both %q", j, i, p.Name)
		}
		seen[p.Name] = i
	}
	if got := Person(0).Name; got != "Amara de Vries" {
		t.Errorf("Person(0) = %q", got)
	}
	if got := Person(500).Name; got != "Amara de Vries 2" {
		t.Errorf("Person(500) = %q", got)
	}
}

// TestSmallRubrics: rubrics with fewer skills than a company's largest
// number of requirements (up to 60) are generated too, and valid.
func TestSmallRubrics(t *testing.T) {
	for _, skills := range []int{2, 5, 21, 60, 119} {
		r, problems := rubric.Parse("gen.yaml", Rubric(skills, 6, 1))
		if err := problems.Err(); err != nil {
			t.Fatalf("%d skills: %v", skills, err)
		}
		for _, c := range r.Companies {
			if len(c.Requirements) == 0 || len(c.Requirements) > skills/2 {
				t.Errorf("%d skills: company %s has %d requirements", skills, c.ID, len(c.Requirements))
			}
		}
	}
}
