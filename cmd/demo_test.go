package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readycheck demo writes a cohort that readycheck report reads whole, and
// says which command to try next.
func TestDemoThenReport(t *testing.T) {
	for _, c := range []struct {
		name   string
		n      int
		args   []string
		rubric []string
	}{
		{"built-in rubric, default count", 40, nil, nil},
		{"a rubric file and a count", 7, []string{"--rubric", "testdata/small.yaml", "--assessments", "7"}, []string{"--rubric", "testdata/small.yaml"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "demo")
			out, errs, code := run(t, append([]string{"demo", dir}, c.args...)...)
			if code != ExitOK {
				t.Fatalf("demo: exit %d: %s", code, errs)
			}
			next := "readycheck report " + dir + strings.Join(append([]string{""}, c.rubric...), " ")
			if !strings.Contains(out, "Try next:\n  "+next+"\n") {
				t.Errorf("demo does not print %q:\n%s", next, out)
			}
			files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
			if err != nil || len(files) != c.n {
				t.Fatalf("%d files written, want %d (%v)", len(files), c.n, err)
			}
			for _, f := range []string{dir, files[0]} {
				info, err := os.Stat(f)
				if err != nil {
					t.Fatal(err)
				}
				if perm := info.Mode().Perm(); perm&0o077 != 0 {
					t.Errorf("%s has mode %v, want it private", f, perm)
				}
			}

			// The command the demo prints, as a new user would run it.
			rep, errs, code := run(t, append([]string{"report", dir, "--format", "json"}, c.rubric...)...)
			if code != ExitOK || errs != "" {
				t.Fatalf("report: exit %d: %s", code, errs)
			}
			var got struct {
				Assessments int
				Skipped     []any
			}
			if err := json.Unmarshal([]byte(rep), &got); err != nil {
				t.Fatal(err)
			}
			if got.Assessments != c.n || len(got.Skipped) != 0 {
				t.Errorf("report counts %d assessments and skips %d, want %d and none", got.Assessments, len(got.Skipped), c.n)
			}
			if _, errs, code := run(t, append([]string{"report", dir}, c.rubric...)...); code != ExitOK {
				t.Errorf("text report: exit %d: %s", code, errs)
			}
		})
	}
}

// The same seed writes the same cohort; another seed another one.
func TestDemoSeed(t *testing.T) {
	write := func(seed string) string {
		dir := filepath.Join(t.TempDir(), "d")
		if _, errs, code := run(t, "demo", dir, "--assessments", "3", "--seed", seed); code != ExitOK {
			t.Fatalf("demo: exit %d: %s", code, errs)
		}
		return readFile(t, filepath.Join(dir, "00002.yaml"))
	}
	if a, b := write("5"), write("5"); a != b {
		t.Error("one seed wrote two cohorts")
	}
	if a, b := write("5"), write("6"); a == b {
		t.Error("two seeds wrote one cohort")
	}
}

// Without FOLDER the demo goes to ./readycheck-demo.
func TestDemoDefaultFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	out, errs, code := run(t, "demo", "--assessments", "2")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join("readycheck-demo", "00002.yaml")); err != nil {
		t.Error(err)
	}
	if !strings.Contains(out, "readycheck report readycheck-demo\n") {
		t.Errorf("output:\n%s", out)
	}
}

// A folder that holds anything, a link (even to an empty folder) and a
// file are refused, and nothing is written; so are counts out of range.
func TestDemoRefuses(t *testing.T) {
	base := t.TempDir()
	full := filepath.Join(base, "full")
	empty := filepath.Join(base, "empty")
	link := filepath.Join(base, "link")
	file := filepath.Join(base, "file.yaml")
	for _, d := range []string{full, empty} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(full, ".keep"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(empty, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"demo", full}, ExitFailure, "is not empty (it holds .keep)"},
		{[]string{"demo", link}, ExitFailure, "is a symbolic link, not a folder"},
		{[]string{"demo", file}, ExitFailure, "is a regular file, not a folder"},
		{[]string{"demo", empty, "--assessments", "0"}, ExitUsage, "--assessments must be from 1"},
		{[]string{"demo", empty, "a", "b"}, ExitUsage, "accepts at most 1 arg"},
		{[]string{"demo", empty, "--rubric", filepath.Join(base, "missing.yaml")}, ExitFailure, "missing.yaml"},
	} {
		_, errs, code := run(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
	if got := readFile(t, file); got != "x" {
		t.Errorf("the file was changed: %q", got)
	}
	for _, d := range []string{full, empty} {
		if entries, _ := os.ReadDir(d); len(entries) != map[string]int{full: 1, empty: 0}[d] {
			t.Errorf("%s holds %d files after a refusal", d, len(entries))
		}
	}
}

// Every readycheck command line of the README's quick starts names a
// command and flags that exist: each parses with --help added.
func TestREADMEQuickStartsParse(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, quick, found := strings.Cut(string(data), "## Quick start for candidates")
	quick, _, _ = strings.Cut(quick, "\n## Commands")
	if !found {
		t.Fatal("README.md has no quick start for candidates")
	}
	lines := 0
	for _, l := range strings.Split(quick, "\n") {
		if !strings.HasPrefix(l, "readycheck") {
			continue
		}
		l, _, _ = strings.Cut(l, "#")
		var words []string
		// Quoted names ("Ada Lovelace") are one argument.
		for i, part := range strings.Split(l, `"`) {
			if i%2 == 1 {
				words = append(words, part)
			} else {
				words = append(words, strings.Fields(part)...)
			}
		}
		lines++
		if _, errs, code := run(t, append(words[1:], "--help")...); code != ExitOK {
			t.Errorf("%q does not parse: exit %d: %s", l, code, errs)
		}
	}
	if lines < 10 {
		t.Errorf("only %d command lines in the quick starts", lines)
	}
}

// demo's description fits the command list of --help at 80 columns.
func TestDemoShortFits(t *testing.T) {
	if s := newDemoCmd().Short; len(s) > flagUsageWidth {
		t.Errorf("%q is %d long, more than %d", s, len(s), flagUsageWidth)
	}
}
