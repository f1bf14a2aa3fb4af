package serve

import (
	"errors"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
	"github.com/spf13/pflag"

	"github.com/readycheck/readycheck/internal/termtext"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/tui/assess"
	"github.com/readycheck/readycheck/tui/kit"
	"github.com/readycheck/readycheck/tui/review"
)

// assess runs the walk-through on the session: full-screen under ssh -t,
// line prompts with --accessible, on the candidate's own folder.
func (s *Server) assess(sess ssh.Session, p Person, l *live, args []string) int {
	var accessible bool
	if !s.flags(sess, "assess", args, func(fs *pflag.FlagSet) { fs.BoolVar(&accessible, "accessible", false, "") }) {
		return 1
	}
	store, err := s.candidateStore(p)
	if err != nil {
		s.log.Error("candidate folder", "key", p.Fingerprint, "problem", err.Error())
		s.refuse(sess, "your folder on the server could not be opened; nothing was changed. Tell the career centre that runs it")
		return 1
	}
	opts := assess.Options{Rubric: s.cfg.Rubric, Store: store, Color: colored(sess), Now: s.cfg.Now}
	again := "ssh -t " + s.address()
	if accessible {
		again = "ssh " + s.address() + " assess --accessible"
	}
	var done assess.Outcome
	if accessible {
		// Served, so that what it says fits a person away from the server.
		opts.Host = &kit.Host{Export: "ssh " + s.address() + " export > report.md"}
		done, err = assess.RunAccessible(opts, s.lines(sess, l), sess)
	} else {
		opts.Host = s.host(sess, l)
		opts.Host.Export = "ssh " + s.address() + " export > report.md"
		done, err = assess.Run(opts, nil, nil)
	}
	return s.ended(sess, l, err, done.Path != "", func(w io.Writer) {
		switch {
		case done.Path == "":
		case done.Complete && done.Unanswered == 0:
			fmt.Fprintf(w, "Your assessment is complete and saved. Its report: ssh %s export > report.md\n", s.address())
		case done.Complete:
			fmt.Fprintf(w, "Your assessment is saved; %s not answered (counted as 0). To answer them: %s\n", termtext.PluralGrouped(done.Unanswered, "skill is", "skills are"), again)
		default:
			fmt.Fprintf(w, "Your answers are saved. To pick up where you left off: %s\n", again)
		}
	})
}

// review runs the mentor review over every candidate's assessments,
// signed with the name of the mentor's key.
func (s *Server) review(sess ssh.Session, p Person, l *live, args []string) int {
	var accessible bool
	if !s.flags(sess, "review", args, func(fs *pflag.FlagSet) { fs.BoolVar(&accessible, "accessible", false, "") }) {
		return 1
	}
	b, err := builtin.Rubric()
	if err != nil {
		s.refuse(sess, err.Error())
		return 1
	}
	opts := review.Options{Paths: []string{s.candidatesDir()}, Rubric: s.cfg.Rubric, Builtin: b, Reviewer: p.Name, Color: colored(sess), Now: s.cfg.Now}
	var reviewed []string
	if accessible {
		reviewed, err = review.RunAccessible(opts, s.lines(sess, l), sess)
	} else {
		opts.Host = s.host(sess, l)
		reviewed, err = review.Run(opts)
	}
	return s.ended(sess, l, err, len(reviewed) > 0, func(w io.Writer) {
		if len(reviewed) > 0 {
			fmt.Fprintf(w, "Your reviews of %s are saved.\n", termtext.PluralGrouped(len(reviewed), "assessment", "assessments"))
		}
	})
}

// host is a session's terminal for a full-screen program: wish's options
// for its pseudo-terminal (size, TERM, colour profile from the client's
// environment), its input noting each key for the idle timeout, its
// window changes, and the server's stop.
func (s *Server) host(sess ssh.Session, l *live) *kit.Host {
	opts := append(bubbletea.MakeOptions(sess), tea.WithInput(input{r: sess, l: l}))
	_, winch, _ := sess.Pty()
	return &kit.Host{
		Options: opts,
		Stop:    l.stop,
		Attach: func(p *tea.Program) {
			go func() {
				for {
					select {
					case w, ok := <-winch:
						if !ok {
							return
						}
						p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
					case <-l.stop:
						return
					}
				}
			}()
		},
	}
}

// lines is a session's input for line prompts: cooked under ssh -t (the
// server echoes and edits, see cooked), as the client sends it without a
// terminal; either ends when the server stops the session, so that the
// prompts save and finish.
func (s *Server) lines(sess ssh.Session, l *live) io.Reader {
	var r io.Reader = input{r: sess, l: l}
	if _, _, pty := sess.Pty(); pty {
		r = &cooked{r: r, echo: sess}
	}
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, r)
		pw.CloseWithError(err)
	}()
	go func() {
		<-l.stop
		pw.Close()
	}()
	return pr
}

// ended writes how a program's session ended and returns its exit
// status: the server's reason when it ended it, the save's failure, or
// what the program saved (told by done; saved says whether it saved
// anything).
func (s *Server) ended(sess ssh.Session, l *live, err error, saved bool, done func(io.Writer)) int {
	var save *kit.SaveError
	if errors.As(err, &save) {
		s.log.Error("save", "problem", err.Error())
		if l.ended() != endGone {
			fmt.Fprintln(sess.Stderr(), "readycheck: your last answers could not be saved on the server; they are kept aside there. Tell the career centre that runs it")
		}
		return 1
	}
	if why := l.ended(); why != "" {
		if why != endGone {
			fmt.Fprintln(sess.Stderr(), s.endedLine(why, saved))
		}
		return 1
	}
	switch {
	case errors.Is(err, kit.ErrInterrupted):
		done(sess)
		return 130
	case errors.Is(err, assess.ErrNoInput):
		fmt.Fprintln(sess.Stderr(), "readycheck: the input ended before an assessment was started; nothing was saved")
		return 1
	case err != nil:
		fmt.Fprintln(sess.Stderr(), "readycheck: "+cleanLine(err.Error()))
		return 1
	}
	done(sess)
	return 0
}

// colored is false when the client sent a NO_COLOR that is not empty,
// as locally.
func colored(sess ssh.Session) bool {
	for _, kv := range sess.Environ() {
		if v, ok := strings.CutPrefix(kv, "NO_COLOR="); ok && v != "" {
			return false
		}
	}
	return true
}
