package cmd

import (
	"errors"
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/tui"
)

// assessFlags are the flags of `readycheck` and `readycheck assess`.
type assessFlags struct {
	rubric, dataDir, name, resume string
	companies                     []string
	accessible                    bool
}

var assessOpts assessFlags

func addAssessFlags(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&assessOpts.rubric, "rubric", "", "take the assessment against this rubric FILE (default: the built-in rubric)")
	f.StringVar(&assessOpts.dataDir, "data-dir", "", "where assessments are saved (default: $READYCHECK_DATA_DIR, else the XDG data folder's readycheck)")
	f.StringVar(&assessOpts.name, "name", "", "your name; with --company, skips the start screen")
	f.StringArrayVar(&assessOpts.companies, "company", nil, "aim at this company ID (repeatable); with --name, skips the start screen")
	f.StringVar(&assessOpts.resume, "resume", "", "reopen this assessment FILE where you left off")
	f.BoolVar(&assessOpts.accessible, "accessible", false, "plain line-by-line prompts for screen readers and scripts (also READYCHECK_ACCESSIBLE=1)")
}

func newAssessCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "assess",
		Short: "Take (or resume) an assessment: the same as readycheck with no command",
		Example: `  readycheck assess
  readycheck assess --name "Ada Lovelace" --company dept
  readycheck assess --resume ~/.local/share/readycheck/assessments/ada-lovelace-20261123-100000.yaml
  printf 'Ada\n\n\n3\n' | readycheck assess --accessible`,
		Args: args(cobra.NoArgs),
		RunE: runAssess,
	}
	addAssessFlags(c)
	return c
}

func runAssess(c *cobra.Command, _ []string) error {
	o := assessOpts
	r, err := loadRubric(o.rubric)
	if err != nil {
		return err
	}
	if _, unknown := r.Targets(o.companies); len(unknown) > 0 {
		return fmt.Errorf("unknown company %q in rubric %q; its companies are: %s", unknown[0], r.ID, joinIDs(r.CompanyIDs()))
	}
	store, err := assessments.OpenStore(assessments.DataDir(o.dataDir))
	if err != nil {
		return err
	}
	opts := tui.Options{Rubric: r, Store: store, Name: o.name, Companies: o.companies, Color: os.Getenv("NO_COLOR") == ""}
	if o.resume != "" {
		a, saver, notice, err := openResume(o.resume, r)
		if err != nil {
			return err
		}
		opts.Resume, opts.Saver, opts.Notice = a, saver, notice
	}
	accessible := o.accessible || truthy(os.Getenv("READYCHECK_ACCESSIBLE"))
	if !accessible && !interactive() {
		opts.Saver.Close()
		return errors.New("the assessment needs a terminal (standard input and output must be a terminal, and TERM not dumb).\n" +
			"Use `readycheck --accessible` for plain line-by-line prompts (they read answers from standard input),\n" +
			"or `readycheck score FILE` to see the results of a saved assessment")
	}
	var path string
	if accessible {
		path, err = tui.RunAccessible(opts, c.InOrStdin(), c.OutOrStdout())
	} else {
		path, err = tui.Run(opts, nil, nil)
	}
	if path != "" {
		fmt.Fprintf(stderr, "Saved to %s\n", path)
	}
	if errors.Is(err, tui.ErrInterrupted) {
		return &exitError{code: ExitInterrupted, silent: true}
	}
	return err
}

// openResume loads, checks and locks an assessment to resume.
func openResume(path string, r *rubric.Rubric) (*assessments.Assessment, *assessments.Saver, string, error) {
	saver, err := assessments.OpenSaver(path)
	if err != nil {
		return nil, nil, "", err
	}
	a, err := assessments.LoadFile(path)
	if err != nil {
		saver.Close()
		printProblems(err)
		return nil, nil, "", failed()
	}
	problems := a.Check(r)
	if problems.Err() != nil {
		saver.Close()
		printProblems(problems.Errors())
		return nil, nil, "", failed()
	}
	notice := ""
	if a.Rubric.Digest != "" && a.Rubric.Digest != r.Digest {
		notice = tui.ChangedNotice(a, r)
		a.Rubric.Digest, a.Rubric.Version = r.Digest, r.Version
	}
	return a, saver, notice, nil
}

// interactive reports whether standard input and output are a terminal
// that can show the full-screen interface.
func interactive() bool {
	return term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd()) && os.Getenv("TERM") != "dumb"
}

func truthy(s string) bool {
	switch s {
	case "1", "true", "TRUE", "True", "yes", "on":
		return true
	}
	return false
}

func joinIDs(ids []string) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += ", "
		}
		out += id
	}
	return out
}
