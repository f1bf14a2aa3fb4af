package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/termtest"
	"github.com/readycheck/readycheck/internal/testshared"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/scorecard"
)

// person is a test client's key pair and its authorized_keys line.
type person struct {
	signer gossh.Signer
	line   string
}

func newPerson(t testing.TB, name string) person {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
	if name != "" {
		line += " " + name
	}
	return person{signer: signer, line: line}
}

func (p person) fingerprint() string { return gossh.FingerprintSHA256(p.signer.PublicKey()) }

// writeKeys writes people's keys into a file in dir and returns its path.
func writeKeys(t testing.TB, dir, name string, people ...person) string {
	t.Helper()
	var b strings.Builder
	for _, p := range people {
		b.WriteString(p.line + "\n")
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// testServer is a server on a random loopback port, with its log.
type testServer struct {
	*Server
	addr string
	log  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start serves cfg (the built-in rubric and a temporary data folder when
// unset) until the test ends.
func start(t testing.TB, cfg Config) *testServer {
	t.Helper()
	if cfg.Rubric == nil {
		r, err := builtin.Rubric()
		if err != nil {
			t.Fatal(err)
		}
		cfg.Rubric = r
	}
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	logs := &syncBuffer{}
	cfg.Log = slog.New(slog.NewTextHandler(logs, nil))
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	return &testServer{Server: srv, addr: l.Addr().String(), log: logs}
}

// dial connects with the given authentication methods.
func (ts *testServer) dial(t testing.TB, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	t.Helper()
	return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User:            "candidate",
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(ts.signer.PublicKey()),
		Timeout:         5 * time.Second,
	})
}

// connect dials as p and fails the test when that is refused.
func (ts *testServer) connect(t testing.TB, p person) *gossh.Client {
	t.Helper()
	c, err := ts.dial(t, gossh.PublicKeys(p.signer))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// result is what a command printed and its exit status.
type result struct {
	stdout, stderr string
	status         int
}

// exec runs command on a new session of c without a terminal.
func exec(t testing.TB, c *gossh.Client, command string, setup ...func(*gossh.Session)) result {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	for _, f := range setup {
		f(sess)
	}
	if command == "" {
		err = sess.Shell()
		if err == nil {
			err = sess.Wait()
		}
	} else {
		err = sess.Run(command)
	}
	res := result{stdout: out.String(), stderr: errOut.String()}
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		res.status = exit.ExitStatus()
	case err != nil:
		t.Fatalf("%q: %v", command, err)
	}
	return res
}

func (r result) refused(t testing.TB, want string) {
	t.Helper()
	if r.status != 1 {
		t.Errorf("exit status %d, want 1 (stderr %q)", r.status, r.stderr)
	}
	if !strings.Contains(r.stderr, want) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
		t.Errorf("stderr %q, want one line with %q", r.stderr, want)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q, want nothing", r.stdout)
	}
}

// people is a server's cast: a candidate, a mentor and a staff member,
// each in their file.
type people struct{ candidate, mentor, staff person }

func cast(t testing.TB, cfg *Config) people {
	t.Helper()
	dir := t.TempDir()
	p := people{newPerson(t, ""), newPerson(t, "Grace Hopper"), newPerson(t, "Alan Turing")}
	keys, err := NewKeys(writeKeys(t, dir, "candidates.keys", p.candidate), writeKeys(t, dir, "mentors.keys", p.mentor), writeKeys(t, dir, "staff.keys", p.staff), cfg.Keys != nil && cfg.Keys.open)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Keys = keys
	return p
}

func TestPasswordIsRefused(t *testing.T) {
	var cfg Config
	cast(t, &cfg)
	ts := start(t, cfg)
	_, err := ts.dial(t, gossh.Password("secret"))
	if err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("password: %v, want refused", err)
	}
	_, err = ts.dial(t, gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil }))
	if err == nil {
		t.Fatal("keyboard-interactive let in")
	}
}

func TestUnknownKeyIsRefusedWithItsFingerprint(t *testing.T) {
	var cfg Config
	cast(t, &cfg)
	ts := start(t, cfg)
	stranger := newPerson(t, "")
	var banner string
	_, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(stranger.signer)},
		HostKeyCallback: gossh.FixedHostKey(ts.signer.PublicKey()),
		BannerCallback:  func(m string) error { banner += m; return nil },
	})
	if err == nil {
		t.Fatal("an unknown key was let in")
	}
	if !strings.Contains(banner, stranger.fingerprint()+" is not registered") {
		t.Errorf("banner %q, want the key's fingerprint and why", banner)
	}
	if !strings.Contains(ts.log.String(), "refused key") {
		t.Errorf("log %q, want the refusal", ts.log.String())
	}
}

