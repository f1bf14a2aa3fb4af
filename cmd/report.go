package cmd

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/cohortview"
	"github.com/readycheck/readycheck/internal/atomicfile"
	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
)

// reportFormats are the values of report's --format.
var reportFormats = []string{"text", "markdown", "csv", "json", "html"}

// reportFlags are the flags of `readycheck report`.
type reportFlags struct {
	rubric, view, format, out string
	companies                 []string
	anonymize, strict, follow bool
	seed                      uint64
}

// newReportCmd is `readycheck report`: its help and flags; runReport does
// the work.
func newReportCmd() *cobra.Command {
	var opts reportFlags
	c := &cobra.Command{
		Use:   "report PATH...",
		Short: "Report on a cohort: verdicts, gaps, training",
		Long: `Read every assessment file in the paths (folders recursively) and report on
the cohort: per company the verdicts, readiness statistics and histogram, and
the requirements most missed; per skill the levels reached; the training that
would move most candidates; and every candidate's readiness per company.

Each candidate counts for their target companies (all when they named none),
or for --company when given. Files of another rubric, files that fail to load
and files that are not assessments are skipped and listed, on stderr and in
the report (grouped by reason); the report is still written, and the exit
status is 0 unless --strict is given. When no file counts, nothing is
written, the exit status is 1 and the message names the rubrics found.

--view mentor scores each assessment's last review (the mentor's rating where
there is one, else the candidate's answer); assessments without a review count
in the candidate's view, and the report says how many.

Formats: text for the terminal, markdown to paste into a document, csv (one
row per candidate and company: name,file,status,updated,company,readiness,
verdict,met,unmet,blocked_by), json for scripts, and html: one self-contained
page with charts, nothing fetched, printable. --anonymize replaces names by
"Candidate 1", "Candidate 2", ... in a random order, not by name, and drops
file names, for sharing outside the centre; --seed N repeats an order.`,
		Example: `  readycheck report assessments/
  readycheck report assessments/ --rubric acme.yaml \
      --format html --out cohort.html
  readycheck report assessments/ --company dept --view mentor \
      --format markdown
  readycheck report assessments/ --format csv --anonymize --out cohort.csv`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(c *cobra.Command, paths []string) error {
			return runReport(c, paths, &opts)
		},
	}
	addReportFlags(c, &opts)
	return c
}

// addReportFlags adds report's flags to c, bound to opts.
func addReportFlags(c *cobra.Command, opts *reportFlags) {
	f := c.Flags()
	f.StringVar(&opts.rubric, "rubric", "", "rubric FILE the assessments were taken against (default: the built-in rubric)")
	f.StringArrayVar(&opts.companies, "company", nil, "count every candidate for this company ID instead of their targets (repeatable)")
	f.StringVar(&opts.view, "view", string(report.Self), "whose levels to score: self (the candidates' answers) or mentor (the last review)")
	f.StringVar(&opts.format, "format", "text", "output FORMAT: "+strings.Join(reportFormats, ", "))
	f.StringVarP(&opts.out, "out", "o", "", "write to FILE (only on success; - is stdout)")
	f.BoolVar(&opts.anonymize, "anonymize", false, `replace names by "Candidate 1", "Candidate 2", ... in a random order and drop file names`)
	f.Uint64Var(&opts.seed, "seed", 0, "with --anonymize, the number N that draws the candidates' order, to repeat it (default: a new random order)")
	f.BoolVar(&opts.strict, "strict", false, "exit with status 1 when any file was skipped")
	f.BoolVar(&opts.follow, "follow-symlinks", false, "follow links out of the folders given")
}

