package cmd

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/assessments"
)

// A mentor reviews line by line: the list, a file opened, a level given,
// a comment, a skill skipped, back, the summary, both views' results; the
// review is saved and the candidate's answers are not touched.
func TestReviewAccessible(t *testing.T) {
	dir := t.TempDir()
	// A candidate's finished assessment, by the accessible walk-through.
	in := "Ada\n\n2\n" + strings.Repeat("1\n", 38) + "f\n"
	if _, errs, code := runInput(t, in, "--data-dir", dir, "--accessible"); code != ExitOK {
		t.Fatalf("walk-through: exit %d: %s", code, errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "assessments", "ada-*.yaml"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	before, err := assessments.LoadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	// Grace: open 1; Python 3; JavaScript: comment, then skip; back to
	// JavaScript, 2; stop the skills; the summary.
	script := "Grace Hopper\n1\n3\nc\nCorrect but slow\n\nb\n2\nq\n"
	out, errs, code := runInput(t, script, "review", "--data-dir", dir, "--accessible")
	if code != ExitOK {
		t.Fatalf("review: exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"Assessments (1):", "1) Ada, complete, no review by you", "Programming languages, skill 1 of 38: Python", "The candidate: Aware (1).", "Comment saved.", "Your review is saved in 1 file:"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	after, err := assessments.LoadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	rv, ok := after.Review("grace hopper")
	if !ok || rv.Ratings["python"].Level != 3 || rv.Ratings["javascript"].Level != 2 || rv.Ratings["javascript"].Comment != "Correct but slow" {
		t.Fatalf("review = %+v", rv)
	}
	if len(after.Answers) != len(before.Answers) || after.Answers["python"].Level != before.Answers["python"].Level {
		t.Errorf("the candidate's answers changed")
	}
	// Through to the end: the summary and both views' results.
	script = "Grace Hopper\n1\n" + strings.Repeat("\n", 38) + "Practise SQL joins.\nq\n"
	out, _, code = runInput(t, script, "review", "--data-dir", dir, "--accessible")
	if code != ExitOK || !strings.Contains(out, "the candidate's view and Grace Hopper's") {
		t.Errorf("no results after the summary (exit %d):\n%s", code, out)
	}
	after, _ = assessments.LoadFile(files[0])
	if rv, _ := after.Review("Grace Hopper"); rv == nil || rv.Summary != "Practise SQL joins." {
		t.Errorf("summary not saved: %+v", rv)
	}
}
