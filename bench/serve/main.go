//go:build linux

// Command serve measures `readycheck serve` under load: candidates taking the
// walk-through over SSH at once, each an SSH client of its own (its own
// ed25519 key, a PTY, its own loopback address), against the server running
// as a child process so that its memory and CPU are its own.
//
// It runs one session alone, then -sessions at once. Every client walks the
// candidate screens (name, email, targets) to the first question, where the
// sessions sit untouched while the server's idle CPU and memory are read;
// then each answers every skill of the built-in rubric, one key every
// 100–500 ms (a level's digit, then enter), measuring keypress-to-repaint
// (the time from writing a key to the first bytes that arrive after it),
// and quits with q. Last, every saved assessment is read back and each
// client's answers looked for: one missing makes it exit 1.
//
// The clients share the machine with the server, and so does whatever else
// runs on it: each run prints the CPU the rest of the machine used while
// the sessions answered. The data folder is under $TMPDIR
// (TMPDIR=/dev/shm takes the disk out of the saves).
//
//	go run ./bench/serve                  # builds readycheck, 200 sessions
//	go run ./bench/serve -sessions 20     # a quick check
//	go run ./bench/serve -bin /tmp/readycheck -sessions 2000 -answer=false -census=false
//	GODEBUG=gctrace=1 go run ./bench/serve -log server.log -trace keys.csv -perf /tmp/serve
package main

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	crand "crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
)

// clockTicks is the unit of utime and stime in /proc/PID/stat (USER_HZ,
// 100 on every Linux architecture Go runs on).
const clockTicks = 100

// keyWait is how long a client waits for a repaint before it counts the
// key as unanswered by the screen and goes on.
const keyWait = 10 * time.Second

