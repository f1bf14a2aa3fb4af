package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/fang/v2"

	"github.com/readycheck/readycheck/rubric"
)

// runIn is run with standard input.
func runIn(t *testing.T, stdin string, args ...string) (stdout, errout string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	old := stderr
	stderr = &errb
	defer func() { stderr = old }()
	root := NewRoot()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(stdin))
	err := fang.Execute(context.Background(), root, fang.WithErrorHandler(handleError), fang.WithoutManpage())
	return out.String(), errb.String(), exitCode(err)
}

// postingRubric has comments, a key after companies and aliases: --into
// must keep every byte of it and add the company at the end of the list.
const postingRubric = `# Acme's rubric: comments stay.
format: readycheck/rubric/v1
id: acme
title: Acme
scales:
  prof: [{label: None}, {label: Aware}, {label: Beginner}, {label: Capable}]
categories:
  - id: code
    title: Code
    scale: prof
    skills:
      - {id: java, title: Java}
      - {id: cpp, title: C++}
      - {id: sql, title: Relational databases, aliases: [SQL, PostgreSQL]}
companies:
    # the one company so far
    - id: acme-data
      name: Acme Data
      requirements:
        - {skill: sql, min: 1}   # keep this comment

# the default scale, after the companies
default_scale: prof
`

const postingText = `Acme Bank — Backend Intern

Requirements
- Solid Java or C++ is essential.
- PostgreSQL is a plus.
- Knowledge of Go is a bonus.
`

