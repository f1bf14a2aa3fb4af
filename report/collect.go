package report

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
)

// Options says which rubric a report is of and how candidates count.
type Options struct {
	Rubric *rubric.Rubric
	// Companies, when given, are the companies every candidate counts for,
	// instead of each assessment's targets.
	Companies []string
	View      View
	// Anonymize replaces names by "Candidate 1", "Candidate 2", ... and
	// drops file names. The candidates are listed, and numbered, in an
	// order drawn from Seed, not by name: the numbers cannot be mapped back
	// to the names of a named report.
	Anonymize bool
	// Seed orders an anonymized report's candidates: the same seed and
	// files give the same order. Callers draw it at random unless the
	// order is to be repeated.
	Seed uint64
	// Workers is how many files are read at once; 0 means one per CPU.
	Workers int
	// FollowSymlinks reads files that links in the folders point to
	// outside the paths given; by default they are skipped.
	FollowSymlinks bool
}

// ErrUnknownCompany is returned by Read for a --company id the rubric lacks.
var ErrUnknownCompany = errors.New("unknown company")

// Read builds the report of the assessment files under paths (files as
// given, folders searched recursively for .yaml and .yml files). Files of
// another rubric, files that fail to load and files that are not
// assessments are skipped and listed in the report. Files are read in
// parallel and nothing of a file is kept but its figures. Call Close on the
// report when done with it.
func Read(ctx context.Context, opts Options, paths ...string) (*Report, error) {
	r := opts.Rubric
	if opts.View == "" {
		opts.View = Self
	}
	targets := r.Companies
	if len(opts.Companies) > 0 {
		var unknown []string
		targets, unknown = r.Targets(opts.Companies)
		if len(unknown) > 0 {
			return nil, fmt.Errorf("%w %s: rubric %q has %s", ErrUnknownCompany, quote(unknown), r.ID, strings.Join(r.CompanyIDs(), ", "))
		}
	}
	rp := &Report{
		Rubric:     assessments.RubricRef{ID: r.ID, Version: r.Version},
		View:       opts.View,
		Title:      r.Title,
		Anonymized: opts.Anonymize,
		rubric:     r,
		roster:     &roster{},
	}
	var tallies []*tally
	newReader := func() func(job) ([]byte, *skip) {
		w := newWorker(opts, newTally(r))
		tallies = append(tallies, w.t)
		return w.read
	}
	skipped, err := collect(ctx, opts.Workers, opts.FollowSymlinks, paths, newReader, rp.roster.add)
	if err != nil {
		rp.Close()
		return nil, err
	}
	total := newTally(r)
	for _, t := range tallies {
		total.merge(t)
	}
	rp.fill(total, targets)
	rp.Skipped = skippedList(skipped, opts.Anonymize)
	rp.problems = skippedList(skipped, false)
	rp.OtherRubrics = otherRubrics(skipped)
	rp.OtherRubrics = otherRubrics(skipped)
	return rp, nil
}

// job is a file to read, or a path that could not be walked.
type job struct {
	path string
	err  error
}

type skip struct {
	file     string
	problems yamlfile.Problems
	// rubric is the file's rubric id when it was taken against another
	// rubric than the report's.
	rubric string
}

// skipLoad is why a file that load refused is skipped; a is what load
// parsed of it, if anything.
func skipLoad(file string, a *assessments.Assessment, r *rubric.Rubric, ps yamlfile.Problems) *skip {
	s := &skip{file: file, problems: ps}
	if a != nil && a.Rubric.ID != r.ID {
		s.rubric = a.Rubric.ID
	}
	return s
}