func main() {
	sessions := flag.Int("sessions", 200, "sessions at once in the load run")
	bin := flag.String("bin", "", "readycheck binary to serve (default: build it from this checkout)")
	seed := flag.Uint64("seed", 1, "seed of the keys' timing and the levels chosen")
	size := flag.String("size", "80x24", "each client's terminal, COLSxROWS")
	idle := flag.Duration("idle", 10*time.Second, "how long the sessions sit on a question, untouched, while the server's idle CPU is read")
	gapMin := flag.Duration("gap-min", 100*time.Millisecond, "shortest pause between a client's keys")
	gapMax := flag.Duration("gap-max", 500*time.Millisecond, "longest pause between a client's keys")
	perfOut := flag.String("perf", "", "also record the server's CPU with perf (perf record -g) into PREFIX-idle.data while the sessions sit idle and PREFIX-answering.data while they answer")
	flag.BoolVar(&answer, "answer", true, "answer the skills; with -answer=false the sessions quit after the idle measurement (for connection, memory and idle figures at large -sessions)")
	traceOut := flag.String("trace", "", "write every measured key of the N sessions to FILE as CSV: seconds since the server started (as GODEBUG=gctrace=1 counts), session, key, milliseconds to the repaint")
	keepLog := flag.String("log", "", "copy the server's log (its stderr: one line per session; GODEBUG=gctrace=1 goes there too) to FILE")
	census := flag.Bool("census", true, "then count the server's goroutines with no session and with -sessions idle ones (two more servers, each stopped by SIGQUIT for its goroutine dump)")
	flag.Parse()
	if _, err := fmt.Sscanf(*size, "%dx%d", &cols, &rows); err != nil {
		fatal("bad -size %q: want COLSxROWS", *size)
	}
	if *sessions < 1 || *gapMax < *gapMin {
		fatal("-sessions must be at least 1 and -gap-max at least -gap-min")
	}
	gaps = [2]time.Duration{*gapMin, *gapMax}

	var err error
	tmp, err = os.MkdirTemp("", "readycheck-bench-serve")
	check(err)
	defer cleanup()
	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-interrupted
		fatal("interrupted; the servers are stopped and %s removed", tmp)
	}()
	if *bin == "" {
		*bin = filepath.Join(tmp, "readycheck")
		c := exec.Command("go", "build", "-o", *bin, ".")
		c.Stdout, c.Stderr = os.Stdout, os.Stderr
		check(c.Run())
	}
	r, err := builtin.Rubric()
	check(err)
	skills = r.Skills()

	srv := startServer(*bin, "data", *sessions+10)
	time.Sleep(time.Second)
	fresh := srv.status()
	idle0 := srv.cpu(*idle)
	fds0 := srv.fds()

	// One session alone.
	var next atomic.Int32
	newClient := func() *client {
		i := int(next.Add(1))
		return &client{id: i, rng: rand.New(rand.NewPCG(*seed, uint64(i)))}
	}
	alone := newClient()
	alone.run(srv, nil, nil)
	if alone.err != nil {
		srv.stop()
		fatal("the session alone failed: %v\nserver log:\n%s", alone.err, srv.logTail())
	}

	// N at once.
	time.Sleep(2 * time.Second)
	before := srv.status()
	clients := make([]*client, *sessions)
	for i := range clients {
		clients[i] = newClient()
	}
	var ready, done sync.WaitGroup
	release := make(chan struct{})
	ready.Add(len(clients))
	done.Add(len(clients))
	for _, c := range clients {
		go func() {
			defer done.Done()
			c.run(srv, &ready, release)
		}()
	}
	ready.Wait()
	connected := 0
	for _, c := range clients {
		if c.err == nil {
			connected++
		}
	}
	time.Sleep(2 * time.Second)
	received0 := receivedBy(clients)
	perf := srv.perf(*perfOut, "idle")
	idleN := srv.cpu(*idle)
	perf()
	idleBytes := receivedBy(clients) - received0
	atIdle := srv.status()
	fdsN := srv.fds()
	load0 := loadavg()
	perf = srv.perf(*perfOut, "answering")
	var self0 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self0)
	busy0, machine0, start := srv.ticks(), machineTicks(), time.Now()
	sampled := make(chan threadSample)
	stopSampling := make(chan struct{})
	go srv.sampleThreads(stopSampling, sampled)
	close(release)
	done.Wait()
	close(stopSampling)
	threads := <-sampled
	busyN := float64(srv.ticks()-busy0) / clockTicks
	machineN := float64(machineTicks()-machine0) / clockTicks
	busyFor := time.Since(start)
	var self1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self1)
	load1 := loadavg()
	perf()
	final := srv.status()

	// Every answer kept, before the server is stopped (which would save
	// what a lingering session holds)?
	all := append([]*client{alone}, clients...)
	want, lost, problems := verify(srv.data, r, all)
	exit := srv.stop()
	if *keepLog != "" {
		b, err := os.ReadFile(srv.log)
		check(err)
		check(os.WriteFile(*keepLog, b, 0o644))
	}

	var censusLine string
	if *census {
		censusLine = goroutineCensus(*bin, *sessions, *seed)
	}

	if *traceOut != "" {
		var b bytes.Buffer
		b.WriteString("seconds,session,key,ms\n")
		for _, c := range clients {
			for i, l := range c.lat {
				fmt.Fprintf(&b, "%.3f,%d,%d,%.3f\n", c.sent[i].Sub(srv.started).Seconds(), c.id, i, float64(l.Microseconds())/1000)
			}
		}
		check(os.WriteFile(*traceOut, b.Bytes(), 0o644))
	}

	// The table.
	var failed []*client
	for _, c := range all {
		if c.err != nil {
			failed = append(failed, c)
		}
	}
	var lat, digits, enters []time.Duration
	var missed, keys int
	var bytesN int64
	for _, c := range clients {
		lat = append(lat, c.lat...)
		digits = append(digits, c.digits...)
		enters = append(enters, c.enters...)
		missed += c.missed
		keys += c.keys
		bytesN += c.answerBytes
	}
	var firsts []time.Duration
	for _, c := range clients {
		if c.firstQuestion > 0 {
			firsts = append(firsts, c.firstQuestion)
		}
	}
	n := *sessions
	perSession := float64(atIdle.rss-before.rss) / float64(n)
	idlePct := idleN * 100 / idle.Seconds()
	phase := "answering"
	if !answer {
		phase = "quitting"
	}
	fmt.Printf("readycheck serve --open as a child process; %d cores; clients on the same machine; %dx%d; one key every %s–%s; load average %s at the start of the %d sessions' %s, %s at its end.\n\n",
		runtime.NumCPU(), cols, rows, gaps[0], gaps[1], load0, n, phase, load1)
	if answer {
		fmt.Println("| run | sessions | keys | keypress→repaint median | p95 | p99 | max | bytes per key | keys without repaint |")
		fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
		fmt.Printf("| one session alone | 1 | %d | %s | %s | %s | %s | %.0f | %d |\n", alone.keys,
			ms(percentile(alone.lat, 50)), ms(percentile(alone.lat, 95)), ms(percentile(alone.lat, 99)), ms(percentile(alone.lat, 100)),
			float64(alone.answerBytes)/float64(max(alone.keys, 1)), alone.missed)
		fmt.Printf("| %d at once | %d | %d | %s | %s | %s | %s | %.0f | %d |\n", n, connected, keys,
			ms(percentile(lat, 50)), ms(percentile(lat, 95)), ms(percentile(lat, 99)), ms(percentile(lat, 100)),
			float64(bytesN)/float64(max(keys, 1)), missed)
		fmt.Printf("|   digits (the choice moves) | | %d | %s | %s | %s | %s | | |\n", len(digits),
			ms(percentile(digits, 50)), ms(percentile(digits, 95)), ms(percentile(digits, 99)), ms(percentile(digits, 100)))
		fmt.Printf("|   enters (confirm, save, next question) | | %d | %s | %s | %s | %s | | |\n", len(enters),
			ms(percentile(enters, 50)), ms(percentile(enters, 95)), ms(percentile(enters, 99)), ms(percentile(enters, 100)))
		fmt.Println()
	}
	fmt.Println("| server | figure |")
	fmt.Println("|---|---|")
	fmt.Printf("| sessions connected | %d of %d |\n", connected, n)
	fmt.Printf("| resident memory: just started / after the session alone / %d sessions idle | %s / %s / %s |\n", n, mib(fresh.rss), mib(before.rss), mib(atIdle.rss))
	fmt.Printf("| per session: (%d idle − none) / %d | **%.2f MiB** |\n", n, n, perSession/1024)
	fmt.Printf("| peak resident memory (VmHWM) | %s |\n", mib(final.hwm))
	fmt.Printf("| CPU, no session, %s | %.2f %% of one core |\n", *idle, idle0*100/idle.Seconds())
	fmt.Printf("| CPU, %d sessions idle on a question, %s | **%.2f %%** of one core (%d bytes reached the clients) |\n", n, *idle, idlePct, idleBytes)
	if answer {
		ticking := idleN / idle.Seconds() * busyFor.Seconds()
		fmt.Printf("| CPU while %d sessions answer | %.0f %% of one core over %.1f s; %.2f ms per key (%.2f ms without the idle sessions' rate) |\n", n,
			busyN*100/busyFor.Seconds(), busyFor.Seconds(), busyN*1000/float64(max(keys, 1)), (busyN-ticking)*1000/float64(max(keys, 1)))
		clientsCPU := cpuSecs(self1, self0)
		fmt.Printf("| the whole machine meanwhile: server / this program's clients / everything else | %.0f %% / %.0f %% / %.0f %% of one core (of %d) |\n",
			busyN*100/busyFor.Seconds(), clientsCPU*100/busyFor.Seconds(), (machineN-busyN-clientsCPU)*100/busyFor.Seconds(), runtime.NumCPU())
	}
	fmt.Printf("| first question on screen after connecting, %d at once: median / p95 / max | %s / %s / %s |\n", n,
		ms(percentile(firsts, 50)), ms(percentile(firsts, 95)), ms(percentile(firsts, 100)))
	fmt.Printf("| open files: no session / %d sessions idle | %s / %s |\n", n, fds0, fdsN)
	fmt.Printf("| threads: no session / %d sessions idle / most while they %s | %d / %d / %d |\n", n, map[bool]string{true: "answer", false: "quit"}[answer], fresh.threads, atIdle.threads, threads.most)
	if answer {
		fmt.Printf("| the server's threads waiting on the disk (state D) while they answer, sampled every 50 ms | %.1f on average, %d at most |\n", threads.diskMean, threads.diskMost)
	}
	if censusLine != "" {
		fmt.Printf("| goroutines: no session / %d sessions idle | %s |\n", n, censusLine)
	}
	fmt.Printf("| answers saved | **%d of %d** (%d lost) |\n", want-lost, want, lost)
	fmt.Printf("| server stopped by SIGTERM | %s |\n", exit)
	if l := srv.logProblems(); l != "" {
		fmt.Printf("| server log | %s |\n", l)
	}
	fmt.Println()
	p95 := percentile(lat, 95)
	fmt.Printf("Goals at %d sessions: ", n)
	if answer {
		fmt.Printf("p95 %s < 30 ms: %s; ", ms(p95), met(p95 < 30*time.Millisecond))
	}
	fmt.Printf("per session %.2f MiB < 2 MiB: %s; idle CPU %.2f %% < 5 %%: %s", perSession/1024, met(perSession < 2*1024), idlePct, met(idlePct < 5))
	if answer {
		fmt.Printf("; answers lost %d: %s", lost, met(lost == 0))
	}
	fmt.Println(".")

	bad := false
	var missedKeys []string
	for _, c := range all {
		missedKeys = append(missedKeys, c.missedKeys...)
	}
	if len(missedKeys) > 0 {
		fmt.Fprintf(os.Stderr, "bench/serve: %d keys brought no output within %s:\n", len(missedKeys), keyWait)
		for i, k := range missedKeys {
			if i == 10 {
				fmt.Fprintf(os.Stderr, "  … and %d more\n", len(missedKeys)-10)
				break
			}
			fmt.Fprintln(os.Stderr, "  "+k)
		}
	}
	if len(failed) > 0 {
		bad = true
		fmt.Fprintf(os.Stderr, "bench/serve: %d of %d sessions failed:\n", len(failed), len(all))
		for i, c := range failed {
			if i == 10 {
				fmt.Fprintf(os.Stderr, "  … and %d more\n", len(failed)-10)
				break
			}
			fmt.Fprintf(os.Stderr, "  session %d (%s): %v\n", c.id, c.ip, c.err)
		}
	}
	if lost > 0 || len(problems) > 0 {
		bad = true
		fmt.Fprintf(os.Stderr, "bench/serve: ANSWERS LOST: %d of %d answers are not in the saved assessments\n", lost, want)
		for i, p := range problems {
			if i == 20 {
				fmt.Fprintf(os.Stderr, "  … and %d more\n", len(problems)-20)
				break
			}
			fmt.Fprintln(os.Stderr, "  "+p)
		}
	}
	if bad {
		cleanup()
		os.Exit(1)
	}
}

