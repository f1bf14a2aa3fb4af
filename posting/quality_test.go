package posting_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/readycheck/readycheck/internal/testshared"
	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// expected is one posting's labels in expected.yaml (see its header).
type expected struct {
	Must    []string   `yaml:"must"`
	Strong  []string   `yaml:"strong"`
	Weak    []string   `yaml:"weak"`
	AnyOf   [][]string `yaml:"any_of"`
	Present []string   `yaml:"present"`
	Absent  []string   `yaml:"absent"`
}

// The drafts of the three hand-labelled postings hold every must, any_of
// and absent label exactly, find the present skills with recall and
// precision of at least 0.9, and put strong and weak skills in the highest
// and lowest weight tiers of their entry.
func TestPostingQuality(t *testing.T) {
	sharedPostings := testshared.Path(t, "postings")
	data, err := os.ReadFile(filepath.Join(sharedPostings, "expected.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var labels map[string]expected
	if err := yaml.Unmarshal(data, &labels); err != nil {
		t.Fatal(err)
	}
	if len(labels) != 3 {
		t.Errorf("expected.yaml labels %d postings, want 3", len(labels))
	}
	// The built-in rubric as it ships, its aliases included.
	r, err := builtin.Rubric()
	if err != nil {
		t.Fatal(err)
	}
	d := posting.NewDrafter(r)
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		want := labels[name]
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(sharedPostings, name))
			if err != nil {
				t.Fatal(err)
			}
			c, err := d.Draft(string(text), posting.Options{})
			if err != nil {
				t.Fatal(err)
			}
			q := measure(c, want)
			t.Logf("%s: recall %.2f, precision %.2f", name, q.recall, q.precision)
			for _, p := range q.problems {
				t.Error(p)
			}
			if t.Failed() {
				t.Logf("draft:\n%s", c.YAML("", name))
			}
		})
	}
}

type quality struct {
	recall, precision float64
	problems          []string
}

func measure(c *posting.Company, want expected) quality {
	var q quality
	must := map[string]bool{}
	all := map[string]bool{}
	required := map[string]bool{} // named outside duties
	var groups []string
	weightOf := map[string]float64{}
	lo, hi := 1e9, -1e9
	for _, r := range c.Requirements {
		lo, hi = min(lo, r.Weight), max(hi, r.Weight)
		var ids []string
		for _, s := range r.Skills {
			ids = append(ids, s.ID)
			all[s.ID] = true
			if r.Section != posting.Duties {
				required[s.ID] = true
			}
			if r.Must {
				must[s.ID] = true
			}
			weightOf[s.ID] = max(weightOf[s.ID], r.Weight)
		}
		if r.AnyOf {
			sort.Strings(ids)
			groups = append(groups, strings.Join(ids, ","))
		}
	}
	bad := func(format string, args ...any) { q.problems = append(q.problems, fmt.Sprintf(format, args...)) }
	if got, w := sortedKeys(must), sorted(want.Must); got != w {
		bad("must: got [%s], want [%s]", got, w)
	}
	var wantGroups []string
	for _, g := range want.AnyOf {
		wantGroups = append(wantGroups, sorted(g))
	}
	sort.Strings(groups)
	sort.Strings(wantGroups)
	if strings.Join(groups, " | ") != strings.Join(wantGroups, " | ") {
		bad("any_of: got [%s], want [%s]", strings.Join(groups, " | "), strings.Join(wantGroups, " | "))
	}
	for _, s := range want.Absent {
		if all[s] {
			bad("absent: %s is in a requirement", s)
		}
	}
	found := 0
	for _, s := range want.Present {
		if all[s] {
			found++
		} else {
			bad("present: %s is missing (counts against recall)", s)
		}
	}
	q.recall = float64(found) / float64(max(1, len(want.Present)))
	right := 0
	for s := range required {
		if slices.Contains(want.Present, s) {
			right++
		} else {
			bad("present: %s is not labelled present (counts against precision)", s)
		}
	}
	q.precision = float64(right) / float64(max(1, len(required)))
	if q.recall >= 0.9 && q.precision >= 0.9 {
		// Below the bar only: single misses are allowed.
		var keep []string
		for _, p := range q.problems {
			if !strings.HasPrefix(p, "present:") {
				keep = append(keep, p)
			}
		}
		q.problems = keep
	} else {
		bad("recall %.2f and precision %.2f; both must be at least 0.9", q.recall, q.precision)
	}
	for _, s := range want.Strong {
		if weightOf[s] != hi {
			bad("strong: %s has weight %v, want the entry's highest, %v", s, weightOf[s], hi)
		}
	}
	for _, s := range want.Weak {
		if weightOf[s] != lo || lo == hi {
			bad("weak: %s has weight %v, want the entry's lowest, %v, below its highest", s, weightOf[s], lo)
		}
	}
	return q
}

func sorted(s []string) string {
	c := slices.Clone(s)
	sort.Strings(c)
	return strings.Join(c, ",")
}

func sortedKeys(m map[string]bool) string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	return sorted(s)
}
