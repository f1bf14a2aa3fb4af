package kit

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"

	"github.com/readycheck/readycheck/rubric"
)

// ErrStop ends an accessible session early: the candidate typed q, or the
// input ended before the last question. Everything answered so far is
// saved by then.
var ErrStop = errors.New("stopped")

// ErrEnd is the end of the input; after the last question it finishes the
// assessment (as f would), before it it stops.
var ErrEnd = errors.New("end of input")

// ErrInputLoops ends an accessible session whose input (not a terminal)
// keeps repeating answers that change nothing: `yes 1 | readycheck
// --accessible` must end. What was answered is saved.
var ErrInputLoops = errors.New("the input keeps repeating answers that change nothing")

// limitLine is the length limit of a typed answer that has none of its
// own.
const limitLine = 200

// staleLimit is how many answers in a row from input that is not a
// terminal may change nothing before the session ends with ErrInputLoops.
const staleLimit = 10

// Prompter asks the questions of one accessible session, the walk-through's
// or the review's: a prompt on one writer, one answer a line from one
// reader, with the limits and the loop guard both faces share.
type Prompter struct {
	r   *rubric.Rubric
	in  *bufio.Reader
	out io.Writer
	// interactive is true when the input is a terminal: a person types,
	// so an answer that changes nothing is asked again, never counted.
	interactive bool
	// stale counts the answers in a row that changed nothing, asked the
	// prompts asked.
	stale, asked int
}

// NewPrompter asks on out and reads answers from in, the questions being
// about r's skills (their number bounds a session from a script).
func NewPrompter(r *rubric.Rubric, in io.Reader, out io.Writer) *Prompter {
	p := &Prompter{r: r, out: out, in: bufio.NewReaderSize(in, 64<<10)}
	if f, ok := in.(*os.File); ok {
		p.interactive = term.IsTerminal(f.Fd())
	}
	return p
}

// Interactive reports whether the input is a terminal, where a person
// types.
func (p *Prompter) Interactive() bool { return p.interactive }

// Writer is where the prompts go, for output written whole (the results).
func (p *Prompter) Writer() io.Writer { return p.out }

// Say prints, as fmt.Fprintf does.
func (p *Prompter) Say(format string, a ...any) { fmt.Fprintf(p.out, format, a...) }

// Ask prints a prompt and reads one line, trimmed, of at most limitLine
// characters.
func (p *Prompter) Ask(prompt string) (string, error) { return p.AskLimit(prompt, limitLine) }

// AskLimit prints a prompt and reads one line, trimmed, of at most limit
// characters: a longer one is refused with a word and asked again, as the
// full-screen field stops at its limit. From input that is not a terminal,
// the answers that keep changing nothing (see Progress) end the session.
func (p *Prompter) AskLimit(prompt string, limit int) (string, error) {
	for {
		if !p.interactive {
			// Answers that change something can still repeat (1, b, 2,
			// b, ...): a session from a script is bounded all the same.
			if p.stale >= staleLimit || p.asked > 50*len(p.r.Skills())+200 {
				return "", ErrInputLoops
			}
			p.stale++
			p.asked++
		}
		p.Say("%s", prompt)
		line, err := readLine(p.in, limit*utf8.UTFMax)
		if errors.Is(err, errLineTooLong) {
			p.Say("\nThat is too long: at most %d characters fit here. Type it again, shorter.\n", limit)
			continue
		}
		if err != nil && (line == "" || err != io.EOF) {
			if err == io.EOF {
				p.Say("\n")
				return "", ErrEnd
			}
			return "", err
		}
		line = strings.TrimSpace(line)
		if n := utf8.RuneCountInString(line); n > limit {
			p.Say("That is too long (%d characters): at most %d characters fit here. Type it again, shorter.\n", n, limit)
			continue
		}
		return line, nil
	}
}

// Progress records that an answer changed something (an answer, a note,
// a move to another question), for the loop guard of AskLimit.
func (p *Prompter) Progress() { p.stale = 0 }

// errLineTooLong is a line longer than readLine's limit.
var errLineTooLong = errors.New("line too long")

// readLine reads one line without its line end, of at most max bytes: a
// longer line is read to its end and dropped (errLineTooLong), so that
// the next answer starts on the next line. The last line may lack a line
// end; then the line comes with io.EOF.
func readLine(r *bufio.Reader, max int) (string, error) {
	var b []byte
	tooLong := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(b)+len(chunk) > max+2 { // room for \r\n
				tooLong, b = true, nil
			} else {
				b = append(b, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil && (tooLong || len(b) > 0) && err == io.EOF:
			if tooLong {
				return "", errLineTooLong
			}
			return strings.TrimRight(string(b), "\r\n"), io.EOF
		case err != nil:
			return "", err
		}
		if tooLong {
			return "", errLineTooLong
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
}

// SayLevels lists a skill's levels, numbered, with their descriptions.
func (p *Prompter) SayLevels(sk *rubric.Skill) {
	for lvl, l := range sk.Scale.Levels {
		if d := CleanLine(sk.Descriptor(lvl)); d != "" {
			p.Say("  %d) %s — %s\n", lvl, CleanLine(l.Label), d)
		} else {
			p.Say("  %d) %s\n", lvl, CleanLine(l.Label))
		}
	}
}

// ParseLevel reads a level typed as its number or its label.
func ParseLevel(sk *rubric.Skill, line string) (int, bool) {
	if lvl, err := strconv.Atoi(line); err == nil {
		return lvl, lvl >= 0 && lvl <= sk.Scale.Top()
	}
	return sk.Scale.Find(line)
}

// AskLevel asks for a level of sk ("Level 0 to 4 (Enter keeps Capable): "),
// saying what Enter does: keeps current, or skips when it is
// rubric.Unanswered.
func (p *Prompter) AskLevel(what string, sk *rubric.Skill, current int) (string, error) {
	keep := "Enter skips"
	if current != rubric.Unanswered {
		keep = "Enter keeps " + CleanLine(sk.Scale.Label(current))
	}
	return p.Ask(fmt.Sprintf("%s 0 to %d (%s): ", what, sk.Scale.Top(), keep))
}

// AskSkill asks what level of skill i of a session (AskLevel; current is
// the level Enter keeps) and answers the moves both faces share: Enter or
// s moves on (next is i+1), b goes back (i-1), q stops (ErrStop), and ?
// says keys and asks again. Any other answer is the caller's: it comes
// back as typed, with next i.
func (p *Prompter) AskSkill(what string, sk *rubric.Skill, i, current int, keys string) (line string, next int, err error) {
	for {
		line, err := p.AskLevel(what, sk, current)
		if err != nil {
			return "", 0, err
		}
		switch strings.ToLower(line) {
		case "", "s":
			return line, i + 1, nil
		case "b":
			return line, i - 1, nil
		case "q":
			return line, 0, ErrStop
		case "?":
			p.Say("%s\n", keys)
			continue
		}
		return line, i, nil
	}
}
