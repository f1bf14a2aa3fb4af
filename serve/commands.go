package serve

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"charm.land/ssh"
	"github.com/spf13/pflag"

	"github.com/readycheck/readycheck/cohortview"
	"github.com/readycheck/readycheck/internal/palette"
	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/scorecard"
)

// command is one thing a person may ask of the server.
type command struct {
	name string
	// role is the lowest role that may run it.
	role Role
	// only limits it to that one role (assess is for candidates alone).
	only bool
	// terminal says the command needs ssh -t, unless accessible.
	terminal bool
	// what it does, for the list of commands a refusal shows.
	what string
	run  func(s *Server, sess ssh.Session, p Person, l *live, args []string) int
}

// commands are everything the server does; anything else is refused.
func commands() []command {
	return []command{
		{name: "assess", role: Candidate, only: true, terminal: true, what: "take or resume your assessment (the default; --accessible for line prompts)", run: (*Server).assess},
		{name: "export", role: Candidate, only: true, what: "print your latest assessment's report in Markdown", run: (*Server).export},
		{name: "score", role: Candidate, only: true, what: "print your latest assessment's readiness (--format text|json|markdown, --company ID)", run: (*Server).score},
		{name: "review", role: Mentor, terminal: true, what: "review the candidates' assessments (the default; --accessible for line prompts)", run: (*Server).review},
		{name: "report", role: Staff, what: "print the cohort report (--format text|markdown|csv|json|html, --anonymize, --company ID)", run: (*Server).report},
		{name: "help", role: Candidate, what: "list what you can run", run: (*Server).help},
	}
}

// run finds the session's command and runs it if the person may: with no
// command, a candidate takes the walk-through and a mentor or staff
// reviews.
func (s *Server) run(sess ssh.Session, p Person, l *live) int {
	if why := checkSession(sess); why != "" {
		s.refuse(sess, why)
		return 1
	}
	if err := s.limiter.Allow(sess); err != nil {
		s.refuse(sess, "too many connections from your address; try again in a minute")
		return 1
	}
	args := sess.Command()
	if len(args) == 0 {
		args = []string{"assess"}
		if p.Role >= Mentor {
			args = []string{"review"}
		}
	}
	c, ok := s.command(args[0])
	if !ok {
		s.refuse(sess, fmt.Sprintf("unknown command %q; %s", cleanWord(args[0]), s.yours(p)))
		return 1
	}
	if p.Role < c.role || (c.only && p.Role != c.role) {
		s.refuse(sess, fmt.Sprintf("%s is for %s; %s", c.name, plural(c.role, c.only), s.yours(p)))
		return 1
	}
	if _, _, pty := sess.Pty(); c.terminal && !pty && !slices.Contains(args[1:], "--accessible") {
		s.refuse(sess, fmt.Sprintf("%s needs a terminal: connect with ssh -t (or add --accessible for line prompts)", c.name))
		return 1
	}
	return c.run(s, sess, p, l, args[1:])
}

// command is the server's command of that name.
func (s *Server) command(name string) (command, bool) {
	for _, c := range s.commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// plural names who may run a command: "candidates", "mentors and staff".
func plural(r Role, only bool) string {
	switch {
	case r == Candidate && only:
		return "candidates"
	case r == Mentor:
		return "mentors and staff"
	case r == Staff:
		return "staff"
	}
	return "everyone"
}

// yours is the list of commands a person may run, for a refusal.
func (s *Server) yours(p Person) string {
	var names []string
	for _, c := range s.commands {
		if c.name != "help" && p.Role >= c.role && (!c.only || p.Role == c.role) {
			names = append(names, c.name)
		}
	}
	return fmt.Sprintf("as %s you can run: %s (ssh %s help says more)", article(p.Role), strings.Join(names, ", "), s.address())
}

func article(r Role) string {
	if r == Staff {
		return "staff"
	}
	return "a " + r.String()
}

// help lists the person's commands, one a line.
func (s *Server) help(sess ssh.Session, p Person, _ *live, args []string) int {
	if len(args) > 0 {
		s.refuse(sess, "help takes no arguments")
		return 1
	}
	fmt.Fprintf(sess, "readycheck serves rubric %q here; your key %s is %s's. You can run:\n\n", s.cfg.Rubric.ID, p.Fingerprint, article(p.Role))
	for _, c := range s.commands {
		if p.Role >= c.role && (!c.only || p.Role == c.role) {
			t := ""
			if c.terminal {
				t = "-t "
			}
			fmt.Fprintf(sess, "  ssh %s%s %s\n      %s\n", t, s.address(), c.name, c.what)
		}
	}
	return 0
}

// flags parses a command's arguments with only the flags it offers: a
// flag the local command has but the server does not (--out, --rubric)
// is refused like any unknown one.
func (s *Server) flags(sess ssh.Session, name string, args []string, define func(*pflag.FlagSet)) bool {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	define(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			s.refuse(sess, fmt.Sprintf("%s: see ssh %s help", name, s.address()))
			return false
		}
		s.refuse(sess, fmt.Sprintf("%s: %s; see ssh %s help", name, cleanLine(err.Error()), s.address()))
		return false
	}
	if fs.NArg() > 0 {
		s.refuse(sess, fmt.Sprintf("%s takes no file or other argument (%q); see ssh %s help", name, cleanWord(fs.Arg(0)), s.address()))
		return false
	}
	return true
}