var (
	cols, rows int
	gaps       [2]time.Duration
	skills     []*rubric.Skill
	tmp        string
	cleanups   []func()
	answer     bool
	cleanMu    sync.Mutex
)

func cleanup() {
	cleanMu.Lock()
	defer cleanMu.Unlock()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	cleanups = nil
	if tmp != "" {
		os.RemoveAll(tmp)
		tmp = ""
	}
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// server is `readycheck serve` running as a child process.
type server struct {
	cmd         *exec.Cmd
	pid         int
	addr        string
	fingerprint string
	data        string
	log         string
	exited      chan struct{}
	started     time.Time
}

// startServer starts `readycheck serve --open` on a free loopback port with
// a data folder of its own under tmp, and reads its address and host key
// from what it prints.
func startServer(bin, name string, maxSessions int, env ...string) *server {
	s := &server{data: filepath.Join(tmp, name), log: filepath.Join(tmp, name+".log"), exited: make(chan struct{})}
	logf, err := os.Create(s.log)
	check(err)
	s.cmd = exec.Command(bin, "serve", "--open", "--data-dir", s.data, "--listen", "127.0.0.1:0",
		"--max-sessions", strconv.Itoa(maxSessions), "--idle", "30m")
	s.cmd.Env = append(os.Environ(), env...)
	s.cmd.Stderr = logf
	out, err := s.cmd.StdoutPipe()
	check(err)
	check(s.cmd.Start())
	s.pid = s.cmd.Process.Pid
	s.started = time.Now()
	cleanMu.Lock()
	cleanups = append(cleanups, func() {
		select {
		case <-s.exited:
		default:
			s.cmd.Process.Kill()
		}
	})
	cleanMu.Unlock()
	lines := bufio.NewScanner(out)
	got := make(chan struct{})
	go func() {
		for lines.Scan() {
			l := lines.Text()
			if i := strings.LastIndex(l, " on "); strings.HasPrefix(l, "readycheck serving") && i > 0 {
				s.addr = l[i+len(" on "):]
			}
			if f, ok := strings.CutPrefix(l, "host key "); ok {
				s.fingerprint, _, _ = strings.Cut(f, ";")
			}
			if s.addr != "" && s.fingerprint != "" && got != nil {
				close(got)
				got = nil
			}
		}
		s.cmd.Wait()
		logf.Close()
		close(s.exited)
	}()
	select {
	case <-got:
	case <-s.exited:
		fatal("readycheck serve ended at start:\n%s", s.logTail())
	case <-time.After(20 * time.Second):
		fatal("readycheck serve printed no address and host key in 20 s:\n%s", s.logTail())
	}
	return s
}

// signal sends sig and waits up to 20 s for the server to exit, killing it
// after that; it reports whether it exited by itself.
func (s *server) signal(sig syscall.Signal) bool {
	s.cmd.Process.Signal(sig)
	select {
	case <-s.exited:
		return true
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
		return false
	}
}

// stop sends SIGTERM and says how the server ended.
func (s *server) stop() string {
	if !s.signal(syscall.SIGTERM) {
		return "**did not exit within 20 s; killed**"
	}
	if s.cmd.ProcessState.Success() {
		return "exit 0"
	}
	return "**" + s.cmd.ProcessState.String() + "**"
}

func (s *server) logTail() string {
	b, _ := os.ReadFile(s.log)
	if len(b) > 3000 {
		b = b[len(b)-3000:]
	}
	return string(b)
}

// logProblems counts the log's error lines and failed sessions.
func (s *server) logProblems() string {
	b, _ := os.ReadFile(s.log)
	var errs, failed, panics int
	var first string
	for _, l := range strings.Split(string(b), "\n") {
		bad := false
		if strings.Contains(l, "level=ERROR") {
			errs++
			bad = true
		}
		if strings.Contains(l, "msg=panic") {
			panics++
			bad = true
		}
		if strings.Contains(l, "msg=session ") && !strings.Contains(l, "status=0") {
			failed++
			bad = true
		}
		if bad && first == "" {
			first = l
		}
	}
	if errs+failed+panics == 0 {
		return ""
	}
	if len(first) > 300 {
		first = first[:300] + "…"
	}
	return fmt.Sprintf("**%d errors, %d panics, %d sessions ended with a status other than 0**; first: `%s`", errs, panics, failed, first)
}

type procStatus struct {
	rss, hwm int64 // KiB
	threads  int
}

func (s *server) status() procStatus {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.pid))
	check(err)
	var p procStatus
	for _, l := range strings.Split(string(b), "\n") {
		k, v, _ := strings.Cut(l, ":")
		f := strings.Fields(v)
		if len(f) == 0 {
			continue
		}
		n, _ := strconv.ParseInt(f[0], 10, 64)
		switch k {
		case "VmRSS":
			p.rss = n
		case "VmHWM":
			p.hwm = n
		case "Threads":
			p.threads = int(n)
		}
	}
	return p
}

