package cmd

import (
	"os"
	"runtime/debug"
)

// batchGCPercent is the garbage collector's target for the commands that
// read a whole cohort (report, simulate). Each file read leaves some 90 KB
// of garbage while the live heap stays at a few MiB, so at Go's default
// (100) the collector runs every few dozen files and takes a third of the
// time; at 400 the run is about 1.6 times faster for some 12 MiB more,
// still flat in the number of files (docs/benchmarks.md, Cohort report).
const batchGCPercent = 400

// tuneGCForBatch raises the collector's target for a batch command, unless
// the user set GOGC, which then stands.
func tuneGCForBatch() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(batchGCPercent)
	}
}
