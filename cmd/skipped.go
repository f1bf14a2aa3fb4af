package cmd

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/readycheck/readycheck/cohortview"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// builtinID is the built-in rubric's id; a variable for tests.
var builtinID = builtin.ID

// printSkipped writes the skipped files on w, one line each, but files
// skipped for the same reason as one line with their count and the first
// few places: a cohort of another rubric is one line, not a thousand.
func printSkipped(w io.Writer, skipped []report.Skipped) {
	for _, g := range report.GroupSkipped(skipped, report.GroupFrom) {
		if g.Reason == "" {
			fmt.Fprintln(w, cohortview.SkipGroupText(g))
			continue
		}
		fmt.Fprintln(w, "readycheck: "+cohortview.SkipGroupText(g))
	}
}

// nothingCounted is the error of a report or preview that counted no
// assessment: it names the rubrics the files were taken against and the
// flag to pass, or says that every file was skipped, or that there were
// none. rubricID is the rubric the files were scored against, flag the
// flag that names it.
func nothingCounted(rubricID, flag string, builtin bool, others []report.RubricFiles, skipped int, paths []string) error {
	if skipped == 0 {
		return fmt.Errorf("no assessment files (*.yaml, *.yml) under %s; name folders that hold assessments, or assessment files", strings.Join(paths, ", "))
	}
	if len(others) == 0 {
		if skipped == 1 {
			return errors.New("no assessment counted: the one file was skipped, for the reason above")
		}
		return fmt.Errorf("no assessment counted: all %s skipped, for the reasons above", termtext.PluralGrouped(skipped, "file was", "files were"))
	}
	ids := make([]string, len(others))
	n := 0
	for i, o := range others {
		ids[i] = fmt.Sprintf("%q", o.ID)
		if len(others) > 1 {
			ids[i] += fmt.Sprintf(" (%s)", termtext.PluralGrouped(o.Files, "file", "files"))
		}
		n += o.Files
	}
	not := fmt.Sprintf("%q", rubricID)
	if builtin {
		not = "the built-in " + not
	}
	msg := fmt.Sprintf("no assessment counted: %s taken against rubric %s, not %s; ", termtext.PluralGrouped(n, "file was", "files were"), joinAnd(ids), not)
	switch {
	case len(others) == 1 && others[0].ID == builtinID() && flag == "--rubric":
		msg += "leave out --rubric: that is the built-in rubric"
	case len(others) == 1:
		msg += fmt.Sprintf("pass that rubric with %s FILE", flag)
	default:
		msg += fmt.Sprintf("pass one of them with %s FILE (one report per rubric)", flag)
	}
	if rest := skipped - n; rest > 0 {
		msg += fmt.Sprintf("; %s skipped for the reasons above", termtext.PluralGrouped(rest, "other file was", "other files were"))
	}
	return fmt.Errorf("%s", msg)
}

// joinAnd joins items as "a", "a and b", or "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
