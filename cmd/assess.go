package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/tui/assess"
	"github.com/readycheck/readycheck/tui/kit"
)

// assessFlags are the flags of `readycheck` and `readycheck assess`.
type assessFlags struct {
	rubric, dataDir, name, resume string
	companies                     []string
	accessible                    bool
}

var assessOpts assessFlags

// addAssessFlags adds the walk-through's flags to c: the root command and
// assess both take them.
func addAssessFlags(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&assessOpts.rubric, "rubric", "", "take the assessment against this rubric FILE (default: the built-in rubric)")
	f.StringVar(&assessOpts.dataDir, "data-dir", "", "where assessments are saved (default: $READYCHECK_DATA_DIR, else the XDG data folder's readycheck)")
	f.StringVar(&assessOpts.name, "name", "", "your name; with --company, skips the start screen")
	f.StringArrayVar(&assessOpts.companies, "company", nil, "aim at this company ID (repeatable); with --name, skips the start screen")
	f.StringVar(&assessOpts.resume, "resume", "", "reopen this assessment FILE where you left off")
	f.BoolVar(&assessOpts.accessible, "accessible", false, "plain line-by-line prompts for screen readers and scripts (also READYCHECK_ACCESSIBLE=1)")
}

// newAssessCmd is `readycheck assess`, the same as readycheck alone.
func newAssessCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "assess",
		Short: "Take or resume an assessment (the default)",
		Long: `Walk through a rubric one skill at a time, rating yourself on each, and see
how ready you are for each company. Every answer is saved as you go; quit at
any point and run readycheck again to pick up where you left off.

Keys: ↑/↓ or k/j choose a level, a digit picks one, enter confirms, ←/b goes
back, s skips, n adds a note, / jumps to a skill, ? shows every key, q quits.

--accessible asks the same questions as plain line prompts, for screen
readers and scripts: answers are read from standard input, one per line.`,
		Example: `  readycheck assess
  readycheck assess --name "Ada Lovelace" --company dept
  readycheck assess --resume \
      ~/.local/share/readycheck/assessments/ada-20261123-100000.yaml
  printf 'Ada\n\n\n3\n2\n' | readycheck assess --accessible`,
		Args: args(cobra.NoArgs),
		RunE: runAssess,
	}
	addAssessFlags(c)
	return c
}

