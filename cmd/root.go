// Package cmd holds readycheck's commands, one file each, wired to cobra
// under fang for styled help, --version, completions and a man page.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/internal/safetext"
)

// Exit statuses of every command.
const (
	ExitOK          = 0
	ExitFailure     = 1
	ExitUsage       = 2
	ExitInterrupted = 130
)

// exitError carries an exit status; when silent, the command has already
// told the person what went wrong and nothing more is printed.
type exitError struct {
	code   int
	err    error
	silent bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// failed is returned by a command that has printed its own errors.
func failed() error { return &exitError{code: ExitFailure, silent: true} }

// usageError marks an error as a mistake in the command line (exit status 2).
func usageError(err error) error { return &exitError{code: ExitUsage, err: err} }

// args wraps a cobra argument check so that its failure is a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(c *cobra.Command, a []string) error {
		if err := check(c, a); err != nil {
			return usageError(err)
		}
		return nil
	}
}

// NewRoot builds the command tree.
func NewRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "readycheck",
		Short: "See how ready you are for a backend internship, skill by skill",
		Long: `readycheck walks you through a rubric of skills, one question at a time, and
shows how ready you are for each company's requirements, what blocks you, and
which skill to raise next. Mentors review saved assessments; career centers
write rubrics and look at a whole cohort.

Run it with no command to start (or resume) an assessment.`,
		Example: `  # take the built-in backend internship assessment
  readycheck

  # check a rubric you wrote
  readycheck validate my-rubric.yaml

  # score a saved assessment
  readycheck score ~/.local/share/readycheck/assessments/ada.yaml`,
		Args: args(cobra.NoArgs),
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	addAssessFlags(root)
	root.RunE = runAssess
	root.AddCommand(
		newAssessCmd(),
		newValidateCmd(),
		newScoreCmd(),
		newDiffCmd(),
		newReviewCmd(),
		newRubricCmd(),
		newReportCmd(), newSimulateCmd(), newDemoCmd(), newServeCmd(),
		newManCmd(),
	)
	// cobra's own completion command, made now to give it a description
	// that fits the command list.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "Print a shell completion script"
		}
	}
	fitFlagUsages(root)
	return root
}

// Version may be set by the build (-ldflags "-X ..."); else --version is
// read from the module's build information: see buildVersion.
var Version = ""

// Execute runs readycheck with the process's arguments and returns its exit status.
func Execute(ctx context.Context) int {
	root := NewRoot()
	info, ok := debug.ReadBuildInfo()
	opts := []fang.Option{
		fang.WithVersion(buildVersion(Version, info, ok)),
		fang.WithErrorHandler(handleError),
		fang.WithoutManpage(), // readycheck has its own: see newManCmd
	}
	err := fang.Execute(ctx, root, opts...)
	return exitCode(err)
}

func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isUsage(err) {
		return ExitUsage
	}
	return ExitFailure
}

// isUsage recognises cobra's own command-line errors, which are plain errors.
func isUsage(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "required flag"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// handleError prints an error for a person: plain `readycheck: message`
// lines (they may be FILE:LINE:COL lists), with a pointer to --help for
// usage errors.
func handleError(w io.Writer, _ fang.Styles, err error) {
	var ee *exitError
	if errors.As(err, &ee) && ee.silent {
		return
	}
	msg := safetext.Clean(err.Error()) // errors quote paths and flags as given
	if strings.Contains(msg, "\n") {
		fmt.Fprintln(w, msg)
	} else {
		fmt.Fprintf(w, "readycheck: %s\n", msg)
	}
	if exitCode(err) == ExitUsage {
		fmt.Fprintln(w, "Try 'readycheck --help' for usage.")
	}
}

// stderr is where commands print warnings and problems; a variable for tests.
var stderr io.Writer = os.Stderr