// runReport checks the flags, reads the cohort in paths and writes its
// report. What was skipped or ignored is said on stderr before the report
// is written, so that it is seen when the report goes to a file too. With
// --strict a skipped file fails the run: before a file --out is replaced,
// so that the previous report stays, or after the report on stdout.
func runReport(c *cobra.Command, paths []string, opts *reportFlags) error {
	view, err := checkReportFlags(c, paths, opts)
	if err != nil {
		return err
	}
	if !c.Flags().Changed("seed") {
		opts.seed = randomSeed()
	}
	r, err := loadRubric(opts.rubric)
	if err != nil {
		return err
	}
	tuneGCForBatch()
	rp, err := readCohort(c, paths, opts, r, view)
	if err != nil {
		return err
	}
	defer rp.Close()
	printSkipped(stderr, rp.Problems())
	if rp.Assessments == 0 {
		return nothingCounted(r.ID, "--rubric", opts.rubric == "", rp.OtherRubrics, len(rp.Problems()), paths)
	}
	printReportNotes(rp, r.ID, view, opts.strict)
	if n := len(rp.Problems()); opts.strict && n > 0 && toFile(opts.out) {
		// A failed run leaves the previous report as it was.
		fmt.Fprintf(stderr, "readycheck: %s skipped; with --strict that is a failure, and %s was not written\n", termtext.PluralGrouped(n, "file", "files"), opts.out)
		return failed()
	}
	err = writeOutput(c.OutOrStdout(), opts.out, func(w io.Writer, width int, p palette.Palette) error {
		return writeReport(rp, opts.format, w, width, p)
	})
	if err != nil {
		return err
	}
	if n := len(rp.Problems()); opts.strict && n > 0 {
		fmt.Fprintf(stderr, "readycheck: %s skipped; with --strict that is a failure\n", termtext.PluralGrouped(n, "file", "files"))
		return failed()
	}
	return nil
}

// checkReportFlags refuses, before anything is read, what checkCohortFlags
// refuses and a --seed without --anonymize, and returns the --view asked
// for.
func checkReportFlags(c *cobra.Command, paths []string, opts *reportFlags) (report.View, error) {
	view, err := checkCohortFlags(opts.format, reportFormats, opts.view, paths, opts.out, opts.rubric)
	if err != nil {
		return "", err
	}
	if c.Flags().Changed("seed") && !opts.anonymize {
		return "", usageError(errors.New("--seed orders the candidates of an --anonymize report; add --anonymize, or leave --seed out"))
	}
	return view, nil
}

// checkCohortFlags refuses, before anything is read, what report and
// simulate both refuse: a format not among formats, an unknown view, paths
// that do not exist, and an --out that must not be replaced (rubrics are
// the rubric files read, inputs too), and returns the view.
func checkCohortFlags(format string, formats []string, view string, paths []string, out string, rubrics ...string) (report.View, error) {
	if !slices.Contains(formats, format) {
		return "", usageError(fmt.Errorf("unknown --format %q: use %s", format, strings.Join(formats, ", ")))
	}
	v, err := parseView(view)
	if err != nil {
		return "", err
	}
	if err := checkPaths(paths); err != nil {
		return "", err
	}
	if err := checkOut(out, paths, rubrics...); err != nil {
		return "", err
	}
	return v, nil
}

// readCohort reads the assessments in paths into a report against r; an
// unknown --company is a usage error, as a mistyped flag is.
func readCohort(c *cobra.Command, paths []string, opts *reportFlags, r *rubric.Rubric, view report.View) (*report.Report, error) {
	rp, err := report.Read(c.Context(), report.Options{
		Rubric: r, Companies: opts.companies, View: view, Anonymize: opts.anonymize, Seed: opts.seed,
		FollowSymlinks: opts.follow,
	}, paths...)
	if errors.Is(err, report.ErrUnknownCompany) {
		return nil, usageError(fmt.Errorf("--company: %w", err))
	}
	return rp, err
}

// printReportNotes says on stderr what the report left out or counted
// otherwise than asked: how many files were skipped (--strict says it
// itself, as a failure), the answers for skills rubric rubricID lacks (the
// first cohortview.MaxUnknownSkills, then how many more), and in the
// mentor's view the assessments without a review, which count in the
// candidate's.
func printReportNotes(rp *report.Report, rubricID string, view report.View, strict bool) {
	if n := len(rp.Problems()); n > 0 && !strict {
		fmt.Fprintf(stderr, "readycheck: %s skipped, for the reasons above; the report lists them too\n", termtext.PluralGrouped(n, "file", "files"))
	}
	for _, u := range rp.UnknownSkills[:min(len(rp.UnknownSkills), cohortview.MaxUnknownSkills)] {
		fmt.Fprintf(stderr, "warning: %s skill %q, which rubric %q does not have; ignored\n", termtext.PluralGrouped(u.Files, "file answers", "files answer"), u.Skill, rubricID)
	}
	if more := len(rp.UnknownSkills) - cohortview.MaxUnknownSkills; more > 0 {
		fmt.Fprintf(stderr, "warning: … and %s more unknown skills, which rubric %q does not have either; ignored\n", termtext.Thousands(more), rubricID)
	}
	if view == report.Mentor && rp.Unreviewed > 0 {
		fmt.Fprintf(stderr, "note: %s in the candidate's view\n", termtext.PluralGrouped(rp.Unreviewed, "assessment has no review and counts", "assessments have no review and count"))
	}
}