// export prints the candidate's latest assessment as Markdown.
func (s *Server) export(sess ssh.Session, p Person, _ *live, args []string) int {
	if !s.flags(sess, "export", args, func(*pflag.FlagSet) {}) {
		return 1
	}
	return s.card(sess, p, nil, "markdown")
}

// score prints the candidate's latest assessment's readiness.
func (s *Server) score(sess ssh.Session, p Person, _ *live, args []string) int {
	var format string
	var companies []string
	ok := s.flags(sess, "score", args, func(fs *pflag.FlagSet) {
		fs.StringVar(&format, "format", "text", "")
		fs.StringArrayVar(&companies, "company", nil, "")
	})
	if !ok {
		return 1
	}
	if !slices.Contains([]string{"text", "json", "markdown"}, format) {
		s.refuse(sess, fmt.Sprintf("score: unknown --format %q: use text, json, markdown", cleanWord(format)))
		return 1
	}
	return s.card(sess, p, companies, format)
}

// card scores the candidate's latest assessment and prints it as format,
// exactly as `readycheck score` does for the file.
func (s *Server) card(sess ssh.Session, p Person, companies []string, format string) int {
	a, r, warnings, err := s.latest(p)
	if err != nil {
		s.refuse(sess, err.Error())
		return 1
	}
	if _, unknown := r.Targets(companies); len(unknown) > 0 {
		s.refuse(sess, fmt.Sprintf("unknown company %q; the companies are: %s", cleanWord(unknown[0]), strings.Join(r.CompanyIDs(), ", ")))
		return 1
	}
	card, err := scorecard.New(a, r, companies, warnings...)
	if err != nil {
		s.refuse(sess, err.Error())
		return 1
	}
	card.AnswerCommand = "ssh -t " + s.address()
	for _, w := range card.Warnings {
		fmt.Fprintln(sess.Stderr(), w)
	}
	switch format {
	case "json":
		b, err := card.JSON()
		if err == nil {
			_, err = sess.Write(b)
		}
		return status(err)
	case "markdown":
		return status(card.Markdown(sess))
	}
	return status(card.TextIn(sess, s.width(sess), palette.Palette{}))
}

// report prints the cohort report of every candidate's assessments.
func (s *Server) report(sess ssh.Session, p Person, _ *live, args []string) int {
	var format string
	var companies []string
	var anonymize bool
	ok := s.flags(sess, "report", args, func(fs *pflag.FlagSet) {
		fs.StringVar(&format, "format", "text", "")
		fs.StringArrayVar(&companies, "company", nil, "")
		fs.BoolVar(&anonymize, "anonymize", false, "")
	})
	if !ok {
		return 1
	}
	formats := []string{"text", "markdown", "csv", "json", "html"}
	if !slices.Contains(formats, format) {
		s.refuse(sess, fmt.Sprintf("report: unknown --format %q: use %s", cleanWord(format), strings.Join(formats, ", ")))
		return 1
	}
	rp, err := report.Read(sess.Context(), report.Options{
		Rubric: s.cfg.Rubric, Companies: companies, View: report.Self, Anonymize: anonymize, Seed: randomSeed(),
	}, s.candidatesDir())
	if errors.Is(err, report.ErrUnknownCompany) {
		s.refuse(sess, "report: --company: "+err.Error())
		return 1
	}
	if err != nil {
		s.log.Error("report", "problem", err.Error())
		s.refuse(sess, "report: the assessments could not be read; the server's log says why")
		return 1
	}
	defer rp.Close()
	if rp.Assessments == 0 {
		s.refuse(sess, fmt.Sprintf("report: no assessment of rubric %q yet, so there is nothing to report", s.cfg.Rubric.ID))
		return 1
	}
	if n := len(rp.Problems()); n > 0 {
		fmt.Fprintf(sess.Stderr(), "readycheck: %s skipped; the report lists them\n", termtext.PluralGrouped(n, "file", "files"))
	}
	switch format {
	case "markdown":
		err = cohortview.Markdown(rp, sess)
	case "csv":
		err = cohortview.CSV(rp, sess)
	case "json":
		err = cohortview.JSON(rp, sess)
	case "html":
		err = cohortview.HTML(rp, sess)
	default:
		err = cohortview.Text(rp, sess, s.width(sess), palette.Palette{})
	}
	return status(err)
}

// width is the text width for a session: its terminal's, else 80, at
// most 120 as locally.
func (s *Server) width(sess ssh.Session) int {
	if pty, _, ok := sess.Pty(); ok && pty.Window.Width > 0 {
		return min(pty.Window.Width, 120)
	}
	return 80
}

func status(err error) int {
	if err != nil {
		return 1
	}
	return 0
}
