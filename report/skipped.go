package report

import (
	"cmp"
	"slices"
	"strings"
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
