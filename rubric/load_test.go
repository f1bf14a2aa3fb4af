package rubric_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// head is lines 1-7 of a valid rubric; cases append categories and companies.
const head = `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}, {label: Aware}, {label: Capable}]
  yn: [{label: "No"}, {label: "Yes"}]
default_scale: prof
`

// okCategories is lines 8-14 after head.
const okCategories = `categories:
  - id: code
    title: Code
    skills:
      - {id: rest, title: REST}
      - {id: sql, title: SQL}
      - {id: dutch, title: Dutch, scale: yn}
`

// okCompanies is lines 15-19 after head and okCategories.
const okCompanies = `companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: 1}
`

// company is lines 15-18 after head and okCategories: a company whose
// requirements (line 19 on) a case writes.
const company = `companies:
  - id: acme-data
    name: Acme Data
    requirements:
`

// oneScale is lines 1-6: a rubric head with the scale prof only.
const oneScale = `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}, {label: Aware}, {label: Capable}]
default_scale: prof
`

// sqlOnly is a category and a company to follow a head, for cases about
// the head; with oneScale they are lines 7-16.
const sqlOnly = `categories:
  - id: code
    title: Code
    skills:
      - {id: sql, title: SQL}
companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: 1}
`

// validationCases lists, for each kind of mistake, a small rubric and every
// problem it must give, exactly, as `validate` prints them.
var validationCases = []struct {
	name string
	src  string
	want []string
}{
	{"valid", head + okCategories + okCompanies, nil},

	// YAML syntax errors: the position of the mistake, in plain words.
	{"syntax: a list never closed", head + "categories: [\n", []string{
		"acme.yaml:9:1: YAML syntax error: did not find expected node content",
	}},
	{"syntax: a quote never closed", head + okCategories + company + "      - {skill: sql, min: 1, title: \"SQL}\n", []string{
		"acme.yaml:19:37: YAML syntax error: a quoted text starts here but is never closed; add the closing quote",
	}},
	{"syntax: tab indentation", head + "categories:\n\t- id: code\n", []string{
		"acme.yaml:9:1: YAML syntax error: a tab is used for indentation; indent with spaces only",
	}},
	{"syntax: a colon in unquoted text", strings.Replace(head, "title: Acme", "title: Acme: the backend", 1) + okCategories + okCompanies, []string{
		`acme.yaml:3:12: YAML syntax error: unexpected ":" here; put text that holds ": " in quotes, or check the indentation of this line and the one above`,
	}},
	{"syntax: two documents", head + "---\n" + okCategories + okCompanies, []string{
		"acme.yaml:8:1: YAML syntax error: the file holds more than one YAML document (a second one starts here with ---); keep one document per file",
	}},

	// Unknown fields: a typo gets a suggestion and is read as the field it
	// was meant to be, so that it is one problem, not a cascade.
	{"unknown field: skils", head + `categories:
  - id: code
    title: Code
    skils:
      - {id: sql, title: SQL}
` + okCompanies, []string{
		`acme.yaml:11:5: category "code" has an unknown field "skils" (did you mean "skills"?)`,
	}},
	{"unknown field: titel at the top", strings.Replace(head, "title: Acme", "titel: Acme", 1) + okCategories + okCompanies, []string{
		`acme.yaml:3:1: the rubric has an unknown field "titel" (did you mean "title"?)`,
	}},
	{"unknown field: nothing close", head + okCategories + company + "      - {skill: sql, min: 1, optional: true}\n", []string{
		`acme.yaml:19:30: requirement "sql" of company "acme-data" has an unknown field "optional"; allowed fields: id, title, skill, any_of, min, weight, must`,
	}},
	{"unknown field: a key twice", head + "title: Acme again\n" + okCategories + okCompanies, []string{
		`acme.yaml:8:1: the rubric has the field "title" twice (first at line 3); keep one`,
	}},

	// Missing required fields.
	{"missing: format", strings.TrimPrefix(head, "format: readycheck/rubric/v1\n") + okCategories + okCompanies, []string{
		"acme.yaml:1:1: the file has no format field; a rubric file starts with `format: readycheck/rubric/v1`",
	}},
	{"missing: title and companies", strings.Replace(head, "title: Acme\n", "", 1) + okCategories, []string{
		`acme.yaml:1:1: the rubric is missing the required field "title"`,
		`acme.yaml:1:1: the rubric is missing the required field "companies"`,
	}},
	{"missing: inside categories and companies", `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}, {description: Knows of it}]
default_scale: prof
categories:
  - id: code
    skills:
      - {id: sql}
companies:
  - id: acme-data
    requirements:
      - {skill: sql}
`, []string{
		`acme.yaml:5:25: level 1 of scale "prof" is missing the required field "label"`,
		`acme.yaml:8:5: category "code" is missing the required field "title"`,
		`acme.yaml:10:9: skill "sql" is missing the required field "title"`,
		`acme.yaml:12:5: company "acme-data" is missing the required field "name"`,
		`acme.yaml:14:9: requirement "sql" of company "acme-data" is missing the required field "min" (the level needed, as a number or a label of the scale)`,
	}},

	// Malformed ids, each with a well-formed suggestion.
	{"malformed ids", `format: readycheck/rubric/v1
id: Acme
title: Acme
scales:
  Prof: [{label: None}, {label: Aware}]
  prof: [{label: None}, {label: Aware}]
default_scale: prof
categories:
  - id: Code Skills
    title: Code
    skills:
      - {id: c#, title: C#}
      - {id: sql, title: SQL}
companies:
  - id: acme_data
    name: Acme Data
    requirements:
      - {id: -lang, skill: sql, min: 1}
`, []string{
		`acme.yaml:2:5: the rubric id "Acme" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "acme")`,
		`acme.yaml:5:3: scale name "Prof" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "prof")`,
		`acme.yaml:9:9: category 1 id "Code Skills" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "code-skills")`,
		`acme.yaml:12:14: skill 1 of its category id "c#" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "c")`,
		`acme.yaml:15:9: company 1 id "acme_data" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "acme-data")`,
		`acme.yaml:18:14: requirement 1 of company 1 id "-lang" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "lang")`,
	}},

	// Duplicate ids.
	{"duplicate: skill across categories", head + okCategories + `  - id: more
    title: More
    skills:
      - {id: sql, title: SQL again}
` + okCompanies, []string{
		`acme.yaml:18:14: skill id "sql" is used twice (first at line 13); skill ids must be unique across the whole rubric`,
	}},
	{"duplicate: category", head + okCategories + `  - id: code
    title: Code again
    skills:
      - {id: other, title: Other}
` + okCompanies, []string{
		`acme.yaml:15:9: category id "code" is used twice (first at line 9); category ids must be unique`,
	}},
	{"duplicate: company", head + okCategories + okCompanies + `  - id: acme-data
    name: Again
    requirements:
      - {skill: sql, min: 1}
`, []string{
		`acme.yaml:20:9: company id "acme-data" is used twice (first at line 16); company ids must be unique`,
	}},
	{"duplicate: scale", `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}, {label: Aware}]
  prof: [{label: None}, {label: Some}]
default_scale: prof
` + sqlOnly, []string{
		`acme.yaml:6:3: scale "prof" is defined twice (first at line 5); rename or remove one`,
	}},
	{"duplicate: requirement id", head + okCategories + company + `      - {id: data, skill: sql, min: 1}
      - {id: data, skill: rest, min: 1}
`, []string{
		`acme.yaml:20:9: requirement "data" of company "acme-data" is used twice (first at line 19); give each requirement of a company its own id`,
	}},
	{"duplicate: one skill required twice", head + okCategories + company + `      - {skill: sql, min: 1}
      - {skill: sql, min: 2}
      - {skill: sql, min: 2, weight: 2}
`, []string{
		`acme.yaml:20:9: company "acme-data" requires skill "sql" twice (first at line 19); merge the two, or give one an id of its own`,
		`acme.yaml:21:9: company "acme-data" requires skill "sql" twice (first at line 19); merge the two, or give one an id of its own`,
	}},
	{"duplicate: label in a scale", `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}, {label: Aware}, {label: aware}]
default_scale: prof
` + sqlOnly, []string{
		"acme.yaml:5:49: level 2 of scale \"prof\" repeats the label \"aware\" of level 1; labels must differ so that `min: aware` is unambiguous",
	}},

	// Unknown scale names.
	{"unknown scale: a category's, with a suggestion", head + `categories:
  - id: code
    title: Code
    scale: proff
    skills:
      - {id: sql, title: SQL}
` + okCompanies, []string{
		`acme.yaml:11:12: category "code" refers to unknown scale "proff" (did you mean "prof"?)`,
	}},
	{"unknown scale: a skill's, listing the scales", head + `categories:
  - id: code
    title: Code
    skills:
      - {id: sql, title: SQL, scale: proficiency}
` + okCompanies, []string{
		`acme.yaml:12:38: skill "sql" refers to unknown scale "proficiency"; defined scales: prof, yn`,
	}},
	{"unknown scale: default_scale", strings.Replace(head, "default_scale: prof", "default_scale: level", 1) + okCategories + okCompanies, []string{
		`acme.yaml:7:16: default_scale refers to unknown scale "level"; defined scales: prof, yn`,
	}},
	{"no scale at all for a skill", strings.Replace(head, "default_scale: prof\n", "", 1) + okCategories + okCompanies, []string{
		`acme.yaml:11:9: skill "rest" names no scale, and the rubric has no default_scale; set default_scale at the top of the rubric (or name a scale on each skill or its category)`,
	}},

	// Scales of fewer than two levels.
	{"scale: one level", strings.Replace(oneScale, "[{label: None}, {label: Aware}, {label: Capable}]", "[{label: None}]", 1) + sqlOnly, []string{
		`acme.yaml:5:9: scale "prof" has only 1 level; a scale needs at least 2 (level 0 meaning none, then at least one more)`,
	}},
	{"scale: no levels", strings.Replace(oneScale, "[{label: None}, {label: Aware}, {label: Capable}]", "[]", 1) + sqlOnly, []string{
		`acme.yaml:5:9: scale "prof" has no levels; a scale needs at least 2 (level 0 meaning none, then at least one more), e.g. [{label: None}, {label: Aware}]`,
	}},
	{"scale: levels as plain text", strings.Replace(oneScale, "[{label: None}, {label: Aware}, {label: Capable}]", "[None, Aware, Capable]", 1) + sqlOnly, []string{
		`acme.yaml:5:10: the levels of scale "prof" are written as plain text; write each level as {label: ...}, e.g. {label: None}`,
	}},
	{"scale: a number as a label", strings.Replace(oneScale, "{label: Capable}", "{label: 2}", 1) + sqlOnly, []string{
		`acme.yaml:5:49: level 2 of scale "prof" has a number as its label ("2"); use a word, since numbers already mean levels`,
	}},

	// Per-skill level descriptors outside the scale.
	{"descriptors outside the scale", head + `categories:
  - id: code
    title: Code
    skills:
      - id: sql
        title: SQL
        levels: {1: Writes a SELECT, 5: Tunes the planner, -1: Never, Expert: Knows it all, capable: Writes joins}
` + okCompanies, []string{
		`acme.yaml:14:38: skill "sql" describes level 5, outside its scale "prof" (levels 0 to 2); remove it or use another scale`,
		`acme.yaml:14:60: skill "sql" describes level -1, outside its scale "prof" (levels 0 to 2); remove it or use another scale`,
		`acme.yaml:14:71: skill "sql" describes level "Expert", which is neither a level number (0 to 2) nor a label of scale "prof"`,
	}},
	{"descriptor twice", head + `categories:
  - id: code
    title: Code
    skills:
      - id: sql
        title: SQL
        levels: {1: Writes a SELECT, aware: Reads a SELECT}
` + okCompanies, []string{
		`acme.yaml:14:38: skill "sql" describes level 1 twice; keep one`,
	}},

	// Requirements with neither or both of skill and any_of.
	{"requirement: neither skill nor any_of", head + okCategories + company + "      - {min: 1}\n", []string{
		"acme.yaml:19:9: requirement 1 of company \"acme-data\" names no skill; add `skill: ID`, or `any_of: [ID, ID]` for a choice among several",
	}},
	{"requirement: both skill and any_of", head + okCategories + company + "      - {skill: sql, any_of: [sql, rest], min: 1}\n", []string{
		`acme.yaml:19:9: requirement "sql" of company "acme-data" has both skill and any_of; use skill for one skill, or any_of for a choice among several`,
	}},

	// References to unknown skills.
	{"unknown skill: the issue's example", head + okCategories + company + `      - id: jvm-or-python
        any_of: [rust]
        min: 1
`, []string{
		`acme.yaml:20:18: requirement "jvm-or-python" of company "acme-data" refers to unknown skill "rust" (did you mean "rest"?)`,
	}},
	{"unknown skill: nothing close", head + okCategories + company + "      - {skill: kubernetes, min: 1}\n", []string{
		`acme.yaml:19:17: requirement "kubernetes" of company "acme-data" refers to unknown skill "kubernetes"; use the id of a skill defined under categories`,
	}},
	{"unknown skill: one of any_of", head + okCategories + company + "      - {any_of: [sql, sqll], min: 1}\n", []string{
		`acme.yaml:19:24: requirement "sql-or-sqll" of company "acme-data" refers to unknown skill "sqll" (did you mean "sql"?)`,
	}},
	{"any_of: empty, and a skill twice", head + okCategories + company + `      - {id: none, any_of: [], min: 1}
      - {any_of: [sql, sql], min: 1}
`, []string{
		`acme.yaml:19:28: requirement "none" of company "acme-data" has an empty any_of; list the skills it accepts`,
		`acme.yaml:20:24: requirement "sql-or-sql" of company "acme-data" lists skill "sql" twice in any_of; keep one`,
	}},

	// any_of mixing scales.
	{"any_of mixing scales", head + okCategories + company + "      - {any_of: [sql, dutch], min: 1}\n", []string{
		`acme.yaml:19:18: requirement "sql-or-dutch" of company "acme-data" mixes scales in any_of: "sql" uses "prof" but "dutch" uses "yn"; any_of skills must share one scale`,
	}},

	// min out of range, or an unknown label.
	{"min: above the top", head + okCategories + company + "      - {skill: sql, min: 3}\n", []string{
		`acme.yaml:19:27: requirement "sql" of company "acme-data" has min 3, outside its scale "prof"; use a level from 1 to 2 (1 Aware, 2 Capable)`,
	}},
	{"min: zero", head + okCategories + company + "      - {skill: sql, min: 0}\n", []string{
		`acme.yaml:19:27: requirement "sql" of company "acme-data" has min 0, outside its scale "prof"; use a level from 1 to 2 (1 Aware, 2 Capable)`,
	}},
	{"min: not a whole number", head + okCategories + company + "      - {skill: sql, min: 1.5}\n", []string{
		`acme.yaml:19:27: requirement "sql" of company "acme-data" has min 1.5; use a whole level from 1 to 2 (1 Aware, 2 Capable)`,
	}},
	{"min: a label with a typo", head + okCategories + company + "      - {skill: sql, min: Capabel}\n", []string{
		`acme.yaml:19:27: requirement "sql" of company "acme-data" has min "Capabel", which is not a label of scale "prof" (did you mean "Capable"?)`,
	}},
	{"min: an unknown label", head + okCategories + company + "      - {skill: sql, min: Master}\n", []string{
		`acme.yaml:19:27: requirement "sql" of company "acme-data" has min "Master", which is not a label of scale "prof"; use a level from 1 to 2 (1 Aware, 2 Capable)`,
	}},
	{"min: the label of level 0", head + okCategories + company + "      - {skill: sql, min: none}\n", []string{
		`acme.yaml:19:27: requirement "sql" of company "acme-data" has min "none", level 0 of scale "prof", which every candidate meets; require level 1 or more, or remove the requirement`,
	}},
	{"min: a list", head + okCategories + company + "      - {skill: sql, min: [1, 2]}\n", []string{
		`acme.yaml:19:27: the min of requirement "sql" of company "acme-data" should be a level number or label, not a list`,
	}},

	// weight not a positive number.
	{"weight: zero, negative, a word", head + okCategories + company + `      - {skill: sql, min: 1, weight: 0}
      - {skill: rest, min: 1, weight: -2.5}
      - {skill: dutch, min: 1, weight: heavy}
`, []string{
		`acme.yaml:19:38: requirement "sql" of company "acme-data" has weight 0; a weight must be a number from 0.001 to 1000 (leave it out for 1)`,
		`acme.yaml:20:39: requirement "rest" of company "acme-data" has weight -2.5; a weight must be a number from 0.001 to 1000 (leave it out for 1)`,
		`acme.yaml:21:40: the weight of requirement "dutch" of company "acme-data" should be a number, not "heavy"`,
	}},
	// weight too large: 1e308 twice once made NaN and +Inf readiness.
	{"weight: huge, over 1000, infinite", head + okCategories + company + `      - {skill: sql, min: 1, weight: 1e308}
      - {skill: rest, min: 1, weight: 1000.5}
      - {skill: dutch, min: 1, weight: .inf}
`, []string{
		`acme.yaml:19:38: requirement "sql" of company "acme-data" has weight 1e308; a weight must be a number from 0.001 to 1000 (leave it out for 1)`,
		`acme.yaml:20:39: requirement "rest" of company "acme-data" has weight 1000.5; a weight must be a number from 0.001 to 1000 (leave it out for 1)`,
		`acme.yaml:21:40: the weight of requirement "dutch" of company "acme-data" should be a finite number, not ".inf"`,
	}},
	{"must: not true or false", head + okCategories + company + "      - {skill: dutch, min: 1, must: yes}\n", []string{
		`acme.yaml:19:38: the "must" field of requirement "dutch" of company "acme-data" should be true or false, not "yes"`,
	}},

	// Thresholds out of order or outside 0..100.
	{"thresholds: out of order", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    thresholds: {almost: 80, ready: 70}
    requirements:
      - {skill: sql, min: 1}
`, []string{
		`acme.yaml:18:17: company "acme-data" thresholds are out of order: almost (80) must be below ready (70)`,
	}},
	{"thresholds: equal", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    thresholds: {almost: 75, ready: 75}
    requirements:
      - {skill: sql, min: 1}
`, []string{
		`acme.yaml:18:17: company "acme-data" thresholds are out of order: almost (75) must be below ready (75)`,
	}},
	{"thresholds: out of order with a default", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    thresholds: {almost: 85}
    requirements:
      - {skill: sql, min: 1}
`, []string{
		`acme.yaml:18:17: company "acme-data" thresholds are out of order: almost (85) must be below ready (80, the default)`,
	}},
	{"thresholds: outside 0..100", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    thresholds: {almost: -5, ready: 120}
    requirements:
      - {skill: sql, min: 1}
`, []string{
		`acme.yaml:18:26: company "acme-data" threshold "almost" is -5; thresholds are percentages from 0 to 100`,
		`acme.yaml:18:37: company "acme-data" threshold "ready" is 120; thresholds are percentages from 0 to 100`,
	}},
	{"thresholds: not a number", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    thresholds: {almost: 60%, ready: 80}
    requirements:
      - {skill: sql, min: 1}
`, []string{
		`acme.yaml:18:26: company "acme-data" threshold "almost" should be a number, not "60%"`,
	}},

	// A company with no requirements.
	{"company: no requirements field", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
`, []string{
		"acme.yaml:16:5: company \"acme-data\" has no requirements; add at least one (e.g. `- {skill: sql, min: 2}`)",
	}},
	{"company: an empty list", head + okCategories + `companies:
  - id: acme-data
    name: Acme Data
    requirements: []
`, []string{
		"acme.yaml:18:19: company \"acme-data\" has no requirements; add at least one (e.g. `- {skill: sql, min: 2}`)",
	}},
	{"no companies, no categories", head + "categories: []\ncompanies: []\n", []string{
		"acme.yaml:8:13: categories is empty; add at least one category with skills",
		"acme.yaml:9:12: companies is empty; add at least one company with requirements",
	}},
	{"a category without skills", head + okCategories + `  - id: more
    title: More
    skills: []
` + okCompanies, []string{
		`acme.yaml:17:13: category "more" has no skills; add at least one`,
	}},

	// A wrong format, with a word for the other kind of readycheck file.
	{"format: an assessment", `format: readycheck/assessment/v1
candidate: {name: Ada}
rubric: {id: acme}
answers: {}
`, []string{
		"acme.yaml:1:9: this file is an assessment (format \"readycheck/assessment/v1\"), not a rubric; pass a rubric file here, and the assessment to `readycheck score`",
	}},
	{"format: an assessment without format", "candidate: {name: Ada}\nanswers: {sql: 2}\n", []string{
		"acme.yaml:1:1: this looks like an assessment, not a rubric (it has candidate/answers and no format); pass a rubric file here, and the assessment to `readycheck score`",
	}},
	{"format: a later version", strings.Replace(head, "rubric/v1", "rubric/v9", 1) + okCategories + okCompanies, []string{
		`acme.yaml:1:9: rubric format "readycheck/rubric/v9" is not supported by this version of readycheck; it reads "readycheck/rubric/v1"`,
	}},
	{"format: something else", strings.Replace(head, "readycheck/rubric/v1", "openapi-3.0", 1) + okCategories + okCompanies, []string{
		"acme.yaml:1:9: unknown format \"openapi-3.0\"; a rubric file starts with `format: readycheck/rubric/v1`",
	}},
	{"not a mapping", "- sql\n- rest\n", []string{
		"acme.yaml:1:1: a rubric file should be a mapping of fields (format, id, title, scales, categories, companies); this file holds a list",
	}},

	// Empty files and non-UTF-8 content.
	{"empty file", "", []string{
		"acme.yaml: the file is empty; write the YAML document in it (see `readycheck rubric init` for a starting point)",
	}},
	{"only comments", "# acme rubric, to do\n\n---\n", []string{
		"acme.yaml: the file is empty; write the YAML document in it (see `readycheck rubric init` for a starting point)",
	}},
	{"only a null", "~\n", []string{
		"acme.yaml:1:1: the file holds no data; write the YAML document in it",
	}},
	{"not UTF-8", head + "description: Caf\xe9 r\xe9seau\n" + okCategories + okCompanies, []string{
		"acme.yaml:8:17: the file is not valid UTF-8 text; save it as UTF-8 in your editor",
	}},

	// Aliases: refused, so that no alias bomb can expand.
	{"alias for a value", head + `categories:
  - id: code
    title: &t Code
    skills:
      - {id: sql, title: *t}
` + okCompanies, []string{
		`acme.yaml:12:26: skill "sql" uses a YAML alias (*t) for "title"; aliases are not supported, write the value out`,
	}},
	{"merge key", head + `categories:
  - id: code
    title: Code
    skills:
      - &base {id: sql, title: SQL}
      - {<<: *base, id: rest}
` + okCompanies, []string{
		`acme.yaml:13:10: skill "rest" uses a YAML merge key (<<); write the fields out instead`,
	}},

	// Text that would control the terminal.
	{"escape sequence in a title", head + okCategories + `companies:
  - id: acme-data
    name: "Acme \e[31mData"
    requirements:
      - {skill: sql, min: 1}
`, []string{
		`acme.yaml:17:11: company "acme-data" name contains a terminal escape sequence (ESC); remove it (text from a file must not control the terminal)`,
	}},
	{"control character", head + "description: \"ring\\u0007 the bell\"\n" + okCategories + okCompanies, []string{
		`acme.yaml:8:14: the rubric description contains a control character (U+0007); remove it (text from a file must not control the terminal)`,
	}},
	{"C1 control character", head + "description: \"next\\u0085line\"\n" + okCategories + okCompanies, []string{
		`acme.yaml:8:14: the rubric description contains a control character (U+0085); remove it (text from a file must not control the terminal)`,
	}},
	{"bidirectional override", head + "description: \"abc\u202edef\"\n" + okCategories + okCompanies, []string{
		`acme.yaml:8:14: the rubric description contains a bidirectional override character (U+202E); remove it (text from a file must not control the terminal)`,
	}},
	{"escape sequence in a label", strings.Replace(oneScale, "{label: Aware}", "{label: \"\\e]0;pwned\\aAware\"}", 1) + sqlOnly, []string{
		`acme.yaml:5:33: level 1 of scale "prof" label contains a terminal escape sequence (ESC); remove it (text from a file must not control the terminal)`,
	}},
	{"raw escape character in help text", head + `categories:
  - id: code
    title: Code
    skills:
      - id: sql
        title: SQL
        help: |
          Joins, indexes
          and "` + "\x1b[2J" + `" too
` + okCompanies, []string{
		`acme.yaml:16:16: the file contains a terminal escape sequence (ESC); remove it (text from a file must not control the terminal)`,
	}},
	{"tab and newline are fine", head + "description: \"one\\ttwo\\nthree\"\n" + okCategories + okCompanies, nil},

	// Aliases: other names of a skill, each naming that skill only.
	{"aliases: valid", head + strings.Replace(okCategories, "{id: sql, title: SQL}", "{id: sql, title: SQL, aliases: [PostgreSQL, sql, RDBMS]}", 1) + okCompanies, nil},
	{"aliases: empty, twice, not a list", head + `categories:
  - id: code
    title: Code
    skills:
      - {id: rest, title: REST, aliases: ["", "  ", ~, REST API, rest api]}
      - {id: sql, title: SQL, aliases: PostgreSQL}
      - {id: dutch, title: Dutch, scale: yn, aliases: [[Nederlands]]}
` + okCompanies, []string{
		`acme.yaml:12:43: skill "rest" has an empty alias; write the other name or remove the item`,
		`acme.yaml:12:47: skill "rest" has an empty alias; write the other name or remove the item`,
		`acme.yaml:12:53: skill "rest" has an empty alias; write the other name or remove the item`,
		`acme.yaml:12:66: skill "rest" lists the alias "rest api" twice (first at line 12); keep one`,
		`acme.yaml:13:40: skill "sql" aliases should be a list of names, e.g. aliases: [PostgreSQL]`,
		`acme.yaml:14:56: skill "dutch" alias should be text, not a list`,
	}},
	{"aliases: shared by two skills, or another skill's name", head + `categories:
  - id: code
    title: Code
    skills:
      - {id: rest, title: REST, aliases: [Web APIs, Sql, dutch language]}
      - {id: sql, title: SQL, aliases: [web apis, databases]}
      - {id: dutch, title: Dutch language, scale: yn, aliases: [Databases, REST]}
` + okCompanies, []string{
		`acme.yaml:12:53: alias "Sql" of skill "rest" is the id of skill "sql" (line 13); an alias must not name another skill, so remove it`,
		`acme.yaml:12:58: alias "dutch language" of skill "rest" is the title of skill "dutch" (line 14); an alias must not name another skill, so remove it`,
		`acme.yaml:13:41: alias "web apis" of skill "sql" is also an alias of skill "rest" (line 12); an alias names one skill only, so keep it on one of them`,
		`acme.yaml:14:65: alias "Databases" of skill "dutch" is also an alias of skill "sql" (line 13); an alias names one skill only, so keep it on one of them`,
		`acme.yaml:14:76: alias "REST" of skill "dutch" is the id of skill "rest" (line 12); an alias must not name another skill, so remove it`,
	}},
	{"aliases: a control character", head + strings.Replace(okCategories, "{id: sql, title: SQL}", "{id: sql, title: SQL, aliases: [\"Postgre\\e[31mSQL\"]}", 1) + okCompanies, []string{
		`acme.yaml:13:41: skill "sql" alias contains a terminal escape sequence (ESC); remove it (text from a file must not control the terminal)`,
	}},
}