// ticks is the server's user and system CPU time so far, in clock ticks.
func (s *server) ticks() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.pid))
	check(err)
	// The command's name, in brackets, may hold spaces; the fields after
	// it start with the state (field 3), so utime and stime (14 and 15)
	// are the 12th and 13th.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return u + st
}

// cpu is the CPU seconds the server uses over d.
func (s *server) cpu(d time.Duration) float64 {
	t0 := s.ticks()
	start := time.Now()
	time.Sleep(d)
	return float64(s.ticks()-t0) / clockTicks * d.Seconds() / time.Since(start).Seconds()
}

type threadSample struct {
	most, diskMost int
	diskMean       float64
}

// sampleThreads counts the server's threads, and those waiting
// uninterruptibly (in Linux's state D: the disk), every 50 ms until stop.
func (s *server) sampleThreads(stop chan struct{}, out chan threadSample) {
	var r threadSample
	var samples, disk int
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			if samples > 0 {
				r.diskMean = float64(disk) / float64(samples)
			}
			out <- r
			return
		case <-t.C:
		}
		dir := fmt.Sprintf("/proc/%d/task", s.pid)
		tasks, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		d := 0
		for _, task := range tasks {
			b, err := os.ReadFile(filepath.Join(dir, task.Name(), "stat"))
			if err != nil {
				continue
			}
			if f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:])); len(f) > 0 && f[0] == "D" {
				d++
			}
		}
		samples++
		disk += d
		r.most = max(r.most, len(tasks))
		r.diskMost = max(r.diskMost, d)
	}
}

