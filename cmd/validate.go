package cmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check rubric files and report every problem with its line and column",
		Long: `Check one or more rubric files. A valid file gets one summary line; every
problem in an invalid file is listed as FILE:LINE:COL: message, and the exit
status is 1.`,
		Example: `  readycheck validate my-rubric.yaml
  readycheck validate rubrics/*.yaml`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(c *cobra.Command, files []string) error {
			ok := true
			for _, file := range files {
				r, err := rubric.LoadFile(file)
				if err != nil {
					ok = false
					printProblems(err)
					continue
				}
				fmt.Fprintf(c.OutOrStdout(), "%s: valid rubric %q (%s, %s, %s)\n", file, r.ID,
					plural(len(r.Categories), "category", "categories"), plural(len(r.Skills()), "skill", "skills"), plural(len(r.Companies), "company", "companies"))
			}
			if !ok {
				return failed()
			}
			return nil
		},
	}
}

// printProblems prints a loading error: each FILE:LINE:COL problem on its own
// line of stderr.
func printProblems(err error) {
	var ps yamlfile.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p.Error())
		}
		return
	}
	fmt.Fprintf(stderr, "readycheck: %v\n", err)
}

// printWarnings prints the warnings among problems on stderr.
func printWarnings(ps yamlfile.Problems) {
	for _, p := range ps.Warnings() {
		fmt.Fprintln(stderr, p.Error())
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
