package cmd

import (
	"fmt"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// loadRubric loads the rubric named by --rubric, or the built-in one when
// path is empty. Problems are printed as validate prints them.
func loadRubric(path string) (*rubric.Rubric, error) {
	if path == "" {
		return builtin.Rubric()
	}
	r, err := rubric.LoadFile(path)
	if err != nil {
		printProblems(err)
		return nil, failed()
	}
	return r, nil
}

// rubricFor picks the rubric to score an assessment with: --rubric when
// given, else the built-in one when the assessment names it.
func rubricFor(a *assessments.Assessment, file, path string) (*rubric.Rubric, error) {
	if path != "" {
		return loadRubric(path)
	}
	r, err := builtin.Rubric()
	if err != nil {
		return nil, err
	}
	if a.Rubric.ID != r.ID {
		return nil, fmt.Errorf("%s was taken against rubric %q, not the built-in %q; pass that rubric with --rubric FILE", file, a.Rubric.ID, r.ID)
	}
	return r, nil
}

// loadAssessment reads an assessment and checks it against its rubric,
// printing problems as validate does. It returns the warnings as text, and
// the rubric to score with: the rubric with the assessment's postings.
func loadAssessment(file, rubricPath string) (*assessments.Assessment, *rubric.Rubric, []string, error) {
	a, err := assessments.LoadFile(file)
	if err != nil {
		printProblems(err)
		return nil, nil, nil, failed()
	}
	r, err := rubricFor(a, file, rubricPath)
	if err != nil {
		return nil, nil, nil, err
	}
	problems := a.Check(r)
	if problems.Err() != nil {
		printProblems(problems.Errors())
		return nil, nil, nil, failed()
	}
	// Scored against its postings' companies too, beside the rubric's.
	if r, err = a.WithPostings(r); err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	return a, r, messages(problems.Warnings()), nil
}

func messages(ps yamlfile.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}
