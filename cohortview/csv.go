package cohortview

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/report"
)

// CSVHeader is the header row of the CSV report.
var CSVHeader = []string{"name", "file", "status", "updated", "company", "readiness", "verdict", "met", "unmet", "blocked_by"}

// CSV writes one row per candidate and company they count for, under
// CSVHeader: readiness with one decimal, met and unmet as counts of the
// company's requirements, blocked_by as the ids of the unmet must
// requirements joined by ";". Quoting follows RFC 4180. A name or file
// that a spreadsheet would take for a formula (starting with =, +, -, @)
// is written with a leading apostrophe.
func CSV(rp *report.Report, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	err := rp.Candidates(func(c report.Candidate) error {
		for _, cc := range c.Companies {
			row := []string{
				spreadsheetSafe(safetext.Clean(c.Name)),
				spreadsheetSafe(safetext.CleanPath(c.File)),
				c.Status,
				timestamp(c.Updated),
				cc.ID,
				strconv.FormatFloat(cc.Readiness, 'f', 1, 64),
				string(cc.Verdict),
				strconv.Itoa(cc.Met),
				strconv.Itoa(cc.Unmet),
				strings.Join(cc.BlockedBy, ";"),
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// spreadsheetSafe keeps a spreadsheet from running a cell as a formula.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
