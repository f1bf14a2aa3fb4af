package cmd

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check rubric files, every problem with its line",
		Long: `Check one or more rubric files. Each valid file gets one summary line on
standard output. Every problem of every file is listed on standard error as
FILE:LINE:COL: message, and the exit status is 1 when any file has an error.
Warnings are listed too, but do not fail the check.`,
		Example: `  readycheck validate my-rubric.yaml
  readycheck validate rubrics/*.yaml`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(c *cobra.Command, files []string) error {
			ok := true
			for _, file := range files {
				if !validateFile(c.OutOrStdout(), file) {
					ok = false
				}
			}
			if !ok {
				return failed()
			}
			return nil
		},
	}
}

// validateFile checks one rubric file, printing its summary line or its
// problems, and reports whether it is valid.
func validateFile(out io.Writer, file string) bool {
	data, err := rubric.ReadFile(file)
	if err != nil {
		printProblems(err)
		return false
	}
	r, problems := rubric.Parse(file, data)
	printProblems(problems)
	if problems.Err() != nil {
		return false
	}
	fmt.Fprintf(out, "%s: valid rubric %q (%s, %s, %s)\n", safetext.CleanPath(file), r.ID,
		termtext.PluralGrouped(len(r.Categories), "category", "categories"), termtext.PluralGrouped(len(r.Skills()), "skill", "skills"), termtext.PluralGrouped(len(r.Companies), "company", "companies"))
	return true
}

// printProblems prints a loading error, or problems and warnings, on
// stderr: each FILE:LINE:COL problem on its own line.
func printProblems(err error) {
	var ps yamlfile.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p.Error())
		}
		return
	}
	if err != nil {
		fmt.Fprintf(stderr, "readycheck: %v\n", err)
	}
}
