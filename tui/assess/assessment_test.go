package assess

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// Two readychecks starting an assessment of one name in the same second
// take two names (-2) instead of the second failing as "open in another
// readycheck".
func TestCreateSameNameSameSecond(t *testing.T) {
	store := newStore(t)
	r := tuitest.Builtin(t)
	const n = 8
	var wg sync.WaitGroup
	opened := make([]*assessments.Opened, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			opened[i], errs[i] = assessments.Create(store, r, assessments.Person{Name: "Ada Lovelace"}, nil, tuitest.Clock)
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for i := range n {
		if errs[i] != nil {
			t.Errorf("start %d: %v", i+1, errs[i])
			continue
		}
		defer opened[i].Saver.Close()
		name := filepath.Base(opened[i].Path())
		if seen[name] {
			t.Errorf("two assessments named %s", name)
		}
		seen[name] = true
	}
	if !seen["ada-lovelace-"+tuitest.Clock.UTC().Format("20060102-150405")+".yaml"] {
		t.Errorf("names %v lack the plain one", seen)
	}
}
