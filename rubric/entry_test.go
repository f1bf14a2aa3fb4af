package rubric_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/rubric"
)

const entryRubric = `format: readycheck/rubric/v1
id: small
title: Small
scales:
  prof: [{label: None}, {label: Aware}, {label: Beginner}, {label: Capable}]
  yn: [{label: "No"}, {label: "Yes"}]
default_scale: prof
categories:
  - id: code
    title: Code
    skills:
      - {id: python, title: Python}
      - {id: java, title: Java}
      - {id: dutch, title: Dutch, scale: yn}
companies:
  - id: acme
    name: Acme
    requirements:
      - {skill: python, min: 2}
`

// NewCompany checks an entry as the loader checks a company; With adds it
// to a copy of the rubric, leaving the rubric and its Digest as they were.
func TestNewCompanyAndWith(t *testing.T) {
	r, problems := rubric.Parse("small.yaml", []byte(entryRubric))
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	e := rubric.CompanyEntry{ID: "bank", Name: "Bank", Requirements: []rubric.RequirementEntry{
		{AnyOf: []string{"java", "python"}, Min: "Capable", Weight: 2, Sentence: "Java or Python is essential."},
		{Skill: "dutch", Min: "1", Must: true},
	}}
	c, err := r.NewCompany(e, rubric.SourcePosting)
	if err != nil {
		t.Fatal(err)
	}
	if c.Source != rubric.SourcePosting || c.Requirements[0].ID != "java-or-python" || c.Requirements[0].Min != 3 || c.Requirements[0].Title != "Java or Python" || c.Requirements[1].Weight != 1 {
		t.Errorf("company %+v", c)
	}
	x, err := r.With(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Companies) != 1 || len(x.Companies) != 2 || x.Digest != r.Digest {
		t.Fatalf("%d and %d companies, digests %q %q", len(r.Companies), len(x.Companies), r.Digest, x.Digest)
	}
	if _, ok := r.Company("bank"); ok {
		t.Error("the base rubric gained the company")
	}
	lv := x.NewLevels()
	java, _ := x.Skill("java")
	lv[java.Index] = 2
	res := x.Score(lv, x.Companies)
	if len(res.Companies) != 2 || res.Companies[1].Verdict != rubric.Blocked || len(res.NextSteps) == 0 {
		t.Errorf("scored %+v", res)
	}
	// The base rubric still scores alone.
	if res := r.Score(r.NewLevels(), r.Companies); len(res.Companies) != 1 {
		t.Errorf("base scored %+v", res)
	}
	if _, err := x.With(c); !errors.Is(err, rubric.ErrCompanyClash) {
		t.Errorf("a second bank: %v", err)
	}
}

func TestNewCompanyRefuses(t *testing.T) {
	r, _ := rubric.Parse("small.yaml", []byte(entryRubric))
	e := rubric.CompanyEntry{ID: "Bank", Requirements: []rubric.RequirementEntry{
		{Skill: "pyton", Min: "1"},
		{AnyOf: []string{"java", "dutch"}, Min: "1"},
		{Skill: "java", Min: "9"},
		{Skill: "python", AnyOf: []string{"java"}, Min: "1"},
		{Skill: "java", Min: "Guru", Weight: 5000},
	}}
	_, err := r.NewCompany(e, rubric.SourcePosting)
	var errs rubric.EntryErrors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v", err)
	}
	got := make([]string, len(errs))
	for i, e := range errs {
		got[i] = e.Field + ": " + e.Msg
	}
	want := []string{
		`id: company id "Bank" is not a valid id: use lower-case letters a-z, digits and hyphens (e.g. "bank")`,
		`name: company has no name`,
		`skill: requirement "pyton" of company refers to skill "pyton", which rubric "small" does not have (did you mean "python"?)`,
		`any_of: requirement "java-or-dutch" of company mixes scales in any_of: "java" uses "prof" but "dutch" uses "yn"; any_of skills must share one scale`,
		`min: requirement "java" of company has min 9, outside its scale "prof"; use a level from 1 to 3 (1 Aware, 2 Beginner, 3 Capable)`,
		`any_of: requirement 4 of company has both skill and any_of; use skill for one skill, or any_of for a choice among several`,
		`min: requirement "java" of company has min "Guru", which is not a label of scale "prof"; use a level from 1 to 3 (1 Aware, 2 Beginner, 3 Capable)`,
		`weight: requirement "java" of company has weight 5000; a weight must be a number from 0.001 to 1000 (leave it out for 1)`,
		`id: requirement "java" of company has the same id as requirement 3; give one an id of its own`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The loader's range exactly: a weight too small to score alike is refused too.
	tiny := rubric.CompanyEntry{ID: "bank", Name: "Bank", Requirements: []rubric.RequirementEntry{{Skill: "python", Min: "1", Weight: 5e-324}}}
	if _, err := r.NewCompany(tiny, rubric.SourcePosting); err == nil || !strings.Contains(err.Error(), "a weight must be a number from 0.001 to 1000") {
		t.Errorf("weight 5e-324: %v", err)
	}
}
