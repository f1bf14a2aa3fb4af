package posting_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// small is a rubric with names that need care (C++, C#, .NET, Node.js,
// CI/CD), a yes/no and a CEFR scale.
const small = `format: readycheck/rubric/v1
id: small
title: Small
scales:
  prof: [{label: None}, {label: Aware}, {label: Beginner}, {label: Capable}, {label: Proficient}, {label: Advanced}]
  yn: [{label: "No"}, {label: "Yes"}]
  cefr: [{label: Below A1}, {label: A1}, {label: A2}, {label: B1}, {label: B2}, {label: C1}, {label: C2}]
default_scale: prof
categories:
  - id: code
    title: Code
    skills:
      - {id: cpp, title: C++}
      - {id: csharp, title: C#}
      - {id: c, title: C}
      - {id: dotnet, title: .NET platform, aliases: [.NET, ASP.NET]}
      - {id: javascript, title: JavaScript, aliases: [Node.js]}
      - {id: java, title: Java}
      - {id: ci-cd, title: CI/CD, aliases: [continuous integration]}
      - {id: sql, title: Relational databases and SQL, aliases: [SQL, PostgreSQL]}
      - {id: docker, title: Docker}
  - id: other
    title: Other
    skills:
      - {id: degree, title: Computer science degree, scale: yn, aliases: [degree]}
      - {id: english, title: English, scale: cefr}
companies:
  - id: acme
    name: Acme
    requirements:
      - {skill: sql, min: 1}
`

func smallRubric(t testing.TB) *rubric.Rubric {
	t.Helper()
	r, problems := rubric.Parse("small.yaml", []byte(small))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return r
}

