package assessments_test

import (
	"strings"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// top is lines 1-3 of a valid assessment of testdata/small-rubric.yaml;
// cases write the answers (line 4 on) and what follows.
const top = `format: readycheck/assessment/v1
candidate: {name: Ada}
rubric: {id: small}
`

// parseCases lists, for each kind of mistake in a hand-written assessment,
// every problem it gives, exactly. check marks the mistakes that show only
// against the rubric (Check).
var parseCases = []struct {
	name  string
	src   string
	check bool
	want  []string
}{
	// Levels outside the scale, or not levels at all.
	{"level above the scale", top + "answers:\n  python: {level: 7}\n", true, []string{
		`a.yaml:5:19: the answer for "python" is level 7, outside the scale "prof" of skill "python" (levels 0 to 4: 0 None, 1 Aware, 2 Beginner, 3 Capable, 4 Expert)`,
	}},
	{"shorthand level above the scale", top + "answers:\n  python: 1\n  dutch: 2\n", true, []string{
		`a.yaml:6:10: the answer for "dutch" is level 2, outside the scale "yn" of skill "dutch" (levels 0 to 1: 0 No, 1 Yes)`,
	}},
	{"unknown label", top + "answers:\n  python: Guru\n", true, []string{
		`a.yaml:5:11: the answer for "python" is "Guru", which is not a label of the scale "prof" of skill "python"; use a level from 0 to 4 (0 None, 1 Aware, 2 Beginner, 3 Capable, 4 Expert)`,
	}},
	{"negative level", top + "answers:\n  python: -1\n", false, []string{
		`a.yaml:5:11: the answer for "python" level -1 is not a level; levels are whole numbers from 0, or labels of the skill's scale`,
	}},
	{"fractional level", top + "answers:\n  python: {level: 2.5}\n", false, []string{
		`a.yaml:5:19: the answer for "python" level 2.5 is not a level; levels are whole numbers from 0, or labels of the skill's scale`,
	}},
	{"level as a list", top + "answers:\n  python: {level: [2]}\n", false, []string{
		`a.yaml:5:19: the answer for "python" level should be a level number or label, not a list`,
	}},
	{"rating outside the scale", top + `answers: {}
reviews:
  - reviewer: {name: Grace}
    ratings:
      python: 2
      dutch: {level: 2}
`, true, []string{
		`a.yaml:9:22: the rating by "Grace" for "dutch" is level 2, outside the scale "yn" of skill "dutch" (levels 0 to 1: 0 No, 1 Yes)`,
	}},
	{"rating with an unknown label", top + `answers: {}
reviews:
  - reviewer: {name: Grace}
    ratings: {sql: {level: Guru, comment: Practise joins}}
`, true, []string{
		`a.yaml:7:28: the rating by "Grace" for "sql" is "Guru", which is not a label of the scale "prof" of skill "sql"; use a level from 0 to 4 (0 None, 1 Aware, 2 Beginner, 3 Capable, 4 Expert)`,
	}},

	// Skills the rubric lacks: warnings, at the skill's key.
	{"answer and rating for unknown skills", top + `answers:
  kotlin: 2
  pyton: 1
reviews:
  - reviewer: {name: Grace}
    ratings: {cobol: 3}
`, true, []string{
		`a.yaml:5:3: warning: the answer for "kotlin" is for skill "kotlin", which rubric "small" does not have; it is ignored`,
		`a.yaml:6:3: warning: the answer for "pyton" is for skill "pyton", which rubric "small" does not have; it is ignored (did you mean "python"?)`,
		`a.yaml:9:15: warning: the rating by "Grace" for "cobol" is for skill "cobol", which rubric "small" does not have; it is ignored`,
	}},

	// Unknown keys are errors, with a suggestion for a typo.
	{"unknown key at the top", top + "anwsers: {python: 2}\n", false, []string{
		`a.yaml:4:1: the assessment has an unknown field "anwsers" (did you mean "answers"?)`,
	}},
	{"unknown key in the candidate", "format: readycheck/assessment/v1\ncandidate: {name: Ada, mail: ada@example.org}\nrubric: {id: small}\nanswers: {}\n", false, []string{
		`a.yaml:2:24: candidate has an unknown field "mail" (did you mean "email"?)`,
	}},
	{"unknown key in an answer", top + "answers:\n  python: {level: 2, notes: Flask}\n", false, []string{
		`a.yaml:5:22: the answer for "python" has an unknown field "notes" (did you mean "note"?)`,
	}},
	{"unknown key in a review", top + `answers: {}
reviews:
  - reviewer: {name: Grace}
    sumary: Good
    ratings: {python: {level: 2, remark: fine}}
`, false, []string{
		`a.yaml:7:5: the review by "Grace" has an unknown field "sumary" (did you mean "summary"?)`,
		`a.yaml:8:34: the rating by "Grace" for "python" has an unknown field "remark"; allowed fields: level, comment`,
	}},

	// Missing required fields.
	{"no candidate name", "format: readycheck/assessment/v1\ncandidate: {email: ada@example.org}\nrubric: {id: small}\nanswers: {}\n", false, []string{
		`a.yaml:2:12: candidate is missing the required field "name"`,
	}},
	{"no rubric id", "format: readycheck/assessment/v1\ncandidate: {name: Ada}\nrubric: {version: \"1\"}\nanswers: {}\n", false, []string{
		`a.yaml:3:9: rubric is missing the required field "id"`,
	}},
	{"no answers", top, false, []string{
		"a.yaml:1:1: the assessment is missing the required field \"answers\"; write `answers: {}` when no skill is answered yet",
	}},
	{"no candidate, no rubric", "format: readycheck/assessment/v1\nanswers: {}\n", false, []string{
		`a.yaml:1:1: the assessment is missing the required field "candidate"`,
		`a.yaml:1:1: the assessment is missing the required field "rubric"`,
	}},
	{"review without reviewer", top + "answers: {}\nreviews:\n  - ratings: {python: 2}\n", false, []string{
		"a.yaml:6:5: review 1 has no reviewer; add `reviewer: {name: ...}` naming the mentor",
	}},
	{"reviewer without name", top + "answers: {}\nreviews:\n  - reviewer: {email: grace@example.org}\n", false, []string{
		`a.yaml:6:15: the reviewer of review 1 is missing the required field "name"`,
	}},

	// Other values out of their range.
	{"bad time", top + "answers: {}\nstarted: yesterday\n", false, []string{
		`a.yaml:5:10: started "yesterday" is not a date and time; write it like 2026-11-23T10:00:00Z`,
	}},
	{"bad status", top + "answers: {}\nstatus: done\n", false, []string{
		`a.yaml:5:9: status "done" is not one of "in-progress" or "complete"`,
	}},
	{"targets not a list", top + "answers: {}\ntargets: acme\n", false, []string{
		`a.yaml:5:10: targets should be a list, not a single value`,
	}},
	{"answered twice", top + "answers:\n  python: 2\n  python: {level: 3}\n", false, []string{
		`a.yaml:6:3: skill "python" is answered twice; keep one answer`,
	}},
	{"rated twice", top + "answers: {}\nreviews:\n  - reviewer: {name: Grace}\n    ratings: {sql: 1, sql: 2}\n", false, []string{
		`a.yaml:7:23: the review by "Grace" rates skill "sql" twice; keep one`,
	}},
	{"malformed skill id", top + "answers:\n  Python: 2\n", false, []string{
		`a.yaml:5:3: answer skill id "Python" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "python")`,
	}},

	// The wrong kind of file, and the wrong rubric.
	{"a rubric passed as an assessment", "format: readycheck/rubric/v1\nid: x\n", false, []string{
		`a.yaml:1:9: this file is a rubric (format "readycheck/rubric/v1"), not an assessment; pass it with --rubric, and an assessment file here`,
	}},
	{"a rubric without format", "id: x\ncategories: []\n", false, []string{
		`a.yaml:1:1: this looks like a rubric, not an assessment (it has categories/companies); pass it with --rubric, and an assessment file here`,
	}},
	{"no format", "candidate: {name: Ada}\nrubric: {id: small}\nanswers: {}\n", false, []string{
		"a.yaml:1:1: the file has no format field; an assessment file starts with `format: readycheck/assessment/v1`",
	}},
	{"a later format", strings.Replace(top, "/v1", "/v2", 1) + "answers: {}\n", false, []string{
		`a.yaml:1:9: assessment format "readycheck/assessment/v2" is not supported by this version of readycheck; it reads "readycheck/assessment/v1"`,
	}},
	{"another rubric", strings.Replace(top, "id: small", "id: other", 1) + "answers: {python: 9}\n", true, []string{
		`a.yaml:3:14: this assessment was taken against rubric "other", not "small"; pass that rubric with --rubric`,
	}},

	// Text that would control the terminal, and broken files.
	{"escape sequence in a note", top + "answers:\n  python: {level: 2, note: \"a\\e[2Jb\"}\n", false, []string{
		`a.yaml:5:28: the answer for "python" note contains a terminal escape sequence (ESC); remove it (text from a file must not control the terminal)`,
	}},
	{"bidirectional override in a name", "format: readycheck/assessment/v1\ncandidate: {name: \"Ada\u202e\"}\nrubric: {id: small}\nanswers: {}\n", false, []string{
		`a.yaml:2:19: candidate name contains a bidirectional override character (U+202E); remove it (text from a file must not control the terminal)`,
	}},
	{"raw control character", top + "answers: {}\nreviews:\n  - reviewer: {name: \"Gr\x07ace\"}\n", false, []string{
		`a.yaml:6:25: the file contains a control character (U+0007); remove it (text from a file must not control the terminal)`,
	}},
	{"syntax error", top + "answers: {python: 2\n", false, []string{
		`a.yaml:5:1: YAML syntax error: did not find expected ',' or '}'`,
	}},
	{"empty", "", false, []string{
		"a.yaml: the file is empty; write the YAML document in it (see `readycheck rubric init` for a starting point)",
	}},
	{"not UTF-8", top + "answers:\n  python: {level: 2, note: caf\xe9}\n", false, []string{
		`a.yaml:5:31: the file is not valid UTF-8 text; save it as UTF-8 in your editor`,
	}},
	{"alias", top + "answers:\n  python: &p {level: 2}\n  java: *p\n", false, []string{
		`a.yaml:6:9: the answer for "java" is a YAML alias (*p); aliases are not supported, write the value out`,
	}},

	// Postings: their shape when parsed, their companies against the rubric.
	{"posting unknown field", top + "answers: {}\npostings:\n  - id: widgets\n    text: hi\n    colour: red\n    company: {name: W, requirements: [{skill: python, min: 1}]}\n", false, []string{
		`a.yaml:8:5: posting "widgets" has an unknown field "colour"; allowed fields: id, text, company`,
	}},
	{"posting bad id and weight", top + "answers: {}\npostings:\n  - id: Widgets\n    company: {name: W, requirements: [{skill: python, min: 1, weight: 0}]}\n", false, []string{
		`a.yaml:6:9: posting 1 id "Widgets" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "widgets")`,
		`a.yaml:7:71: requirement 1 of posting 1 company has weight 0; a weight must be a number from 0.001 to 1000 (leave it out for 1)`,
	}},
	{"posting company id and requirement field", top + "answers: {}\npostings:\n  - id: w\n    company:\n      id: v\n      name: W\n      requirements:\n        - {skill: python, min: 1, colour: red}\n", false, []string{
		`a.yaml:8:11: posting "w" company id "v" is not the posting's id "w"; a posting's company has the posting's id (or leave it out)`,
		`a.yaml:11:35: requirement 1 of posting "w" company has an unknown field "colour"; allowed fields: id, skill, any_of, min, weight, must, sentence`,
	}},
	{"posting requirements against the rubric", top + "answers: {}\npostings:\n  - id: w\n    company:\n      name: W\n      requirements:\n        - {skill: pyton, min: 1}\n        - {any_of: [java, dutch], min: 1}\n        - {skill: sql, min: 9}\n        - {skill: testing, min: Guru}\n", true, []string{
		`a.yaml:10:19: requirement "pyton" of posting "w" refers to skill "pyton", which rubric "small" does not have (did you mean "python"?)`,
		`a.yaml:11:27: requirement "java-or-dutch" of posting "w" mixes scales in any_of: "java" uses "prof" but "dutch" uses "yn"; any_of skills must share one scale`,
		`a.yaml:12:29: requirement "sql" of posting "w" has min 9, outside its scale "prof"; use a level from 1 to 4 (1 Aware, 2 Beginner, 3 Capable, 4 Expert)`,
		`a.yaml:13:33: requirement "testing" of posting "w" has min "Guru", which is not a label of scale "prof"; use a level from 1 to 4 (1 Aware, 2 Beginner, 3 Capable, 4 Expert)`,
	}},
	{"posting clashes and not targeted", top + "targets: [beta]\nanswers: {}\npostings:\n  - id: acme\n    company: {name: W, requirements: [{skill: python, min: 1}]}\n  - id: w\n    company: {name: W, requirements: [{skill: python, min: 1}]}\n", true, []string{
		`a.yaml:7:9: posting "acme" has the id of a company of rubric "small"; give the posting another id (and change it in targets)`,
		`a.yaml:9:9: warning: posting "w" is not among the targets, so it is not scored; add "w" to targets`,
	}},
	{"posting twice", top + "answers: {}\npostings:\n  - id: w\n    company: {name: W, requirements: [{skill: python, min: 1}]}\n  - id: w\n    company: {name: W, requirements: []}\n", false, []string{
		`a.yaml:8:9: posting id "w" is used twice (first at line 6); give each posting its own id`,
		`a.yaml:9:38: posting "w" company has no requirements; add at least one (e.g. ` + "`- {skill: sql, min: 2}`" + `)`,
	}},
	{"postings not a list", top + "answers: {}\npostings: {w: 1}\n", false, []string{
		`a.yaml:5:11: postings should be a list, not a mapping`,
	}},
	{"posting accepted", top + "targets: [acme, w]\nanswers: {}\npostings:\n  - id: w\n    text: \"Python is a plus.\"\n    company: {id: w, name: W, requirements: [{any_of: [python, java], min: Capable, weight: 0.5, sentence: Python is a plus.}]}\n", true, nil},

	// Accepted: an answer left empty is unanswered, evidence may be one text.
	{"empty answer and single evidence", top + "answers:\n  python:\n  java: {level: 1, evidence: https://github.com/ada}\n", true, nil},
}

func TestParseProblems(t *testing.T) {
	r := smallRubric(t)
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			a, problems := assessments.Parse("a.yaml", []byte(tc.src))
			if tc.check {
				if problems.Err() != nil {
					t.Fatalf("parse: %v", problems)
				}
				problems = append(problems, a.Check(r)...)
			} else if problems.Err() != nil && a != nil {
				t.Errorf("an assessment with errors was returned")
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// Skills the rubric lacks are left out of the levels and the mentor's view.
func TestUnknownSkillsIgnored(t *testing.T) {
	r := smallRubric(t)
	a, _ := parseChecked(t, r, top+`answers: {python: 2, kotlin: 3}
reviews:
  - reviewer: {name: Grace}
    ratings: {cobol: 3, python: 1}
`)
	if got := a.Levels(r); got[0] != 2 || countAnswered(got) != 1 {
		t.Errorf("Levels = %v, want python 2 only", got)
	}
	rv, _ := a.Review("")
	if got := a.MentorLevels(r, rv); got[0] != 1 || countAnswered(got) != 1 {
		t.Errorf("MentorLevels = %v, want python 1 only", got)
	}
}

func countAnswered(lv rubric.Levels) int {
	n := 0
	for _, l := range lv {
		if l != rubric.Unanswered {
			n++
		}
	}
	return n
}

// Every problem of a file comes out in one run, in file order.
func TestAllProblemsInOneRun(t *testing.T) {
	_, problems := assessments.Parse("a.yaml", []byte(`format: readycheck/assessment/v1
candidate: {nme: Ada}
rubric: {id: Small}
status: started
answers:
  python: {level: -2}
reviews:
  - summary: Good
`))
	want := []string{
		`a.yaml:2:13: candidate has an unknown field "nme" (did you mean "name"?)`,
		`a.yaml:3:14: rubric id "Small" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "small")`,
		`a.yaml:4:9: status "started" is not one of "in-progress" or "complete"`,
		`a.yaml:6:19: the answer for "python" level -2 is not a level; levels are whole numbers from 0, or labels of the skill's scale`,
		"a.yaml:8:5: review 1 has no reviewer; add `reviewer: {name: ...}` naming the mentor",
	}
	if got := problems.Error(); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}
