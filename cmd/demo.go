package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/internal/atomicfile"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/sample"
)

// demoFolder is where `readycheck demo` writes when no FOLDER is given.
const demoFolder = "readycheck-demo"

// maxDemoAssessments bounds --assessments: a demo, not a benchmark.
const maxDemoAssessments = 100000

func newDemoCmd() *cobra.Command {
	var opts struct {
		rubric string
		n      int
		seed   int64
	}
	c := &cobra.Command{
		Use:   "demo [FOLDER]",
		Short: "Write a generated cohort to try reports on",
		Long: `Write generated assessments of a rubric (the built-in one, or --rubric FILE)
into FOLDER (default ` + demoFolder + `), to try readycheck report, simulate
and review on before real assessments come in: made-up names, varied levels,
some skills unanswered, some files finished, a quarter with a mentor's review.

FOLDER must be new or empty, and not a symbolic link; each file is written
atomically and readable by its owner only. --seed repeats a cohort.`,
		Example: `  readycheck demo
  readycheck report readycheck-demo

  readycheck demo cohort --rubric acme.yaml --assessments 200
  readycheck report cohort --rubric acme.yaml --format html --out cohort.html`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			folder := demoFolder
			if len(a) == 1 {
				folder = a[0]
			}
			if opts.n < 1 || opts.n > maxDemoAssessments {
				return usageError(fmt.Errorf("--assessments must be from 1 to %d, not %d", maxDemoAssessments, opts.n))
			}
			r, err := loadRubric(opts.rubric)
			if err != nil {
				return err
			}
			if err := demoTarget(folder); err != nil {
				return err
			}
			err = sample.Assessments(r, opts.n, opts.seed, func(i int, b []byte) error {
				return atomicfile.WriteFile(filepath.Join(folder, fmt.Sprintf("%05d.yaml", i+1)), b, 0o600)
			})
			if err != nil {
				return fmt.Errorf("cannot write the demo cohort in %s: %s", folder, reason(err))
			}
			printDemoNext(c.OutOrStdout(), folder, opts.rubric, opts.n, r.ID)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&opts.rubric, "rubric", "", "generate assessments of this rubric FILE (default: the built-in rubric)")
	f.IntVar(&opts.n, "assessments", 40, "how many assessments to write")
	f.Int64Var(&opts.seed, "seed", 1, "the random seed: the same seed writes the same cohort")
	return c
}

// demoTarget makes folder ready for a demo cohort: it creates it (private)
// when it does not exist, and refuses a symbolic link, a file that is not a
// folder, and a folder that holds anything, so that no file of the person's
// is replaced or mixed with made-up ones.
func demoTarget(folder string) error {
	info, err := os.Lstat(folder)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(folder, 0o700); err != nil {
			return fmt.Errorf("cannot create %s: %s", folder, reason(err))
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot use %s: %s", folder, reason(err))
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is %s, not a folder; readycheck demo writes into a new or empty folder: name another", folder, atomicfile.Kind(info.Mode()))
	}
	entries, err := os.ReadDir(folder)
	if err != nil {
		return fmt.Errorf("cannot read %s: %s", folder, reason(err))
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty (it holds %s); readycheck demo writes into a new or empty folder: name another", folder, entries[0].Name())
	}
	return nil
}

// printDemoNext says what was written and the commands to try on it.
func printDemoNext(w io.Writer, folder, rubricPath string, n int, id string) {
	with := ""
	if rubricPath != "" {
		with = " --rubric " + safetext.ShellPath(rubricPath)
	}
	dir := safetext.ShellPath(folder)
	fmt.Fprintf(w, "Wrote %d generated assessments of rubric %q in %s (made-up candidates).\n", n, id, dir)
	fmt.Fprintf(w, "Try next:\n  readycheck report %s%s\n  readycheck review %s%s\n", dir, with, dir, with)
}
