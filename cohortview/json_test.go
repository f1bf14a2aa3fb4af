package cohortview

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/report"
	"github.com/readycheck/readycheck/rubric"
)

// jsonCandidate is a candidate as encoding/json writes it, the reference
// for appendCandidate.
type jsonCandidate struct {
	Name      string                    `json:"name"`
	File      string                    `json:"file"`
	Status    string                    `json:"status"`
	Updated   string                    `json:"updated"`
	Companies []report.CandidateCompany `json:"companies"`
}

// TestAppendCandidateIsEncodingJSON: the hand-written candidates' JSON says
// what encoding/json says, for names that need escaping too; strings are
// written byte for byte as encoding/json writes them, then with C1 controls
// and bidirectional characters escaped (safetext.EscapeJSON) as the rest of
// the report is.
func TestAppendCandidateIsEncodingJSON(t *testing.T) {
	names := []string{"Ada Lovelace", "Zoë Ørsted", `quote " and \ backslash`, "tab\tnew\nline\x01", "<b>&amp;</b>", "line\u2028sep\u2029", "bad \xff utf-8", "", "日本語", "csi \u009b2J", "rtl \u202egnp.exe", "mark\u200f del\x7f"}
	for _, name := range names {
		c := report.Candidate{Name: name, File: "cohort/" + name + ".yaml", Status: "complete", Updated: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
			Companies: []report.CandidateCompany{{ID: "acme", Readiness: 62.5, Verdict: rubric.Almost}, {ID: "beta", Readiness: 100, Verdict: rubric.Ready}, {ID: "gamma", Readiness: 0, Verdict: rubric.Blocked}}}
		got := appendCandidate(nil, c)
		want, err := json.Marshal(jsonCandidate{Name: c.Name, File: c.File, Status: c.Status, Updated: timestamp(c.Updated), Companies: c.Companies})
		if err != nil {
			t.Fatal(err)
		}
		var g, w any
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("%q: invalid JSON %s: %v", name, got, err)
		}
		json.Unmarshal(want, &w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%q:\n got %s\nwant %s", name, got, want)
		}
		var ref bytes.Buffer
		enc := json.NewEncoder(&ref)
		enc.SetEscapeHTML(false)
		enc.Encode(name)
		if s := appendString(nil, name); string(s) != string(safetext.EscapeJSON(bytes.TrimRight(ref.Bytes(), "\n"))) {
			t.Errorf("%q: string %s, encoding/json %s", name, s, ref.Bytes())
		}
	}
	empty := appendCandidate(nil, report.Candidate{Name: "X"})
	if !bytes.HasSuffix(empty, []byte(`"companies": []}`)) {
		t.Errorf("no companies: %s, want an empty list", empty)
	}
}