func TestOpenLetsAnyKeyInAsCandidate(t *testing.T) {
	cfg := Config{Keys: &Keys{open: true}}
	p := cast(t, &cfg)
	ts := start(t, cfg)
	stranger := newPerson(t, "")
	res := exec(t, ts.connect(t, stranger), "help")
	if res.status != 0 || !strings.Contains(res.stdout, stranger.fingerprint()+" is a candidate's") {
		t.Fatalf("help: %+v", res)
	}
	res = exec(t, ts.connect(t, p.mentor), "help")
	if !strings.Contains(res.stdout, "is a mentor's") {
		t.Errorf("a mentor on an open server: %+v", res)
	}
}

// offerOnly is a key a client offers without holding its private half:
// the server's callback accepts the offer, and the "signature" that
// follows is of a kind the server turns down before checking it, so that
// the client goes on to its next key on the same connection.
type offerOnly struct{ pub gossh.PublicKey }

func (o offerOnly) PublicKey() gossh.PublicKey { return o.pub }
func (o offerOnly) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	return &gossh.Signature{Format: gossh.KeyAlgoRSASHA256, Blob: make([]byte, 64)}, nil
}

// A client that offers a mentor's public key first, and then signs in
// with its own, is itself: the key that completed authentication is the
// identity, never one merely offered (CVE-2026-24058's mistake).
func TestIdentityIsTheKeyThatAuthenticated(t *testing.T) {
	var cfg Config
	p := cast(t, &cfg)
	ts := start(t, cfg)
	c, err := ts.dial(t, gossh.PublicKeys(offerOnly{p.mentor.signer.PublicKey()}, p.candidate.signer))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer c.Close()
	res := exec(t, c, "help")
	if !strings.Contains(res.stdout, p.candidate.fingerprint()+" is a candidate's") {
		t.Fatalf("help: %+v, want the candidate's own key", res)
	}
	exec(t, c, "review").refused(t, "review is for mentors and staff")
	exec(t, c, "report").refused(t, "report is for staff")
}

func TestRefusals(t *testing.T) {
	var cfg Config
	p := cast(t, &cfg)
	ts := start(t, cfg)
	cand := ts.connect(t, p.candidate)
	for _, tc := range []struct{ command, want string }{
		{"sh", `unknown command "sh"; as a candidate you can run: assess, export, score`},
		{"scp -t /etc", `unknown command "scp"`},
		{"review", "review is for mentors and staff"},
		{"report --format csv", "report is for staff"},
		{"assess", "assess needs a terminal: connect with ssh -t"},
		{"score --out /tmp/x", "score: unknown flag: --out"},
		{"score other.yaml", "score takes no file or other argument"},
		{"score --format pdf", `unknown --format "pdf"`},
		{"export", "you have no assessment on this server yet"},
	} {
		t.Run(tc.command, func(t *testing.T) { exec(t, cand, tc.command).refused(t, tc.want) })
	}
	t.Run("shell without a terminal", func(t *testing.T) {
		exec(t, cand, "").refused(t, "assess needs a terminal")
	})
	mentor := ts.connect(t, p.mentor)
	t.Run("mentor asks for report", func(t *testing.T) {
		exec(t, mentor, "report").refused(t, "report is for staff; as a mentor you can run: review")
	})
	t.Run("mentor asks for assess", func(t *testing.T) {
		exec(t, mentor, "assess").refused(t, "assess is for candidates")
	})
	t.Run("sftp", func(t *testing.T) {
		sess, err := cand.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer sess.Close()
		errPipe, err := sess.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestSubsystem("sftp"); err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(errPipe)
		if !strings.Contains(string(msg), "readycheck offers no sftp") {
			t.Errorf("sftp: %q", msg)
		}
	})
	t.Run("port forwarding", func(t *testing.T) {
		_, err := cand.Dial("tcp", "127.0.0.1:22")
		if err == nil || !strings.Contains(err.Error(), "readycheck does not forward ports") {
			t.Errorf("forwarding: %v", err)
		}
		if _, err := cand.Listen("tcp", "127.0.0.1:0"); err == nil {
			t.Error("remote forwarding was accepted")
		}
	})
	t.Run("agent forwarding", func(t *testing.T) {
		// A connection asks for its agent once, for all its sessions.
		exec(t, ts.connect(t, p.candidate), "help", func(s *gossh.Session) {
			if ok, err := s.SendRequest("auth-agent-req@openssh.com", true, nil); err != nil || !ok {
				t.Fatalf("agent request: %v %v", ok, err)
			}
		}).refused(t, "readycheck does not take a forwarded agent")
	})
	t.Run("environment", func(t *testing.T) {
		exec(t, cand, "help", func(s *gossh.Session) {
			if err := s.Setenv("LD_PRELOAD", "/tmp/x.so"); err != nil {
				t.Fatal(err)
			}
		}).refused(t, "readycheck does not take the environment variable LD_PRELOAD")
		res := exec(t, cand, "help", func(s *gossh.Session) {
			for _, kv := range [][2]string{{"LANG", "nl_NL.UTF-8"}, {"LC_CTYPE", "UTF-8"}, {"NO_COLOR", "1"}} {
				if err := s.Setenv(kv[0], kv[1]); err != nil {
					t.Fatal(err)
				}
			}
		})
		if res.status != 0 {
			t.Errorf("LANG, LC_CTYPE, NO_COLOR: %+v", res)
		}
	})
}

