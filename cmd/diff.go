package cmd

import (
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/scorecard"

	"github.com/readycheck/readycheck/internal/safetext"
)

// diffFlags are the flags of `readycheck diff`.
type diffFlags struct {
	rubricPath, format string
	companies          []string
	force              bool
}

// newDiffCmd is `readycheck diff`: its help and flags; runDiff does the
// work.
func newDiffCmd() *cobra.Command {
	var opts diffFlags
	c := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show progress between two assessments",
		Long: `Compare two assessments of the same rubric: the verdicts that changed, each
company's readiness before and after, and the skills whose level changed.
Both are scored against that rubric (--rubric, or the built-in one), for the
new assessment's targets unless --company is given. The two must be one
candidate's (the same email when both have one, else the same name): two
different candidates are refused unless --force. OLD changed after NEW is
a warning.`,
		Example: `  readycheck diff ada-november.yaml ada-january.yaml
  readycheck diff old.yaml new.yaml --format json |
      jq '.companies[] | select(.change > 0)'`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(c *cobra.Command, files []string) error {
			return runDiff(c, files, &opts)
		},
	}
	c.Flags().StringVar(&opts.rubricPath, "rubric", "", "rubric FILE both assessments were taken against (default: the built-in rubric)")
	c.Flags().StringArrayVar(&opts.companies, "company", nil, "compare for this company ID instead of the new assessment's targets (repeatable)")
	c.Flags().StringVar(&opts.format, "format", "text", "output format: text, markdown or json")
	c.Flags().BoolVar(&opts.force, "force", false, "compare two assessments of different candidates")
	return c
}

// runDiff loads the two assessments files names, old then new, checks that
// they can be compared, scores both against their rubric and writes the
// difference.
func runDiff(c *cobra.Command, files []string, opts *diffFlags) error {
	if !slices.Contains([]string{"text", "markdown", "json"}, opts.format) {
		return usageError(fmt.Errorf("unknown --format %q: use text, markdown or json", opts.format))
	}
	if a, errA := os.Stat(files[0]); errA == nil {
		if b, errB := os.Stat(files[1]); errB == nil && os.SameFile(a, b) {
			return usageError(fmt.Errorf("%s and %s are the same file: nothing changed between them; name an earlier and a later assessment", safetext.ShellPath(files[0]), safetext.ShellPath(files[1])))
		}
	}
	old, cur, err := loadDiffPair(files, opts.force)
	if err != nil {
		return err
	}
	r, err := rubricFor(cur, files[1], opts.rubricPath)
	if err != nil {
		return err
	}
	for _, a := range []*assessments.Assessment{old, cur} {
		problems := a.Check(r)
		if problems.Err() != nil {
			printProblems(problems.Errors())
			return failed()
		}
		// Warnings go to stderr in every format: stdout stays the report.
		printWarningLines(messages(problems.Warnings()))
	}
	// Scored against the new assessment's postings too.
	if r, err = cur.WithPostings(r); err != nil {
		return err
	}
	d, err := scorecard.NewDiff(files[0], old, files[1], cur, r, opts.companies)
	if err != nil {
		return err
	}
	return writeDiff(c.OutOrStdout(), d, opts.format)
}

// loadDiffPair loads the old and the new assessment, which must be of one
// rubric and one candidate (unless force, which warns); it warns too when
// the old one changed after the new, since the progress would run
// backwards.
func loadDiffPair(files []string, force bool) (old, cur *assessments.Assessment, err error) {
	old, err = assessments.LoadFile(files[0])
	if err != nil {
		printProblems(err)
		return nil, nil, failed()
	}
	cur, err = assessments.LoadFile(files[1])
	if err != nil {
		printProblems(err)
		return nil, nil, failed()
	}
	if old.Rubric.ID != cur.Rubric.ID {
		return nil, nil, fmt.Errorf("%s was taken against rubric %q and %s against %q; diff compares two assessments of one rubric", files[0], old.Rubric.ID, files[1], cur.Rubric.ID)
	}
	if !scorecard.SameCandidate(old.Candidate, cur.Candidate) {
		msg := fmt.Sprintf("%s is the assessment of %s and %s that of %s", files[0], scorecard.PersonName(old.Candidate), files[1], scorecard.PersonName(cur.Candidate))
		if !force {
			return nil, nil, fmt.Errorf("%s; diff shows one candidate's progress (pass --force to compare them anyway)", msg)
		}
		fmt.Fprintf(stderr, "warning: %s; comparing two different candidates (--force)\n", msg)
	}
	if o, n := lastChanged(old), lastChanged(cur); !o.IsZero() && !n.IsZero() && o.After(n) {
		fmt.Fprintf(stderr, "warning: %s (%s) is newer than %s (%s): the progress shown runs backwards; pass the older file first\n",
			files[0], o.UTC().Format(dateFormat), files[1], n.UTC().Format(dateFormat))
	}
	return old, cur, nil
}

// writeDiff writes d to out in format: text fitted to the terminal,
// markdown or json.
func writeDiff(out io.Writer, d *scorecard.Diff, format string) error {
	switch format {
	case "json":
		return writeJSON(out, d.JSON)
	case "markdown":
		return d.Markdown(out)
	}
	width, _ := textOutput(out)
	return d.Text(out, width)
}

// dateFormat is how diff's warnings write a time, as its report does.
const dateFormat = "2 Jan 2006 15:04 MST"

// lastChanged is when an assessment was last changed, else started; zero
// when it says neither.
func lastChanged(a *assessments.Assessment) time.Time {
	if !a.Updated.IsZero() {
		return a.Updated
	}
	return a.Started
}
