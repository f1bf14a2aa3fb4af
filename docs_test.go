package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The documents a reader moves between: the front page and docs/.
func documents(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob("docs/*.md")
	if err != nil || len(docs) == 0 {
		t.Fatalf("no docs/*.md: %v", err)
	}
	return append([]string{"README.md"}, docs...)
}

// outsideCode returns the lines of a Markdown file that are not in fenced
// code blocks.
func outsideCode(text string) []string {
	var out []string
	fenced := false
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fenced = !fenced
			continue
		}
		if !fenced {
			out = append(out, l)
		}
	}
	return out
}

// anchors are the fragments GitHub gives a file's headings: lower case,
// letters, digits, hyphens and underscores kept, spaces as hyphens, and
// -1, -2, ... after a repeated one.
func anchors(text string) map[string]bool {
	seen := map[string]int{}
	out := map[string]bool{}
	for _, l := range outsideCode(text) {
		if !strings.HasPrefix(l, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(l, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(h) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteRune('-')
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			out[a+"-"+strconv.Itoa(n)] = true
		} else {
			out[a] = true
		}
		seen[a]++
	}
	return out
}

var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// Every relative link and image in README.md and docs/*.md points at a
// file that exists, and at a heading of it when it names one.
func TestDocsLinksResolve(t *testing.T) {
	for _, doc := range documents(t) {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		links := 0
		for _, l := range outsideCode(string(data)) {
			for _, m := range mdLink.FindAllStringSubmatch(l, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				links++
				path, frag, _ := strings.Cut(target, "#")
				file := doc
				if path != "" {
					file = filepath.Join(filepath.Dir(doc), filepath.FromSlash(path))
				}
				info, err := os.Stat(file)
				if err != nil {
					t.Errorf("%s: the link %s points at nothing: %v", doc, target, err)
					continue
				}
				if frag == "" {
					continue
				}
				if info.IsDir() || !strings.HasSuffix(file, ".md") {
					t.Errorf("%s: the link %s has a heading but %s is not a Markdown file", doc, target, file)
					continue
				}
				body, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if !anchors(string(body))[frag] {
					t.Errorf("%s: the link %s names no heading of %s", doc, target, file)
				}
			}
		}
		if doc != "README.md" && links == 0 {
			t.Errorf("%s links nowhere, not even back to the README", doc)
		}
	}
}

// README.md is a front page: short, with the two commands a newcomer needs
// first, and a link to every document in docs/.
func TestREADMEIsAFrontPage(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	if n := strings.Count(readme, "\n"); n >= 200 {
		t.Errorf("README.md has %d lines; a front page has fewer than 200 (the rest belongs in docs/)", n)
	}
	top := strings.Join(strings.SplitN(readme, "\n", 12)[:11], "\n")
	for _, cmd := range []string{"go run .", "go test ./..."} {
		if !strings.Contains(top, "\n"+cmd+" ") {
			t.Errorf("README.md does not start with %q:\n%s", cmd, top)
		}
	}
	for _, want := range []string{"go install github.com/readycheck/readycheck@latest", "## Quick start for candidates", "## Quick start for mentors", "## Quick start for career centers", "readycheck demo", "## Dependencies"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md lacks %q", want)
		}
	}
	for _, doc := range documents(t)[1:] {
		if !strings.Contains(readme, "]("+filepath.ToSlash(doc)+")") {
			t.Errorf("README.md does not link %s", doc)
		}
	}
}

// The install command names the module go.mod declares.
func TestREADMEInstallsTheModule(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	path, _, _ := strings.Cut(strings.TrimPrefix(string(mod), "module "), "\n")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "go install "+strings.TrimSpace(path)+"@latest") {
		t.Errorf("README.md does not install %s with go install", path)
	}
}
