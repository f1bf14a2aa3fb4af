package posting_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/posting"
)

// FuzzParse runs the posting parser (HTML and Markdown stripping, headings,
// sentence splitting) and the drafter on any text: they never panic, every
// sentence is one non-empty line of valid UTF-8 safe to show, and every
// drafted company renders to YAML that the rubric it came from accepts.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Requirements\n- Java or C++ is essential.\n- Docker is a plus.\n",
		"<h2>Wat we vragen</h2><ul><li>C&#43;&#43; &amp; SQL</li></ul><script>x</script>",
		"## Must have\n* **C#** and [Docker](https://x)\n\nNice to have\n=====\n- .NET, Node.js or CI/CD\n",
		"1. e.g. Java. 2) i.e. SQL! Is it? (Yes.)\n",
		"<p>unclosed <b>tag & &bogus; entity</p",
		"Title — Role\n\n\x1b[31mred\x1b[0m\u202e\r\nWe do not require a degree.\n",
		"[](\n![](",
		strings.Repeat("- ", 100) + "Java",
	} {
		f.Add(s)
	}
	r := smallRubric(f)
	d := posting.NewDrafter(r)
	f.Fuzz(func(t *testing.T, s string) {
		p := posting.Parse(s)
		for _, sec := range p.Sections {
			for _, sent := range sec.Sentences {
				if sent == "" || strings.ContainsAny(sent, "\n\r") || !utf8.ValidString(sent) {
					t.Fatalf("bad sentence %q", sent)
				}
				if what, bad := safetext.Unsafe(sent); bad {
					t.Fatalf("sentence %q holds %s", sent, what)
				}
			}
		}
		c, err := d.Draft(s, posting.Options{})
		if err != nil {
			return
		}
		if _, _, err := posting.Into("small.yaml", []byte(small), c, "fuzz"); err != nil {
			t.Fatalf("draft does not fit its rubric: %v\n%s", err, c.YAML("  ", "fuzz"))
		}
		if _, err := c.JSON(); err != nil {
			t.Fatal(err)
		}
	})
}
