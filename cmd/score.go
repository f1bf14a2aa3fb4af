package cmd

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/scorecard"
)

// scoreFormats are the values of score's --format.
var scoreFormats = []string{"text", "json", "markdown"}

// scoreFlags are the flags of `readycheck score`.
type scoreFlags struct {
	rubricPath, format, view, reviewer, postingPath string
	companies                                       []string
}

// newScoreCmd is `readycheck score`: its help and flags; runScore does the
// work.
func newScoreCmd() *cobra.Command {
	var opts scoreFlags
	c := &cobra.Command{
		Use:   "score ASSESSMENT",
		Short: "Show an assessment's readiness per company",
		Long: `Score a saved assessment against its rubric: readiness and verdict per
company, each requirement met, partial or unmet, the next steps that would
help most, and the unanswered skills.

Without --rubric, the built-in rubric is used when the assessment names it.
--company (repeatable) scores for those companies instead of the
assessment's targets. --format json prints the figures for scripts;
--format markdown writes a report to send to a mentor.

--posting drafts a company from a job posting (a text, Markdown or HTML
file, or - for standard input) as ` + "`rubric from-posting`" + ` does, and scores
the assessment against it too, beside the rubric's companies, marked
"drafted from a posting". Postings saved in the assessment (its postings
section) are always scored with it.`,
		Example: `  readycheck score ada.yaml
  readycheck score ada.yaml --company dept --format markdown > ada.md
  readycheck score ada.yaml --posting internship.html
  readycheck score ada.yaml --rubric acme.yaml --format json |
      jq '.companies[].readiness'`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, files []string) error {
			return runScore(c, files[0], &opts)
		},
	}
	c.Flags().StringVar(&opts.rubricPath, "rubric", "", "rubric FILE the assessment was taken against (default: the built-in rubric)")
	c.Flags().StringArrayVar(&opts.companies, "company", nil, "score for this company ID instead of the assessment's targets (repeatable)")
	c.Flags().StringVar(&opts.format, "format", "text", "output format: "+strings.Join(scoreFormats, ", "))
	c.Flags().StringVar(&opts.view, "view", scorecard.ViewSelf, "self (the candidate's answers), mentor (a review's ratings over them) or both")
	c.Flags().StringVar(&opts.postingPath, "posting", "", "also score against the company drafted from this job POSTING (text, Markdown or HTML file, or - for stdin)")
	c.Flags().StringVar(&opts.reviewer, "reviewer", "", "with --view mentor or both: the review by this NAME (default: the last review)")
	return c
}

// runScore checks the flags, loads the assessment in file and its rubric,
// with the company drafted from --posting, and writes its scores in the
// view asked for.
func runScore(c *cobra.Command, file string, opts *scoreFlags) error {
	if !slices.Contains(scoreFormats, opts.format) {
		return usageError(fmt.Errorf("unknown --format %q: use %s", opts.format, strings.Join(scoreFormats, ", ")))
	}
	if !slices.Contains([]string{scorecard.ViewSelf, scorecard.ViewMentor, scorecard.ViewBoth}, opts.view) {
		return usageError(fmt.Errorf("unknown --view %q: use self, mentor or both", opts.view))
	}
	a, r, warnings, err := loadAssessment(file, opts.rubricPath)
	if err != nil {
		return err
	}
	companies, given := opts.companies, len(opts.companies) > 0
	if opts.postingPath != "" {
		if r, companies, err = withPosting(c.InOrStdin(), opts.postingPath, a, r, companies); err != nil {
			return err
		}
	}
	if opts.view == scorecard.ViewBoth {
		return scoreBoth(c, file, opts.rubricPath, a, r, companies, opts.reviewer, opts.format, warnings)
	}
	card, err := scoreCard(file, a, r, companies, given, opts, warnings)
	if err != nil {
		return err
	}
	return writeCard(c.OutOrStdout(), card, opts.format)
}

