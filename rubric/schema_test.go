package rubric

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/testshared"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("rubric.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("rubric.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

// asJSON decodes YAML into the values a JSON Schema validator expects:
// map keys as strings, numbers as json.Number-compatible values.
func asJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(stringKeys(v))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func stringKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = stringKeys(x)
		}
		return v
	case map[any]any:
		m := map[string]any{}
		for k, x := range v {
			m[yamlKey(k)] = stringKeys(x)
		}
		return m
	case []any:
		for i, x := range v {
			v[i] = stringKeys(x)
		}
	}
	return v
}

func yamlKey(k any) string {
	b, _ := json.Marshal(k)
	return strings.Trim(string(b), `"`)
}

// The rubrics readycheck ships and reads validate against the schema
// editors use, as well as the loader.
func TestSchemaValidatesRubrics(t *testing.T) {
	s := compileSchema(t)
	files := []string{"builtin/backend-internship.yaml", "testdata/small.yaml", "testdata/readme-example.yaml"}
	if rw, ok := testshared.Lookup(t, "realworld/data-skills-matrix.yaml"); ok {
		files = append(files, rw)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, problems := Parse(f, data); problems.Err() != nil {
			t.Errorf("%s is not a valid rubric: %v", f, problems)
		}
		if err := s.Validate(asJSON(t, data)); err != nil {
			t.Errorf("%s fails the schema: %v", f, err)
		}
	}
}

// Mistakes a person makes by hand are caught by the editor (the schema) and
// by readycheck validate (the loader) alike.
func TestSchemaRejectsWhatTheLoaderRejects(t *testing.T) {
	s := compileSchema(t)
	cases := []struct{ name, old, new string }{
		{"typo in a field name", "    skills:\n", "    skils:\n"},
		{"both skill and any_of", "{skill: sql, min: 2}", "{skill: sql, any_of: [sql], min: 2}"},
		{"neither skill nor any_of", "{skill: sql, min: 2}", "{min: 2}"},
		{"malformed id", "id: small", "id: Small"},
		{"wrong format", "format: readycheck/rubric/v1", "format: readycheck/assessment/v1"},
		{"missing title", "title: A small rubric for hand-computed tests\n", ""},
		{"scale of one level", "    - {label: \"No\"}\n    - {label: \"Yes\"}\n", "    - {label: \"Yes\"}\n"},
		{"min below 1", "{skill: sql, min: 2}", "{skill: sql, min: 0}"},
		{"weight 0", "{skill: testing, min: 2, weight: 3}", "{skill: testing, min: 2, weight: 0}"},
		{"weight 1e308", "{skill: testing, min: 2, weight: 3}", "{skill: testing, min: 2, weight: 1e308}"},
		{"weight over 1000", "{skill: testing, min: 2, weight: 3}", "{skill: testing, min: 2, weight: 1000.5}"},
		{"threshold over 100", "ready: 75", "ready: 120"},
		{"no requirements", "      - {skill: python, min: Beginner}\n      - {skill: testing, min: 2, weight: 3}\n", "      []\n"},
		{"unknown field in a requirement", "{skill: sql, min: 2}", "{skill: sql, min: 2, wieght: 2}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := head(t)
			if !strings.Contains(src, c.old) {
				t.Fatalf("testdata/small.yaml lacks %q", c.old)
			}
			bad := []byte(strings.Replace(src, c.old, c.new, 1))
			if _, problems := Parse("bad.yaml", bad); problems.Err() == nil {
				t.Errorf("the loader accepts it")
			}
			if err := s.Validate(asJSON(t, bad)); err == nil {
				t.Errorf("the schema accepts it")
			}
		})
	}
}

