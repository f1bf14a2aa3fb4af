package safetext

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNoTerminalLibrary keeps rubric, assessments and this package free of
// terminal libraries: what reads and checks files must build without the
// code that draws screens.
func TestNoTerminalLibrary(t *testing.T) {
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := exec.LookPath(goTool); err != nil {
		goTool = "go"
	}
	const module = "github.com/readycheck/readycheck/"
	out, err := exec.Command(goTool, "list", "-deps", module+"rubric", module+"assessments", module+"internal/safetext").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"charmbracelet", "charm.land", "lipgloss", "runewidth", "displaywidth", "uniseg", "uax29", "termenv", "colorprofile"} {
			if strings.Contains(pkg, banned) {
				t.Errorf("rubric or assessments depend on %s, a terminal library", pkg)
			}
		}
	}
}
