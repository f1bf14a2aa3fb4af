package serve

import (
	"fmt"
	"io"
	"net"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
)

// Why a session was ended by the server rather than by its person.
const (
	endIdle    = "idle"
	endMax     = "max-session"
	endRestart = "restart"
	// endGone: the client went away (closed, killed, network lost).
	endGone = "disconnected"
)

// live is one session as the server sees it: when its person last typed,
// and the signal that ends it early (idle, too long, a restart).
type live struct {
	stop   chan struct{}
	once   sync.Once
	reason atomic.Value // string, set once by end
	// last is when input last arrived, in Unix nanoseconds.
	last atomic.Int64
}

func newLive(now time.Time) *live {
	l := &live{stop: make(chan struct{})}
	l.last.Store(now.UnixNano())
	return l
}

// end asks the session's program to save and stop, for reason.
func (l *live) end(reason string) {
	l.once.Do(func() {
		l.reason.Store(reason)
		close(l.stop)
	})
}

// ended is why the server ended the session, or "".
func (l *live) ended() string {
	r, _ := l.reason.Load().(string)
	return r
}

// input is the session's input, noting when each key arrives so that an
// idle session can be told apart from one whose person is thinking.
type input struct {
	r io.Reader
	l *live
}

func (in input) Read(p []byte) (int, error) {
	n, err := in.r.Read(p)
	if n > 0 {
		in.l.last.Store(time.Now().UnixNano())
	}
	return n, err
}

// allowedEnv are the environment variables a client may send; LC_* are
// ignored rather than refused, as OpenSSH on macOS and Debian sends them
// by default (SendEnv LANG LC_*).
var allowedEnv = []string{"TERM", "COLORTERM", "NO_COLOR", "LANG"}

// handle runs one session: who it is, whether it may start, the command,
// and one log line when it ends.
func (s *Server) handle(sess ssh.Session) {
	start := s.cfg.Now()
	p, err := s.identity(sess)
	if err != nil || p.Role == Nobody {
		// The key was taken out of its file since the connection began.
		s.refuse(sess, "your key is not registered on this server any more; ask the career centre that runs it")
		return
	}
	name := commandName(sess)
	log := s.log.With("key", p.Fingerprint, "role", p.Role.String(), "command", name, "from", host(sess.RemoteAddr()))
	l, why := s.begin(start)
	if why != "" {
		log.Info("session refused", "reason", why)
		s.refuse(sess, why)
		return
	}
	defer s.finish(l)
	status := 1
	defer func() {
		if r := recover(); r != nil {
			// A bug ends its own session only; the program's caller has
			// saved what it could on the way out.
			log.Error("panic", "value", fmt.Sprint(r), "stack", string(debug.Stack()))
			fmt.Fprintln(sess.Stderr(), "readycheck: something went wrong on the server; what you confirmed is saved. Connect again to go on.")
		}
		log.Info("session", "status", status, "duration", s.cfg.Now().Sub(start).Round(time.Millisecond).String(), "ended", l.ended())
		_ = sess.Exit(status)
	}()
	go s.watch(l)
	go func() {
		select {
		case <-sess.Context().Done():
			l.end(endGone)
		case <-l.stop:
		}
	}()
	status = s.run(sess, p, l)
}

// begin registers a session, or says why it may not start.
func (s *Server) begin(now time.Time) (*live, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closing:
		return nil, "the server is restarting; try again in a minute"
	case len(s.sessions) >= s.cfg.MaxSessions:
		return nil, "the server is full, try again in a minute"
	}
	l := newLive(now)
	s.sessions[l] = struct{}{}
	s.done.Add(1)
	return l, ""
}

func (s *Server) finish(l *live) {
	l.end("")
	s.mu.Lock()
	delete(s.sessions, l)
	s.mu.Unlock()
	s.done.Done()
}

// watch ends the session when its person has typed nothing for the idle
// time, or when it has lasted the longest a session may.
func (s *Server) watch(l *live) {
	started := time.Now()
	tick := time.Second
	if s.cfg.Idle > 0 && s.cfg.Idle < 10*time.Second {
		tick = s.cfg.Idle / 10
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case now := <-t.C:
			switch {
			case s.cfg.MaxSession > 0 && now.Sub(started) >= s.cfg.MaxSession:
				l.end(endMax)
			case s.cfg.Idle > 0 && now.Sub(time.Unix(0, l.last.Load())) >= s.cfg.Idle:
				l.end(endIdle)
			}
		}
	}
}

// endedLine is what a session ended by the server tells its person;
// saved says whether anything of theirs was saved.
func (s *Server) endedLine(reason string, saved bool) string {
	var why string
	switch reason {
	case endIdle:
		why = fmt.Sprintf("no key pressed for %s, so the session ended", s.cfg.Idle)
	case endMax:
		why = fmt.Sprintf("sessions last at most %s, so this one ended", s.cfg.MaxSession)
	case endRestart:
		why = "the server is restarting, so the session ended"
	default:
		why = "the session ended"
	}
	if !saved {
		return "readycheck: " + why + "; nothing had been saved yet."
	}
	return "readycheck: " + why + "; your answers are saved. Connect again to go on."
}

// checkSession refuses what a session may not bring: an agent to forward,
// environment variables other than the terminal's and the language.
func checkSession(sess ssh.Session) string {
	if ssh.AgentRequested(sess) {
		return "readycheck does not take a forwarded agent; connect without one (ssh -a)"
	}
	for _, kv := range sess.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if slices.Contains(allowedEnv, k) || strings.HasPrefix(k, "LC_") {
			continue
		}
		return fmt.Sprintf("readycheck does not take the environment variable %s; only %s are accepted (see SendEnv and SetEnv in your ssh config)", cleanWord(k), strings.Join(allowedEnv, ", "))
	}
	return ""
}

// refuse ends a session with one line on its error stream and status 1.
func (s *Server) refuse(sess ssh.Session, why string) {
	fmt.Fprintln(sess.Stderr(), "readycheck: "+strings.TrimPrefix(why, "readycheck: "))
	_ = sess.Exit(1)
}

// refuseSubsystem turns down sftp and every other subsystem.
func (s *Server) refuseSubsystem(sess ssh.Session) {
	p, _ := s.identity(sess)
	s.log.Info("session refused", "key", p.Fingerprint, "role", p.Role.String(), "subsystem", cleanWord(sess.Subsystem()), "from", host(sess.RemoteAddr()))
	s.refuse(sess, fmt.Sprintf("readycheck offers no %s (no file transfer, no subsystems); connect with ssh -t and this server's address", cleanWord(sess.Subsystem())))
}

// commandName is the session's command word for logs: "" for none.
func commandName(sess ssh.Session) string {
	if c := sess.Command(); len(c) > 0 {
		return cleanWord(c[0])
	}
	return ""
}

// cleanWord is a client's word as logs and messages may show it: printable
// ASCII, at most 40 characters.
func cleanWord(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 40 {
			b.WriteString("…")
			break
		}
		if r > ' ' && r < 0x7f {
			b.WriteRune(r)
		} else {
			b.WriteRune('?')
		}
	}
	return b.String()
}

func host(a net.Addr) string {
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}
