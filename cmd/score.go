package cmd

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/scorecard"
)

func newScoreCmd() *cobra.Command {
	var rubricPath, format string
	var companies []string
	c := &cobra.Command{
		Use:   "score ASSESSMENT",
		Short: "Show a saved assessment's readiness per company, its gaps and next steps",
		Long: `Score a saved assessment against its rubric: readiness and verdict per
company, each requirement met, partial or unmet, the next steps that would
help most, and the unanswered skills.

Without --rubric, the built-in rubric is used when the assessment names it.`,
		Example: `  readycheck score ada.yaml
  readycheck score ada.yaml --company dept --format markdown > ada.md
  readycheck score ada.yaml --rubric acme.yaml --format json | jq '.companies[].readiness'`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, files []string) error {
			switch format {
			case "text", "json", "markdown":
			default:
				return usageError(fmt.Errorf("unknown --format %q: use text, json or markdown", format))
			}
			a, r, warnings, err := loadAssessment(files[0], rubricPath)
			if err != nil {
				return err
			}
			card, err := scorecard.New(a, r, companies, warnings...)
			if err != nil {
				return err
			}
			out := c.OutOrStdout()
			switch format {
			case "json":
				b, err := card.JSON()
				if err != nil {
					return err
				}
				_, err = out.Write(b)
				return err
			case "markdown":
				printWarningLines(card.Warnings)
				return card.Markdown(out)
			}
			printWarningLines(card.Warnings)
			width, color := terminal(out)
			return card.Text(out, width, color)
		},
	}
	c.Flags().StringVar(&rubricPath, "rubric", "", "rubric `FILE` the assessment was taken against (default: the built-in rubric)")
	c.Flags().StringArrayVar(&companies, "company", nil, "score for this company `ID` instead of the assessment's targets (repeatable)")
	c.Flags().StringVar(&format, "format", "text", "output format: text, json or markdown")
	return c
}

func printWarningLines(ws []string) {
	for _, w := range ws {
		if strings.Contains(w, "warning: ") {
			fmt.Fprintln(stderr, w)
			continue
		}
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
}

// terminal reports the width to fit output to and whether to use colour:
// colour only on a terminal and never when NO_COLOR is set to anything.
func terminal(w any) (width int, color bool) {
	width = 80
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return width, false
	}
	if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
		width = min(cols, 120)
	}
	return width, os.Getenv("NO_COLOR") == ""
}
