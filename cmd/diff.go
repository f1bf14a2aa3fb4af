package cmd

import (
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/scorecard"

	"github.com/readycheck/readycheck/internal/safetext"
)

func newDiffCmd() *cobra.Command {
	var rubricPath, format string
	var companies []string
	var force bool
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
			if !slices.Contains([]string{"text", "markdown", "json"}, format) {
				return usageError(fmt.Errorf("unknown --format %q: use text, markdown or json", format))
			}
			if a, errA := os.Stat(files[0]); errA == nil {
				if b, errB := os.Stat(files[1]); errB == nil && os.SameFile(a, b) {
					return usageError(fmt.Errorf("%s and %s are the same file: nothing changed between them; name an earlier and a later assessment", safetext.ShellPath(files[0]), safetext.ShellPath(files[1])))
				}
			}
			old, err := assessments.LoadFile(files[0])
			if err != nil {
				printProblems(err)
				return failed()
			}
			cur, err := assessments.LoadFile(files[1])
			if err != nil {
				printProblems(err)
				return failed()
			}
			if old.Rubric.ID != cur.Rubric.ID {
				return fmt.Errorf("%s was taken against rubric %q and %s against %q; diff compares two assessments of one rubric", files[0], old.Rubric.ID, files[1], cur.Rubric.ID)
			}
			if !scorecard.SameCandidate(old.Candidate, cur.Candidate) {
				msg := fmt.Sprintf("%s is the assessment of %s and %s that of %s", files[0], scorecard.PersonName(old.Candidate), files[1], scorecard.PersonName(cur.Candidate))
				if !force {
					return fmt.Errorf("%s; diff shows one candidate's progress (pass --force to compare them anyway)", msg)
				}
				fmt.Fprintf(stderr, "warning: %s; comparing two different candidates (--force)\n", msg)
			}
			if o, n := lastChanged(old), lastChanged(cur); !o.IsZero() && !n.IsZero() && o.After(n) {
				fmt.Fprintf(stderr, "warning: %s (%s) is newer than %s (%s): the progress shown runs backwards; pass the older file first\n",
					files[0], o.UTC().Format(dateFormat), files[1], n.UTC().Format(dateFormat))
			}
			r, err := rubricFor(cur, files[1], rubricPath)
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
			d, err := scorecard.NewDiff(files[0], old, files[1], cur, r, companies)
			if err != nil {
				return err
			}
			out := c.OutOrStdout()
			switch format {
			case "json":
				b, err := d.JSON()
				if err != nil {
					return err
				}
				_, err = out.Write(b)
				return err
			case "markdown":
				return d.Markdown(out)
			}
			width, _ := textOutput(out)
			return d.Text(out, width)
		},
	}
	c.Flags().StringVar(&rubricPath, "rubric", "", "rubric FILE both assessments were taken against (default: the built-in rubric)")
	c.Flags().StringArrayVar(&companies, "company", nil, "compare for this company ID instead of the new assessment's targets (repeatable)")
	c.Flags().StringVar(&format, "format", "text", "output format: text, markdown or json")
	c.Flags().BoolVar(&force, "force", false, "compare two assessments of different candidates")
	return c
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
