package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/cohortview"
	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// simulateFormats are the values of simulate's --format.
var simulateFormats = []string{"text", "markdown", "json"}

// simulateFlags are the flags of `readycheck simulate`.
type simulateFlags struct {
	newPath, basePath, format, view, out string
	follow                               bool
}

// newSimulateCmd is `readycheck simulate`: its help and flags; runSimulate
// does the work.
func newSimulateCmd() *cobra.Command {
	var opts simulateFlags
	c := &cobra.Command{
		Use:   "simulate PATH...",
		Short: "Preview how a rubric change moves a cohort",
		Long: `Score the same assessments against the rubric they were taken against (the
baseline) and against a changed rubric (weights, thresholds, min levels, must
flags, requirements or companies added or removed), and show per company how
the verdicts move (a from → to table), the change of readiness (median and
mean), and the candidates whose verdict changes: a preview before publishing
the change.

The baseline is --baseline, else the built-in rubric when the new rubric has
its id. The new rubric may have another id than the baseline (a renamed
rubric): the assessments are then scored against it as if they named it, and
the preview says so. Companies in only one of the two rubrics are listed as
added or removed; answers for skills the new rubric lacks are counted once
per skill. Files that cannot be scored against both rubrics are skipped and
listed (grouped by reason); when no file counts, nothing is written and the
exit status is 1.`,
		Example: `  readycheck simulate assessments/ --rubric acme-2027.yaml \
      --baseline acme-2026.yaml
  readycheck simulate assessments/ --rubric backend-internship.yaml \
      --format markdown > preview.md`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(c *cobra.Command, paths []string) error {
			return runSimulate(c, paths, &opts)
		},
	}
	addSimulateFlags(c, &opts)
	return c
}

// addSimulateFlags adds simulate's flags to c, bound to opts.
func addSimulateFlags(c *cobra.Command, opts *simulateFlags) {
	f := c.Flags()
	f.StringVar(&opts.newPath, "rubric", "", "the changed rubric FILE (required)")
	f.StringVar(&opts.basePath, "baseline", "", "the rubric FILE the assessments were taken against (default: the built-in rubric, when the new one has its id)")
	f.StringVar(&opts.view, "view", string(report.Self), "whose levels to score: self (the candidates' answers) or mentor (the last review)")
	f.StringVar(&opts.format, "format", "text", "output FORMAT: "+strings.Join(simulateFormats, ", "))
	f.StringVarP(&opts.out, "out", "o", "", "write to FILE (only on success; - is stdout)")
	f.BoolVar(&opts.follow, "follow-symlinks", false, "follow links out of the folders given")
	c.MarkFlagRequired("rubric")
}

// runSimulate checks the flags, loads both rubrics, scores the cohort in
// paths against each and writes the preview; skipped files are listed on
// stderr before it, and counted after it.
func runSimulate(c *cobra.Command, paths []string, opts *simulateFlags) error {
	v, err := checkCohortFlags(opts.format, simulateFormats, opts.view, paths, opts.out, opts.newPath, opts.basePath)
	if err != nil {
		return err
	}
	next, err := loadRubric(opts.newPath)
	if err != nil {
		return err
	}
	base, err := baselineFor(next, opts.basePath)
	if err != nil {
		return err
	}
	tuneGCForBatch()
	sim, err := report.Simulate(c.Context(), report.SimulateOptions{Baseline: base, Rubric: next, View: v, FollowSymlinks: opts.follow}, paths...)
	if err != nil {
		return err
	}
	printSkipped(stderr, sim.Skipped)
	if sim.Assessments == 0 {
		return nothingCounted(base.ID, "--baseline", opts.basePath == "", sim.OtherRubrics, len(sim.Skipped), paths)
	}
	err = writeOutput(c.OutOrStdout(), opts.out, func(w io.Writer, width int, p palette.Palette) error {
		return writeSimulation(sim, opts.format, w, width, p)
	})
	if n := len(sim.Skipped); err == nil && n > 0 {
		fmt.Fprintf(stderr, "readycheck: %s skipped, for the reasons above; the preview lists them too\n", termtext.PluralGrouped(n, "file", "files"))
	}
	return err
}

// writeSimulation writes the preview sim to w in format, one of
// simulateFormats; width and p fit the text format to the terminal, and
// the others ignore them.
func writeSimulation(sim *report.Simulation, format string, w io.Writer, width int, p palette.Palette) error {
	switch format {
	case "markdown":
		return cohortview.SimulationMarkdown(sim, w)
	case "json":
		return cohortview.SimulationJSON(sim, w)
	}
	return cohortview.SimulationText(sim, w, width, p)
}

// baselineFor loads --baseline, or takes the built-in rubric when the new
// rubric is a version of it; otherwise the baseline cannot be guessed.
func baselineFor(next *rubric.Rubric, path string) (*rubric.Rubric, error) {
	if path != "" {
		return loadRubric(path)
	}
	r, err := builtin.Rubric()
	if err != nil {
		return nil, err
	}
	if next.ID != r.ID {
		return nil, usageError(fmt.Errorf("%s is rubric %q, not a version of the built-in %q: pass the rubric the assessments were taken against with --baseline FILE", next.File, next.ID, r.ID))
	}
	return r, nil
}
