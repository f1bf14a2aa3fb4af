package scorecard

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/rubric"
)

// Markdown writes the report a candidate sends to a mentor: readiness per
// company with each requirement, the next steps, the unanswered skills, and
// the candidate's notes and evidence per skill.
func (c *Card) Markdown(w io.Writer) error {
	var b strings.Builder
	a := c.Assessment
	fmt.Fprintf(&b, "# %s\n\n", cell(c.heading()))
	b.WriteString(md(c.summary("; ")))
	if !a.Updated.IsZero() {
		fmt.Fprintf(&b, "; last changed %s", a.Updated.UTC().Format("2 January 2006 15:04 MST"))
	}
	b.WriteString(".\n")
	if note := c.unansweredMarkdown(); note != "" {
		b.WriteString("\n" + note + "\n")
	}
	for _, wn := range c.Warnings {
		fmt.Fprintf(&b, "\n> **Warning:** %s\n", cell(strings.Replace(wn, "warning: ", "", 1)))
	}
	b.WriteString("\n## Summary\n\n| Company | Readiness | Verdict |\n|---|---:|---|\n")
	for _, cr := range c.Result.Companies {
		fmt.Fprintf(&b, "| %s | %.1f%% | %s %s |\n", cell(CompanyTitle(cr.Company)), cr.Readiness, VerdictMarker(cr.Verdict), VerdictWord(cr.Verdict))
	}
	for _, cr := range c.Result.Companies {
		fmt.Fprintf(&b, "\n## %s\n\n", cell(CompanyTitle(cr.Company)))
		fmt.Fprintf(&b, "**%s %s**, %.1f%% ready.", VerdictMarker(cr.Verdict), VerdictWord(cr.Verdict), cr.Readiness)
		if blockers := Blockers(cr); len(blockers) > 0 {
			for i, t := range blockers {
				blockers[i] = cell(t)
			}
			fmt.Fprintf(&b, " Blocked by %s (must).", joinAnd(blockers))
		}
		b.WriteString("\n\n| Requirement | Level | Required | Weight | Status |\n|---|---|---|---:|---|\n")
		for _, rr := range cr.Requirements {
			req := rr.Requirement
			scale := req.Skills[0].Scale
			status := statusMarker(rr) + " " + Status(rr)
			if req.Must {
				status += " (must)"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", cell(req.Title), cell(ReachedName(rr)), cell(LevelName(scale, req.Min)), formatWeight(req.Weight), status)
		}
		b.WriteString(sentencesMarkdown(cr))
	}
	if len(c.Result.NextSteps) > 0 {
		b.WriteString("\n## Next steps\n\n")
		for i, st := range c.Result.NextSteps {
			fmt.Fprintf(&b, "%d. %s\n", i+1, cell(NextStepSentence(st)))
		}
	}
	if len(c.Result.Unanswered) > 0 {
		b.WriteString("\n## Unanswered skills\n\nCounted as level 0:\n\n")
		for _, s := range c.Result.Unanswered {
			fmt.Fprintf(&b, "- %s\n", cell(s.Title))
		}
	}
	if notes := c.notes(); notes != "" {
		b.WriteString("\n## Notes and evidence\n")
		b.WriteString(notes)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// unansweredMarkdown is the unanswered note as a paragraph, the count in
// bold and the command as code; "" when every skill is answered.
func (c *Card) unansweredMarkdown() string {
	count, action := c.unanswered()
	if count == "" {
		return ""
	}
	n, rest, _ := strings.Cut(count, " (")
	out := "**" + md(n) + "** (" + md(rest)
	if c.AnswerCommand != "" {
		out += "; " + md(action) + ", run " + codeSpan(clean(c.AnswerCommand))
	}
	return out + "."
}

// codeSpan writes s as inline code, with a fence longer than any run of
// backticks in it.
func codeSpan(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// notes lists the candidate's notes and evidence, skill by skill in rubric
// order.
func (c *Card) notes() string {
	var b strings.Builder
	for _, s := range c.Rubric.Skills() {
		ans, ok := c.Assessment.Answers[s.ID]
		if !ok || (strings.TrimSpace(ans.Note) == "" && len(ans.Evidence) == 0) {
			continue
		}
		level := NotAnswered
		if ans.Answered() {
			level = LevelName(s.Scale, ans.Level)
		}
		fmt.Fprintf(&b, "\n### %s — %s\n\n", cell(s.Title), cell(level))
		if note := strings.TrimSpace(ans.Note); note != "" {
			for _, line := range strings.Split(note, "\n") {
				fmt.Fprintf(&b, "> %s\n", md(line))
			}
		}
		if len(ans.Evidence) > 0 {
			if strings.TrimSpace(ans.Note) != "" {
				b.WriteString("\n")
			}
			b.WriteString("Evidence:\n\n")
			for _, e := range ans.Evidence {
				fmt.Fprintf(&b, "- %s\n", link(e))
			}
		}
	}
	return b.String()
}

func statusMarker(rr rubric.RequirementResult) string {
	switch Status(rr) {
	case StatusMet:
		return "✓"
	case StatusPartial:
		return "~"
	}
	return "✗"
}

func formatWeight(w float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", w), "0"), ".")
}

// link writes evidence as an autolink when it is a web address, and as
// plain text otherwise (a path, a sentence).
func link(s string) string {
	s = clean(strings.TrimSpace(s))
	if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n<>") {
		return "<" + s + ">"
	}
	return cell(s)
}

// mdEscapes turns the characters that mean something in Markdown (or in
// the HTML it may hold) into text: emphasis, strikethrough (~~), code,
// links, headings, tables, and the patterns GitHub's Markdown turns into
// links by itself (http://, www., an email's @).
var mdEscapes = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`, "~", `\~`,
	"://", `\://`, "www.", `www\.`, "WWW.", `WWW\.`, "@", `\@`)

// MarkdownText escapes text from files (a name, a title, a note) so that
// it reads as text in Markdown, cleaned as safetext.Clean does: never
// markup, never a link. Every Markdown output writes such text through it.
func MarkdownText(s string) string {
	return mdEscapes.Replace(clean(s))
}

func md(s string) string { return MarkdownText(s) }

// sentencesMarkdown quotes, for a company drafted from a posting, the
// sentence each requirement came from; "" for a company of the rubric.
func sentencesMarkdown(cr rubric.CompanyResult) string {
	if cr.Company.Source != rubric.SourcePosting {
		return ""
	}
	var b strings.Builder
	b.WriteString("\nDrafted from a posting; each requirement's sentence:\n\n")
	for _, rr := range cr.Requirements {
		if s := rr.Requirement.Sentence; s != "" {
			fmt.Fprintf(&b, "- %s: “%s”\n", cell(rr.Requirement.Title), cell(SentenceText(s)))
		}
	}
	return b.String()
}

// maxSentence is the longest sentence quoted in a report, in characters.
const maxSentence = 300

// SentenceText is a posting's sentence as a report quotes it: on one
// line, cut to 300 characters with an ellipsis.
func SentenceText(s string) string {
	s = safetext.CleanLine(s)
	if r := []rune(s); len(r) > maxSentence {
		s = string(r[:maxSentence-1]) + "…"
	}
	return s
}

// cell is md for a table cell or a heading, where a line break would end
// the row: line breaks become spaces.
func cell(s string) string {
	return strings.Join(strings.Fields(md(s)), " ")
}