// perf starts perf record on the server into PREFIX-phase.data, when
// prefix is set, and returns what stops it.
func (s *server) perf(prefix, phase string) func() {
	if prefix == "" {
		return func() {}
	}
	c := exec.Command("perf", "record", "-F", "499", "-g", "-p", strconv.Itoa(s.pid), "-o", prefix+"-"+phase+".data")
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	if err := c.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "bench/serve: perf: %v\n", err)
		return func() {}
	}
	return func() {
		c.Process.Signal(syscall.SIGINT)
		c.Wait()
	}
}

// machineTicks is the CPU time every process of the machine used so far
// (busy, not idle or waiting for the disk), in clock ticks.
func machineTicks() int64 {
	b, err := os.ReadFile("/proc/stat")
	check(err)
	line, _, _ := strings.Cut(string(b), "\n")
	var busy int64
	for i, f := range strings.Fields(line)[1:] {
		n, _ := strconv.ParseInt(f, 10, 64)
		if i != 3 && i != 4 && i < 8 { // idle, iowait; guest time is in user already
			busy += n
		}
	}
	return busy
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return f[0]
}

// fds counts the server's open files by kind: socket, pipe, anon_inode
// (epoll, eventfd), other (files, /dev/null, ptys).
func (s *server) fds() string {
	dir := fmt.Sprintf("/proc/%d/fd", s.pid)
	e, err := os.ReadDir(dir)
	check(err)
	kinds := map[string]int{}
	for _, f := range e {
		l, err := os.Readlink(filepath.Join(dir, f.Name()))
		if err != nil {
			continue
		}
		k, _, ok := strings.Cut(l, ":")
		if !ok || strings.HasPrefix(l, "/") {
			// A path, its numbers left out: /dev/pts/N.
			k = strings.TrimRight(l, "0123456789")
			switch {
			case l == s.log:
				k = "its log"
			case strings.HasPrefix(l, s.data):
				k = "*" + filepath.Ext(l) + " in the data folder"
			}
		}
		kinds[k]++
	}
	var parts []string
	for _, k := range []string{"socket", "pipe", "anon_inode"} {
		if kinds[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", kinds[k], k))
		}
		delete(kinds, k)
	}
	var others []string
	for k := range kinds {
		others = append(others, k)
	}
	sort.Strings(others)
	for _, k := range others {
		parts = append(parts, fmt.Sprintf("%d %s", kinds[k], k))
	}
	return fmt.Sprintf("%d (%s)", len(e), strings.Join(parts, ", "))
}

