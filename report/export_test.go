package report

// Hooks for the external tests (package report_test), which render reports
// with cohortview: report's own tests cannot import it (it imports report).

// SetRunBytes sets how many bytes of candidates a roster keeps in memory
// before spilling a sorted run to disk, and returns the function that
// restores it.
func SetRunBytes(n int) (restore func()) {
	old := runBytes
	runBytes = n
	return func() { runBytes = old }
}

// Runs is how many sorted runs the report's roster spilled to disk.
func Runs(rp *Report) int { return len(rp.roster.runs) }

// BenchCohort is the benchmark cohort, written once: its rubric and folder.
var BenchCohort = benchCohort

// BenchAssessments is the benchmark cohort's size.
const BenchAssessments = benchAssessments