func TestFromPostingYAML(t *testing.T) {
	rub := writeFile(t, "acme.yaml", postingRubric)
	post := writeFile(t, "bank.txt", postingText)
	out, errs, code := run(t, "rubric", "from-posting", post, "--rubric", rub)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"  - id: acme-bank\n    name: \"Acme Bank\"\n    role: \"Backend Intern\"\n",
		"      # \"Solid Java or C++ is essential.\"\n      #   under \"Requirements\" (requirements); weight 3 from \"essential\"; min 2 Beginner from \"solid\": the middle of the scale; one of a list\n      - {any_of: [java, cpp], min: Beginner, weight: 3}\n",
		"      - {skill: sql, min: Beginner, weight: 1}\n",
		"    # not mapped: \"Knowledge of Go is a bonus.\"\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFromPostingInto(t *testing.T) {
	rub := writeFile(t, "acme.yaml", postingRubric)
	post := writeFile(t, "bank.txt", postingText)
	out, errs, code := run(t, "rubric", "from-posting", post, "--into", rub)
	if code != ExitOK || !strings.Contains(out, `Added company "acme-bank"`) {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	got := readFile(t, rub)
	// Everything before and after the insertion is as it was.
	cut := strings.Index(postingRubric, "\n\n# the default scale")
	if !strings.HasPrefix(got, postingRubric[:cut+1]) || !strings.HasSuffix(got, postingRubric[cut+1:]) {
		t.Errorf("the rubric's own text changed:\n%s", got)
	}
	if !strings.Contains(got, "\n    - id: acme-bank\n      name: \"Acme Bank\"\n") {
		t.Errorf("the company is not at the list's indentation:\n%s", got)
	}
	r, problems := rubric.Parse(rub, []byte(got))
	if problems.Err() != nil || len(r.Companies) != 2 {
		t.Fatalf("result: %v", problems)
	}
	// Again: the id is taken, nothing is written.
	_, errs, code = run(t, "rubric", "from-posting", post, "--into", rub)
	if code != ExitFailure || !strings.Contains(errs, `already has a company "acme-bank"; pass another --id`) || readFile(t, rub) != got {
		t.Errorf("duplicate: exit %d: %s", code, errs)
	}
	// With another id it is added too.
	if _, errs, code = run(t, "rubric", "from-posting", post, "--into", rub, "--id", "acme-bank-2"); code != ExitOK {
		t.Errorf("second id: exit %d: %s", code, errs)
	}
}

// Nothing is written when the rubric cannot take the company.
func TestFromPostingIntoRefused(t *testing.T) {
	post := writeFile(t, "bank.txt", postingText)
	flow := strings.Replace(postingRubric, `companies:
    # the one company so far
    - id: acme-data
      name: Acme Data
      requirements:
        - {skill: sql, min: 1}   # keep this comment
`, "companies: [{id: acme-data, name: Acme Data, requirements: [{skill: sql, min: 1}]}]\n", 1)
	for _, tc := range []struct{ name, rubric, want string }{
		{"flow-style companies", flow, "companies is written in flow style"},
		{"an invalid rubric", strings.Replace(postingRubric, "min: 1}", "min: 9}", 1), "outside its scale"},
	} {
		rub := writeFile(t, "acme.yaml", tc.rubric)
		_, errs, code := run(t, "rubric", "from-posting", post, "--into", rub)
		if code != ExitFailure || !strings.Contains(errs, tc.want) || readFile(t, rub) != tc.rubric {
			t.Errorf("%s: exit %d: %s", tc.name, code, errs)
		}
	}
}

func TestFromPostingJSON(t *testing.T) {
	rub := writeFile(t, "acme.yaml", postingRubric)
	out, errs, code := runIn(t, postingText, "rubric", "from-posting", "-", "--rubric", rub, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Source       string `json:"source"`
		ID           string `json:"id"`
		Requirements []struct {
			AnyOf    []string `json:"any_of"`
			Skill    string   `json:"skill"`
			Min      int      `json:"min"`
			Weight   float64  `json:"weight"`
			Sentence string   `json:"sentence"`
			Why      struct{ Weight, Level string }
		} `json:"requirements"`
		NotMapped []struct{ Sentence string } `json:"not_mapped"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if doc.Source != "posting" || doc.ID != "acme-bank" || len(doc.Requirements) != 2 || len(doc.NotMapped) != 1 {
		t.Fatalf("%+v", doc)
	}
	r := doc.Requirements[0]
	if strings.Join(r.AnyOf, ",") != "java,cpp" || r.Weight != 3 || r.Sentence != "Solid Java or C++ is essential." || r.Why.Weight != `"essential"` {
		t.Errorf("first requirement: %+v", r)
	}
}

// Bad input: exit 1 with a clear message, nothing written.
func TestFromPostingBadInput(t *testing.T) {
	rub := writeFile(t, "acme.yaml", postingRubric)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("Java. "), 200_000), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, file, content, want string }{
		{"empty", "empty.txt", "\n  \n", "empty.txt: the posting is empty"},
		{"binary", "x.pdf", "%PDF-1.7\x00\x01\x02", "x.pdf: the posting is not text"},
		{"no skill", "go.txt", "Requirements\n- Go and Rust are essential.\n", "go.txt: the posting names no skill of the rubric (1 sentences ask for something"},
		{"too large", "", "", "big.txt: the posting is over 1 MiB"},
		{"a folder", "", "", ": is a folder"},
	} {
		path := big
		switch {
		case tc.file != "":
			path = writeFile(t, tc.file, tc.content)
		case tc.name == "a folder":
			path = dir
		}
		_, errs, code := run(t, "rubric", "from-posting", path, "--into", rub)
		if code != ExitFailure || !strings.Contains(errs, tc.want) || readFile(t, rub) != postingRubric {
			t.Errorf("%s: exit %d: %s", tc.name, code, errs)
		}
	}
	if _, errs, code := runIn(t, "", "rubric", "from-posting", "-"); code != ExitFailure || !strings.Contains(errs, "standard input: the posting is empty") {
		t.Errorf("empty stdin: exit %d: %s", code, errs)
	}
	if _, errs, code := run(t, "rubric", "from-posting", "x.txt", "--format", "xml"); code != ExitUsage || !strings.Contains(errs, `unknown --format "xml"`) {
		t.Errorf("--format xml: exit %d: %s", code, errs)
	}
	if _, errs, code := run(t, "rubric", "from-posting", "x.txt", "--id", "Bad Id"); code != ExitUsage || !strings.Contains(errs, `--id "Bad Id" is not a valid id`) {
		t.Errorf("--id: exit %d: %s", code, errs)
	}
}
