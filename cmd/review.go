package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/tui/kit"
	"github.com/readycheck/readycheck/tui/review"
)

func newReviewCmd() *cobra.Command {
	var rubricPath, reviewer, dataDir string
	var accessible bool
	c := &cobra.Command{
		Use:   "review [PATH...]",
		Short: "Review saved assessments as a mentor",
		Long: `Open saved assessments (files, or folders searched recursively; default: the
data folder's assessments) as a mentor. The list shows each candidate's
readiness and who reviewed them; enter opens one, where you give your own
level per skill (digits or ←/→) and comments, and see both views' results.
Every change is saved at once, under the same lock as the walk-through. A
review never changes the candidate's answers.`,
		Example: `  readycheck review
  readycheck review ~/mentees --reviewer "Grace Hopper"
  readycheck review cohort/ --rubric acme.yaml`,
		RunE: func(c *cobra.Command, paths []string) error {
			var r *rubric.Rubric
			if rubricPath != "" {
				var err error
				if r, err = loadRubric(rubricPath); err != nil {
					return err
				}
			}
			b, err := builtin.Rubric()
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				store, err := assessments.OpenStore(assessments.DataDir(dataDir))
				if err != nil {
					return err
				}
				paths = []string{store.Dir}
			}
			if reviewer == "" {
				reviewer = os.Getenv("READYCHECK_REVIEWER")
			}
			// The name is saved in the candidate's file: cleaned as typed names are.
			reviewer = safetext.CleanLine(reviewer)
			if err := checkLength("the reviewer's name (--reviewer or READYCHECK_REVIEWER)", reviewer, assessments.MaxName); err != nil {
				return err
			}
			opts := review.Options{Paths: paths, Rubric: r, Builtin: b, Reviewer: reviewer, Color: os.Getenv("NO_COLOR") == ""}
			if accessible || truthy(os.Getenv("READYCHECK_ACCESSIBLE")) {
				changed, err := review.RunAccessible(opts, c.InOrStdin(), c.OutOrStdout())
				printReviewed(c.OutOrStdout(), changed, err)
				return err
			}
			if !interactive() {
				return errors.New("review needs a terminal (standard input and output must be a terminal, and TERM not dumb); use `readycheck review --accessible` for line prompts, or `readycheck score FILE --view both` to read a review")
			}
			reviewed, err := review.Run(opts)
			printReviewed(c.OutOrStdout(), reviewed, err)
			return exitFor(err)
		},
	}
	c.Flags().StringVar(&rubricPath, "rubric", "", "rubric FILE for assessments of a custom rubric (the built-in one is used when the id matches)")
	c.Flags().StringVar(&reviewer, "reviewer", "", "your NAME as the reviewer (default: $READYCHECK_REVIEWER, else asked once)")
	c.Flags().StringVar(&dataDir, "data-dir", "", "data folder whose assessments are listed when no PATH is given")
	c.Flags().BoolVar(&accessible, "accessible", false, "plain line prompts, for screen readers and scripts")
	return c
}

// printReviewed says what either face of the review did, as the
// walk-through's closing lines do: the files whose review changed and how
// to read one, or that nothing changed. When the last save failed the
// error says where the review is instead.
func printReviewed(w io.Writer, changed []string, err error) {
	var se *kit.SaveError
	if errors.As(err, &se) {
		return
	}
	if len(changed) == 0 {
		fmt.Fprintln(w, "No review changed.")
		return
	}
	fmt.Fprintf(w, "Your review is saved in %s:\n", termtext.PluralGrouped(len(changed), "file", "files"))
	for _, f := range changed {
		fmt.Fprintf(w, "  %s\n", safetext.ShellPath(absPath(f)))
	}
	fmt.Fprintf(w, "To read it beside the candidate's view: readycheck score %s --view both\n", safetext.ShellPath(absPath(changed[0])))
}
