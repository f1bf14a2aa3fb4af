package rubric

import (
	"encoding/json"

	"github.com/invopop/jsonschema"
)

// The types below describe the shape of a rubric file for its JSON Schema;
// the loader reads files through positioned YAML nodes instead, and a test
// keeps the two in step.

type schemaFile struct {
	Format       string                   `json:"format"`
	ID           string                   `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	Title        string                   `json:"title" jsonschema:"minLength=1"`
	Version      any                      `json:"version,omitempty" jsonschema:"oneof_type=string;number"`
	Description  string                   `json:"description,omitempty"`
	Scales       map[string][]schemaLevel `json:"scales" jsonschema:"minProperties=1"`
	DefaultScale string                   `json:"default_scale,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	Categories   []schemaCategory         `json:"categories" jsonschema:"minItems=1"`
	Companies    []schemaCompany          `json:"companies" jsonschema:"minItems=1"`
}

type schemaLevel struct {
	Label       string `json:"label" jsonschema:"minLength=1"`
	Description string `json:"description,omitempty"`
}

type schemaCategory struct {
	ID          string        `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	Title       string        `json:"title" jsonschema:"minLength=1"`
	Description string        `json:"description,omitempty"`
	Scale       string        `json:"scale,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	Skills      []schemaSkill `json:"skills" jsonschema:"minItems=1"`
}

type schemaSkill struct {
	ID       string            `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	Title    string            `json:"title" jsonschema:"minLength=1"`
	Question string            `json:"question,omitempty"`
	Help     string            `json:"help,omitempty"`
	Scale    string            `json:"scale,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	Levels   map[string]string `json:"levels,omitempty"`
}

type schemaCompany struct {
	ID           string              `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	Name         string              `json:"name" jsonschema:"minLength=1"`
	Role         string              `json:"role,omitempty"`
	Description  string              `json:"description,omitempty"`
	URL          string              `json:"url,omitempty"`
	Thresholds   *schemaThresholds   `json:"thresholds,omitempty"`
	Requirements []schemaRequirement `json:"requirements" jsonschema:"minItems=1"`
}

type schemaThresholds struct {
	Almost float64 `json:"almost,omitempty" jsonschema:"minimum=0,maximum=100,default=60"`
	Ready  float64 `json:"ready,omitempty" jsonschema:"minimum=0,maximum=100,default=80"`
}

type schemaRequirement struct {
	ID     string   `json:"id,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	Title  string   `json:"title,omitempty"`
	Skill  string   `json:"skill,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	AnyOf  []string `json:"any_of,omitempty" jsonschema:"minItems=1"`
	Min    any      `json:"min" jsonschema:"oneof_type=integer;string"`
	Weight float64  `json:"weight,omitempty" jsonschema:"exclusiveMinimum=0,default=1"`
	Must   bool     `json:"must,omitempty"`
}

// JSONSchemaExtend requires exactly one of skill and any_of.
func (schemaRequirement) JSONSchemaExtend(s *jsonschema.Schema) {
	s.OneOf = []*jsonschema.Schema{{Required: []string{"skill"}}, {Required: []string{"any_of"}}}
}

// SchemaURL is the draft of JSON Schema the rubric schema is written in: the
// one yaml-language-server (VS Code's YAML support and others) understands.
const SchemaURL = "http://json-schema.org/draft-07/schema#"

// Schema returns the JSON Schema of the rubric format, draft-07, generated
// from the file-shape types above.
func Schema() ([]byte, error) {
	r := &jsonschema.Reflector{DoNotReference: true, ExpandedStruct: true}
	s := r.Reflect(&schemaFile{})
	s.Version = SchemaURL
	s.Title = "readycheck rubric (readycheck/rubric/v1)"
	s.Description = "A rubric of skills and company requirements for readycheck. Check a file with `readycheck validate FILE`."
	s.Properties.Value("format").Const = Format
	s.Properties.Value("scales").AdditionalProperties.MinItems = ptr(uint64(2))
	describeSchema(s, "", schemaDescriptions)
	s.Properties.Value("scales").PropertyNames = &jsonschema.Schema{Pattern: "^[a-z0-9][a-z0-9-]*$"}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// schemaDescriptions are the schema's help texts, by property path; editors
// show them on hover.
var schemaDescriptions = map[string]string{
	"format":                        "The file format; always readycheck/rubric/v1.",
	"id":                            "The rubric's id: lower-case letters, digits and hyphens.",
	"title":                         "The rubric's title as candidates see it.",
	"version":                       "A version of your choosing; quote it (\"2026.1\") so that YAML keeps it as text.",
	"description":                   "What the rubric is for.",
	"scales":                        "Named scales. Each is a list of at least two levels; a level is its index in the list, and 0 means none.",
	"scales.*.label":                "The level's name, e.g. Capable; requirements may use it as min.",
	"scales.*.description":          "What the level means in general.",
	"default_scale":                 "The scale of skills whose category and skill name none.",
	"categories":                    "Groups of skills, asked in this order.",
	"categories.scale":              "The scale of this category's skills.",
	"categories.skills.id":          "Unique across the whole rubric.",
	"categories.skills.question":    "The question asked; defaults to: How would you rate your <title>?",
	"categories.skills.help":        "Longer guidance shown under the question.",
	"categories.skills.scale":       "Overrides the category's scale.",
	"categories.skills.levels":      "This skill's own descriptor per level of its scale, keyed by level number.",
	"companies":                     "Companies or programmes, and what each requires.",
	"companies.thresholds":          "Readiness percentages for the verdicts: 0 <= almost < ready <= 100 (defaults 60 and 80).",
	"companies.requirements.id":     "Unique within the company; defaults to the skill id.",
	"companies.requirements.skill":  "The skill required (or use any_of).",
	"companies.requirements.any_of": "Skills of one scale, the best level among which counts.",
	"companies.requirements.min":    "The level needed: a number from 1, or a label of the skill's scale.",
	"companies.requirements.weight": "How much the requirement counts, above 0 (default 1).",
	"companies.requirements.must":   "A knock-out requirement: unmet means blocked.",
}

// describeSchema sets descriptions on the schema's properties by path; "*" stands
// for a map's values, and list items are looked through.
func describeSchema(s *jsonschema.Schema, prefix string, texts map[string]string) {
	if s == nil {
		return
	}
	if s.Items != nil {
		describeSchema(s.Items, prefix, texts)
	}
	if s.AdditionalProperties != nil && s.Properties == nil {
		describeSchema(s.AdditionalProperties, prefix+"*.", texts)
	}
	if s.Properties == nil {
		return
	}
	for pair := s.Properties.Oldest(); pair != nil; pair = pair.Next() {
		path := prefix + pair.Key
		if d, ok := texts[path]; ok {
			pair.Value.Description = d
		}
		describeSchema(pair.Value, path+".", texts)
	}
}

func ptr[T any](v T) *T { return &v }
