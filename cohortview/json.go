package cohortview

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/report"
)

// JSON writes the report as the JSON object of `readycheck report --format
// json`, indented, the candidates streamed one by one.
func JSON(rp *report.Report, w io.Writer) error {
	bw := bufio.NewWriter(w)
	head, err := marshal(rp, "")
	if err != nil {
		return err
	}
	// The candidates go inside the object, after its other fields.
	head = bytes.TrimSuffix(bytes.TrimRight(head, "\n"), []byte("}"))
	head = bytes.TrimRight(head, "\n")
	bw.Write(head)
	bw.WriteString(",\n  \"candidates\": [")
	first := true
	var line []byte
	err = rp.Candidates(func(c report.Candidate) error {
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteString("\n    ")
		line = appendCandidate(line[:0], c)
		_, err := bw.Write(line)
		return err
	})
	if err != nil {
		return err
	}
	if !first {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// appendCandidate appends a candidate's JSON object on one line:
// {"name", "file", "status", "updated", "companies": [{"id", "readiness",
// "verdict"}]}. Written by hand rather than by encoding/json, whose
// reflection and indenting took a third of a large cohort's report time
// after the reading; a test holds it to encoding/json's output.
func appendCandidate(b []byte, c report.Candidate) []byte {
	b = append(b, `{"name": `...)
	b = appendString(b, c.Name)
	b = append(b, `, "file": `...)
	b = appendString(b, c.File)
	b = append(b, `, "status": `...)
	b = appendString(b, c.Status)
	b = append(b, `, "updated": `...)
	b = appendString(b, timestamp(c.Updated))
	b = append(b, `, "companies": [`...)
	for i, cc := range c.Companies {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, `{"id": `...)
		b = appendString(b, cc.ID)
		b = append(b, `, "readiness": `...)
		b = strconv.AppendFloat(b, cc.Readiness, 'f', -1, 64)
		b = append(b, `, "verdict": `...)
		b = appendString(b, string(cc.Verdict))
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// appendString appends s as a JSON string: as is when it holds nothing to
// escape, else as encoding/json writes it (without HTML escaping); either
// way C1 controls and bidirectional characters are escaped
// (safetext.EscapeJSON), as in the rest of the report.
func appendString(b []byte, s string) []byte {
	start := len(b)
	plain := utf8.ValidString(s) && !strings.ContainsAny(s, "\"\\\u2028\u2029")
	for i := 0; plain && i < len(s); i++ {
		plain = s[i] >= 0x20
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		b = append(b, '"')
	} else {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(s) // a string always encodes
		b = append(b, bytes.TrimRight(buf.Bytes(), "\n")...)
	}
	if esc := safetext.EscapeJSON(b[start:]); len(esc) != len(b)-start {
		b = append(b[:start], esc...)
	}
	return b
}

// marshal encodes v indented by two spaces after prefix, leaving <, > and &
// as they are (the output is not for a web page).
func marshal(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return safetext.EscapeJSON(b.Bytes()), nil
}

// timestamp writes a last change as RFC 3339 in UTC, "" when unknown.
func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
