package cmd

import (
	"fmt"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/scorecard"
)

func newDiffCmd() *cobra.Command {
	var rubricPath, format string
	var companies []string
	c := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show progress between two assessments",
		Long: `Compare two assessments of the same rubric: the verdicts that changed, each
company's readiness before and after, and the skills whose level changed.
Both are scored against that rubric (--rubric, or the built-in one), for the
new assessment's targets unless --company is given.`,
		Example: `  readycheck diff ada-november.yaml ada-january.yaml
  readycheck diff old.yaml new.yaml --format json |
      jq '.companies[] | select(.change > 0)'`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(c *cobra.Command, files []string) error {
			if !slices.Contains([]string{"text", "markdown", "json"}, format) {
				return usageError(fmt.Errorf("unknown --format %q: use text, markdown or json", format))
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
			width, _ := terminal(out, os.Getenv("NO_COLOR"))
			return d.Text(out, width)
		},
	}
	c.Flags().StringVar(&rubricPath, "rubric", "", "rubric FILE both assessments were taken against (default: the built-in rubric)")
	c.Flags().StringArrayVar(&companies, "company", nil, "compare for this company ID instead of the new assessment's targets (repeatable)")
	c.Flags().StringVar(&format, "format", "text", "output format: text, markdown or json")
	return c
}
