// Command tui measures readycheck's interactive assessment in a real
// pseudo-terminal, side by side with a minimal Bubble Tea v2 list program:
// time from process start to the first question on screen, keypress-to-repaint
// latency (median and p95), bytes written per keypress, and peak memory.
//
//	go run ./bench/tui            # builds both programs, prints a Markdown table
//	go run ./bench/tui -keys 400 -size 120x40
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/creack/pty"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/sample"

	"github.com/readycheck/readycheck/bench/internal/peak"
)

func main() {
	keys := flag.Int("keys", 200, "selection moves measured per program")
	size := flag.String("size", "80x24", "terminal size, COLSxROWS")
	runs := flag.Int("runs", 5, "start-ups measured per program (the median is reported)")
	skills := flag.Int("skills", 2000, "skills in the generated rubric")
	reviews := flag.Int("review", 10000, "assessments in the folder the mentor's review list opens (0: skip)")
	flag.Parse()
	var cols, rows int
	if _, err := fmt.Sscanf(*size, "%dx%d", &cols, &rows); err != nil {
		fatal("bad -size %q: want COLSxROWS", *size)
	}

	dir, err := os.MkdirTemp("", "readycheck-bench-tui")
	check(err)
	defer os.RemoveAll(dir)
	readycheck := filepath.Join(dir, "readycheck")
	minimal := filepath.Join(dir, "minimal")
	build(readycheck, ".")
	build(minimal, "./bench/tui/minimal")
	big := filepath.Join(dir, "generated.yaml")
	check(os.WriteFile(big, sample.Rubric(*skills, 50, 1), 0o644))

	type program struct {
		name   string
		argv   []string
		marker string
	}
	data := func(name string) string { return filepath.Join(dir, "data-"+name) }
	programs := []program{
		{"minimal Bubble Tea v2 list (1,000 items)", []string{minimal, "-items", "1000"}, "Item 1"},
		{"readycheck, built-in rubric", []string{readycheck, "--data-dir", data("builtin"), "--name", "Bench Mark", "--company", "jpmorganchase"}, "skill 1 of"},
		{fmt.Sprintf("readycheck, generated rubric (%d skills)", *skills), []string{readycheck, "--data-dir", data("big"), "--rubric", big, "--name", "Bench Mark", "--company", "company-1"}, "skill 1 of"},
	}
	if *reviews > 0 {
		folder := filepath.Join(dir, "cohort")
		check(os.MkdirAll(folder, 0o755))
		small := sample.Rubric(200, 10, 2)
		smallPath := filepath.Join(dir, "cohort-rubric.yaml")
		check(os.WriteFile(smallPath, small, 0o644))
		r, problems := rubric.Parse(smallPath, small)
		check(problems.Err())
		check(sample.Assessments(r, *reviews, 2, func(i int, b []byte) error {
			return os.WriteFile(filepath.Join(folder, fmt.Sprintf("%05d.yaml", i+1)), b, 0o644)
		}))
		programs = append(programs, program{fmt.Sprintf("readycheck review, %d assessments (200 skills)", *reviews),
			[]string{readycheck, "review", folder, "--rubric", smallPath, "--reviewer", "Bench"}, "readycheck review"})
		reviewDone = termtext.PluralGrouped(*reviews, "assessment", "assessments")
	}
	fmt.Printf("Terminal %dx%d, %d selection moves, median of %d start-ups.\n\n", cols, rows, *keys, *runs)
	fmt.Println("| program | first frame | keypress→repaint median | p95 | bytes per keypress | peak memory |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, p := range programs {
		var starts []time.Duration
		var last result
		for i := 0; i < *runs; i++ {
			os.RemoveAll(data("builtin"))
			os.RemoveAll(data("big"))
			r := measure(p.argv, p.marker, cols, rows, *keys)
			starts = append(starts, r.firstFrame)
			last = r
		}
		sort.Slice(starts, func(i, j int) bool { return starts[i] < starts[j] })
		fmt.Printf("| %s | %s | %s | %s | %.0f | %.1f MiB |\n", p.name, ms(starts[len(starts)/2]),
			ms(percentile(last.latencies, 50)), ms(percentile(last.latencies, 95)), last.bytesPerKey, float64(last.maxRSS)/1024)
		if last.complete > 0 {
			fmt.Printf("|   (the list was complete, every file scored, after %s) | | | | | |\n", ms(last.complete))
		}
	}
}