// scoreCard scores a in the candidate's or the mentor's view for
// companies. Its errors name the file; when the companies are the
// assessment's targets (given is false), an unknown one is the file's to
// fix, or to replace with --company.
func scoreCard(file string, a *assessments.Assessment, r *rubric.Rubric, companies []string, given bool, opts *scoreFlags, warnings []string) (*scorecard.Card, error) {
	var card *scorecard.Card
	var err error
	if opts.view == scorecard.ViewMentor {
		card, err = scorecard.NewMentor(a, r, companies, opts.reviewer, warnings...)
	} else {
		card, err = scorecard.New(a, r, companies, warnings...)
	}
	if card != nil {
		card.AnswerCommand = answerCommand(card.Review != nil, file, opts.rubricPath)
	}
	if errors.Is(err, scorecard.ErrNoReview) {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if err != nil {
		if !given {
			return nil, fmt.Errorf("%s: its targets name an %w; fix them, or pass --company ID", file, err)
		}
		return nil, err
	}
	return card, nil
}

// writeCard writes card to out in format: json, markdown, or text fitted
// to the terminal and coloured on one. Its warnings go to stderr beside
// the text and Markdown; the JSON holds them.
func writeCard(out io.Writer, card *scorecard.Card, format string) error {
	switch format {
	case "json":
		return writeJSON(out, card.JSON)
	case "markdown":
		printWarningLines(card.Warnings)
		return card.Markdown(out)
	}
	printWarningLines(card.Warnings)
	width, color := textOutput(out)
	out, p := colored(out, color)
	return card.TextIn(out, width, p)
}

// withPosting drafts a company from the posting at path ("-": stdin)
// against r and returns r with it, and the companies to score: the
// posting's beside --company's or the assessment's targets when they name
// some (every company, the posting's included, when neither does).
func withPosting(stdin io.Reader, path string, a *assessments.Assessment, r *rubric.Rubric, companies []string) (*rubric.Rubric, []string, error) {
	text, err := readPosting(stdin, path)
	if err != nil {
		return nil, nil, err
	}
	where := "standard input"
	if path != "-" {
		where = safetext.CleanPath(path)
	}
	// A posting the assessment already holds is scored once, as saved.
	for _, p := range a.Postings {
		if p.Text == safetext.Clean(text) {
			fmt.Fprintf(stderr, "note: %s is already among the assessment's postings (%s); it is scored once\n", where, p.ID)
			return r, companies, nil
		}
	}
	draft, err := posting.Draft(text, r, posting.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", where, err)
	}
	entry := draft.Entry()
	entry.ID = a.PostingID(r, draft.ID)
	pc, err := r.NewCompany(entry, rubric.SourcePosting)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: the company drafted from it is not valid: %w", where, err)
	}
	if r, err = r.With(pc); err != nil {
		return nil, nil, err
	}
	switch {
	case len(companies) > 0:
		companies = append(slices.Clone(companies), pc.ID)
	case len(a.Targets) > 0:
		companies = append(slices.Clone(a.Targets), pc.ID)
	}
	return r, companies, nil
}

// scoreBoth prints the candidate's and the mentor's views side by side.
func scoreBoth(c *cobra.Command, file, rubricPath string, a *assessments.Assessment, r *rubric.Rubric, companies []string, reviewer, format string, warnings []string) error {
	both, err := scorecard.NewBoth(a, r, companies, reviewer, warnings...)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	both.Self.AnswerCommand, both.Mentor.AnswerCommand = answerCommand(false, file, rubricPath), answerCommand(true, file, rubricPath)
	out := c.OutOrStdout()
	switch format {
	case "json":
		return writeJSON(out, both.JSON)
	case "markdown":
		printWarningLines(both.Self.Warnings)
		return both.Markdown(out)
	}
	printWarningLines(both.Self.Warnings)
	width, _ := textOutput(out)
	return both.Text(out, width)
}

// answerCommand is the command that answers a report's unanswered skills:
// the candidate resumes the assessment, a mentor reviews it; with the
// --rubric that scored it, so that the command opens it.
func answerCommand(mentor bool, file, rubricPath string) string {
	rubric := ""
	if rubricPath != "" {
		rubric = " --rubric " + safetext.ShellPath(rubricPath)
	}
	if mentor {
		return "readycheck review" + rubric + " " + safetext.ShellPath(file)
	}
	return "readycheck" + rubric + " --resume " + safetext.ShellPath(file)
}

// printWarningLines prints warnings on stderr, each marked as a warning once.
func printWarningLines(ws []string) {
	for _, w := range ws {
		if strings.Contains(w, "warning: ") {
			fmt.Fprintln(stderr, w)
			continue
		}
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
}
