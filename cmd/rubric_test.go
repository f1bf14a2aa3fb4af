package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

func TestRubricInit(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "acme.yaml")
	schemaPath := filepath.Join(dir, SchemaFile)
	out, errs, code := run(t, "rubric", "init", file)
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if want := "Wrote " + file + " and " + schemaPath + ".\n"; !strings.HasPrefix(out, want) {
		t.Errorf("stdout = %q, want it to start with %q", out, want)
	}
	data := readFile(t, file)
	if !strings.HasPrefix(data, "# yaml-language-server: $schema=./readycheck-rubric.schema.json\n") {
		t.Errorf("no schema modeline on the first line: %.80q", data)
	}
	if !strings.Contains(data, "readycheck validate acme.yaml") {
		t.Errorf("the header does not say how to check the file")
	}
	// The same rubric as the built-in one, with a header in place of its
	// own comments.
	r, problems := rubric.Parse(file, []byte(data))
	if problems.Err() != nil {
		t.Fatalf("the written rubric is invalid:\n%v", problems)
	}
	b, _ := builtin.Rubric()
	if r.ID != b.ID || len(r.Skills()) != len(b.Skills()) || len(r.Companies) != len(b.Companies) {
		t.Errorf("the written rubric differs from the built-in one")
	}
	// Every skill keeps its aliases, and the file says what they are for.
	for _, s := range r.Skills() {
		bs, _ := b.Skill(s.ID)
		if len(s.Aliases) == 0 || bs == nil || strings.Join(s.Aliases, ",") != strings.Join(bs.Aliases, ",") {
			t.Errorf("skill %q has aliases %q in the written rubric", s.ID, s.Aliases)
		}
	}
	if !strings.Contains(data, "#      and aliases: the other names job postings write for it") || !strings.Contains(data, "        # aliases: the other names postings write for the skill") {
		t.Errorf("the written rubric does not explain aliases")
	}
	if _, _, code := run(t, "validate", file); code != ExitOK {
		t.Errorf("readycheck validate rejects the written rubric")
	}
	schema, _ := rubric.Schema()
	if got := readFile(t, schemaPath); got != string(schema) {
		t.Errorf("the schema written beside it is not the rubric schema")
	}

	// No overwriting without --force.
	if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code = run(t, "rubric", "init", file)
	if want := "readycheck: " + file + " already exists; choose another name, or pass --force to overwrite it\n"; code != ExitFailure || errs != want {
		t.Errorf("overwrite: exit %d, stderr %q; want 1 and %q", code, errs, want)
	}
	if readFile(t, file) != "mine" {
		t.Errorf("the existing file was changed")
	}
	if _, errs, code := run(t, "rubric", "init", "--force", file); code != ExitOK {
		t.Errorf("--force: exit %d: %s", code, errs)
	}
	if readFile(t, file) != data {
		t.Errorf("--force did not write the starting rubric")
	}

	_, errs, code = run(t, "rubric", "init", filepath.Join(dir, "no-such-folder", "x.yaml"))
	if code != ExitFailure || !strings.Contains(errs, "its folder does not exist") {
		t.Errorf("missing folder: exit %d: %s", code, errs)
	}
}

func TestRubricInitDefaultName(t *testing.T) {
	t.Chdir(t.TempDir())
	if _, errs, code := run(t, "rubric", "init"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{"rubric.yaml", SchemaFile} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}

func TestRubricSchema(t *testing.T) {
	out, errs, code := run(t, "rubric", "schema")
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want, _ := rubric.Schema()
	if !bytes.Equal([]byte(out), want) {
		t.Errorf("output is not rubric.Schema()")
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$schema"] != "http://json-schema.org/draft-07/schema#" {
		t.Errorf("$schema = %v, want draft-07", doc["$schema"])
	}
	if _, ok := doc["$defs"]; ok {
		t.Errorf("$defs is not draft-07")
	}
}

// rubric init refuses to overwrite an existing schema file without
// --force, before writing anything, and never writes through a link.
func TestRubricInitKeepsExistingSchema(t *testing.T) {
	dir := t.TempDir()
	schema := filepath.Join(dir, SchemaFile)
	os.WriteFile(schema, []byte("my own schema\n"), 0o644)
	file := filepath.Join(dir, "acme.yaml")
	_, errs, code := run(t, "rubric", "init", file)
	if code != ExitFailure || !strings.Contains(errs, schema+" already exists; choose another name, or pass --force to overwrite it") {
		t.Errorf("exit %d\n%s", code, errs)
	}
	if b, _ := os.ReadFile(schema); string(b) != "my own schema\n" {
		t.Errorf("the schema file was overwritten")
	}
	if _, err := os.Lstat(file); err == nil {
		t.Errorf("the rubric was written although the command failed")
	}
	if _, errs, code := run(t, "rubric", "init", file, "--force"); code != ExitOK {
		t.Fatalf("--force: exit %d\n%s", code, errs)
	}

	victim := filepath.Join(t.TempDir(), "victim.txt")
	os.WriteFile(victim, []byte("precious\n"), 0o644)
	other := t.TempDir()
	if err := os.Symlink(victim, filepath.Join(other, SchemaFile)); err != nil {
		t.Skip(err)
	}
	_, errs, code = run(t, "rubric", "init", filepath.Join(other, "r.yaml"), "--force")
	if code != ExitFailure || !strings.Contains(errs, "is a symbolic link, not a regular file") {
		t.Errorf("schema link with --force: exit %d\n%s", code, errs)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the link's target was written")
	}
}
