package posting_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/sample"
)

// bigPosting is a posting of about size bytes naming skills of the
// generated rubric ("Skill 17"): sections of requirements, duties and
// benefits, lists joined by or and and, cue words, and filler sentences
// that name nothing.
func bigPosting(size int) string {
	var b strings.Builder
	b.WriteString("Generated Corp — Backend Intern\n\n")
	heads := []string{"What we look for", "What you will do", "Nice to have", "What we offer", "Wat we vragen"}
	cues := []string{"is essential", "is a plus", "is highly valued", "is required", "would be nice to have", ""}
	for i := 0; b.Len() < size; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&b, "\n%s\n", heads[(i/20)%len(heads)])
		}
		s := 1 + (i*37)%2000
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "- Solid knowledge of Skill %d, Skill %d or Skill %d %s.\n", s, s%2000+1, (s+5)%2000+1, cues[i%len(cues)])
		case 1:
			fmt.Fprintf(&b, "- Experience with Skill %d and working knowledge of Skill %d %s.\n", s, (s+11)%2000+1, cues[i%len(cues)])
		case 2:
			b.WriteString("- You enjoy working in a small team that ships features every week and learns from every release.\n")
		default:
			fmt.Fprintf(&b, "- Familiarity with tools nobody lists, such as Frobnicator %d, is a bonus.\n", i)
		}
	}
	return b.String()
}

// BenchmarkDraftLargePosting drafts from a 100 KB posting against the
// 2,000-skill generated rubric, indexing the rubric included. Goal: under
// 50 ms (docs/benchmarks.md).
func BenchmarkDraftLargePosting(b *testing.B) {
	r, problems := rubric.Parse("generated", sample.Rubric(2000, 50, 1))
	if err := problems.Err(); err != nil {
		b.Fatal(err)
	}
	text := bigPosting(100 << 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		c, err := posting.Draft(text, r, posting.Options{})
		if err != nil || len(c.Requirements) < 100 {
			b.Fatalf("%v, %d requirements", err, len(c.Requirements))
		}
	}
}

// The large posting drafts a valid company: every requirement the loader
// accepts, in the generated rubric itself.
func TestLargePostingIsValid(t *testing.T) {
	data := sample.Rubric(2000, 50, 1)
	r, problems := rubric.Parse("generated", data)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	c, err := posting.Draft(bigPosting(100<<10), r, posting.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := posting.Into("generated", data, c, "big.txt"); err != nil {
		t.Fatal(err)
	}
}
