// Package serve hosts readycheck over SSH: candidates take the walk-through,
// mentors review, staff read the cohort report, each known by the public key
// that completed authentication.
package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2/ratelimiter"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/rubric"
)

// Config is what `readycheck serve` was started with.
type Config struct {
	// Listen is the address listened on; Address the machine's name as
	// people reach it (the host name when ""). Messages name the ssh
	// command to run with both.
	Listen, Address string
	// DataDir holds the host key (host_ed25519) and candidates/, a folder
	// per candidate's key.
	DataDir string
	// Rubric is the rubric every session uses; RubricFile is its file, ""
	// for the built-in one.
	Rubric     *rubric.Rubric
	RubricFile string
	// HostKey is a private key file to use instead of the one generated
	// in DataDir.
	HostKey string
	// Keys are the people let in.
	Keys *Keys
	// MaxSessions is the most sessions at once; the next is told the
	// server is full.
	MaxSessions int
	// Idle ends a session whose person typed nothing for that long;
	// MaxSession ends any session after that long. Answers are saved first.
	Idle, MaxSession time.Duration
	// Rate and Burst limit new sessions per client address: Rate a
	// second, with bursts of Burst (a class behind one address connects
	// at once).
	Rate  float64
	Burst int
	// Log receives one structured line per session and per problem: key
	// fingerprints, roles, commands and durations, never names or answers.
	Log *slog.Logger
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Server is a running readycheck SSH server.
type Server struct {
	cfg     Config
	ssh     *ssh.Server
	signer  gossh.Signer
	limiter ratelimiter.RateLimiter
	log     *slog.Logger
	// commands are what sessions may run (see commands).
	commands []command
	// addr is how people reach the server (address).
	addr string

	mu       sync.Mutex
	sessions map[*live]struct{}
	closing  bool
	done     sync.WaitGroup
}

// identityExt is the permissions extension that carries the key that
// completed authentication. Only the permissions of the key whose
// signature was checked reach the session: a key merely offered (a
// client tries several, and the callback sees each before any signature)
// never becomes the session's identity.
const identityExt = "readycheck-key"

// New prepares a server: the host key (generated on first start), the
// folders, and the SSH configuration. It listens nowhere yet: see Serve.
func New(cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 200
	}
	if cfg.Rate <= 0 {
		cfg.Rate, cfg.Burst = 1, 60
	}
	// candidates/ exists from the start, so that a mentor's review of a
	// server nobody has used yet is an empty list, not a missing folder.
	if err := os.MkdirAll(filepath.Join(cfg.DataDir, "candidates"), assessments.FolderMode); err != nil {
		return nil, fmt.Errorf("create data folder %s: %w", cfg.DataDir, err)
	}
	signer, err := hostKey(cfg.DataDir, cfg.HostKey)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:      cfg,
		signer:   signer,
		limiter:  ratelimiter.NewRateLimiter(rate.Limit(cfg.Rate), max(cfg.Burst, 1), 4096),
		log:      cfg.Log,
		sessions: map[*live]struct{}{},
		commands: commands(),
		addr:     addressOf(cfg),
	}
	cfg.Keys.reloadErr = func(err error) { s.log.Error("key file", "problem", err.Error()) }
	s.ssh = &ssh.Server{
		Handler:              s.handle,
		ServerConfigCallback: s.sshConfig,
		ChannelHandlers: map[string]ssh.ChannelHandler{
			"session":      ssh.DefaultSessionHandler,
			"direct-tcpip": refuseChannel,
		},
		SubsystemHandlers: map[string]ssh.SubsystemHandler{"default": s.refuseSubsystem},
		RequestHandlers:   map[string]ssh.RequestHandler{},
		HandshakeTimeout:  30 * time.Second,
		Version:           "readycheck",
	}
	s.ssh.AddHostKey(signer)
	return s, nil
}

