package rubric

import (
	"encoding/json"

	"github.com/invopop/jsonschema"
)

// The types below describe the shape of a rubric file for its JSON Schema;
// the loader reads files through positioned YAML nodes instead, and a test
// keeps the two in step. Descriptions are what editors show on hover.

type schemaFile struct {
	Format       string                   `json:"format" jsonschema_description:"The file format; always readycheck/rubric/v1."`
	ID           string                   `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"The rubric's id: lower-case letters, digits and hyphens. Assessments record it; change it when you start from the built-in rubric."`
	Title        string                   `json:"title" jsonschema:"minLength=1" jsonschema_description:"The rubric's title as candidates see it."`
	Version      any                      `json:"version,omitempty" jsonschema_description:"A version of your choosing; quote it (\"2026.1\") so that YAML keeps it as text."`
	Description  string                   `json:"description,omitempty" jsonschema_description:"What the rubric is for."`
	Scales       map[string][]schemaLevel `json:"scales" jsonschema:"minProperties=1" jsonschema_description:"Named scales. Each is a list of at least two levels; a level is its index in the list, and 0 means none."`
	DefaultScale string                   `json:"default_scale,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"The scale of skills whose category and skill name none; required when some do not."`
	Categories   []schemaCategory         `json:"categories" jsonschema:"minItems=1" jsonschema_description:"Groups of skills, asked in this order."`
	Companies    []schemaCompany          `json:"companies" jsonschema:"minItems=1" jsonschema_description:"Companies or programmes, and what each requires."`
}

type schemaLevel struct {
	Label       string `json:"label" jsonschema:"minLength=1" jsonschema_description:"The level's name, e.g. Capable; requirements may use it as min. Not a number, and unique within the scale."`
	Description string `json:"description,omitempty" jsonschema_description:"What the level means in general; a skill's levels may say it for that skill."`
}

type schemaCategory struct {
	ID          string        `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"Unique among the categories."`
	Title       string        `json:"title" jsonschema:"minLength=1" jsonschema_description:"The category's title as candidates see it."`
	Description string        `json:"description,omitempty" jsonschema_description:"What the category covers."`
	Scale       string        `json:"scale,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"The scale of this category's skills (default: default_scale)."`
	Skills      []schemaSkill `json:"skills" jsonschema:"minItems=1" jsonschema_description:"The skills of the category, asked in this order."`
}

type schemaSkill struct {
	ID       string            `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"Unique across the whole rubric; requirements and assessments refer to it."`
	Title    string            `json:"title" jsonschema:"minLength=1" jsonschema_description:"The skill's name, e.g. SQL."`
	Aliases  []string          `json:"aliases,omitempty" jsonschema:"uniqueItems=true,minLength=1" jsonschema_description:"Other names people write for the skill in job postings (e.g. PostgreSQL and RDBMS for SQL), so that readycheck rubric from-posting finds it; matched ignoring case, on word boundaries. No alias may be another skill's alias, title or id."`
	Question string            `json:"question,omitempty" jsonschema_description:"The question asked; defaults to: How would you rate your <title>?"`
	Help     string            `json:"help,omitempty" jsonschema_description:"Longer guidance shown under the question."`
	Scale    string            `json:"scale,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"Overrides the category's scale."`
	Levels   map[string]string `json:"levels,omitempty" jsonschema_description:"What each level means for this skill, keyed by level number or by a label of the scale (1: ..., Capable: ...); levels not listed use the scale's description."`
}

type schemaCompany struct {
	ID           string              `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"Unique among the companies; used by --company and in assessments' targets."`
	Name         string              `json:"name" jsonschema:"minLength=1" jsonschema_description:"The company's or programme's name as candidates see it."`
	Role         string              `json:"role,omitempty" jsonschema_description:"The role or programme, e.g. Software Engineer Summer Internship."`
	Description  string              `json:"description,omitempty" jsonschema_description:"What the company looks for."`
	URL          string              `json:"url,omitempty" jsonschema_description:"Where the vacancy or programme is described."`
	Thresholds   *schemaThresholds   `json:"thresholds,omitempty" jsonschema_description:"Readiness percentages for the verdicts: 0 <= almost < ready <= 100 (defaults 60 and 80)."`
	Requirements []schemaRequirement `json:"requirements" jsonschema:"minItems=1" jsonschema_description:"What the company requires, each a minimum level on a skill."`
}

type schemaThresholds struct {
	Almost float64 `json:"almost,omitempty" jsonschema:"minimum=0,maximum=100,default=60" jsonschema_description:"From this readiness on, the verdict is almost (default 60)."`
	Ready  float64 `json:"ready,omitempty" jsonschema:"minimum=0,maximum=100,default=80" jsonschema_description:"From this readiness on, the verdict is ready (default 80)."`
}