// client is one candidate's SSH session.
type client struct {
	id     int
	ip     net.IP
	rng    *rand.Rand
	fp     string
	name   string
	sc     *screen
	in     io.Writer
	levels map[string]int

	firstQuestion  time.Duration
	lat            []time.Duration
	digits, enters []time.Duration
	keys, missed   int
	sent           []time.Time // when each key in lat was written
	missedKeys     []string
	answerBytes    int64
	err            error
}

// screen is what a client receives, with the arrival of the first bytes
// after each measured key.
type screen struct {
	mu      sync.Mutex
	buf     []byte // since the last mark, at most 64 KiB of it
	total   int64
	pending time.Time // when the key waiting for its repaint was written
	lat     time.Duration
	notify  chan struct{}
	eof     chan struct{}
}

func (s *screen) read(r io.Reader) {
	b := make([]byte, 32<<10)
	for {
		n, err := r.Read(b)
		if n > 0 {
			now := time.Now()
			s.mu.Lock()
			s.buf = append(s.buf, b[:n]...)
			if len(s.buf) > 64<<10 {
				s.buf = append(s.buf[:0], s.buf[len(s.buf)-32<<10:]...)
			}
			s.total += int64(n)
			if !s.pending.IsZero() {
				s.lat = now.Sub(s.pending)
				s.pending = time.Time{}
			}
			s.mu.Unlock()
			select {
			case s.notify <- struct{}{}:
			default:
			}
		}
		if err != nil {
			close(s.eof)
			return
		}
	}
}

func (s *screen) received() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// waitFor waits until marker has arrived since the last mark, then marks.
func (s *screen) waitFor(marker string, timeout time.Duration) error {
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		found := bytes.Contains(s.buf, []byte(marker))
		if found {
			s.buf = s.buf[:0]
		}
		tail := string(s.buf)
		s.mu.Unlock()
		if found {
			return nil
		}
		select {
		case <-s.notify:
		case <-s.eof:
			return fmt.Errorf("the session ended before %q appeared; last output %q", marker, lastBytes(tail))
		case <-deadline:
			return fmt.Errorf("%q did not appear within %s; last output %q", marker, timeout, lastBytes(tail))
		}
	}
}

func receivedBy(cs []*client) int64 {
	var n int64
	for _, c := range cs {
		if c.sc != nil {
			n += c.sc.received()
		}
	}
	return n
}