// reqs renders a draft's requirements compactly: ids, min, weight, must.
func reqs(c *posting.Company) string {
	var out []string
	for _, r := range c.Requirements {
		s := r.ID
		if r.AnyOf {
			s = "any(" + s + ")"
		}
		s += " " + r.Skills[0].Scale.Label(r.Min) + " w" + num(r.Weight)
		if r.Must {
			s += " must"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func num(x float64) string {
	switch x {
	case 1:
		return "1"
	case 2:
		return "2"
	case 3:
		return "3"
	}
	return "?"
}

func TestDraftRules(t *testing.T) {
	r := smallRubric(t)
	cases := []struct{ name, text, want string }{
		{"names with marks on word boundaries", "Requirements\n- Experience with C++, C# and .NET.\n- Node.js is a plus.\n- CI/CD is essential.\n",
			"cpp Capable w2; csharp Capable w2; dotnet Capable w2; javascript Capable w1; ci-cd Capable w3"},
		{"C alone is not C++ or C#", "Requirements\n- You know C well.\n", "c Capable w2"},
		{"no match inside words", "Requirements\n- Javanese cuisine and Cplusplus grammar, sqlite, CSharpish.\n", ""},
		{"or list becomes any_of", "Requirements\n- Solid C++, C# or Java.\n", "any(cpp-or-csharp-or-java) Capable w2"},
		{"one of with and", "Requirements\n- At least one of C++, C# and Java.\n", "any(cpp-or-csharp-or-java) Capable w2"},
		{"and list stays apart", "Requirements\n- C++ and Java.\n", "cpp Capable w2; java Capable w2"},
		{"and/or list", "Requirements\n- C++, C# and/or Java.\n", "any(cpp-or-csharp-or-java) Capable w2"},
		{"a plus list stays apart", "Requirements\n- C++ or Java is a plus.\n", "cpp Capable w1; java Capable w1"},
		{"mixed scales are split", "Requirements\n- Java, C++, English or a degree.\n", "any(java-or-cpp) Capable w2; english B1 w2; degree Yes w2"},
		{"must words", "Requirements\n- You must know SQL.\n- Docker is mandatory.\n", "sql Capable w3 must; docker Capable w3 must"},
		{"must with a weight word", "Requirements\n- Java is required and important.\n", "java Capable w2 must"},
		{"negation drops the sentence", "Requirements\n- A degree is not required.\n- We do not require Java.\n- No SQL needed.\n", ""},
		{"levels", "Requirements\n- Foundational C++.\n- Expert Java.\n- Deep SQL.\n", "cpp Aware w2; java Proficient w2; sql Proficient w2"},
		{"CEFR words", "Requirements\n- Fluent English.\n", "english C1 w2"},
		{"CEFR good command", "Requirements\n- Good command of English.\n", "english B2 w2"},
		{"literal CEFR wins", "Requirements\n- Fluent English (C2).\n", "english C2 w2"},
		{"heading cue applies to bullets", "Nice to have\n- Docker\n- SQL\n", "docker Capable w1; sql Capable w1"},
		{"Dutch headings", "Wat we vragen\n- Ervaring met Java.\nPluspunten\n- Docker\nWat we bieden\n- SQL cursussen\n", "java Capable w2; docker Capable w1"},
		{"Functie-eisen and Pré", "Functie-eisen\n- Kennis van SQL.\n\nPré\n- Docker.\n", "sql Capable w2; docker Capable w1"},
		{"duties lowest unless required", "What you will do\n- Build Java and Docker services.\n\nRequirements\n- Java is essential.\n",
			"java Capable w3; docker Capable w1"},
		{"benefits count for nothing", "What we offer\n- Java training and a degree.\n", ""},
		{"intro counts only with a cue", "We use Java.\nExperience with Docker is a plus.\n", "docker Capable w1"},
		{"sentence splitting", "Requirements\n- Java, e.g. for services. Docker is a bonus.\n", "java Capable w2; docker Capable w1"},
		{"HTML stripped, entities decoded", "<h2>Requirements</h2><ul><li>C&#43;&#43; &amp; Java</li><li>Docker is <b>a plus</b></li></ul><script>SQL</script>",
			"cpp Capable w2; java Capable w2; docker Capable w1"},
		{"Markdown", "## Must have\n* **C#** and [Docker](https://docker.com)\n", "csharp Capable w3 must; docker Capable w3 must"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := posting.Draft(tc.text, r, posting.Options{})
			got := ""
			if err == nil {
				got = reqs(c)
			} else if !errors.Is(err, posting.ErrNoSkills) {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// A list over several scales is split, and each part says so.
func TestMixedScaleNote(t *testing.T) {
	c, err := posting.Draft("Requirements\n- Java, C++ or English.\n", smallRubric(t), posting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	y := string(c.YAML("", "p.txt"))
	if reqs(c) != "any(java-or-cpp) Capable w2; english B1 w2" || strings.Count(y, "the list mixes scales (prof, cefr), so it is split into one requirement per scale") != 2 {
		t.Errorf("%s\n%s", reqs(c), y)
	}
}

// A posting that names no skill fails, naming a sentence it could not map.
func TestNoSkills(t *testing.T) {
	_, err := posting.Draft("Requirements\n- Knowledge of Go is a bonus.\n", smallRubric(t), posting.Options{})
	if !errors.Is(err, posting.ErrNoSkills) || !strings.Contains(err.Error(), "Knowledge of Go is a bonus.") {
		t.Errorf("err = %v", err)
	}
}

// Bad input is refused with a clear error.
func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", []byte(" \n\t\n"), posting.ErrEmpty},
		{"binary", []byte("PK\x03\x04\x00\x00"), posting.ErrBinary},
		{"not UTF-8", []byte("caf\xe9"), posting.ErrBinary},
		{"over 1 MiB", []byte(strings.Repeat("a", posting.MaxSize+1)), posting.ErrTooLarge},
	} {
		if _, err := posting.Check(tc.data); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	if s, err := posting.Check([]byte(strings.Repeat("a", posting.MaxSize))); err != nil || len(s) != posting.MaxSize {
		t.Errorf("exactly 1 MiB: %v", err)
	}
}

// The title line gives name, role and id; options override them.
func TestNameFromTitle(t *testing.T) {
	r := smallRubric(t)
	c, err := posting.Draft("Acme Bank — Java Intern (Delft)\n\nRequirements\n- Java\n", r, posting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "acme-bank" || c.Name != "Acme Bank" || c.Role != "Java Intern (Delft)" {
		t.Errorf("id %q name %q role %q", c.ID, c.Name, c.Role)
	}
	c, _ = posting.Draft("Acme Bank — Java Intern\n\nRequirements\n- Java\n", r, posting.Options{ID: "x", Name: "X", Role: "Y"})
	if c.ID != "x" || c.Name != "X" || c.Role != "Y" {
		t.Errorf("options: id %q name %q role %q", c.ID, c.Name, c.Role)
	}
}

// Not-mapped sentences suggest the closest skill.
func TestNotMappedSuggestion(t *testing.T) {
	c, err := posting.Draft("Requirements\n- Java.\n- Familiarity with relational modelling is a plus.\n- Knowledge of Unix/Linux is a bonus.\n", smallRubric(t), posting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.NotMapped) != 2 || c.NotMapped[0].Closest == nil || c.NotMapped[0].Closest.ID != "sql" || c.NotMapped[1].Closest != nil {
		t.Errorf("not mapped: %+v", c.NotMapped)
	}
	y := string(c.YAML("  ", "p.txt"))
	if !strings.Contains(y, `# not mapped: "Familiarity with relational modelling is a plus." (closest skill: sql, "Relational databases and SQL")`) {
		t.Errorf("YAML:\n%s", y)
	}
}

// The words table of docs/career-centers.md (`rubric from-posting`, linked
// from the README) lists every phrase of the code's table.
func TestREADMEWordsTable(t *testing.T) {
	const doc = "../docs/career-centers.md"
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "The words table (whole words, any case):")
	end := strings.Index(readme, "**Every decision is traceable.**")
	if start < 0 || end < start {
		t.Fatal(doc + " has no words table")
	}
	table := strings.ToLower(readme[start:end])
	for _, c := range posting.Table {
		if !strings.Contains(table, " "+c.Phrase+",") && !strings.Contains(table, " "+c.Phrase+" |") && !strings.Contains(table, " "+c.Phrase+";") {
			t.Errorf("the words table of %s lacks %q", doc, c.Phrase)
		}
	}
}

// The same choice written in another order is one requirement.
func TestSameListMerged(t *testing.T) {
	c, err := posting.Draft("Requirements\n- Java or C++.\n- C++ or Java is essential.\n", smallRubric(t), posting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := reqs(c); got != "any(java-or-cpp) Capable w3" || len(c.Requirements[0].Also) != 1 {
		t.Errorf("got %s, also %q", got, c.Requirements[0].Also)
	}
}

// A Markdown or HTML posting's first heading is its title when it names
// no kind of section.
func TestTitleFromHeading(t *testing.T) {
	for _, text := range []string{"# Acme Bank — Java Intern\n\n## Requirements\n- Java\n", "<h1>Acme Bank &mdash; Java Intern</h1><h2>Requirements</h2><ul><li>Java</li></ul>"} {
		c, err := posting.Draft(text, smallRubric(t), posting.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Name != "Acme Bank" || c.Role != "Java Intern" || reqs(c) != "java Capable w2" {
			t.Errorf("%q: name %q role %q, %s", text, c.Name, c.Role, reqs(c))
		}
	}
}

// Into keeps a rubric's own layout: a list at column 1, CRLF line ends.
func TestIntoLayouts(t *testing.T) {
	c, err := posting.Draft("Requirements\n- Java\n", smallRubric(t), posting.Options{ID: "new"})
	if err != nil {
		t.Fatal(err)
	}
	col1 := strings.Replace(small, "companies:\n  - id: acme\n    name: Acme\n    requirements:\n      - {skill: sql, min: 1}\n",
		"companies:\n- id: acme\n  name: Acme\n  requirements:\n  - {skill: sql, min: 1}\n", 1)
	crlf := strings.ReplaceAll(small, "\n", "\r\n")
	for name, src := range map[string]string{"column 1": col1, "CRLF": crlf} {
		out, r, err := posting.Into("small.yaml", []byte(src), c, "p.txt")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.HasPrefix(string(out), src) || len(r.Companies) != 2 {
			t.Errorf("%s: the rubric's text changed:\n%s", name, out)
		}
		if name == "column 1" && !strings.Contains(string(out), "\n- id: new\n  name:") {
			t.Errorf("%s: not at column 1:\n%s", name, out)
		}
		if name == "CRLF" && strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") {
			t.Errorf("%s: mixed line ends", name)
		}
	}
}

// A Dutch posting against the built-in rubric: its headings carry their
// cues ("Wat we vragen", "Pluspunten", "Wat we bieden") and its Dutch names
// find their skills ("Nederlandse universiteit", "Engels").
func TestDutchPostingBuiltin(t *testing.T) {
	r, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	text := "Stagiair backend developer\n\nWat we vragen\n- Je moet ingeschreven zijn aan een Nederlandse universiteit.\n- Ervaring met Python.\n- Goede beheersing van het Engels.\n\nPluspunten\n- Ervaring met Docker.\n\nWat we bieden\n- Een laptop en ervaring met Git in een team.\n"
	c, err := posting.Draft(text, r, posting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*posting.Requirement{}
	for _, req := range c.Requirements {
		for _, s := range req.Skills {
			got[s.ID] = req
		}
	}
	if req := got["dutch-university"]; req == nil || !req.Must {
		t.Errorf("dutch-university: %+v, want a must", req)
	}
	if got["python"] == nil || got["english-conversation"] == nil {
		t.Errorf("python or English not found: %v", got)
	}
	if got["deployment"] == nil || got["deployment"].Weight >= got["python"].Weight {
		t.Errorf("Docker under Pluspunten is not the lowest weight: %+v", got["deployment"])
	}
	if got["version-control"] != nil {
		t.Errorf("Git under Wat we bieden (benefits) counted: %+v", got["version-control"])
	}
}