// isTerminal reports whether a file is a terminal; a variable for tests.
var isTerminal = func(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// noTerminal is said instead of drawing a broken screen.
const noTerminal = `readycheck: the assessment needs a terminal, and this is not one (standard
input or output is redirected, or TERM is "dumb"). Instead:
  readycheck --accessible   asks the same questions as plain line prompts,
                            reading one answer per line from standard input
  readycheck score FILE     shows the results of a saved assessment`

// runAssess checks the rubric and the flags, opens the file to resume, and
// runs the walk-through on the terminal, or as line prompts.
func runAssess(c *cobra.Command, _ []string) error {
	o := assessOpts
	r, err := loadRubric(o.rubric)
	if err != nil {
		return err
	}
	if _, unknown := r.Targets(o.companies); len(unknown) > 0 {
		return usageError(fmt.Errorf("unknown company %q in rubric %q; its companies are: %s", unknown[0], r.ID, strings.Join(r.CompanyIDs(), ", ")))
	}
	if err := checkLength("--name", o.name, assessments.MaxName); err != nil {
		return err
	}
	store, err := assessments.OpenStore(assessments.DataDir(o.dataDir))
	if err != nil {
		return err
	}
	opts := assess.Options{Rubric: r, Store: store, Name: o.name, Companies: o.companies, Color: os.Getenv("NO_COLOR") == ""}
	if o.resume != "" {
		opened, err := assessments.Open(o.resume, r)
		if err != nil {
			var problems yamlfile.Problems
			if errors.As(err, &problems) {
				printProblems(problems)
				return failed()
			}
			return err
		}
		opts.Resume = opened
	}
	accessible := o.accessible || truthy(os.Getenv("READYCHECK_ACCESSIBLE"))
	if !accessible && !interactive() {
		if opts.Resume != nil {
			opts.Resume.Saver.Close()
		}
		fmt.Fprintln(stderr, noTerminal)
		return failed()
	}
	var done assess.Outcome
	if accessible {
		done, err = assess.RunAccessible(opts, c.InOrStdin(), c.OutOrStdout())
	} else {
		done, err = assess.Run(opts, nil, nil)
	}
	printOutcome(c.OutOrStdout(), done, resumeCommand(o), err)
	return exitFor(err)
}

// resumeCommand is the command line that takes an assessment up again:
// readycheck alone finds it in the default data folder, but a --data-dir,
// a --rubric or $READYCHECK_DATA_DIR found it elsewhere, and the hint
// then names them and the file (--resume %s), absolute, so that it works
// from any folder. "" means plain `readycheck` does.
func resumeCommand(o assessFlags) string {
	var b strings.Builder
	b.WriteString("readycheck")
	dataDir := o.dataDir
	if dataDir == "" {
		dataDir = os.Getenv("READYCHECK_DATA_DIR")
	}
	if dataDir != "" {
		b.WriteString(" --data-dir " + safetext.ShellPath(absPath(dataDir)))
	}
	if o.rubric != "" {
		b.WriteString(" --rubric " + safetext.ShellPath(absPath(o.rubric)))
	}
	if o.accessible {
		b.WriteString(" --accessible")
	}
	if dataDir == "" && o.rubric == "" && !o.accessible {
		return ""
	}
	return b.String() + " --resume %s"
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// printOutcome says where the assessment is saved and what to do next:
// take it up again (resume: the command, with %s for the file, or "" when
// plain readycheck finds it), or send a mentor the report. When the last
// save failed it says nothing of the file (the error says where the
// answers are), only how to take them up again from the rescue copy.
func printOutcome(w io.Writer, done assess.Outcome, resume string, err error) {
	var se *kit.SaveError
	if errors.As(err, &se) {
		if se.Rescue != "" {
			cmd := resume
			if cmd == "" {
				cmd = "readycheck --resume %s"
			}
			// The copy goes back where it belongs, so that the data
			// folder lists it and later saves land there, not in the
			// rescue folder.
			path := safetext.ShellPath(absPath(se.Path))
			fmt.Fprintf(w, "Not saved to %s. Your answers are in %s.\nOnce the problem is fixed, move them back and take them up again:\n  mv %s %s\n  %s\n",
				path, safetext.ShellPath(se.Rescue), safetext.ShellPath(se.Rescue), path, fmt.Sprintf(cmd, path))
		}
		return
	}
	if done.Path == "" {
		return
	}
	path := safetext.ShellPath(absPath(done.Path))
	fmt.Fprintf(w, "Saved to %s\n", path)
	if done.Complete {
		fmt.Fprintf(w, "A report to send a mentor: readycheck score %s --format markdown\n", path)
		if done.Unanswered > 0 {
			cmd := resume
			if cmd == "" {
				cmd = "readycheck --resume %s"
			}
			them := "them"
			if done.Unanswered == 1 {
				them = "it"
			}
			fmt.Fprintf(w, "%s not answered (counted as 0); to answer %s:\n  %s\n", termtext.PluralGrouped(done.Unanswered, "skill", "skills"), them, fmt.Sprintf(cmd, path))
		}
		return
	}
	if resume == "" {
		fmt.Fprintln(w, "Run readycheck again to pick up where you left off.")
		return
	}
	fmt.Fprintf(w, "To pick up where you left off, run:\n  %s\n", fmt.Sprintf(resume, path))
}

// interactive reports whether the full-screen interface can run: standard
// input and output are a terminal, and TERM is not dumb.
func interactive() bool {
	return isTerminal(os.Stdin) && isTerminal(os.Stdout) && os.Getenv("TERM") != "dumb"
}

// truthy reads an environment switch such as READYCHECK_ACCESSIBLE.
func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// checkLength refuses a name given on the command line that the form's
// field would not take: every way in has the same limits.
func checkLength(what, value string, limit int) error {
	if n := utf8.RuneCountInString(value); n > limit {
		return usageError(fmt.Errorf("%s is %d characters long; at most %d fit, as in the form", what, n, limit))
	}
	return nil
}

// exitFor is the exit of an interactive program: ctrl+c is status 130, a
// signal (SIGTERM, a closed terminal's SIGHUP) 128 plus its number, both
// silent, as what was typed is saved; anything else as it is.
func exitFor(err error) error {
	var sig *kit.Signaled
	switch {
	case errors.Is(err, kit.ErrInterrupted):
		return &exitError{code: ExitInterrupted, silent: true}
	case errors.As(err, &sig):
		return &exitError{code: 128 + int(sig.Signal), silent: true}
	}
	return err
}