// run is one candidate's session from connecting to quitting. With ready
// and release, it says when it is on the first question and waits there
// until release is closed.
func (c *client) run(srv *server, ready *sync.WaitGroup, release chan struct{}) {
	arrived := false
	defer func() {
		if ready != nil && !arrived {
			ready.Done()
		}
	}()
	// 127.0.0.1 is the server's; the clients start at 127.0.1.1, one
	// address each, so that the server's limit of new sessions per
	// address (a burst of 60, then 1 a second) does not apply.
	c.ip = net.IPv4(127, 0, byte(1+c.id/250), byte(1+c.id%250))
	c.name = fmt.Sprintf("Bench Candidate %04d", c.id)
	_, priv, err := ed25519.GenerateKey(crand.Reader)
	if err != nil {
		c.err = err
		return
	}
	signer, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		c.err = err
		return
	}
	c.fp = ssh.FingerprintSHA256(signer.PublicKey())

	start := time.Now()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: c.ip}, Timeout: 30 * time.Second}
	conn, err := d.Dial("tcp", srv.addr)
	if err != nil {
		c.err = fmt.Errorf("dial: %w", err)
		return
	}
	defer conn.Close()
	sconn, chans, reqs, err := ssh.NewClientConn(conn, srv.addr, &ssh.ClientConfig{
		User: "candidate",
		Auth: []ssh.AuthMethod{ssh.PublicKeys(signer)},
		HostKeyCallback: func(_ string, _ net.Addr, key ssh.PublicKey) error {
			if got := ssh.FingerprintSHA256(key); got != srv.fingerprint {
				return fmt.Errorf("host key %s, the server printed %s", got, srv.fingerprint)
			}
			return nil
		},
		Timeout: 30 * time.Second,
	})
	if err != nil {
		c.err = fmt.Errorf("handshake: %w", err)
		return
	}
	cl := ssh.NewClient(sconn, chans, reqs)
	defer cl.Close()
	sess, err := cl.NewSession()
	if err != nil {
		c.err = fmt.Errorf("session: %w", err)
		return
	}
	defer sess.Close()
	modes := ssh.TerminalModes{ssh.ECHO: 0, ssh.TTY_OP_ISPEED: 38400, ssh.TTY_OP_OSPEED: 38400}
	if err := sess.RequestPty("xterm-256color", rows, cols, modes); err != nil {
		c.err = fmt.Errorf("pty: %w", err)
		return
	}
	in, err := sess.StdinPipe()
	if err != nil {
		c.err = err
		return
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		c.err = err
		return
	}
	var stderr bytes.Buffer
	sess.Stderr = &stderr
	c.in = in
	c.sc = &screen{notify: make(chan struct{}, 1), eof: make(chan struct{})}
	go c.sc.read(out)
	if err := sess.Shell(); err != nil {
		c.err = fmt.Errorf("shell: %w", err)
		return
	}
	fail := func(step string, err error) {
		c.err = fmt.Errorf("%s: %w", step, err)
		if stderr.Len() > 0 {
			c.err = fmt.Errorf("%w; the server said %q", c.err, lastBytes(stderr.String()))
		}
	}

	// The candidate screens: name, email, the targets as they are.
	if err := c.sc.waitFor("Your name", time.Minute); err != nil {
		fail("candidate screen", err)
		return
	}
	if _, err := c.press(c.name + "\r"); err != nil {
		fail("name", err)
		return
	}
	time.Sleep(50 * time.Millisecond)
	if _, err := io.WriteString(in, fmt.Sprintf("c%04d@example.org\r", c.id)); err != nil {
		fail("email", err)
		return
	}
	if err := c.sc.waitFor("Which companies", time.Minute); err != nil {
		fail("targets screen", err)
		return
	}
	if _, err := io.WriteString(in, "\r"); err != nil {
		fail("targets", err)
		return
	}
	if err := c.sc.waitFor("skill 1 of", time.Minute); err != nil {
		fail("first question", err)
		return
	}
	c.firstQuestion = time.Since(start)
	if ready != nil {
		arrived = true
		ready.Done()
		<-release
	}

	// Every skill: a level's digit, then enter, a pause before each.
	c.levels = map[string]int{}
	before := c.sc.received()
	for i, s := range skills {
		if !answer {
			break
		}
		// From 1: the cursor starts on 0 (none), so every digit moves it
		// and repaints.
		level := 1 + c.rng.IntN(min(s.Scale.Top(), 9))
		c.pause()
		if err := c.key(strconv.Itoa(level), fmt.Sprintf("skill %d (%s)", i+1, s.ID)); err != nil {
			fail(fmt.Sprintf("skill %d", i+1), err)
			return
		}
		c.pause()
		if err := c.key("\r", fmt.Sprintf("skill %d (%s)", i+1, s.ID)); err != nil {
			fail(fmt.Sprintf("skill %d", i+1), err)
			return
		}
		c.levels[s.ID] = level
	}
	c.answerBytes = c.sc.received() - before
	c.pause()
	if _, err := io.WriteString(in, "q"); err != nil {
		fail("quit", err)
		return
	}
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	select {
	case err := <-ended:
		if err != nil {
			fail("session end", err)
		}
	case <-time.After(time.Minute):
		fail("quit", errors.New("the session did not end within a minute of q"))
	}
}

func (c *client) pause() {
	time.Sleep(gaps[0] + time.Duration(c.rng.Int64N(int64(gaps[1]-gaps[0])+1)))
}

// key writes a key and records how long its repaint took to start.
func (c *client) key(k, what string) error {
	sent := time.Now()
	lat, err := c.press(k)
	if err != nil {
		return err
	}
	c.keys++
	if lat < 0 {
		c.missed++
		c.missedKeys = append(c.missedKeys, fmt.Sprintf("session %d: %q at %s", c.id, k, what))
		return nil
	}
	c.lat = append(c.lat, lat)
	c.sent = append(c.sent, sent)
	if k == "\r" {
		c.enters = append(c.enters, lat)
	} else {
		c.digits = append(c.digits, lat)
	}
	return nil
}

