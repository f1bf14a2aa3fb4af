package cmd

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/serve"
)

// shutdownWait is how long a stopping server waits for its sessions to
// save and end.
const shutdownWait = 10 * time.Second

func newServeCmd() *cobra.Command {
	var o struct {
		listen, dataDir, rubric, hostKey, address string
		candidates, mentors, staff                string
		open                                      bool
		maxSessions                               int
		idle, maxSession                          time.Duration
	}
	c := &cobra.Command{
		Use:   "serve",
		Short: "Host readycheck over SSH for a whole cohort",
		Long: `Serve the walk-through, the review and the cohort report over SSH, so that
people need only an SSH client: ssh -t HOST takes an assessment.

People are known by their public keys alone (no passwords). --candidates,
--mentors and --staff name files in authorized_keys format, one key a line;
the comment after a mentor's or staff member's key is their name. A key in
several files has the highest role; the files are read again when they
change. --open lets any key in as a candidate.

Candidates: ssh -t HOST (the walk-through; their answers are kept in a folder
of their own, named after their key), ssh HOST export (their latest report in
Markdown), ssh HOST score --format json. Mentors and staff: ssh -t HOST review.
Staff: ssh HOST report --format csv (text, markdown, csv, json, html;
--anonymize; --company ID).

The host key is generated on first start in the data folder (host_ed25519)
and its fingerprint printed, for people to check on first connect. SIGTERM or
ctrl+c tells every session the server is restarting, waits up to 10 seconds
for them to save, and exits 0.`,
		Example: `  readycheck serve --open --mentors mentors.keys --staff staff.keys
  readycheck serve --candidates class-2027.keys --mentors mentors.keys \
      --data-dir /var/lib/readycheck --listen :2222
  ssh -t -p 23234 readycheck.example.edu`,
		Args: args(cobra.NoArgs),
		RunE: func(c *cobra.Command, _ []string) error {
			if o.candidates == "" && !o.open && o.mentors == "" && o.staff == "" {
				return usageError(errors.New("nobody could connect: pass --candidates KEYS or --open, and --mentors KEYS and --staff KEYS"))
			}
			if o.maxSessions < 1 {
				return usageError(fmt.Errorf("--max-sessions %d: at least 1 is needed", o.maxSessions))
			}
			r, err := loadRubric(o.rubric)
			if err != nil {
				return err
			}
			keys, err := serve.NewKeys(o.candidates, o.mentors, o.staff, o.open)
			if err != nil {
				return err
			}
			dataDir := o.dataDir
			if dataDir == "" {
				dataDir = filepath.Join(assessments.DataDir(""), "serve")
			}
			srv, err := serve.New(serve.Config{
				Listen: o.listen, Address: o.address, DataDir: dataDir, Rubric: r, RubricFile: o.rubric,
				HostKey: o.hostKey, Keys: keys, MaxSessions: o.maxSessions, Idle: o.idle, MaxSession: o.maxSession,
				Log: slog.New(slog.NewTextHandler(stderr, nil)),
			})
			if err != nil {
				return err
			}
			l, err := net.Listen("tcp", o.listen)
			if err != nil {
				return err
			}
			out := c.OutOrStdout()
			fmt.Fprintf(out, "readycheck serving rubric %q on %s\n", r.ID, l.Addr())
			fmt.Fprintf(out, "host key %s; people can check it against what ssh shows on first connect\n", srv.Fingerprint())
			for _, line := range keys.Summary() {
				fmt.Fprintln(out, line)
			}
			fmt.Fprintln(out, "ctrl+c or SIGTERM stops it: sessions are told and their answers saved")
			return serveUntilSignal(srv, l)
		},
	}
	f := c.Flags()
	f.StringVar(&o.listen, "listen", ":23234", "the ADDR (host:port) to listen on")
	f.StringVar(&o.dataDir, "data-dir", "", "FOLDER for the host key and the candidates' assessments (default: readycheck's data folder's serve/)")
	f.StringVar(&o.rubric, "rubric", "", "rubric FILE every session uses (default: the built-in rubric)")
	f.StringVar(&o.hostKey, "host-key", "", "private key FILE to use as the host key instead of the generated one")
	f.StringVar(&o.address, "address", "", "the server's NAME as people reach it, for the commands messages show (default: the host name)")
	f.StringVar(&o.candidates, "candidates", "", "candidates' public KEYS (authorized_keys format)")
	f.StringVar(&o.mentors, "mentors", "", "mentors' public KEYS; the comment is the mentor's name")
	f.StringVar(&o.staff, "staff", "", "staff's public KEYS; the comment is the person's name")
	f.BoolVar(&o.open, "open", false, "let any public key in as a candidate")
	f.IntVar(&o.maxSessions, "max-sessions", 200, "the most sessions at once; the next is told to try again")
	f.DurationVar(&o.idle, "idle", 30*time.Minute, "end a session after this long without a key pressed (answers saved first)")
	f.DurationVar(&o.maxSession, "max-session", 4*time.Hour, "end any session after this long (answers saved first)")
	return c
}

// serveUntilSignal serves until SIGINT or SIGTERM, then shuts down.
func serveUntilSignal(srv *serve.Server, l net.Listener) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "readycheck: stopping; telling every session and waiting for their answers to be saved")
	wait, cancel := context.WithTimeout(context.Background(), shutdownWait)
	defer cancel()
	if err := srv.Shutdown(wait); err != nil {
		return err
	}
	return <-served
}
