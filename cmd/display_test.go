package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readycheck/readycheck/internal/safetext"
)

// hostileFolder makes a folder whose name holds an escape sequence, a C1
// control, a bidirectional override, a direction mark, a line separator, a
// line break and invalid UTF-8, with copies of the named testdata files.
func hostileFolder(t *testing.T, files ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ev\x1b]0;pwned\x07il\u009b2J\u202egpj\u200f\u2028\nx\xff")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// shownSafely fails when output could control a terminal or hide or
// reorder text: invalid UTF-8, control characters but newline and tab, C1
// controls, bidirectional overrides and marks, line separators.
func shownSafely(t *testing.T, what, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s: not valid UTF-8: %q", what, out)
	}
	for _, r := range out {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
			r == 0x200e || r == 0x200f || r == 0x061c || r == 0x2028 || r == 0x2029) {
			t.Errorf("%s: U+%04X reaches the output: %q", what, r, out)
			return
		}
	}
}

// validate's summary line shows the file as safetext.CleanPath does: one
// line, nothing that controls the terminal.
func TestValidateShowsPathCleaned(t *testing.T) {
	file := filepath.Join(hostileFolder(t, "small.yaml"), "small.yaml")
	out, errs, code := run(t, "validate", file)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	shownSafely(t, "validate", out)
	if n := strings.Count(out, "\n"); n != 1 || !strings.Contains(out, `.yaml: valid rubric "small"`) {
		t.Errorf("validate printed %d lines, want its one summary line: %q", n, out)
	}
}

// diff's header names both files cleaned in text and Markdown, and its
// JSON escapes C1 and bidirectional characters.
func TestDiffShowsPathsCleaned(t *testing.T) {
	dir := hostileFolder(t, "ada.yaml", "ada-later.yaml", "small.yaml")
	old, cur := filepath.Join(dir, "ada.yaml"), filepath.Join(dir, "ada-later.yaml")
	for _, format := range []string{"text", "markdown", "json"} {
		out, errs, code := run(t, "diff", old, cur, "--rubric", filepath.Join(dir, "small.yaml"), "--format", format)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		shownSafely(t, "diff --format "+format, out)
		switch format {
		case "text":
			if lines := strings.Split(out, "\n"); !strings.HasPrefix(lines[1], "from ") || !strings.HasPrefix(lines[2], "  to ") {
				t.Errorf("the header's files are not on their own lines:\n%s", out)
			}
		case "json":
			var d struct{ Old struct{ File string } }
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatal(err)
			}
			if want := strings.ToValidUTF8(old, "\ufffd"); d.Old.File != want {
				t.Errorf("the JSON file is %q, want %q", d.Old.File, want)
			}
		}
	}
}

// Every report format shows file names and names cleaned; Markdown never
// turns a name into a link or strikethrough.
func TestReportShowsPathsAndNamesCleaned(t *testing.T) {
	dir := hostileFolder(t, "small.yaml")
	ada := "format: readycheck/assessment/v1\ncandidate: {name: \"Eve\u200f www.evil.example ~~x~~ [a](http://b)\"}\nrubric: {id: small}\nanswers: {python: 2}\n"
	if err := os.WriteFile(filepath.Join(dir, "eve\u202e.yaml"), []byte(ada), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken\u009b.yaml"), []byte("format: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rubricFile := filepath.Join(t.TempDir(), "small.yaml")
	os.Rename(filepath.Join(dir, "small.yaml"), rubricFile)
	for _, format := range []string{"text", "markdown", "csv", "json", "html"} {
		out, errs, code := run(t, "report", dir, "--rubric", rubricFile, "--format", format)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		shownSafely(t, "report --format "+format, out)
		shownSafely(t, "report --format "+format+" (stderr)", errs)
		if format == "markdown" && (!strings.Contains(out, `www\.evil.example \~\~x\~\~ \[a\](http\://b)`) || strings.Contains(out, "www.evil")) {
			t.Errorf("the Markdown name can become a link or strikethrough:\n%s", out)
		}
		if format == "csv" && strings.Count(out, "\n") != 3 {
			t.Errorf("the CSV is not a header and one row per company:\n%s", out)
		}
	}
}

// An error that quotes a path as given never carries its escapes to the
// terminal.
func TestErrorsShowPathsCleaned(t *testing.T) {
	dir := hostileFolder(t, "ada.yaml", "readme-assessment.yaml")
	missing := filepath.Join(dir, "missing\x1b[2J.yaml")
	for _, args := range [][]string{
		{"diff", filepath.Join(dir, "ada.yaml"), filepath.Join(dir, "readme-assessment.yaml")},
		{"score", missing}, {"validate", missing},
	} {
		_, errs, code := run(t, args...)
		if code == ExitOK {
			t.Fatalf("%s: exit 0", args[0])
		}
		// Messages may span lines; a path's line break may too.
		shownSafely(t, args[0]+" error", strings.ReplaceAll(errs, "\n", ""))
	}
}

// score's JSON, of one view or both, escapes the direction marks a name
// may hold, as every JSON output does.
func TestScoreJSONEscapesMarks(t *testing.T) {
	dir := hostileFolder(t, "small.yaml", "reviewed.yaml")
	data, err := os.ReadFile(filepath.Join(dir, "reviewed.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "marked.yaml")
	os.WriteFile(file, []byte(strings.Replace(string(data), "candidate: {name: ", "candidate: {name: \u200f\u2028", 1)), 0o600)
	for _, view := range []string{"self", "both"} {
		out, errs, code := run(t, "score", file, "--rubric", filepath.Join(dir, "small.yaml"), "--format", "json", "--view", view)
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", view, code, errs)
		}
		shownSafely(t, "score --view "+view, out)
		if !strings.Contains(out, `\u200f\u2028`) {
			t.Errorf("%s: the name's marks are not escaped:\n%.300s", view, out)
		}
	}
}

// The accessible walk-through's last lines name the saved file cleaned.
func TestAssessShowsSavedPathCleaned(t *testing.T) {
	dir := hostileFolder(t)
	out, errs, code := runInput(t, "1\nq\n", "--data-dir", dir, "--accessible", "--name", "Ada", "--company", "dept")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	shownSafely(t, "assess", out)
	if !strings.Contains(out, "Saved to '"+safetext.CleanPath(dir)+"/assessments/ada-") {
		t.Errorf("the saved path is not shown cleaned:\n%s", out)
	}
}

// rubric init names a hostile file cleaned, on stdout and in the comment it
// writes at the top of the rubric, which validate then reads.
func TestRubricInitHostileName(t *testing.T) {
	file := filepath.Join(hostileFolder(t), "acme\x1b[31m\n\u202e\xff.yaml")
	out, errs, code := run(t, "rubric", "init", file)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	shownSafely(t, "rubric init", out)
	if _, errs, code := run(t, "validate", file); code != ExitOK {
		t.Errorf("the rubric init wrote does not validate:\n%s", errs)
	}
}
