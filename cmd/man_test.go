package cmd

import (
	"strings"
	"testing"
)

// The man page has a title man can lay out, and one roff paragraph per
// paragraph of the description, not one per source line.
func TestManPage(t *testing.T) {
	out, errs, code := run(t, "man")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	first, _, _ := strings.Cut(out, "\n")
	if !strings.HasPrefix(first, ".TH READYCHECK 1 ") || !strings.HasSuffix(first, `"readycheck" "User Commands"`) {
		t.Errorf("title line = %q", first)
	}
	if !strings.Contains(out, ".SH NAME\nreadycheck - ") {
		t.Errorf("no NAME section:\n%s", out)
	}
	_, desc, _ := strings.Cut(out, ".SH DESCRIPTION\n")
	desc, _, _ = strings.Cut(desc, ".SH ")
	paras := strings.Split(strings.TrimSpace(desc), "\n.PP\n")
	if len(paras) != 2 || !strings.Contains(paras[0], "one question at a time, and shows how ready") {
		t.Errorf("description in %d paragraphs, want 2:\n%s", len(paras), desc)
	}
	// Short forms read as man readers expect them.
	if !strings.Contains(out, `\fB-o, --out\fP`) || strings.Contains(out, `\fB--o --out`) {
		t.Errorf("the short form of --out is not -o:\n%s", out)
	}
	// Flag descriptions wrapped for the help are one line again.
	if !strings.Contains(out, "where assessments are saved (default: $READYCHECK_DATA_DIR, else the XDG data folder's readycheck)") {
		t.Errorf("the --data-dir description is not whole:\n%s", out)
	}
}

// man is listed in the help with what it does.
func TestHelpListsMan(t *testing.T) {
	out, _, code := run(t, "--help")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	found := false
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == "man" && strings.Contains(l, "Print the man page") {
			found = true
		}
	}
	if !found {
		t.Errorf("man is not listed:\n%s", out)
	}
}

func TestUnwrap(t *testing.T) {
	in := "One line\nwrapped here.\n\nA second\nparagraph:\n  an indented example\n  kept as is\n- a list item\n- another"
	want := "One line wrapped here.\nA second paragraph:\n  an indented example\n  kept as is\n- a list item\n- another"
	if got := unwrap(in); got != want {
		t.Errorf("unwrap = %q, want %q", got, want)
	}
}
