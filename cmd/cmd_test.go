package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"charm.land/fang/v2"
)

// run runs readycheck in-process, under fang as Execute does, and returns
// its output and exit status.
func run(t *testing.T, args ...string) (stdout, errout string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	old := stderr
	stderr = &errb
	defer func() { stderr = old }()
	assessOpts = assessFlags{}
	root := NewRoot()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	err := fang.Execute(context.Background(), root, fang.WithErrorHandler(handleError), fang.WithoutManpage())
	return out.String(), errb.String(), exitCode(err)
}

// writeFile writes a file for a test and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// problemLine is how every problem is printed: FILE:LINE:COL: message.
var problemLine = regexp.MustCompile(`^[^:]+:\d+:\d+: \S`)

// problemLines returns the lines of stderr, failing the test for any line
// that is not FILE:LINE:COL: message.
func problemLines(t *testing.T, errs string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(errs, "\n"), "\n")
	for _, l := range lines {
		if !problemLine.MatchString(l) {
			t.Errorf("not a FILE:LINE:COL problem: %q", l)
		}
	}
	return lines
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"validate"},
		{"score"},
		{"score", "a.yaml", "b.yaml"},
		{"score", "testdata/ada.yaml", "--format", "xml"},
		{"score", "testdata/ada.yaml", "--nope"},
		{"rubric", "init", "a.yaml", "b.yaml"},
		{"rubric", "schema", "extra"},
		{"rubric", "nonsense"},
		{"nonsense"},
	} {
		_, errs, code := run(t, args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, ExitUsage, errs)
		}
		if !strings.Contains(errs, "--help") {
			t.Errorf("%v: no pointer to --help: %q", args, errs)
		}
	}
}

// Quitting the review says what it did, as the walk-through's closing
// lines do.
func TestPrintReviewed(t *testing.T) {
	var b strings.Builder
	printReviewed(&b, nil, nil)
	if b.String() != "No review changed.\n" {
		t.Errorf("nothing reviewed: %q", b.String())
	}
	b.Reset()
	printReviewed(&b, []string{"/data/ada.yaml", "/data/alan.yaml"}, nil)
	want := "Your review is saved in 2 files:\n  /data/ada.yaml\n  /data/alan.yaml\nTo read it beside the candidate's view: readycheck score /data/ada.yaml --view both\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