// writeReport writes rp to w in format, one of reportFormats; width and p
// fit the text format to the terminal, and the others ignore them.
func writeReport(rp *report.Report, format string, w io.Writer, width int, p palette.Palette) error {
	switch format {
	case "markdown":
		return cohortview.Markdown(rp, w)
	case "csv":
		return cohortview.CSV(rp, w)
	case "json":
		return cohortview.JSON(rp, w)
	case "html":
		return cohortview.HTML(rp, w)
	}
	return cohortview.Text(rp, w, width, p)
}

// randomSeed draws an anonymized report's seed from the system's source of
// randomness, so that nobody can guess the order of its candidates.
func randomSeed() uint64 {
	var b [8]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return binary.LittleEndian.Uint64(b[:])
}

// parseView checks a --view value.
func parseView(s string) (report.View, error) {
	for _, v := range report.Views {
		if s == string(v) {
			return v, nil
		}
	}
	return "", usageError(fmt.Errorf("unknown --view %q: use self or mentor", s))
}

// writeOutput runs write on the standard output (out "" or "-"), fitted to
// the terminal, or into the file out, replaced atomically once it is whole
// (a reader never sees half a report, and a failed write leaves the old
// file). The file is readable by its owner only, also when it existed:
// reports hold names. A symbolic link or a file that is not regular is
// refused, never written through or replaced.
func writeOutput(stdout io.Writer, out string, write func(w io.Writer, width int, p palette.Palette) error) error {
	if !toFile(out) {
		width, color := textOutput(stdout)
		w, p := colored(stdout, color)
		return write(w, width, p)
	}
	if dir := filepath.Dir(out); !isDir(dir) {
		return fmt.Errorf("write %s: there is no folder %s; create it, or pass another --out", out, dir)
	}
	pf, err := atomicfile.New(out, assessments.FileMode)
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	defer pf.Cleanup()
	width, _ := textOutput(nil)
	if err := write(pf, width, palette.Palette{}); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := pf.Commit(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// toFile reports whether --out names a file: "-" is the standard output.
func toFile(out string) bool { return out != "" && out != "-" }

// checkOut refuses, before anything is read, an --out that must not be
// replaced: one that is not a regular file (a link, such as /dev/stdout, a
// device, a folder) or that is one of the inputs (an assessment given or
// under a folder given, or a rubric file), which the report would
// overwrite. inputs are PATH arguments and rubric files ("" ignored).
func checkOut(out string, paths []string, rubrics ...string) error {
	if !toFile(out) {
		return nil
	}
	if err := atomicfile.Check(out); err != nil {
		var nr *atomicfile.NotRegularError
		if errors.As(err, &nr) {
			return usageError(fmt.Errorf("--out %s is %s, not a regular file; name a regular file, or --out - for the standard output", out, atomicfile.Kind(nr.Mode)))
		}
		return fmt.Errorf("write %s: %w", out, err)
	}
	outInfo, err := os.Stat(out)
	if err != nil {
		outInfo = nil
	}
	outDir, derr := filepath.EvalSymlinks(filepath.Dir(out))
	if derr == nil {
		outDir, derr = filepath.Abs(outDir)
	}
	for _, in := range append(slices.Clone(paths), rubrics...) {
		if in == "" {
			continue
		}
		info, err := os.Stat(in)
		if err != nil {
			continue
		}
		if outInfo != nil && os.SameFile(outInfo, info) {
			return usageError(fmt.Errorf("--out %s is the input %s; name another file", out, in))
		}
		if !info.IsDir() || derr != nil || !assessments.IsAssessmentFile(out) {
			continue
		}
		dir, err := filepath.EvalSymlinks(in)
		if err == nil {
			dir, err = filepath.Abs(dir)
		}
		if rel, rerr := filepath.Rel(dir, outDir); err == nil && rerr == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return usageError(fmt.Errorf("--out %s is an assessment file under %s, an input of this run; name a file outside it, or another extension than .yaml", out, in))
		}
	}
	return nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// checkPaths refuses, before anything is read, a PATH argument that does
// not exist: a mistyped folder would otherwise make a report of nobody.
// (Files inside the folders that cannot be read are skipped and listed.)
func checkPaths(paths []string) error {
	for _, p := range paths {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: no such file or folder; name folders of assessments or assessment files", p)
		}
	}
	return nil
}
