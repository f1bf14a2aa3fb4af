// Package sample makes synthetic rubrics and cohorts of assessments for
// the demo command, tests and benchmarks: large and realistic,
// deterministic for a seed, valid by construction, and of made-up people.
// It is not under internal/, the floor of small helpers that everything
// may import, because it builds on rubric and assessments.
package sample

import (
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// Rubric returns a valid rubric file with the given numbers of skills and
// companies: three scales (a 0..5 proficiency, yes/no, a seven-level one),
// categories of 20 to 50 skills, and companies of 10 to 60 requirements
// mixing skill and any_of, numbers and labels as min, weights, must and
// thresholds.
func Rubric(skills, companies int, seed int64) []byte {
	rng := rand.New(rand.NewSource(seed))
	var b strings.Builder
	b.WriteString(`format: readycheck/rubric/v1
id: generated
title: Generated rubric
version: "1"
scales:
  proficiency:
    - {label: None, description: I have not used it.}
    - {label: Aware, description: I know what it is for.}
    - {label: Beginner, description: I have used it with guidance.}
    - {label: Capable, description: I have built something with it on my own.}
    - {label: Proficient, description: I use it in larger projects with tests.}
    - {label: Advanced, description: I could teach it.}
  yes-no:
    - {label: "No"}
    - {label: "Yes"}
  seven:
    - {label: L0}
    - {label: L1}
    - {label: L2}
    - {label: L3}
    - {label: L4}
    - {label: L5}
    - {label: L6}
default_scale: proficiency
categories:
`)
	scaleOf := make([]string, skills)
	for i, cat := 0, 0; i < skills; cat++ {
		n := min(20+rng.Intn(31), skills-i)
		scale := "proficiency"
		switch cat % 6 {
		case 4:
			scale = "yes-no"
		case 5:
			scale = "seven"
		}
		fmt.Fprintf(&b, "  - id: category-%d\n    title: Category %d\n    description: Skills of group %d.\n    scale: %s\n    skills:\n", cat+1, cat+1, cat+1, scale)
		for j := 0; j < n; j++ {
			scaleOf[i] = scale
			fmt.Fprintf(&b, "      - id: skill-%d\n        title: Skill %d\n        question: How well do you know skill %d, in practice and in depth?\n        help: Think of what you built with it and how you would explain it to a colleague.\n", i+1, i+1, i+1)
			if scale == "proficiency" {
				b.WriteString("        levels:\n")
				for l := 1; l <= 5; l++ {
					fmt.Fprintf(&b, "          %d: At level %d for skill %d I can show concrete work that proves it.\n", l, l, i+1)
				}
			}
			i++
		}
	}
	b.WriteString("companies:\n")
	top := map[string]int{"proficiency": 5, "yes-no": 1, "seven": 6}
	labels := map[string][]string{"proficiency": {"Aware", "Beginner", "Capable", "proficient"}, "yes-no": {"Yes"}, "seven": {"L1", "L2", "L3"}}
	for c := 0; c < companies; c++ {
		fmt.Fprintf(&b, "  - id: company-%d\n    name: Company %d\n    role: Backend intern\n", c+1, c+1)
		if c%3 == 0 {
			b.WriteString("    thresholds: {almost: 55, ready: 75}\n")
		}
		b.WriteString("    requirements:\n")
		// At most half the skills: an any_of takes two, and every
		// requirement needs a skill no other requirement of the company
		// names.
		n := min(10+rng.Intn(51), skills/2)
		used := map[int]bool{}
		for r := 0; r < n; r++ {
			s := rng.Intn(skills)
			for used[s] {
				s = (s + 1) % skills
			}
			used[s] = true
			scale := scaleOf[s]
			var min string
			if rng.Intn(2) == 0 {
				l := labels[scale]
				min = fmt.Sprintf("%q", l[rng.Intn(len(l))])
			} else {
				min = fmt.Sprint(1 + rng.Intn(top[scale]))
			}
			weight := 1 + rng.Intn(3)
			must := ""
			if rng.Intn(25) == 0 {
				must = ", must: true"
			}
			if r%7 == 3 {
				// An any_of among skills of the same scale.
				alt := -1
				for k := 1; k < skills; k++ {
					if cand := (s + k) % skills; scaleOf[cand] == scale && !used[cand] {
						alt = cand
						break
					}
				}
				if alt >= 0 {
					used[alt] = true
					fmt.Fprintf(&b, "      - {id: req-%d, any_of: [skill-%d, skill-%d], min: %s, weight: %d%s}\n", r+1, s+1, alt+1, min, weight, must)
					continue
				}
			}
			fmt.Fprintf(&b, "      - {skill: skill-%d, min: %s, weight: %d%s}\n", s+1, min, weight, must)
		}
	}
	return []byte(b.String())
}

// Assessments produces n assessment files of rubric r, calling fn with each
// one's bytes: answers at varied levels with some unanswered, notes and
// evidence, targets, and a mentor review on some.
func Assessments(r *rubric.Rubric, n int, seed int64, fn func(i int, data []byte) error) error {
	rng := rand.New(rand.NewSource(seed))
	skills := r.Skills()
	start := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		at := start.Add(time.Duration(i) * time.Minute)
		var targets []string
		if rng.Intn(3) > 0 {
			for _, c := range r.Companies {
				if rng.Intn(3) == 0 {
					targets = append(targets, c.ID)
				}
			}
		}
		a := assessments.New(r, Person(i), targets, at)
		skill := rng.Float64()
		for _, s := range skills {
			if rng.Intn(10) == 0 {
				continue
			}
			lvl := int(float64(s.Scale.Top())*skill + rng.NormFloat64())
			lvl = max(0, min(lvl, s.Scale.Top()))
			a.SetAnswer(s.ID, lvl, at)
			if rng.Intn(15) == 0 {
				a.SetNote(s.ID, "Used it in a project: "+s.Title+".", []string{fmt.Sprintf("https://github.com/candidate%d/%s", i+1, s.ID)}, at)
			}
		}
		if rng.Intn(2) == 0 {
			a.Status = assessments.Complete
		}
		if rng.Intn(4) == 0 {
			rv := &assessments.Review{Reviewer: assessments.Person{Name: "Mentor"}, Started: at, Updated: at, Ratings: map[string]*assessments.Rating{}}
			for _, s := range skills {
				if rng.Intn(5) == 0 {
					rv.Ratings[s.ID] = &assessments.Rating{Level: rng.Intn(s.Scale.Top() + 1)}
				}
			}
			a.Reviews = append(a.Reviews, rv)
		}
		data, err := a.Encode()
		if err != nil {
			return err
		}
		if err := fn(i, data); err != nil {
			return err
		}
	}
	return nil
}

var (
	givenNames  = []string{"Amara", "Bram", "Chen", "Daan", "Elif", "Femke", "Gaurav", "Hanna", "Ilse", "Joris", "Kofi", "Lotte", "Mehmet", "Noor", "Oskar", "Priya", "Quinten", "Rosa", "Sven", "Tess", "Umar", "Vera", "Willem", "Yara", "Zeynep"}
	familyNames = []string{"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "Okafor", "Yilmaz", "Kowalski", "Nguyen", "Santos"}
)

// Person is the i-th generated candidate: a name from a list of given and
// family names (unique for the first 500; a number follows after that) and
// an email address at example.org.
func Person(i int) assessments.Person {
	g, f := givenNames[i%len(givenNames)], familyNames[(i/len(givenNames))%len(familyNames)]
	name := g + " " + f
	if n := len(givenNames) * len(familyNames); i >= n {
		name = fmt.Sprintf("%s %d", name, i/n+1)
	}
	return assessments.Person{Name: name, Email: fmt.Sprintf("c%05d@example.org", i+1)}
}