func TestFullServerSaysSo(t *testing.T) {
	cfg := Config{MaxSessions: 1}
	p := cast(t, &cfg)
	ts := start(t, cfg)
	c := ts.connect(t, p.candidate)
	hold, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	stdin, _ := hold.StdinPipe()
	defer stdin.Close()
	if err := hold.Start("assess --accessible"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return ts.active() == 1 })
	exec(t, ts.connect(t, p.mentor), "help").refused(t, "the server is full, try again in a minute")
}

// active counts the sessions running.
func (s *Server) active() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

func waitFor(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A key added to the mentors' file lets its person in as a mentor without
// a restart; a key removed stops working; a file broken while edited lets
// nobody in by it.
func TestKeyFilesAreReadAgain(t *testing.T) {
	dir := t.TempDir()
	cand, newMentor := newPerson(t, ""), newPerson(t, "Ada Lovelace")
	mentors := writeKeys(t, dir, "mentors.keys")
	keys, err := NewKeys(writeKeys(t, dir, "candidates.keys", cand), mentors, "", false)
	if err != nil {
		t.Fatal(err)
	}
	ts := start(t, Config{Keys: keys})
	if _, err := ts.dial(t, gossh.PublicKeys(newMentor.signer)); err == nil {
		t.Fatal("a key in no file was let in")
	}
	writeKeys(t, dir, "mentors.keys", newMentor)
	if res := exec(t, ts.connect(t, newMentor), "help"); !strings.Contains(res.stdout, "is a mentor's") {
		t.Fatalf("after adding: %+v", res)
	}
	if err := os.WriteFile(mentors, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.dial(t, gossh.PublicKeys(newMentor.signer)); err == nil {
		t.Fatal("a broken file still let its old key in")
	}
	if !strings.Contains(ts.log.String(), "mentors.keys:1: not a public key") {
		t.Errorf("log %q, want the broken line", ts.log.String())
	}
}

func TestKeyFileProblemsNameTheLine(t *testing.T) {
	dir := t.TempDir()
	m := newPerson(t, "")
	for _, tc := range []struct{ content, want string }{
		{"# mentors\n\nssh-ed25519 AAAAnotbase64\n", "m.keys:3: not a public key"},
		{m.line + "\n", "m.keys:1: a mentor's key needs the person's name after it"},
	} {
		path := filepath.Join(dir, "m.keys")
		if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := NewKeys("", path, "", false)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.content, err, tc.want)
		}
	}
}

// screen is a session under ssh -t, its output drawn by the terminal
// emulator the end-to-end tests use, so that tests read what the person
// sees.
type screen struct {
	*termtest.Screen
	t     testing.TB
	sess  *gossh.Session
	stdin io.WriteCloser
	// done is closed when the session ended; status is its exit status.
	done   chan struct{}
	status int
}

