package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/readycheck/readycheck/internal/termtext"
)

// RubricFiles is a rubric id with the number of skipped files taken against
// it.
type RubricFiles struct {
	ID    string
	Files int
}

// otherRubrics counts the skipped files of other rubrics by rubric id, most
// files first, then by id.
func otherRubrics(skips []skip) []RubricFiles {
	n := map[string]int{}
	for _, s := range skips {
		if s.rubric != "" {
			n[s.rubric]++
		}
	}
	out := make([]RubricFiles, 0, len(n))
	for id, files := range n {
		out = append(out, RubricFiles{ID: id, Files: files})
	}
	slices.SortFunc(out, func(a, b RubricFiles) int {
		return cmp.Or(cmp.Compare(b.Files, a.Files), strings.Compare(a.ID, b.ID))
	})
	return out
}

// SkipGroup is skipped files that share one reason, or a single file.
type SkipGroup struct {
	// Reason is the files' common problem without its place; "" for a
	// single file listed on its own.
	Reason string
	// Files are the files, in the order of the list grouped.
	Files []Skipped
}

// Place is the "FILE:LINE:COL" (or "LINE:COL", anonymized) that the
// skipped file's one problem names, without the reason.
func (s Skipped) Place() string {
	if s.reason == "" {
		return s.File
	}
	return strings.TrimSuffix(strings.TrimSuffix(s.Error, s.reason), ": ")
}

// GroupSkipped groups the files skipped for the same reason, when at least
// min files share it, at the place of the first of them; every other file
// is a group of its own, in the list's order. A thousand files of another
// rubric become one group, not a thousand lines.
func GroupSkipped(skipped []Skipped, min int) []SkipGroup {
	count := map[string]int{}
	for _, s := range skipped {
		if s.reason != "" {
			count[s.reason]++
		}
	}
	var groups []SkipGroup
	at := map[string]int{}
	for _, s := range skipped {
		if s.reason == "" || count[s.reason] < min {
			groups = append(groups, SkipGroup{Files: []Skipped{s}})
			continue
		}
		i, ok := at[s.reason]
		if !ok {
			i = len(groups)
			at[s.reason] = i
			groups = append(groups, SkipGroup{Reason: s.reason})
		}
		groups[i].Files = append(groups[i].Files, s)
	}
	return groups
}

// Skipped files are grouped in reports and on stderr from GroupFrom files
// with one reason on, naming the first GroupNames of them.
const (
	GroupFrom  = 4
	GroupNames = 3
)

// String writes a group of files skipped for one reason as one line: their
// count, the reason, and the places of the first few ("1,000 files
// skipped: ... (a.yaml:3:14, b.yaml:3:14, c.yaml:3:14, and 997 more)");
// anonymized files have no places to name. A single file is its reasons,
// one line each.
func (g SkipGroup) String() string {
	if g.Reason == "" {
		return g.Files[0].Error
	}
	line := termtext.Thousands(len(g.Files)) + " files skipped: " + g.Reason
	if g.Files[0].File == "" {
		return line
	}
	places := make([]string, 0, GroupNames+1)
	for _, s := range g.Files[:min(len(g.Files), GroupNames)] {
		places = append(places, s.Place())
	}
	if more := len(g.Files) - GroupNames; more > 0 {
		places = append(places, "and "+termtext.Thousands(more)+" more")
	}
	return line + " (" + strings.Join(places, ", ") + ")"
}

// skippedLines are the lines that list skipped files in a report: one per
// reason, files skipped for the same reason grouped.
func skippedLines(skipped []Skipped) []string {
	var lines []string
	for _, g := range GroupSkipped(skipped, GroupFrom) {
		lines = append(lines, strings.Split(g.String(), "\n")...)
	}
	return lines
}