func head(t *testing.T) string {
	b, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The schema's properties are exactly the fields the loader accepts, so the
// two cannot drift apart.
func TestSchemaMatchesLoader(t *testing.T) {
	var doc map[string]any
	b, _ := Schema()
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$schema"] != "http://json-schema.org/draft-07/schema#" {
		t.Errorf("$schema = %v, want draft-07", doc["$schema"])
	}
	props := func(m any, path ...string) []string {
		for _, p := range path {
			m = m.(map[string]any)[p]
		}
		var out []string
		for k := range m.(map[string]any)["properties"].(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	sorted := func(s []string) []string {
		c := append([]string(nil), s...)
		sort.Strings(c)
		return c
	}
	cases := []struct {
		name   string
		schema []string
		loader []string
	}{
		{"rubric", props(doc), rubricFields},
		{"category", props(doc, "properties", "categories", "items"), categoryFields},
		{"skill", props(doc, "properties", "categories", "items", "properties", "skills", "items"), skillFields},
		{"company", props(doc, "properties", "companies", "items"), companyFields},
		{"requirement", props(doc, "properties", "companies", "items", "properties", "requirements", "items"), requirementFields},
	}
	for _, c := range cases {
		if strings.Join(c.schema, ",") != strings.Join(sorted(c.loader), ",") {
			t.Errorf("%s: schema has %v, loader accepts %v", c.name, c.schema, sorted(c.loader))
		}
	}
}

// editorBase is a rubric as `rubric init` leaves it, in block style, for
// the cases an editor meets while a person types.
const editorBase = `format: readycheck/rubric/v1
id: acme
title: Acme rubric
version: "1"
scales:
  prof:
    - label: None
    - label: Aware
    - label: Capable
    - label: Expert
default_scale: prof
categories:
  - id: code
    title: Code
    skills:
      - id: python
        title: Python
        levels:
          1: Has written a script
      - id: java
        title: Java
      - id: sql
        title: SQL
companies:
  - id: acme
    name: Acme
    requirements:
      - skill: sql
        min: 2
      - any_of: [python, java]
        min: Capable
`

// schemaErrors validates data against s and returns its leaf errors as
// "LOCATION KEYWORD" (the location a JSON pointer into the document, the
// keyword "false" for a property that may not be there at all), sorted.
func schemaErrors(t *testing.T, s *jsonschema.Schema, data []byte) []string {
	t.Helper()
	err := s.Validate(asJSON(t, data))
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		t.Fatal(err)
	}
	var out []string
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			kw := strings.Join(e.ErrorKind.KeywordPath(), "/")
			if _, ok := e.ErrorKind.(*kind.FalseSchema); ok {
				kw = "false"
			}
			out = append(out, "/"+strings.Join(e.InstanceLocation, "/")+" "+kw)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.Strings(out)
	return out
}

// The schema as yaml-language-server reads it: each mistake lands on the
// key or value at fault, with one keyword, and never as "matches multiple
// schemas" (no oneOf is left); what the schema rejects the loader rejects.
func TestSchemaEditorCases(t *testing.T) {
	s := compileSchema(t)
	const req2 = "      - any_of: [python, java]\n        min: Capable\n"
	cases := []struct {
		name, old, new string
		want           []string // leaf errors; none means valid
	}{
		{"the starter as it is", "", "", nil},
		{"both skill and any_of: on the extra key", req2,
			"      - skill: python\n        any_of: [python, java]\n        min: Capable\n",
			[]string{"/companies/0/requirements/1/any_of false"}},
		{"neither skill nor any_of", req2, "      - min: Capable\n",
			[]string{"/companies/0/requirements/1 required", "/companies/0/requirements/1 required"}},
		{"a fresh item under requirements", req2, "      - \n",
			[]string{"/companies/0/requirements/1 type"}},
		{"min as a number", "min: Capable", "min: 3", nil},
		{"min as a label", "min: 2", "min: capable", nil},
		{"min 0", "min: 2", "min: 0", []string{"/companies/0/requirements/0/min minimum"}},
		{"min empty text", "min: 2", `min: ""`, []string{"/companies/0/requirements/0/min minLength"}},
		{"min a boolean", "min: 2", "min: true", []string{"/companies/0/requirements/0/min type"}},
		{"min a list", "min: 2", "min: [2]", []string{"/companies/0/requirements/0/min type"}},
		{"version a number", `version: "1"`, "version: 2026.1", nil},
		{"version a list", `version: "1"`, "version: [1]", []string{"/version type"}},
		{"levels keyed by a label", "          1: Has written a script", "          Capable: Has shipped a service", nil},
		{"a level described by a list", "          1: Has written a script", "          1: [script]", []string{"/categories/0/skills/0/levels/1 type"}},
		{"aliases", "        title: SQL\n", "        title: SQL\n        aliases: [PostgreSQL, RDBMS]\n", nil},
		{"aliases as one name", "        title: SQL\n", "        title: SQL\n        aliases: PostgreSQL\n",
			[]string{"/categories/0/skills/2/aliases type"}},
		{"an empty alias", "        title: SQL\n", "        title: SQL\n        aliases: [PostgreSQL, \"\"]\n",
			[]string{"/categories/0/skills/2/aliases/1 minLength"}},
		{"an alias listed twice", "        title: SQL\n", "        title: SQL\n        aliases: [MySQL, MySQL]\n",
			[]string{"/categories/0/skills/2/aliases uniqueItems"}},
		{"a malformed skill id", "      - id: java", "      - id: Java", []string{"/categories/0/skills/1/id pattern"}},
		{"a malformed id in any_of", "[python, java]", "[python, Java]", []string{"/companies/0/requirements/1/any_of/1 pattern"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(editorBase, c.old) {
				t.Fatalf("the base rubric lacks %q", c.old)
			}
			doc := []byte(strings.Replace(editorBase, c.old, c.new, 1))
			got := schemaErrors(t, s, doc)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("schema errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			_, problems := Parse("acme.yaml", doc)
			if loaderOK := problems.Err() == nil; loaderOK != (len(c.want) == 0) {
				t.Errorf("the loader accepts it: %v; the schema: %v (%v)", loaderOK, len(c.want) == 0, problems)
			}
		})
	}
}

// What editors show beyond validity: a title of its own on each kind of
// object (the head of a hover), a plain message for an id that does not
// match its pattern, a type on min and version (so that completion inserts
// "min: " and includes min in an item's snippet), and no oneOf.
func TestSchemaForEditors(t *testing.T) {
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte(`"oneOf"`)) {
		t.Errorf("the schema has a oneOf; editors report it as matching multiple schemas while an item is typed")
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	at := func(path ...string) map[string]any {
		m := doc
		for _, p := range path {
			m = m[p].(map[string]any)
		}
		return m
	}
	category := at("properties", "categories", "items")
	skill := at("properties", "categories", "items", "properties", "skills", "items")
	company := at("properties", "companies", "items")
	requirement := at("properties", "companies", "items", "properties", "requirements", "items")
	for want, m := range map[string]map[string]any{"Category": category, "Skill": skill, "Company": company, "Requirement": requirement} {
		if m["title"] != want {
			t.Errorf("title = %v, want %q", m["title"], want)
		}
	}
	for name, m := range map[string]map[string]any{
		"min":     requirement["properties"].(map[string]any)["min"].(map[string]any),
		"version": at("properties", "version"),
	} {
		if _, ok := m["type"].([]any); !ok {
			t.Errorf("%s has type %v, want a list of types", name, m["type"])
		}
	}
	if d := skill["properties"].(map[string]any)["levels"].(map[string]any)["description"].(string); !strings.Contains(d, "label") {
		t.Errorf("the levels description does not say labels are accepted: %s", d)
	}
	// Every id pattern, wherever it is, has a message in words.
	patterns := 0
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["pattern"].(string); ok {
				patterns++
				if msg, _ := v["patternErrorMessage"].(string); msg == "" || strings.Contains(msg, p) {
					t.Errorf("%s: pattern %s has patternErrorMessage %q", path, p, msg)
				}
			}
			for k, x := range v {
				walk(x, path+"/"+k)
			}
		case []any:
			for _, x := range v {
				walk(x, path)
			}
		}
	}
	walk(doc, "")
	if patterns < 8 {
		t.Errorf("found %d id patterns, want every id's", patterns)
	}
}
