package cmd

import (
	"fmt"
	"regexp"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// newManCmd is readycheck's own `man` command, listed in the help (fang's
// is hidden) and writing each paragraph of the description as one roff
// paragraph, not one per source line.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the man page (readycheck man | man -l -)",
		Long: `Print readycheck's manual page in roff, for man: read it with
readycheck man | man -l -, or install it as readycheck.1 in a man1 folder.`,
		Args:                  args(cobra.NoArgs),
		DisableFlagsInUseLine: true,
		RunE: func(c *cobra.Command, _ []string) error {
			root := c.Root()
			page, err := mcobra.NewManPage(1, root)
			if err != nil {
				return fmt.Errorf("build the man page: %w", err)
			}
			page.WithLongDescription(unwrap(root.Long))
			out := page.Build(roff.NewDocument())
			// mango puts the one-line description in the title line's
			// centre, where man has room for a manual's name only.
			if first, rest, ok := strings.Cut(out, "\n"); ok && strings.HasPrefix(first, ".TH ") {
				out = strings.Replace(first, `"`+root.Short+`"`, `"User Commands"`, 1) + "\n" + rest
			}
			// mango writes a flag's short form with the long form's two
			// dashes ("--o --out"); man readers expect "-o, --out".
			out = shortFlag.ReplaceAllString(out, `\fB-$1, --$2\fP`)
			_, err = fmt.Fprint(c.OutOrStdout(), out)
			return err
		},
	}
}

// shortFlag is a flag with a short form as mango writes it in bold.
var shortFlag = regexp.MustCompile(`\\fB--([[:alnum:]]) --([[:alnum:]-]+)\\fP`)

// unwrap joins the lines of each paragraph of a text hard-wrapped in the
// source, and separates paragraphs by one line break: the man page makes a
// paragraph of each line. Indented lines (examples, lists) keep their own.
func unwrap(text string) string {
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if n := len(lines); n > 0 && l != "" && !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "- ") && !strings.HasPrefix(lines[n-1], " ") {
				lines[n-1] += " " + strings.TrimSpace(l)
				continue
			}
			lines = append(lines, l)
		}
		paras = append(paras, strings.Join(lines, "\n"))
	}
	return strings.Join(paras, "\n")
}

// flagUsageWidth is how wide flag descriptions are: in fang's lists they
// start at column 32 at most (after the longest command usage), so that
// they fit 80 columns. Command descriptions (Short) keep to it too.
const flagUsageWidth = 48

// fitFlagUsages wraps every flag's description of c and its subcommands at
// flagUsageWidth, on word boundaries: fang aligns the lines after the first
// under it, shell completions show the first line only, and the man page
// joins them again.
func fitFlagUsages(c *cobra.Command) {
	c.Flags().VisitAll(func(f *pflag.Flag) { f.Usage = wrapWords(f.Usage, flagUsageWidth) })
	for _, sub := range c.Commands() {
		fitFlagUsages(sub)
	}
}

// wrapWords breaks s into lines of at most width bytes where it can, at
// spaces.
func wrapWords(s string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}