type schemaRequirement struct {
	ID     string   `json:"id,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"Unique within the company; defaults to the skill id (or the any_of ids joined by -or-)."`
	Title  string   `json:"title,omitempty" jsonschema_description:"Defaults to the skill's title, or the any_of skills' titles joined: Python, Java or C#."`
	Skill  string   `json:"skill,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"The skill required; use skill or any_of, not both."`
	AnyOf  []string `json:"any_of,omitempty" jsonschema:"minItems=1,uniqueItems=true,pattern=^[a-z0-9][a-z0-9-]*$" jsonschema_description:"Skills of one scale, the best level among which counts; use skill or any_of, not both."`
	Min    any      `json:"min" jsonschema_description:"The level needed: a number from 1 to the top of the scale, or a label of the scale (matched ignoring case)."`
	Weight float64  `json:"weight,omitempty" jsonschema:"minimum=0.001,maximum=1000,default=1" jsonschema_description:"How much the requirement counts, a number from 0.001 to 1000 (default 1)."`
	Must   bool     `json:"must,omitempty" jsonschema_description:"A knock-out requirement: while it is unmet the verdict is blocked."`
}

// idPattern is the pattern of every id in the schema, and idMessage what
// editors say instead of the raw pattern when an id does not match it.
const (
	idPattern = "^[a-z0-9][a-z0-9-]*$"
	idMessage = "Not an id: use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. backend-internship)."
)

// bothMessage is what editors say on any_of when a requirement has skill too.
const bothMessage = "Use skill for one skill, or any_of for a choice among several; not both."

// JSONSchemaExtend requires one of skill and any_of, and a level number of at
// least 1 or a label. Exactly one is anyOf the two plus "no any_of beside a
// skill", not oneOf: editors then flag the extra key itself, and a new item
// in the middle of being typed (which matches both while completing) is
// not reported as matching multiple schemas.
func (schemaRequirement) JSONSchemaExtend(s *jsonschema.Schema) {
	s.Title = "Requirement"
	s.AnyOf = []*jsonschema.Schema{{Required: []string{"skill"}}, {Required: []string{"any_of"}}}
	s.If = &jsonschema.Schema{Required: []string{"skill"}}
	noAnyOf := jsonschema.NewProperties()
	noAnyOf.Set("any_of", jsonschema.FalseSchema)
	s.Then = &jsonschema.Schema{Properties: noAnyOf, Extras: map[string]any{"errorMessage": bothMessage}}
	// One schema with a list of types, not a oneOf of two: editors complete
	// "min: " only for a property whose type they know.
	m := s.Properties.Value("min")
	m.Extras = map[string]any{"type": []string{"integer", "string"}}
	m.Minimum = "1"
	m.MinLength = ptr(uint64(1))
	// Completion fills in the first example, where it would otherwise put
	// 0, which is no level a requirement can ask for.
	m.Examples = []any{1}
}

// JSONSchemaExtend keys a skill's descriptors by level number. The loader
// also accepts a label of the scale as a key, which no schema can know, so
// other keys are allowed but must hold text as well.
func (schemaSkill) JSONSchemaExtend(s *jsonschema.Schema) {
	s.Title = "Skill"
	levels := s.Properties.Value("levels")
	levels.PatternProperties = map[string]*jsonschema.Schema{"^[0-9]+$": {Type: "string"}}
}

// The other objects get a title of their own, which editors show at the
// head of a hover instead of the rubric's title.

func (schemaLevel) JSONSchemaExtend(s *jsonschema.Schema)      { s.Title = "Level" }
func (schemaCategory) JSONSchemaExtend(s *jsonschema.Schema)   { s.Title = "Category" }
func (schemaCompany) JSONSchemaExtend(s *jsonschema.Schema)    { s.Title = "Company" }
func (schemaThresholds) JSONSchemaExtend(s *jsonschema.Schema) { s.Title = "Thresholds" }

// idMessages gives every id pattern in s and below it the message editors
// show in place of the pattern (yaml-language-server's patternErrorMessage).
func idMessages(s *jsonschema.Schema) {
	if s == nil {
		return
	}
	if s.Pattern == idPattern {
		if s.Extras == nil {
			s.Extras = map[string]any{}
		}
		s.Extras["patternErrorMessage"] = idMessage
	}
	if s.Properties != nil {
		for p := s.Properties.Oldest(); p != nil; p = p.Next() {
			idMessages(p.Value)
		}
	}
	for _, sub := range s.PatternProperties {
		idMessages(sub)
	}
	idMessages(s.AdditionalProperties)
	idMessages(s.PropertyNames)
	idMessages(s.Items)
}

// SchemaURL is the draft of JSON Schema the rubric schema is written in: the
// one yaml-language-server (VS Code's YAML support and others) understands.
const SchemaURL = "http://json-schema.org/draft-07/schema#"

// Schema returns the JSON Schema of the rubric format, draft-07, generated
// from the file-shape types above: indented, with a final newline.
func Schema() ([]byte, error) {
	// No references: draft-07 knows "definitions", not the reflector's
	// default "$defs", and an inline schema is what editors show best.
	r := &jsonschema.Reflector{DoNotReference: true, ExpandedStruct: true, Anonymous: true}
	s := r.Reflect(&schemaFile{})
	s.Version = SchemaURL
	s.Title = "readycheck rubric (" + Format + ")"
	s.Description = "A rubric of skills and company requirements for readycheck. Check a file with `readycheck validate FILE`."
	s.Properties.Value("format").Const = Format
	scales := s.Properties.Value("scales")
	scales.AdditionalProperties.MinItems = ptr(uint64(2))
	scales.PropertyNames = &jsonschema.Schema{Pattern: idPattern}
	s.Properties.Value("version").Extras = map[string]any{"type": []string{"string", "number"}}
	idMessages(s)
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func ptr[T any](v T) *T { return &v }
