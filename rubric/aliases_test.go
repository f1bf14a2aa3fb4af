package rubric_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"

	"github.com/readycheck/readycheck/internal/testshared"
)

// Every skill of the built-in rubric has aliases: the names postings use
// for it besides its title.
func TestBuiltinAliases(t *testing.T) {
	r, problems := rubric.Parse("backend-internship.yaml", builtin.YAML)
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	for _, s := range r.Skills() {
		if len(s.Aliases) == 0 {
			t.Errorf("skill %q has no aliases", s.ID)
		}
	}
}

// The built-in rubric's names (ids, titles and aliases), looked for in the
// hand-labelled postings of ../shared/postings as a plain matcher does
// (ignoring case, on word boundaries), name every skill labelled present
// and none labelled absent, anywhere in the posting.
func TestBuiltinAliasesFindPostingSkills(t *testing.T) {
	dir := testshared.Path(t, "postings")
	labels, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var expected map[string]struct {
		Present []string `yaml:"present"`
		Absent  []string `yaml:"absent"`
	}
	if err := yaml.Unmarshal(labels, &expected); err != nil {
		t.Fatal(err)
	}
	r, _ := rubric.Parse("backend-internship.yaml", builtin.YAML)
	for file, want := range expected {
		text, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range want.Present {
			if name := named(r, id, string(text)); name == "" {
				t.Errorf("%s: skill %q is present but none of its names is in the posting", file, id)
			}
		}
		for _, id := range want.Absent {
			if name := named(r, id, string(text)); name != "" {
				t.Errorf("%s: skill %q is absent but the posting has its name %q", file, id, name)
			}
		}
	}
}

// named returns the first of skill id's names found in text, or "".
func named(r *rubric.Rubric, id, text string) string {
	s, ok := r.Skill(id)
	if !ok {
		return "unknown skill " + id
	}
	for _, name := range append([]string{s.ID, s.Title}, s.Aliases...) {
		if hasWord(text, name) {
			return name
		}
	}
	return ""
}

// hasWord reports whether text holds name, ignoring case, with no letter or
// digit right before or after it.
func hasWord(text, name string) bool {
	text, name = strings.ToLower(text), strings.ToLower(name)
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !wordRune(before) && !wordRune(after) {
			return true
		}
		i = start + 1
	}
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
