// Package testshared finds, for tests, the files that live beside the
// repository in ../shared: the real-world rubric and the hand-labelled job
// postings. A user's clone has no ../shared, and the tests that need it
// skip there; CI sets READYCHECK_REQUIRE_SHARED=1, and then a missing file
// fails the test instead, so that CI can never pass by skipping.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Required is the environment variable that makes a missing file a failure.
const Required = "READYCHECK_REQUIRE_SHARED"

// Path returns the path of rel under ../shared (for example
// "realworld/data-skills-matrix.yaml"), or skips the test when it is not
// there, or fails it when READYCHECK_REQUIRE_SHARED is set.
func Path(t testing.TB, rel string) string {
	t.Helper()
	p, err := find(rel)
	if err != nil {
		missing(t, rel, err)
		t.Skipf("../shared/%s is not beside the repository: %v", rel, err)
	}
	return p
}

// Lookup is Path for a test that does more than the shared file: it
// reports false instead of skipping when the file is not there (and still
// fails when READYCHECK_REQUIRE_SHARED is set).
func Lookup(t testing.TB, rel string) (string, bool) {
	t.Helper()
	p, err := find(rel)
	if err != nil {
		missing(t, rel, err)
		return "", false
	}
	return p, true
}

func missing(t testing.TB, rel string, err error) {
	t.Helper()
	if os.Getenv(Required) != "" {
		t.Fatalf("../shared/%s is needed (%s is set): %v", rel, Required, err)
	}
}

func find(rel string) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

// repoRoot is the folder of go.mod, above the test's working folder.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
