package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/internal/atomicfile"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// SchemaFile is the name `rubric init` gives the JSON Schema it writes
// beside a new rubric, so that editors check it offline.
const SchemaFile = "readycheck-rubric.schema.json"

func newRubricCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "rubric",
		Short: "Start a rubric, or print its JSON Schema",
		Args:  args(cobra.NoArgs),
		RunE: func(c *cobra.Command, _ []string) error {
			return c.Help()
		},
	}
	c.AddCommand(newRubricInitCmd(), newRubricSchemaCmd(), newRubricFromPostingCmd())
	return c
}

func newRubricInitCmd() *cobra.Command {
	var force bool
	c := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write the built-in rubric to start your own",
		Long: `Write the built-in backend internship rubric to FILE (default rubric.yaml) as a
commented starting point, and the rubric format's JSON Schema beside it
(` + SchemaFile + `) so that editors with YAML support check the file as
you type. Refuses to overwrite either file without --force, and never
writes through a symbolic link.`,
		Example: `  readycheck rubric init acme.yaml
  $EDITOR acme.yaml
  readycheck validate acme.yaml`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(c *cobra.Command, a []string) error {
			file := "rubric.yaml"
			if len(a) == 1 {
				file = a[0]
			}
			schemaPath := filepath.Join(filepath.Dir(file), SchemaFile)
			// Both files are checked before either is written.
			for _, p := range []string{file, schemaPath} {
				if _, err := os.Lstat(p); err == nil && !force {
					return fmt.Errorf("%s already exists; choose another name, or pass --force to overwrite it", p)
				} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
					return fmt.Errorf("cannot write %s: %s", p, reason(err))
				}
				if err := atomicfile.Check(p); err != nil {
					return err
				}
			}
			schema, err := rubric.Schema()
			if err != nil {
				return err
			}
			for _, f := range []struct {
				path string
				data []byte
			}{{file, starter(safetext.CleanPath(filepath.Base(file)))}, {schemaPath, schema}} {
				if err := atomicfile.WriteFile(f.path, f.data, 0o644); err != nil {
					return fmt.Errorf("cannot write %s: %s", f.path, reason(err))
				}
			}
			fmt.Fprintf(c.OutOrStdout(), "Wrote %s and %s.\nEdit the rubric, then check it with: readycheck validate %s\n", safetext.CleanPath(file), safetext.CleanPath(schemaPath), safetext.CleanPath(file))
			return nil
		},
	}
	c.Flags().BoolVar(&force, "force", false, "overwrite FILE and the schema file beside it if they exist")
	return c
}

// reason says what went wrong with a file in words ("permission denied",
// or that its folder is missing), without Go's operation names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "its folder does not exist; create it first"
	}
	return err.Error()
}

// starterHeader opens a rubric written by `rubric init`; %s is the file's name.
const starterHeader = `# yaml-language-server: $schema=./` + SchemaFile + `
#
# A readycheck rubric, started from the built-in backend internship rubric.
# Make it yours:
#   1. Change id (and title) below, so that assessments taken against your
#      rubric are never mistaken for the built-in one.
#   2. Edit the categories and skills: every skill needs an id unique in the
#      file, a title, and ideally a question, help and per-level descriptors,
#      and aliases: the other names job postings write for it (PostgreSQL,
#      RDBMS for SQL), by which readycheck rubric from-posting finds it. An
#      alias names one skill only: never another skill's alias, title or id.
#   3. Edit the companies: each requirement names a skill (or any_of several
#      skills sharing a scale), the level needed (min: a number or a label),
#      a weight (essential 3, highly valued 2, a plus 1) and must: true for a
#      knock-out requirement.
#   4. Check it: readycheck validate %s
#      and try it: readycheck --rubric %s
# Editors with YAML support (e.g. VS Code's YAML extension) check the file
# against ` + SchemaFile + ` as you type.
# The rubric authoring guide (docs/rubric-format.md in readycheck's
# repository) describes every field and the scoring rules.
#
`

// starter is the built-in rubric with the starter header in place of its own
// leading comments, for a file named name.
func starter(name string) []byte {
	body := builtin.YAML
	for bytes.HasPrefix(body, []byte("#")) {
		i := bytes.IndexByte(body, '\n')
		if i < 0 {
			break
		}
		body = body[i+1:]
	}
	return append(fmt.Appendf(nil, starterHeader, name, name), body...)
}

func newRubricSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema (draft-07) of the rubric format",
		Long: `Print a JSON Schema (draft-07) of the rubric format, for editors: with
yaml-language-server (the YAML support in VS Code and other editors), put
  # yaml-language-server: $schema=./readycheck-rubric.schema.json
at the top of a rubric file and save this output under that name.`,
		Example: `  readycheck rubric schema > readycheck-rubric.schema.json`,
		Args:    args(cobra.NoArgs),
		RunE: func(c *cobra.Command, _ []string) error {
			b, err := rubric.Schema()
			if err != nil {
				return err
			}
			_, err = c.OutOrStdout().Write(b)
			return err
		},
	}
}
