package safetext

import "testing"

// A path shown on a command line is quoted only when a shell needs it.
func TestShellPath(t *testing.T) {
	for in, want := range map[string]string{
		"/home/ada/.local/share/readycheck/assessments/ada-20261123-100000.yaml": "/home/ada/.local/share/readycheck/assessments/ada-20261123-100000.yaml",
		"/Users/ada/Library/Application Support/readycheck/a.yaml":               "'/Users/ada/Library/Application Support/readycheck/a.yaml'",
		"it's.yaml": `'it'\''s.yaml'`,
		"":          "''",
	} {
		if got := ShellPath(in); got != want {
			t.Errorf("ShellPath(%q) = %s, want %s", in, got, want)
		}
	}
}