// Fingerprint is the host key's SHA256 fingerprint, printed at start so
// that people can check it against what their ssh shows on first connect.
func (s *Server) Fingerprint() string { return gossh.FingerprintSHA256(s.signer.PublicKey()) }

// Serve accepts connections on l until Shutdown. It returns nil after a
// Shutdown, else the listener's error.
func (s *Server) Serve(l net.Listener) error {
	err := s.ssh.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections, tells every session that the
// server is restarting (each saves its answers and ends), and waits for
// them until ctx is done; then it closes what is left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	for l := range s.sessions {
		l.end(endRestart)
	}
	s.mu.Unlock()
	waited := make(chan struct{})
	go func() {
		s.done.Wait()
		close(waited)
	}()
	shutdown := make(chan error, 1)
	go func() { shutdown <- s.ssh.Shutdown(ctx) }()
	select {
	case <-waited:
	case <-ctx.Done():
	}
	err := s.ssh.Close()
	if errors.Is(err, ssh.ErrServerClosed) {
		err = nil
	}
	<-shutdown
	return err
}

// sshConfig is each connection's SSH configuration: public keys only (no
// password, no keyboard-interactive), and the key's identity kept in the
// permissions of the authentication that succeeds.
func (s *Server) sshConfig(ssh.Context) *gossh.ServerConfig {
	told := false
	return &gossh.ServerConfig{
		PublicKeyCallback: func(_ gossh.ConnMetadata, key gossh.PublicKey) (*gossh.Permissions, error) {
			if s.cfg.Keys.Lookup(key).Role == Nobody {
				s.log.Info("refused key", "key", gossh.FingerprintSHA256(key))
				if told {
					return nil, errUnknownKey
				}
				told = true
				return nil, &gossh.BannerError{Err: errUnknownKey, Message: "readycheck: key " + gossh.FingerprintSHA256(key) +
					" is not registered on this server. If no other key of yours is, send your public key file (for example ~/.ssh/id_ed25519.pub) to the career centre that runs it.\r\n"}
			}
			return &gossh.Permissions{Extensions: map[string]string{identityExt: base64.StdEncoding.EncodeToString(key.Marshal())}}, nil
		},
	}
}

var errUnknownKey = errors.New("public key not registered")

// identity is the person of the key that authenticated the session.
func (s *Server) identity(sess ssh.Session) (Person, error) {
	enc, ok := sess.Permissions().Extensions[identityExt]
	if !ok {
		return Person{}, errUnknownKey
	}
	raw, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		return Person{}, err
	}
	key, err := gossh.ParsePublicKey(raw)
	if err != nil {
		return Person{}, err
	}
	return s.cfg.Keys.Lookup(key), nil
}

// refuseChannel turns down port forwarding with a reason the client shows.
func refuseChannel(_ *ssh.Server, _ *gossh.ServerConn, ch gossh.NewChannel, _ ssh.Context) {
	_ = ch.Reject(gossh.Prohibited, "readycheck does not forward ports")
}

// hostKey reads the --host-key file, or the data folder's host_ed25519,
// generating it (mode 0600) on first start.
func hostKey(dataDir, path string) (gossh.Signer, error) {
	if path != "" {
		return readHostKey(path)
	}
	path = filepath.Join(dataDir, "host_ed25519")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return readHostKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("create host key %s: %w", path, err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err == nil {
		var block *pem.Block
		block, err = gossh.MarshalPrivateKey(priv, "readycheck host key")
		if err == nil {
			err = pem.Encode(f, block)
		}
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
		return nil, fmt.Errorf("create host key %s: %w", path, err)
	}
	return readHostKey(path)
}

// readHostKey reads a private key file that is a regular file, not a link.
func readHostKey(path string) (gossh.Signer, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, fmt.Errorf("read host key: %w", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("read host key %s: not a regular file (a link or a folder); pass the key file itself with --host-key", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("read host key %s: %w (an unencrypted private key such as ssh-keygen -t ed25519 -N '' writes is needed)", path, err)
	}
	return signer, nil
}
