package assess

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/tui/internal/tuitest"
	"github.com/readycheck/readycheck/tui/kit"
)

// program is the walk-through running as a real Bubble Tea program under
// teatest, its output drawn by a terminal emulator: the screens compared
// with the golden files are what a person sees, renderer included. The
// colour profile is fixed to Ascii (as with NO_COLOR) and the clock too.
type program struct {
	t   *testing.T
	m   *Model
	tm  *teatest.TestModel
	mu  sync.Mutex
	emu *vt.SafeEmulator
	h   int
}

func startProgram(t *testing.T, m *Model, w, h int) *program {
	t.Helper()
	p := &program{t: t, m: m, emu: vt.NewSafeEmulator(w, h), h: h}
	go io.Copy(io.Discard, p.emu) // the emulator's answers to queries
	p.tm = teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithFPS(kit.FPS)))
	t.Cleanup(func() {
		p.tm.Quit()
		p.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		m.Close()
	})
	return p
}

// screen is the emulator's screen now, one line per row.
func (p *program) screen() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, _ := io.ReadAll(p.tm.Output())
	// A terminal turns the renderer's line feeds into new lines (onlcr);
	// the emulator reads the bytes raw.
	p.emu.Write(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
	lines := strings.Split(p.emu.String(), "\n")
	for len(lines) < p.h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// waitFor waits until every text is on screen and the screen is still,
// and returns it.
func (p *program) waitFor(texts ...string) string {
	p.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	last := ""
	for time.Now().Before(deadline) {
		s := p.screen()
		ok := true
		for _, text := range texts {
			ok = ok && strings.Contains(s, text)
		}
		if ok && s == last {
			return s
		}
		last = s
		time.Sleep(30 * time.Millisecond)
	}
	p.t.Fatalf("%q never appeared on screen; last screen:\n%s", texts, last)
	return ""
}

func (p *program) send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		p.tm.Send(msg)
	}
}

// TestGoldenScreens draws every screen of the walk-through at 80x24 and
// 120x40 and compares it with its golden file (go test ./tui/assess -update
// rewrites them; read the diff before committing).
func TestGoldenScreens(t *testing.T) {
	r := tuitest.Builtin(t)
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			store := newStore(t)
			// An unfinished assessment for the start screen to offer.
			earlier := tuitest.Clock.Add(-3 * time.Hour)
			a := assessments.New(r, assessments.Person{Name: "Grace Hopper"}, []string{"dept"}, earlier)
			a.SetAnswer("python", 3, earlier)
			a.SetAnswer("javascript", 2, earlier)
			if err := assessments.Save(filepath.Join(store.Dir, "grace-hopper-20261123-070000.yaml"), a); err != nil {
				t.Fatal(err)
			}
			m := New(Options{Rubric: r, Store: store, Now: tuitest.FixedNow})
			p := startProgram(t, m, sz[0], sz[1])
			shot := func(t *testing.T, texts ...string) {
				t.Helper()
				golden.RequireEqual(t, p.waitFor(texts...))
			}
			t.Run("start", func(t *testing.T) { shot(t, "Resume Grace Hopper · 2/38 answered · changed 3 hours ago") })

			p.send(tuitest.Keys("down", "enter")...)
			t.Run("form", func(t *testing.T) { shot(t, "A new assessment", "Your name") })

			p.send(tuitest.TypeText("Ada Lovelace")...)
			p.send(tuitest.Keys("enter")...)
			p.send(tuitest.TypeText("ada@example.org")...)
			p.send(tuitest.Keys("enter", "down", "space")...)
			t.Run("targets", func(t *testing.T) { shot(t, "Which companies", "[ ] DEPT®", "2 companies checked") })

			p.send(tuitest.Keys("enter")...)
			p.waitFor("skill 1 of 38") // the file is created first
			p.send(tuitest.Keys("j", "j", "j")...)
			t.Run("question", func(t *testing.T) { shot(t, "skill 1 of 38", "› ○ 3 Capable", "✓ saved") })

			p.send(tuitest.Keys("?")...)
			t.Run("help", func(t *testing.T) { shot(t, "fewer keys") })

			p.send(tuitest.Keys("?", "enter", "n")...)
			p.send(tuitest.TypeText("Built a CLI in Node.js for my thesis")...)
			p.send(tuitest.Keys("tab")...)
			p.send(tuitest.TypeText("https://github.com/ada/thesis-cli")...)
			t.Run("note", func(t *testing.T) { shot(t, "Note · JavaScript", "https://github.com/ada/thesis-cli") })

			p.send(tuitest.Keys("enter", "2", "enter", "/")...)
			p.send(tuitest.TypeText("data")...)
			t.Run("jump", func(t *testing.T) { shot(t, "/ data", "Data modelling", "✓ saved") })

			// Skip the rest: the review, with the unanswered marked.
			p.send(tuitest.Keys("esc")...)
			for range 36 {
				p.send(tuitest.Press("s"))
			}
			p.send(tuitest.Keys("up", "up")...)
			t.Run("review", func(t *testing.T) { shot(t, "Review your answers", "2 of 38 answered") })

			p.send(tuitest.Keys("f")...)
			t.Run("results", func(t *testing.T) { shot(t, "Your readiness", "Next steps", "✓ saved") })
		})
	}
}

// TestGoldenRealWorldQuestion draws the real-world rubric's first question
// at 80x24: seven levels of long French text that scroll, the selected
// level in view.
func TestGoldenRealWorldQuestion(t *testing.T) {
	r := realWorld(t)
	m := New(Options{Rubric: r, Store: newStore(t), Name: "Zoé", Companies: []string{r.Companies[0].ID}, Now: tuitest.FixedNow})
	p := startProgram(t, m, 80, 24)
	p.waitFor("skill 1 of 47")
	p.send(tuitest.Keys("5")...)
	golden.RequireEqual(t, p.waitFor("› ○ 5 Mentor/Évangéliste", "✓ saved"))
}