// press writes k and waits for the first bytes after it: their delay, or
// -1 when none came within keyWait.
func (c *client) press(k string) (time.Duration, error) {
	s := c.sc
	s.mu.Lock()
	n0 := s.total
	s.lat = -1
	s.pending = time.Now()
	s.mu.Unlock()
	if _, err := io.WriteString(c.in, k); err != nil {
		return 0, err
	}
	deadline := time.After(keyWait)
	for {
		s.mu.Lock()
		got, lat := s.total > n0, s.lat
		if got {
			s.pending = time.Time{}
		}
		s.mu.Unlock()
		if got {
			return lat, nil
		}
		select {
		case <-s.notify:
		case <-s.eof:
			return 0, errors.New("the session ended")
		case <-deadline:
			s.mu.Lock()
			s.pending = time.Time{}
			s.mu.Unlock()
			return -1, nil
		}
	}
}

// verify reads every saved assessment and looks for each client's answers
// in the one in its key's folder.
func verify(data string, r *rubric.Rubric, cs []*client) (want, lost int, problems []string) {
	for _, c := range cs {
		if len(c.levels) == 0 {
			continue
		}
		want += len(c.levels)
		// The server's folder name for a key: its SHA256 fingerprint,
		// / and + made _ and -.
		folder := strings.NewReplacer("/", "_", "+", "-").Replace(strings.TrimPrefix(c.fp, "SHA256:"))
		files, _ := filepath.Glob(filepath.Join(data, "candidates", folder, "assessments", "*.yaml"))
		if len(files) != 1 {
			problems = append(problems, fmt.Sprintf("session %d: %d assessment files in candidates/%s/assessments, want 1", c.id, len(files), folder))
			if len(files) == 0 {
				lost += len(c.levels)
				continue
			}
		}
		a, err := assessments.LoadFile(files[0])
		if err == nil {
			err = a.Check(r).Err()
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("session %d: %v", c.id, err))
			lost += len(c.levels)
			continue
		}
		if a.Candidate.Name != c.name {
			problems = append(problems, fmt.Sprintf("session %d: the file's candidate is %q, want %q", c.id, a.Candidate.Name, c.name))
		}
		for id, level := range c.levels {
			if ans := a.Answers[id]; ans == nil || ans.Level != level {
				lost++
				got := "nothing"
				if ans != nil {
					got = fmt.Sprintf("level %d", ans.Level)
				}
				problems = append(problems, fmt.Sprintf("session %d: %s answered %d, the file has %s", c.id, id, level, got))
			}
		}
	}
	return want, lost, problems
}

// goroutineCensus counts the goroutines of two fresh servers from their
// dumps on SIGQUIT: one with no session, one with n sessions sitting on
// the first question.
func goroutineCensus(bin string, n int, seed uint64) string {
	count := func(s *server) int {
		s.signal(syscall.SIGQUIT)
		b, _ := os.ReadFile(s.log)
		return bytes.Count(b, []byte("\ngoroutine "))
	}
	empty := startServer(bin, "census0", n+10, "GOTRACEBACK=all")
	time.Sleep(time.Second)
	g0 := count(empty)

	srv := startServer(bin, "census", n+10, "GOTRACEBACK=all")
	var ready, done sync.WaitGroup
	release := make(chan struct{})
	ready.Add(n)
	done.Add(n)
	for i := range n {
		c := &client{id: 1000 + i, rng: rand.New(rand.NewPCG(seed, uint64(1000+i)))}
		go func() {
			defer done.Done()
			c.run(srv, &ready, release)
		}()
	}
	ready.Wait()
	time.Sleep(time.Second)
	gn := count(srv)
	close(release)
	done.Wait()
	return fmt.Sprintf("%d / %d (%.1f a session)", g0, gn, float64(gn-g0)/float64(n))
}

func cpuSecs(a, b syscall.Rusage) float64 {
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(a.Utime) + tv(a.Stime) - tv(b.Utime) - tv(b.Stime)
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[(len(s)-1)*p/100]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mib(kib int64) string { return fmt.Sprintf("%.1f MiB", float64(kib)/1024) }

func lastBytes(s string) string {
	if len(s) > 300 {
		return s[len(s)-300:]
	}
	return s
}

func check(err error) {
	if err != nil {
		fatal("%v", err)
	}
}

func fatal(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "bench/serve: "+format+"\n", a...)
	cleanup()
	os.Exit(1)
}