// collect walks paths and feeds the files to a pool of workers: newReader
// is called once per worker and returns its function that reads one file,
// giving either a value or why the file is skipped. The values come back to
// the caller's goroutine, which calls add for each; the workers keep any
// tallies themselves.
func collect[T any](ctx context.Context, workers int, follow bool, paths []string, newReader func() func(job) (T, *skip), add func(T) error) ([]skip, error) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type result struct {
		value T
		skip  *skip
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, 4*workers)
	results := make(chan result, 4*workers)
	go func() {
		defer close(jobs)
		walk(ctx, follow, paths, jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		read := newReader()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				v, sk := read(j)
				select {
				case results <- result{v, sk}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var skipped []skip
	var err error
	for res := range results {
		if err != nil {
			continue // drain, so that the workers finish
		}
		if res.skip != nil {
			skipped = append(skipped, *res.skip)
			continue
		}
		if err = add(res.value); err != nil {
			cancel()
		}
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	return skipped, nil
}

// walk sends every assessment file under paths, as assessments.Walk finds
// them: in the order the system lists each folder's files, which nothing in
// a report depends on (candidates, skipped files and unknown skills are
// sorted, and the tallies add up the same in any order).
func walk(ctx context.Context, follow bool, paths []string, jobs chan<- job) {
	assessments.Walker{FollowSymlinks: follow}.Walk(paths, func(path string, err error) bool {
		select {
		case jobs <- job{path: path, err: err}:
			return true
		case <-ctx.Done():
			return false
		}
	})
}

// worker reads, checks and scores files, one at a time, into its tally.
type worker struct {
	opts    Options
	r       *rubric.Rubric
	t       *tally
	targets []*rubric.Company
	index   func(*rubric.Company) int
}

func newWorker(opts Options, t *tally) *worker {
	w := &worker{opts: opts, r: opts.Rubric, t: t}
	if len(opts.Companies) > 0 {
		w.targets, _ = w.r.Targets(opts.Companies)
	}
	pos := make(map[*rubric.Company]int, len(w.r.Companies))
	for i, c := range w.r.Companies {
		pos[c] = i
	}
	w.index = func(c *rubric.Company) int { return pos[c] }
	return w
}

func (w *worker) read(j job) ([]byte, *skip) {
	if j.err != nil {
		return skipResult(j.path, yamlfile.Problems{{File: j.path, Message: assessments.WalkProblem(j.err)}})
	}
	a, levels, fellBack, problems := load(j.path, w.r, w.opts.View)
	if problems != nil {
		return nil, skipLoad(j.path, a, w.r, problems)
	}
	targets := w.targets
	if targets == nil {
		var unknown []string
		targets, unknown = w.r.Targets(a.RubricTargets())
		if len(unknown) > 0 {
			return skipResult(j.path, unknownTargets(j.path, w.r, unknown, "fix the targets, or pass --company ID"))
		}
	}
	results := w.r.ScoreCompanies(levels, targets)
	w.t.count(w.r, a, levels, targets, results, fellBack)
	updated := a.Updated
	if updated.IsZero() {
		if info, err := os.Stat(j.path); err == nil {
			updated = info.ModTime()
		}
	}
	key := strings.ToLower(a.Candidate.Name)
	if w.opts.Anonymize {
		key = shuffleKey(w.opts.Seed, j.path)
	}
	return encodeRow(key, a.Candidate.Name, j.path, string(a.Status), updated, results, w.index), nil
}

// load reads an assessment file, checks it against the rubric and returns
// the levels of the view; fellBack is true when the mentor view fell back
// to the candidate's answers for want of a review. problems is nil when the
// file can be counted; otherwise a is what could be parsed of it, or nil.
func load(path string, r *rubric.Rubric, view View) (a *assessments.Assessment, levels rubric.Levels, fellBack bool, problems yamlfile.Problems) {
	data, err := rubric.ReadFile(path)
	if err != nil {
		return nil, nil, false, asProblems(path, err)
	}
	a, ps := assessments.Parse(path, data)
	if errs := ps.Errors(); len(errs) > 0 {
		return nil, nil, false, errs
	}
	if errs := a.Check(r).Errors(); len(errs) > 0 {
		return a, nil, false, errs
	}
	if view == Mentor {
		if rv, ok := a.Review(""); ok {
			return a, a.MentorLevels(r, rv), false, nil
		}
		return a, a.Levels(r), true, nil
	}
	return a, a.Levels(r), false, nil
}

// unknownTargets says that an assessment's targets name companies the
// rubric lacks, and what to do.
func unknownTargets(file string, r *rubric.Rubric, unknown []string, todo string) yamlfile.Problems {
	return yamlfile.Problems{{File: file, Message: fmt.Sprintf("its targets name company %s, which rubric %q does not have (its companies: %s); %s",
		quote(unknown), r.ID, strings.Join(r.CompanyIDs(), ", "), todo)}}
}

func skipResult(file string, ps yamlfile.Problems) ([]byte, *skip) {
	return nil, &skip{file: file, problems: ps}
}

func asProblems(file string, err error) yamlfile.Problems {
	var ps yamlfile.Problems
	if errors.As(err, &ps) {
		return ps
	}
	return yamlfile.Problems{{File: file, Message: err.Error()}}
}

func pathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func quote(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}

// skippedList sorts the skipped files by path and writes their reasons.
func skippedList(skips []skip, anonymize bool) []Skipped {
	slices.SortFunc(skips, func(a, b skip) int { return strings.Compare(a.file, b.file) })
	out := make([]Skipped, len(skips))
	for i, s := range skips {
		lines := make([]string, len(s.problems))
		for j, p := range s.problems {
			if anonymize {
				// A shared report carries no text of the files: the quoted
				// excerpts go (a link to /etc/shadow gave one per line).
				p.File, p.Message = "", yamlfile.RedactExcerpts(p.Message)
				lines[j] = strings.TrimPrefix(p.Error(), ": ")
				if p.Line > 0 {
					lines[j] = fmt.Sprintf("%d:%d: %s", p.Line, p.Column, p.Message)
				}
				continue
			}
			lines[j] = p.Error()
		}
		out[i] = Skipped{File: s.file, Error: strings.Join(lines, "\n")}
		if len(s.problems) == 1 {
			out[i].reason = s.problems[0].Message
		}
		if anonymize {
			out[i].File = ""
		}
	}
	return out
}
