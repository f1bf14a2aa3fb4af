package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/internal/atomicfile"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/posting"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

func newRubricFromPostingCmd() *cobra.Command {
	var rubricPath, id, name, role, into, format string
	c := &cobra.Command{
		Use:   "from-posting POSTING",
		Short: "Draft a company from a job posting's text",
		Long: `Draft a company entry of the rubric format from a job posting: a text,
Markdown or HTML file, or - for standard input. Skills are found by title,
id and aliases; the posting's words set each requirement's weight, must
and minimum level (the words table is in docs/career-centers.md). Every requirement
carries a comment quoting the sentence and the words behind it, and
sentences that ask for something no skill names are listed at the end.

--into adds the entry to a rubric file in place, keeping its comments and
layout, and writes nothing unless the result is a valid rubric.`,
		Example: `  readycheck rubric from-posting posting.txt
  readycheck rubric from-posting posting.html --into my-rubric.yaml
  pbpaste | readycheck rubric from-posting - --format json`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			if format != "yaml" && format != "json" {
				return usageError(fmt.Errorf("unknown --format %q: use yaml or json", format))
			}
			if id != "" && !yamlfile.ValidID(id) {
				return usageError(fmt.Errorf("--id %q is not a valid id: use lower-case letters a-z, digits and hyphens (e.g. %q)", id, yamlfile.Slug(id)))
			}
			if into != "" && rubricPath != "" && filepath.Clean(into) != filepath.Clean(rubricPath) {
				return usageError(errors.New("--into drafts against the rubric it adds to; leave out --rubric"))
			}
			src := a[0]
			text, err := readPosting(c.InOrStdin(), src)
			if err != nil {
				return err
			}
			file, data := "built-in", builtin.YAML
			switch {
			case into != "":
				file = into
			case rubricPath != "":
				file = rubricPath
			}
			if file != "built-in" {
				if data, err = rubric.ReadFile(file); err != nil {
					printProblems(err)
					return failed()
				}
			}
			r, problems := rubric.Parse(file, data)
			if problems.Err() != nil {
				printProblems(problems.Errors())
				return failed()
			}
			source := "from standard input"
			if src != "-" {
				source = filepath.Base(src)
			}
			draft, err := posting.Draft(text, r, posting.Options{ID: id, Name: name, Role: role})
			if err != nil {
				where := "standard input"
				if src != "-" {
					where = safetext.CleanPath(src)
				}
				return fmt.Errorf("%s: %w", where, err)
			}
			// The entry is checked in the rubric it was drafted against,
			// whether or not it is written there.
			out, _, err := posting.Into(file, data, draft, source)
			if err != nil {
				return err
			}
			w := c.OutOrStdout()
			if into != "" {
				if err := writeInto(into, out); err != nil {
					return err
				}
			}
			switch {
			case format == "json":
				j, err := draft.JSON()
				if err != nil {
					return err
				}
				_, err = w.Write(j)
				return err
			case into != "":
				fmt.Fprintf(w, "Added company %q to %s: %d requirements, %d sentences not mapped.\nEach requirement's comment says why; check them, then run: readycheck validate %s\n",
					draft.ID, safetext.CleanPath(into), len(draft.Requirements), len(draft.NotMapped), safetext.CleanPath(into))
				return nil
			}
			_, err = w.Write(draft.YAML("  ", source))
			return err
		},
	}
	c.Flags().StringVar(&rubricPath, "rubric", "", "rubric FILE whose skills to find (default: the built-in rubric)")
	c.Flags().StringVar(&id, "id", "", "the company's id (default: from its name)")
	c.Flags().StringVar(&name, "name", "", "the company's name (default: from the posting's title line)")
	c.Flags().StringVar(&role, "role", "", "the role (default: from the posting's title line)")
	c.Flags().StringVar(&into, "into", "", "add the company to this RUBRIC file in place, if the result is valid")
	c.Flags().StringVar(&format, "format", "yaml", "output format: yaml or json")
	return c
}

// readPosting reads the posting named src, or standard input for "-":
// only a regular file, refused over posting.MaxSize before it is read.
func readPosting(stdin io.Reader, src string) (string, error) {
	name := safetext.CleanPath(src)
	if src == "-" {
		text, err := posting.Read(stdin)
		if err != nil {
			return "", fmt.Errorf("standard input: %w", err)
		}
		return text, nil
	}
	// Checked before opening: opening a FIFO would wait for a writer.
	info, err := os.Stat(src)
	if err != nil {
		return "", fmt.Errorf("%s: %s", name, openReason(err))
	}
	if info.IsDir() {
		return "", fmt.Errorf("%s: is a folder; name a posting's text, Markdown or HTML file", name)
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("%s: not a regular file (a pipe, device or socket); pass - to read standard input", name)
	}
	if info.Size() > posting.MaxSize {
		return "", fmt.Errorf("%s: %w", name, posting.ErrTooLarge)
	}
	f, err := os.Open(src)
	if err != nil {
		return "", fmt.Errorf("%s: %s", name, openReason(err))
	}
	defer f.Close()
	text, err := posting.Read(f)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return text, nil
}

func openReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file; check the path"
	case errors.Is(err, os.ErrPermission):
		return "permission denied; check the file's permissions"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// writeInto replaces a rubric file atomically, keeping its permissions.
func writeInto(path string, data []byte) error {
	if err := atomicfile.Check(path); err != nil {
		return err
	}
	perm := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	if err := atomicfile.WriteFile(path, data, perm); err != nil {
		return fmt.Errorf("cannot write %s: %s", safetext.CleanPath(path), reason(err))
	}
	return nil
}
