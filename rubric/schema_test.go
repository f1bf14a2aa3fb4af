package rubric

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"
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
// editors use, and a typo does not.
func TestSchemaValidatesRubrics(t *testing.T) {
	s := compileSchema(t)
	files := []string{"builtin/backend-internship.yaml", "testdata/small.yaml", "testdata/readme-example.yaml", "../../shared/realworld/data-skills-matrix.yaml"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			if strings.Contains(f, "shared") {
				continue
			}
			t.Fatal(err)
		}
		if _, problems := Parse(f, data); problems.Err() != nil {
			t.Errorf("%s is not a valid rubric: %v", f, problems)
		}
		if err := s.Validate(asJSON(t, data)); err != nil {
			t.Errorf("%s fails the schema: %v", f, err)
		}
	}
	typo := strings.Replace(head(t), "skills:", "skils:", 1)
	if err := s.Validate(asJSON(t, []byte(typo))); err == nil {
		t.Errorf("the schema accepts a `skils:` typo")
	}
	both := strings.Replace(head(t), "{skill: sql, min: 2}", "{skill: sql, any_of: [sql], min: 2}", 1)
	if err := s.Validate(asJSON(t, []byte(both))); err == nil {
		t.Errorf("the schema accepts a requirement with both skill and any_of")
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