// terminal starts command ("" for none) on a new session of c with an
// 80×24 xterm.
func terminal(t testing.TB, c *gossh.Client, command string, env ...string) *screen {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(env); i += 2 {
		if err := sess.Setenv(env[i], env[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	sc := &screen{Screen: termtest.New(80, 24), t: t, sess: sess, done: make(chan struct{})}
	sc.stdin, _ = sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	sess.Stderr = sc
	// The emulator answers the program's queries as a terminal would.
	go func() { _, _ = io.Copy(sc.stdin, sc.Screen) }()
	read := make(chan struct{})
	go func() {
		defer close(read)
		_, _ = io.Copy(sc, out)
	}()
	if command == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(command)
	}
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		err := sess.Wait()
		<-read
		var exit *gossh.ExitError
		if errors.As(err, &exit) {
			sc.status = exit.ExitStatus()
		}
		close(sc.done)
	}()
	t.Cleanup(func() { _ = sess.Close() })
	return sc
}

func (sc *screen) text() string { return sc.Text() }

// waitFor waits until text is on the screen.
func (sc *screen) waitFor(text string) {
	sc.t.Helper()
	sc.WaitFor(sc.t, text)
}

func (sc *screen) send(keys ...string) {
	sc.t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(sc.stdin, k); err != nil {
			sc.t.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// exit waits for the session to end and returns its status.
func (sc *screen) exit() int {
	sc.t.Helper()
	select {
	case <-sc.done:
	case <-time.After(10 * time.Second):
		sc.t.Fatalf("the session did not end; the screen:\n%s", sc.text())
	}
	return sc.status
}

// answer answers the skills from..to-1 of the built-in rubric on a
// question screen: level 2 (or the top when lower), then enter.
func answer(sc *screen, from, to int) {
	sc.t.Helper()
	r, _ := builtin.Rubric()
	for i, s := range r.Skills()[from:to] {
		sc.waitFor(fmt.Sprintf("skill %d of 38", from+i+1))
		sc.send(fmt.Sprint(min(2, s.Scale.Top())), "\r")
	}
}

// savedFiles are a candidate's assessment files on the server.
func (ts *testServer) savedFiles(t testing.TB, p person) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(ts.cfg.DataDir, "candidates", folderName(p.fingerprint()), "assessments", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A candidate takes the whole built-in assessment over ssh -t, in two
// sittings: the second connection resumes where the first stopped. The
// saved file scores as `readycheck score` scores it, and export prints
// its report.
func TestCandidateTakesTheAssessmentOverSSH(t *testing.T) {
	cfg := Config{Keys: &Keys{open: true}}
	cast(t, &cfg)
	ts := start(t, cfg)
	ada := newPerson(t, "")

	sc := terminal(t, ts.connect(t, ada), "", "NO_COLOR", "1")
	sc.waitFor("Your name")
	sc.send("Ada Lovelace", "\r", "\r")
	sc.waitFor("Which companies")
	sc.send("\r")
	answer(sc, 0, 10)
	sc.waitFor("10/38 answered")
	sc.send("q")
	if code := sc.exit(); code != 0 {
		t.Fatalf("exit status %d; the screen:\n%s", code, sc.text())
	}
	if !strings.Contains(sc.text(), "Your answers are saved. To pick up where you left off: ssh -t") {
		t.Errorf("the last words:\n%s", sc.text())
	}

	sc = terminal(t, ts.connect(t, ada), "")
	sc.waitFor("Resume Ada Lovelace · 10/38 answered")
	sc.send("\r")
	answer(sc, 10, 38)
	sc.waitFor("Review your answers")
	sc.send("f")
	sc.waitFor("Your readiness")
	sc.send("e")
	sc.waitFor("Your report, in Markdown: ssh")
	sc.send("q")
	if code := sc.exit(); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	if !strings.Contains(sc.text(), "Your assessment is complete and saved") {
		t.Errorf("the last words:\n%s", sc.text())
	}

	files := ts.savedFiles(t, ada)
	if len(files) != 1 {
		t.Fatalf("saved: %v", files)
	}
	a, err := assessments.LoadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != assessments.Complete || a.Answered() != 38 || a.Candidate.Name != "Ada Lovelace" {
		t.Fatalf("saved: %s, %d answered, %q", a.Status, a.Answered(), a.Candidate.Name)
	}
	card, err := scorecard.New(a, ts.cfg.Rubric, nil)
	if err != nil {
		t.Fatal(err)
	}
	card.AnswerCommand = "ssh -t " + ts.address()
	want, err := card.JSON()
	if err != nil {
		t.Fatal(err)
	}
	res := exec(t, ts.connect(t, ada), "score --format json")
	if res.status != 0 || res.stdout != string(want) {
		t.Errorf("score --format json: status %d\n%s\nwant\n%s", res.status, res.stdout, want)
	}
	res = exec(t, ts.connect(t, ada), "export")
	if res.status != 0 || !strings.HasPrefix(res.stdout, "# ") || !strings.Contains(res.stdout, "Ada Lovelace") {
		t.Errorf("export: %+v", res)
	}
	// The log says who by key, never by name, and no answer.
	log := ts.log.String()
	if !strings.Contains(log, "key="+ada.fingerprint()) || strings.Contains(log, "Ada") || strings.Contains(log, "Lovelace") {
		t.Errorf("log:\n%s", log)
	}
}

// takeAccessible has p take the whole built-in assessment as line
// prompts without a terminal (ssh HOST assess --accessible), as name,
// DEPT® only, level 1 everywhere, and returns what the session printed.
func (ts *testServer) takeAccessible(t testing.TB, p person, name string) result {
	t.Helper()
	return exec(t, ts.connect(t, p), "assess --accessible", func(s *gossh.Session) {
		s.Stdin = strings.NewReader(name + "\n\n2\n" + strings.Repeat("1\n", 38) + "f\n")
	})
}

// A mentor reviews a candidate's assessment over ssh -t, signed with the
// name of their key; staff fetch the cohort's CSV report; the review of
// a file a candidate has open gets the lock's message.
func TestMentorAndStaffOverSSH(t *testing.T) {
	var cfg Config
	p := cast(t, &cfg)
	ts := start(t, cfg)
	// Ada answers five skills and stops: her answers are saved.
	res := exec(t, ts.connect(t, p.candidate), "assess --accessible", func(s *gossh.Session) {
		s.Stdin = strings.NewReader("Ada Lovelace\n\n2\n" + strings.Repeat("1\n", 5))
	})
	if res.status != 0 || !strings.Contains(res.stdout, "Your answers so far are saved") {
		t.Fatalf("accessible: %+v", res)
	}

	sc := terminal(t, ts.connect(t, p.mentor), "review", "NO_COLOR", "1")
	sc.waitFor("Ada Lovelace")
	sc.send("\r")
	sc.waitFor("Programming languages")
	sc.send("\x1b[C") // →: the mentor rates one level higher
	sc.waitFor("✓ saved")
	sc.send("q")
	if code := sc.exit(); code != 0 {
		t.Fatalf("review: exit status %d:\n%s", code, sc.text())
	}
	if !strings.Contains(sc.text(), "Your reviews of 1 assessment are saved.") {
		t.Errorf("the last words:\n%s", sc.text())
	}
	files := ts.savedFiles(t, p.candidate)
	a, err := assessments.LoadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Reviews) != 1 || a.Reviews[0].Reviewer.Name != "Grace Hopper" {
		t.Fatalf("reviews: %+v", a.Reviews)
	}

	res = exec(t, ts.connect(t, p.staff), "report --format csv")
	if res.status != 0 || !strings.HasPrefix(res.stdout, "name,file,status,updated,company,readiness,verdict,met,unmet,blocked_by\n") || !strings.Contains(res.stdout, "Ada Lovelace,") {
		t.Errorf("report: %+v", res)
	}
	res = exec(t, ts.connect(t, p.staff), "report --format csv --anonymize")
	if strings.Contains(res.stdout, "Ada") || !strings.Contains(res.stdout, "Candidate 1") {
		t.Errorf("anonymized: %+v", res)
	}
	exec(t, ts.connect(t, p.staff), "report --out /tmp/r.html").refused(t, "report: unknown flag: --out")
	exec(t, ts.connect(t, p.staff), "report --company acme").refused(t, "report: --company: unknown company")

	// The candidate takes their assessment up again while the mentor opens it.
	cand := terminal(t, ts.connect(t, p.candidate), "")
	cand.waitFor("Resume Ada Lovelace")
	cand.send("\r")
	cand.waitFor("skill 6 of 38")
	sc = terminal(t, ts.connect(t, p.mentor), "review", "NO_COLOR", "1")
	sc.waitFor("Ada Lovelace")
	sc.send("\r")
	sc.waitFor("open in another readycheck")
}

// A second connection of the same candidate to the assessment open in
// the first is told, in words that mean something to them.
func TestSecondSessionOfOneAssessment(t *testing.T) {
	cfg := Config{Keys: &Keys{open: true}}
	ts := start(t, cfg)
	ada := newPerson(t, "")
	first := terminal(t, ts.connect(t, ada), "")
	first.waitFor("Your name")
	first.send("Ada", "\r", "\r")
	first.waitFor("Which companies")
	first.send("\r")
	answer(first, 0, 1)
	first.waitFor("1/38 answered")
	second := terminal(t, ts.connect(t, ada), "")
	second.waitFor("Resume Ada")
	second.send("\r")
	second.waitFor("this assessment is open in another session")
	if strings.Contains(second.text(), ts.cfg.DataDir) {
		t.Errorf("the server's path is shown:\n%s", second.text())
	}
}

// No candidate reaches another's files: names that look like paths stay
// file names in the candidate's own folder, two candidates of one name
// keep two files, and links planted in a folder are not followed.
func TestCandidatesAreIsolated(t *testing.T) {
	cfg := Config{Keys: &Keys{open: true}}
	ts := start(t, cfg)
	names := []string{"../x", "/", "Ada", "Ada"}
	people := make([]person, len(names))
	for i, name := range names {
		people[i] = newPerson(t, "")
		if res := ts.takeAccessible(t, people[i], name); res.status != 0 {
			t.Fatalf("%q: %+v", name, res)
		}
	}
	for i, p := range people {
		files := ts.savedFiles(t, p)
		if len(files) != 1 {
			t.Fatalf("%q: files %v", names[i], files)
		}
		a, err := assessments.LoadFile(files[0])
		if err != nil || a.Candidate.Name != names[i] {
			t.Fatalf("%q: %v %+v", names[i], err, a)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(ts.cfg.DataDir, "candidates"))
	if len(entries) != len(people) {
		t.Errorf("folders: %v", entries)
	}

	// A link in Ada's folder to the other Ada's file: export reads only
	// Ada's own, and her walk-through does not list the other.
	adaDir := filepath.Dir(ts.savedFiles(t, people[2])[0])
	other := ts.savedFiles(t, people[3])[0]
	if err := os.Symlink(other, filepath.Join(adaDir, "zz-other.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	before, _ := os.ReadFile(other)
	res := exec(t, ts.connect(t, people[2]), "score --format json")
	if res.status != 0 || !strings.Contains(res.stdout, filepath.Base(ts.savedFiles(t, people[2])[0])) && !strings.Contains(res.stdout, `"name": "Ada"`) {
		t.Errorf("score: %+v", res)
	}
	after, _ := os.ReadFile(other)
	if !bytes.Equal(before, after) {
		t.Error("the other candidate's file changed")
	}

	// A candidate folder replaced by a link to another's is refused.
	victim := filepath.Join(ts.cfg.DataDir, "candidates", folderName(people[3].fingerprint()))
	evil := filepath.Join(ts.cfg.DataDir, "candidates", folderName(people[0].fingerprint()))
	if err := os.RemoveAll(evil); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, evil); err != nil {
		t.Fatal(err)
	}
	exec(t, ts.connect(t, people[0]), "assess --accessible", func(s *gossh.Session) {
		s.Stdin = strings.NewReader("Mallory\n\n2\n1\n")
	}).refused(t, "your folder on the server could not be opened")
	if files := ts.savedFiles(t, people[3]); len(files) != 1 {
		t.Errorf("the victim's folder: %v", files)
	}
}

// answers counts the answered skills of a candidate's only file.
func (ts *testServer) answers(t testing.TB, p person) int {
	t.Helper()
	files := ts.savedFiles(t, p)
	if len(files) != 1 {
		t.Fatalf("files: %v", files)
	}
	a, err := assessments.LoadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return a.Answered()
}

// startAssessment connects p under ssh -t and answers n skills.
func (ts *testServer) startAssessment(t testing.TB, c *gossh.Client, n int) *screen {
	t.Helper()
	sc := terminal(t, c, "")
	sc.waitFor("Your name")
	sc.send("Ada", "\r", "\r")
	sc.waitFor("Which companies")
	sc.send("\r")
	answer(sc, 0, n)
	sc.waitFor(fmt.Sprintf("%d/38 answered", n))
	return sc
}

// A client that vanishes mid-assessment loses no confirmed answer.
func TestClientKilledLosesNoAnswer(t *testing.T) {
	ts := start(t, Config{Keys: &Keys{open: true}})
	ada := newPerson(t, "")
	c, err := ts.dial(t, gossh.PublicKeys(ada.signer))
	if err != nil {
		t.Fatal(err)
	}
	sc := ts.startAssessment(t, c, 4)
	sc.send("3") // chosen, not confirmed
	c.Close()
	waitFor(t, func() bool { return ts.active() == 0 })
	if n := ts.answers(t, ada); n != 4 {
		t.Errorf("%d answers saved, want 4", n)
	}
}

// An idle session ends with its answers saved, and says so.
func TestIdleSessionEndsSaved(t *testing.T) {
	ts := start(t, Config{Keys: &Keys{open: true}, Idle: 300 * time.Millisecond})
	ada := newPerson(t, "")
	c := ts.connect(t, ada)
	sc := ts.startAssessment(t, c, 2)
	if code := sc.exit(); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	sc.waitFor("no key pressed for 300ms, so the session ended; your answers are")
	if n := ts.answers(t, ada); n != 2 {
		t.Errorf("%d answers saved, want 2", n)
	}
	if !strings.Contains(ts.log.String(), "ended=idle") {
		t.Errorf("log: %s", ts.log.String())
	}
	// Line prompts end too.
	res := exec(t, ts.connect(t, newPerson(t, "")), "assess --accessible", func(s *gossh.Session) {
		pr, _ := io.Pipe() // typed nothing, never closed
		s.Stdin = pr
	})
	if res.status != 1 || !strings.Contains(res.stderr, "no key pressed for 300ms, so the session ended; nothing had been saved yet.") {
		t.Errorf("accessible: %+v", res)
	}
}

// A session lasts at most MaxSession.
func TestLongestSession(t *testing.T) {
	ts := start(t, Config{Keys: &Keys{open: true}, MaxSession: 800 * time.Millisecond})
	sc := terminal(t, ts.connect(t, newPerson(t, "")), "")
	sc.waitFor("Your name")
	sc.send("Ada")
	if code := sc.exit(); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	sc.waitFor("sessions last at most 800ms, so this one ended; nothing had been")
}

// Shutting down tells every session, which saves and ends; the server
// then takes no new one.
func TestShutdownTellsSessions(t *testing.T) {
	ts := start(t, Config{Keys: &Keys{open: true}})
	ada := newPerson(t, "")
	sc := ts.startAssessment(t, ts.connect(t, ada), 3)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := ts.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if code := sc.exit(); code != 1 {
		t.Errorf("exit status %d", code)
	}
	sc.waitFor("the server is restarting, so the session ended; your answers are")
	if n := ts.answers(t, ada); n != 3 {
		t.Errorf("%d answers saved, want 3", n)
	}
	if _, err := ts.dial(t, gossh.PublicKeys(ada.signer)); err == nil {
		t.Error("a connection after shutdown")
	}
}

// Under ssh -t, line prompts are typed on a raw terminal: the server
// echoes, erases and ends lines, so a screen-reader user takes the
// assessment as locally.
func TestAccessibleUnderATerminal(t *testing.T) {
	ts := start(t, Config{Keys: &Keys{open: true}})
	ada := newPerson(t, "")
	sc := terminal(t, ts.connect(t, ada), "assess --accessible")
	sc.waitFor("Your name:")
	sc.send("Adz", "\x7f", "a", "\r")
	sc.waitFor("Your name: Ada\n")
	sc.send("\r")
	sc.waitFor("Which are you aiming at?")
	sc.send("2\r")
	for range 3 {
		sc.send("1\r")
	}
	sc.send("\x04") // ctrl+d: the end of input
	if code := sc.exit(); code != 0 {
		t.Fatalf("exit status %d:\n%s", code, sc.text())
	}
	if !strings.Contains(strings.ReplaceAll(sc.text(), "\n", ""), "pick up where you left off: ssh "+ts.address()+" assess --accessible") {
		t.Errorf("the last words:\n%s", sc.text())
	}
	a, err := assessments.LoadFile(ts.savedFiles(t, ada)[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Candidate.Name != "Ada" || a.Answered() != 3 {
		t.Errorf("saved %q with %d answers", a.Candidate.Name, a.Answered())
	}
}

// The host key is made once, private to its owner, and kept: a restart
// shows the same fingerprint. --host-key uses a given one; a link is
// refused.
func TestHostKey(t *testing.T) {
	dir := t.TempDir()
	keys := &Keys{open: true}
	first, err := New(Config{DataDir: dir, Keys: keys})
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, "host_ed25519"))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", info.Mode().Perm())
	}
	again, err := New(Config{DataDir: dir, Keys: keys})
	if err != nil || again.Fingerprint() != first.Fingerprint() {
		t.Fatalf("restart: %v, %s then %s", err, first.Fingerprint(), again.Fingerprint())
	}
	given, err := New(Config{DataDir: t.TempDir(), HostKey: filepath.Join(dir, "host_ed25519"), Keys: keys})
	if err != nil || given.Fingerprint() != first.Fingerprint() {
		t.Fatalf("--host-key: %v", err)
	}
	link := filepath.Join(t.TempDir(), "key")
	if err := os.Symlink(filepath.Join(dir, "host_ed25519"), link); err != nil {
		t.Skip(err)
	}
	if _, err := New(Config{DataDir: t.TempDir(), HostKey: link, Keys: keys}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a link as host key: %v", err)
	}
}

// A key in several files has the highest role; a staff member's name is
// the comment of their staff line.
func TestHighestRole(t *testing.T) {
	dir := t.TempDir()
	p := newPerson(t, "Grace Hopper")
	keys, err := NewKeys(writeKeys(t, dir, "c.keys", p), writeKeys(t, dir, "m.keys", p), writeKeys(t, dir, "s.keys", p), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := keys.Lookup(p.signer.PublicKey()); got.Role != Staff || got.Name != "Grace Hopper" || got.Fingerprint != p.fingerprint() {
		t.Errorf("%+v", got)
	}
	if got := keys.Lookup(newPerson(t, "").signer.PublicKey()); got.Role != Nobody {
		t.Errorf("a stranger: %+v", got)
	}
}

// A mentor on a server nobody has used yet sees an empty list.
func TestReviewOfAnEmptyServer(t *testing.T) {
	var cfg Config
	p := cast(t, &cfg)
	ts := start(t, cfg)
	sc := terminal(t, ts.connect(t, p.mentor), "", "NO_COLOR", "1")
	sc.waitFor("No assessment to show.")
	sc.send("q")
	if code := sc.exit(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// The real-world rubric (47 skills, seven levels, French text) served:
// a candidate takes it under ssh -t, staff read the report.
func TestServeRealWorldRubric(t *testing.T) {
	r, problems := rubric.LoadFile(testshared.Path(t, "realworld/data-skills-matrix.yaml"))
	if problems != nil {
		t.Fatal(problems)
	}
	cfg := Config{Rubric: r, Keys: &Keys{open: true}}
	p := cast(t, &cfg)
	ts := start(t, cfg)
	sc := terminal(t, ts.connect(t, p.candidate), "", "NO_COLOR", "1")
	sc.waitFor("Your name")
	sc.send("Élodie Durand", "\r", "\r")
	sc.waitFor("Which companies")
	sc.send("\r")
	n := len(r.Skills())
	for i := range n {
		sc.waitFor(fmt.Sprintf("skill %d of %d", i+1, n))
		sc.send("3", "\r")
	}
	sc.waitFor("Review your answers")
	sc.send("f")
	sc.waitFor("Your readiness")
	sc.send("q")
	if code := sc.exit(); code != 0 {
		t.Fatalf("exit status %d:\n%s", code, sc.text())
	}
	res := exec(t, ts.connect(t, p.staff), "report --format json")
	if res.status != 0 || !strings.Contains(res.stdout, "Élodie Durand") {
		t.Errorf("report: %+v", res)
	}
}

// The line-prompt face meets the lock in the same words as the screen.
func TestSecondSessionOfOneAssessmentAccessible(t *testing.T) {
	ts := start(t, Config{Keys: &Keys{open: true}})
	ada := newPerson(t, "")
	ts.startAssessment(t, ts.connect(t, ada), 1)
	res := exec(t, ts.connect(t, ada), "assess --accessible", func(s *gossh.Session) {
		s.Stdin = strings.NewReader("1\n")
	})
	if !strings.Contains(res.stdout+res.stderr, "this assessment is open in another session") || strings.Contains(res.stdout+res.stderr, ts.cfg.DataDir) {
		t.Errorf("%+v", res)
	}
}

// A bug that panics ends its own session only, with a line for its
// person and the stack in the log; the server goes on.
func TestPanicEndsOnlyItsSession(t *testing.T) {
	ts := start(t, Config{Keys: &Keys{open: true}})
	ts.commands = append(ts.commands, command{name: "boom", role: Candidate, run: func(*Server, ssh.Session, Person, *live, []string) int {
		panic("a bug")
	}})
	ada := newPerson(t, "")
	res := exec(t, ts.connect(t, ada), "boom")
	if res.status != 1 || !strings.Contains(res.stderr, "something went wrong on the server") {
		t.Errorf("%+v", res)
	}
	if log := ts.log.String(); !strings.Contains(log, "msg=panic") || !strings.Contains(log, "a bug") {
		t.Errorf("log: %s", log)
	}
	if res := exec(t, ts.connect(t, ada), "help"); res.status != 0 {
		t.Errorf("after the panic: %+v", res)
	}
}

// A note being typed when the client vanishes is kept, as a closed
// terminal's is locally.
func TestVanishedClientKeepsTypedNote(t *testing.T) {
	ts := start(t, Config{Keys: &Keys{open: true}})
	ada := newPerson(t, "")
	c, err := ts.dial(t, gossh.PublicKeys(ada.signer))
	if err != nil {
		t.Fatal(err)
	}
	sc := ts.startAssessment(t, c, 1)
	sc.send("n")
	sc.waitFor("ctrl+s save")
	sc.send("half a thought")
	sc.waitFor("half a thought")
	c.Close()
	waitFor(t, func() bool { return ts.active() == 0 })
	a, err := assessments.LoadFile(ts.savedFiles(t, ada)[0])
	if err != nil {
		t.Fatal(err)
	}
	r, _ := builtin.Rubric()
	if note := a.Answers[r.Skills()[1].ID]; note == nil || note.Note != "half a thought" {
		t.Errorf("the note typed: %+v", note)
	}
}

// A mentor's comment being typed when the client vanishes is kept too.
func TestVanishedMentorKeepsTypedComment(t *testing.T) {
	var cfg Config
	p := cast(t, &cfg)
	ts := start(t, cfg)
	if res := ts.takeAccessible(t, p.candidate, "Ada Lovelace"); res.status != 0 {
		t.Fatalf("%+v", res)
	}
	c, err := ts.dial(t, gossh.PublicKeys(p.mentor.signer))
	if err != nil {
		t.Fatal(err)
	}
	sc := terminal(t, c, "review", "NO_COLOR", "1")
	sc.waitFor("Ada Lovelace")
	sc.send("\r")
	sc.waitFor("Programming languages")
	sc.send("\r")
	sc.waitFor("Your comment")
	sc.send("strong in tests")
	sc.waitFor("strong in tests")
	c.Close()
	waitFor(t, func() bool { return ts.active() == 0 })
	a, err := assessments.LoadFile(ts.savedFiles(t, p.candidate)[0])
	if err != nil {
		t.Fatal(err)
	}
	r, _ := builtin.Rubric()
	if len(a.Reviews) != 1 || a.Reviews[0].Ratings[r.Skills()[0].ID] == nil || a.Reviews[0].Ratings[r.Skills()[0].ID].Comment != "strong in tests" {
		t.Errorf("reviews: %+v", a.Reviews)
	}
}