// Each kind of mistake gives exactly the problems listed, in order, each at
// the position of the mistake and in words a career center's staff can act on.
func TestValidationProblems(t *testing.T) {
	for _, tc := range validationCases {
		t.Run(tc.name, func(t *testing.T) {
			r, problems := rubric.Parse("acme.yaml", []byte(tc.src))
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if (r == nil) != (len(tc.want) > 0) {
				t.Errorf("rubric returned = %v, want %v", r != nil, len(tc.want) == 0)
			}
		})
	}
}

// One mistake is one problem: what follows from a malformed or missing
// definition is not reported again where it is used.
func TestNoCascades(t *testing.T) {
	cases := []struct {
		name, src string
		want      string
	}{
		{"a malformed skill id, then used", head + `categories:
  - id: code
    title: Code
    skills:
      - {id: SQL, title: SQL}
` + company + "      - {skill: SQL, min: 1}\n      - {any_of: [SQL], min: 1}\n",
			`acme.yaml:12:14: skill 1 of category "code" id "SQL" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "sql")`},
		{"a malformed scale name, then used", `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  Prof: [{label: None}, {label: Aware}]
default_scale: Prof
` + sqlOnly,
			`acme.yaml:5:3: scale name "Prof" is not a valid id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. "prof")`},
		{"no scales at all", "format: readycheck/rubric/v1\nid: acme\ntitle: Acme\ndefault_scale: prof\n" + sqlOnly,
			`acme.yaml:1:1: the rubric is missing the required field "scales"`},
		{"an unknown category scale and no default", strings.Replace(oneScale, "default_scale: prof\n", "", 1) + strings.Replace(sqlOnly, "    skills:", "    scale: profx\n    skills:", 1),
			`acme.yaml:9:12: category "code" refers to unknown scale "profx" (did you mean "prof"?)`},
		{"a skill on a one-level scale, with descriptors and a min", `format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}]
default_scale: prof
categories:
  - id: code
    title: Code
    skills:
      - {id: sql, title: SQL, levels: {1: Selects}}
companies:
  - id: acme-data
    name: Acme Data
    requirements:
      - {skill: sql, min: 1}
`, `acme.yaml:5:9: scale "prof" has only 1 level; a scale needs at least 2 (level 0 meaning none, then at least one more)`},
		{"an unknown skill, min not checked against nothing", head + okCategories + company + "      - {skill: nosql, min: 9}\n",
			`acme.yaml:19:17: requirement "nosql" of company "acme-data" refers to unknown skill "nosql" (did you mean "sql"?)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := rubric.Parse("acme.yaml", []byte(tc.src))
			if len(problems) != 1 || problems[0].Error() != tc.want {
				t.Errorf("problems:\n%v\nwant the one:\n%s", problems, tc.want)
			}
		})
	}
}

// A file with five different mistakes yields five problems, in file order,
// in one run.
func TestAllProblemsInOneRun(t *testing.T) {
	src, err := os.ReadFile("testdata/five-mistakes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, problems := rubric.Parse("five-mistakes.yaml", src)
	want := []string{
		`five-mistakes.yaml:21:5: category "backend" has an unknown field "skils" (did you mean "skills"?)`,
		`five-mistakes.yaml:24:13: skill id "sql" is used twice (first at line 18); skill ids must be unique across the whole rubric`,
		`five-mistakes.yaml:29:17: company "acme-data" thresholds are out of order: almost (90) must be below ready (70)`,
		`five-mistakes.yaml:32:24: requirement "jvm-or-python" of company "acme-data" refers to unknown skill "rust" (did you mean "rest"?)`,
		`five-mistakes.yaml:35:27: requirement "sql" of company "acme-data" has min 4, outside its scale "proficiency"; use a level from 1 to 3 (1 Aware, 2 Beginner, 3 Capable)`,
	}
	if got := problems.Error(); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// Problems print as FILE:LINE:COL: message and never carry raw escapes,
// even when the file name or the text quoted comes from outside: quoted text
// shows its escapes as \x1b, and one unsafe value is one problem.
func TestProblemsAreTerminalSafe(t *testing.T) {
	_, problems := rubric.Parse("acme\x1b[2J.yaml", []byte(head+okCategories+company+
		"      - {skill: \"sq\\e[2Jl\", min: 1, \"wei\\e]0;x\\aght\": 2}\n"))
	want := []string{
		`acme?[2J.yaml:19:17: requirement 1 of company "acme-data" skill contains a terminal escape sequence (ESC); remove it (text from a file must not control the terminal)`,
		`acme?[2J.yaml:19:37: requirement 1 of company "acme-data" has an unknown field "wei\x1b]0;x\aght"; allowed fields: id, title, skill, any_of, min, weight, must`,
	}
	var got []string
	for _, p := range problems {
		s := p.Error()
		got = append(got, s)
		if _, bad := safetext.Unsafe(s); bad {
			t.Errorf("problem %q carries a control character to the terminal", s)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Files over 4 MiB are refused before they are read, saying the size and
// the limit.
func TestFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		size int64
		want string
	}{
		{yamlfile.MaxSize + 1, "the file is 4194305 bytes, over the 4 MiB limit; split it or remove unused text"},
		{6 << 20, "the file is 6 MiB, over the 4 MiB limit; split it or remove unused text"},
		{5<<20 + 300<<10, "the file is 5.3 MiB, over the 4 MiB limit; split it or remove unused text"},
	}
	for _, tc := range cases {
		path := filepath.Join(dir, "huge.yaml")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		// A sparse file: its size is what counts, and LoadFile must not
		// read it to find out.
		if _, err := f.WriteString(head); err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(tc.size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err = rubric.LoadFile(path)
		runtime.ReadMemStats(&after)
		if err == nil || err.Error() != path+": "+tc.want {
			t.Errorf("size %d: err = %v\nwant %s: %s", tc.size, err, path, tc.want)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
			t.Errorf("size %d: refusing the file allocated %d bytes; it should not be read", tc.size, grew)
		}
	}
	// Exactly at the limit is not refused for its size.
	at := []byte(head + okCategories + okCompanies + "# ")
	at = append(at, []byte(strings.Repeat("x", yamlfile.MaxSize-len(at)-1)+"\n")...)
	if len(at) != yamlfile.MaxSize {
		t.Fatalf("test file is %d bytes", len(at))
	}
	path := filepath.Join(dir, "at-limit.yaml")
	if err := os.WriteFile(path, at, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := rubric.LoadFile(path); err != nil {
		t.Errorf("a file of exactly 4 MiB was refused: %v", err)
	}
	// Parse refuses oversized data too, for callers that read it themselves.
	if _, problems := rubric.Parse("big.yaml", make([]byte, yamlfile.MaxSize+1)); problems.Error() != "big.yaml: the file is 4194305 bytes, over the 4 MiB limit; split it or remove unused text" {
		t.Errorf("Parse of oversized data: %v", problems)
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ path, want string }{
		{filepath.Join(dir, "nope.yaml"), filepath.Join(dir, "nope.yaml") + ": no such file; check the path"},
		{dir, dir + ": is a folder, not a file; name a YAML file"},
	}
	for _, tc := range cases {
		if _, err := rubric.LoadFile(tc.path); err == nil || err.Error() != tc.want {
			t.Errorf("LoadFile(%s) = %v, want %s", tc.path, err, tc.want)
		}
	}
}

// The billion laughs: aliases nest nine levels deep, 9^9 "lol"s when
// expanded. It must be refused quickly, without expanding anything.
func TestAliasBomb(t *testing.T) {
	bomb := `format: readycheck/rubric/v1
id: bomb
title: Bomb
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
scales: *i
categories: *i
companies: *i
`
	done := make(chan yamlfile.Problems)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	go func() {
		_, problems := rubric.Parse("bomb.yaml", []byte(bomb))
		done <- problems
	}()
	var problems yamlfile.Problems
	select {
	case problems = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("parsing an alias bomb did not finish within 5 seconds")
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 8<<20 {
		t.Errorf("parsing an alias bomb allocated %d bytes", grew)
	}
	want := []string{
		`bomb.yaml:13:9: the rubric uses a YAML alias (*i) for "scales"; aliases are not supported, write the value out`,
		`bomb.yaml:14:13: the rubric uses a YAML alias (*i) for "categories"; aliases are not supported, write the value out`,
		`bomb.yaml:15:12: the rubric uses a YAML alias (*i) for "companies"; aliases are not supported, write the value out`,
	}
	var aliasProblems []string
	for _, p := range problems {
		if strings.Contains(p.Message, "alias") {
			aliasProblems = append(aliasProblems, p.Error())
		}
	}
	if strings.Join(aliasProblems, "\n") != strings.Join(want, "\n") {
		t.Errorf("alias problems:\n%s\nwant:\n%s", strings.Join(aliasProblems, "\n"), strings.Join(want, "\n"))
	}
}

// What a rubric leaves out takes its documented default.
func TestDefaults(t *testing.T) {
	r := mustParse(t, head+okCategories+company+`      - {any_of: [rest, sql], min: Capable}
      - {skill: dutch, min: "YES"}
      - {skill: sql, id: sql-basics, min: "1"}
`)
	c := r.Companies[0]
	if c.Almost != 60 || c.Ready != 80 {
		t.Errorf("thresholds = %v/%v, want the defaults 60/80", c.Almost, c.Ready)
	}
	any := c.Requirements[0]
	if any.ID != "rest-or-sql" || any.Title != "REST or SQL" || any.Weight != 1 || any.Min != 2 || !any.AnyOf || any.Must {
		t.Errorf("any_of requirement = %+v, want id rest-or-sql, title \"REST or SQL\", weight 1, min 2", any)
	}
	yes := c.Requirements[1]
	if yes.ID != "dutch" || yes.Title != "Dutch" || yes.Min != 1 || yes.AnyOf {
		t.Errorf("skill requirement = %+v, want id dutch, title Dutch, min 1 (label YES matched case-insensitively)", yes)
	}
	if quoted := c.Requirements[2]; quoted.Min != 1 || quoted.ID != "sql-basics" {
		t.Errorf("min \"1\" in quotes = %d, id %q; want 1, sql-basics", quoted.Min, quoted.ID)
	}
	sql, _ := r.Skill("sql")
	if sql.Question != "How would you rate your SQL?" {
		t.Errorf("default question = %q", sql.Question)
	}
	if sql.Descriptor(1) != "" || sql.Scale.Name != "prof" {
		t.Errorf("sql scale = %s, descriptor %q; want prof and the scale's empty description", sql.Scale.Name, sql.Descriptor(1))
	}
	if dutch, _ := r.Skill("dutch"); dutch.Scale.Name != "yn" {
		t.Errorf("dutch scale = %s, want its own yn", dutch.Scale.Name)
	}
	if !strings.HasPrefix(r.Digest, "sha256:") || len(r.Digest) != len("sha256:")+64 {
		t.Errorf("digest = %q", r.Digest)
	}
}

// Scales apply from the skill, else its category, else default_scale; a
// skill's descriptors are keyed by number or label.
func TestScaleInheritanceAndDescriptors(t *testing.T) {
	r := mustParse(t, head+`categories:
  - id: code
    title: Code
    skills:
      - id: sql
        title: SQL
        question: How well do you write SQL?
        levels: {1: Reads a SELECT, capable: Writes joins}
  - id: facts
    title: Facts
    scale: yn
    skills:
      - {id: dutch, title: Dutch}
      - {id: degree, title: Degree, scale: prof}
`+company+"      - {skill: sql, min: 1}\n")
	cases := []struct {
		skill, scale string
		level        int
		descriptor   string
	}{
		{"sql", "prof", 1, "Reads a SELECT"},
		{"sql", "prof", 2, "Writes joins"},
		{"dutch", "yn", 1, ""},
		{"degree", "prof", 0, ""},
	}
	for _, tc := range cases {
		s, ok := r.Skill(tc.skill)
		if !ok {
			t.Fatalf("no skill %s", tc.skill)
		}
		if s.Scale.Name != tc.scale || s.Descriptor(tc.level) != tc.descriptor {
			t.Errorf("%s: scale %s, descriptor %d %q; want %s, %q", tc.skill, s.Scale.Name, tc.level, s.Descriptor(tc.level), tc.scale, tc.descriptor)
		}
	}
	if s, _ := r.Skill("sql"); s.Question != "How well do you write SQL?" {
		t.Errorf("question = %q", s.Question)
	}
	var ids []string
	for _, s := range r.Skills() {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, " ") != "sql dutch degree" {
		t.Errorf("skills in rubric order = %v", ids)
	}
}

// A digest is of the file's bytes: one changed byte changes it.
func TestDigest(t *testing.T) {
	a, b := rubric.Digest([]byte("abc")), rubric.Digest([]byte("abd"))
	// sha256("abc"), from FIPS 180-2's example.
	if a != "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("Digest(abc) = %s", a)
	}
	if a == b {
		t.Errorf("one changed byte kept the digest")
	}
}

// Aliases are kept as written, in order, on the skill they name.
func TestAliasesLoaded(t *testing.T) {
	src := head + strings.Replace(okCategories, "{id: sql, title: SQL}", "{id: sql, title: SQL, aliases: [PostgreSQL, \"C++ (no)\", relational databases]}", 1) + okCompanies
	r, problems := rubric.Parse("acme.yaml", []byte(src))
	if r == nil {
		t.Fatalf("problems: %v", problems)
	}
	s, _ := r.Skill("sql")
	if got := strings.Join(s.Aliases, "|"); got != "PostgreSQL|C++ (no)|relational databases" {
		t.Errorf("aliases = %q", got)
	}
	if rest, _ := r.Skill("rest"); rest.Aliases != nil {
		t.Errorf("rest has aliases %q, want none", rest.Aliases)
	}
}