// reviewDone is the review list's header once every file is read.
var reviewDone string

type result struct {
	firstFrame  time.Duration
	complete    time.Duration
	latencies   []time.Duration
	bytesPerKey float64
	maxRSS      int64 // KiB
}

// screen collects what the program writes, with the time of each chunk.
type screen struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	total  int
	last   time.Time
	notify chan struct{}
}

func (s *screen) read(r io.Reader) {
	b := make([]byte, 64<<10)
	for {
		n, err := r.Read(b)
		if n > 0 {
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.total += n
			s.last = time.Now()
			s.mu.Unlock()
			select {
			case s.notify <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

func (s *screen) snapshot() (string, int, time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String(), s.total, s.last
}

func measure(argv []string, marker string, cols, rows, keys int) result {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	check(err)
	defer f.Close()
	sc := &screen{notify: make(chan struct{}, 1)}
	go sc.read(f)

	var res result
	deadline := time.Now().Add(20 * time.Second)
	for {
		out, _, _ := sc.snapshot()
		if strings.Contains(out, marker) {
			res.firstFrame = time.Since(start)
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			fatal("%s: %q never appeared on screen; last output:\n%q", argv[0], marker, tail(out))
		}
		select {
		case <-sc.notify:
		case <-time.After(5 * time.Millisecond):
		}
	}
	quiet(sc, 150*time.Millisecond)

	_, before, _ := sc.snapshot()
	for i := 0; i < keys; i++ {
		key := "j"
		if i%2 == 1 {
			key = "k"
		}
		_, n0, _ := sc.snapshot()
		sent := time.Now()
		_, err := f.Write([]byte(key))
		check(err)
		for {
			select {
			case <-sc.notify:
			case <-time.After(2 * time.Second):
				fatal("%s: no repaint within 2s of a keypress", argv[0])
			}
			_, n, _ := sc.snapshot()
			if n > n0 {
				res.latencies = append(res.latencies, time.Since(sent))
				break
			}
		}
		quiet(sc, 25*time.Millisecond)
	}
	_, after, _ := sc.snapshot()
	res.bytesPerKey = float64(after-before) / float64(keys)
	if marker == "readycheck review" && reviewDone != "" {
		for time.Since(start) < 5*time.Minute {
			if out, _, _ := sc.snapshot(); strings.Contains(out, reviewDone) {
				res.complete = time.Since(start)
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	f.Write([]byte{3}) // ctrl+c
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		cmd.Process.Kill()
		<-done
	}
	res.maxRSS = peak.RSS(cmd.ProcessState)
	return res
}

// quiet waits until the program has written nothing for d.
func quiet(sc *screen, d time.Duration) {
	for {
		_, _, last := sc.snapshot()
		if wait := d - time.Since(last); wait > 0 {
			time.Sleep(wait)
			continue
		}
		return
	}
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (len(s) - 1) * p / 100
	return s[i]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func tail(s string) string {
	if len(s) > 600 {
		return s[len(s)-600:]
	}
	return s
}

func build(out, pkg string) {
	c := exec.Command("go", "build", "-o", out, pkg)
	c.Stdout, c.Stderr = os.Stdout, os.Stderr
	check(c.Run())
}

func check(err error) {
	if err != nil {
		fatal("%v", err)
	}
}

func fatal(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "bench/tui: "+format+"\n", a...)
	os.Exit(1)
}
