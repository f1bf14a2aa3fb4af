package cohortview

import (
	"strings"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
)

// SkipGroupText writes a group of files skipped for one reason as one line: their
// count, the reason, and the places of the first few ("1,000 files
// skipped: ... (a.yaml:3:14, b.yaml:3:14, c.yaml:3:14, and 997 more)");
// anonymized files have no places to name. A single file is its reasons,
// one line each.
func SkipGroupText(g report.SkipGroup) string {
	if g.Reason == "" {
		return g.Files[0].Error
	}
	line := termtext.Thousands(len(g.Files)) + " files skipped: " + g.Reason
	if g.Files[0].File == "" {
		return line
	}
	places := make([]string, 0, report.GroupNames+1)
	for _, s := range g.Files[:min(len(g.Files), report.GroupNames)] {
		places = append(places, s.Place())
	}
	if more := len(g.Files) - report.GroupNames; more > 0 {
		places = append(places, "and "+termtext.Thousands(more)+" more")
	}
	return line + " (" + strings.Join(places, ", ") + ")"
}

// skippedLines are the lines that list skipped files in a report: one per
// reason, files skipped for the same reason grouped.
func skippedLines(skipped []report.Skipped) []string {
	var lines []string
	for _, g := range report.GroupSkipped(skipped, report.GroupFrom) {
		lines = append(lines, strings.Split(SkipGroupText(g), "\n")...)
	}
	return lines
}
