package review

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
)

// The review list shows why a file could not be opened with its path
// cleaned.
func TestMentorListShowsFailedPathsCleaned(t *testing.T) {
	dir := filepath.Join(t.TempDir(), tuitest.HostileName)
	os.Mkdir(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "other.yaml"), []byte("format: readycheck/assessment/v1\ncandidate: {name: Zed}\nrubric: {id: other}\nanswers: {}\n"), 0o600)
	m := newMentor(t, dir, "Grace")
	m.Update(tuitest.Size(400, 24))
	v := m.View().Content
	if !strings.Contains(ansi.Strip(v), safetext.CleanPath(dir)+`/other.yaml: taken against rubric "other"`) || strings.ContainsAny(v, "\u009b\u202e\u200f\u2028") || strings.Contains(v, "\x1b[31mil") {
		t.Errorf("the failed file is not listed with its path cleaned:\n%q", ansi.Strip(v))
	}
}
