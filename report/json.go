package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"
)

// jsonCandidate is a candidate in the JSON report.
type jsonCandidate struct {
	Name      string             `json:"name"`
	File      string             `json:"file"`
	Status    string             `json:"status"`
	Updated   string             `json:"updated"`
	Companies []CandidateCompany `json:"companies"`
}

// JSON writes the report as the JSON object of `readycheck report --format
// json`, indented, the candidates streamed one by one.
func (rp *Report) JSON(w io.Writer) error {
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
	err = rp.Candidates(func(c Candidate) error {
		if c.Companies == nil {
			c.Companies = []CandidateCompany{}
		}
		b, err := marshal(jsonCandidate{Name: c.Name, File: c.File, Status: c.Status, Updated: timestamp(c.Updated), Companies: c.Companies}, "    ")
		if err != nil {
			return err
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteString("\n    ")
		_, err = bw.Write(bytes.TrimRight(b, "\n"))
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
	return b.Bytes(), nil
}

// timestamp writes a last change as RFC 3339 in UTC, "" when unknown.
func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
