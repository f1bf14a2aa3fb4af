package report

import (
	"bufio"
	"bytes"
	"container/heap"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/readycheck/readycheck/rubric"
)

// runBytes is how many bytes of encoded candidates a roster holds in memory
// before it sorts them and writes them out as a run to its temporary file;
// a variable for tests. A row takes about 100 bytes plus 10 per company, so
// past some 2,000 candidates the roster's memory stops growing. Held low for
// two reasons: a report's peak memory is then much the same at 1,000 files
// as at 100,000, and while files are read the held rows count against the
// garbage collector's small minimum heap (4 MiB), so that more of them make
// it collect the parsers' garbage more often (at 10,000 files, runs of
// 2 MiB made 10 % more collections than runs of 256 KiB).
var runBytes = 256 << 10

// runBuffer is the size of the buffer each run is written and read through;
// reading merges all runs at once, 4 KiB per 256 KiB of candidates (200 KiB
// for 100,000 candidates).
const runBuffer = 4 << 10

// roster keeps the report's candidates, sorted by name then file, in bounded
// memory: rows are encoded compactly, and past runBytes each sorted run goes
// to a temporary file; reading merges the runs (an external merge sort).
type roster struct {
	arena []byte
	rows  []span // rows in arena
	file  *os.File
	w     *bufio.Writer // to file, reused by every spill
	runs  []run
	size  int64
}

// span is where a row lies in the arena. Offsets rather than slices, so
// that a growing arena lets its old arrays go.
type span struct{ start, end int }

func (t *roster) row(s span) []byte { return t.arena[s.start:s.end] }

// run is a sorted stretch of rows in the temporary file.
type run struct{ off, len int64 }

func (t *roster) add(row []byte) error {
	if len(t.arena)+len(row) > runBytes && len(t.rows) > 0 {
		if err := t.spill(); err != nil {
			return err
		}
	}
	start := len(t.arena)
	t.arena = append(t.arena, row...)
	t.rows = append(t.rows, span{start, len(t.arena)})
	return nil
}

func (t *roster) sort() {
	slices.SortFunc(t.rows, func(a, b span) int { return compareRows(t.row(a), t.row(b)) })
}

// spill writes the rows in memory as a sorted run.
func (t *roster) spill() error {
	if t.file == nil {
		f, err := os.CreateTemp("", "readycheck-report-*.tmp")
		if err != nil {
			return fmt.Errorf("create a temporary file for the report: %w", err)
		}
		// The file holds candidates' names: unlinked at once where the
		// system allows it, and in any case when the roster is closed.
		os.Remove(f.Name())
		t.file = f
	}
	t.sort()
	if t.w == nil {
		t.w = bufio.NewWriterSize(nil, runBuffer)
	}
	w := t.w
	w.Reset(io.NewOffsetWriter(t.file, t.size))
	var n int64
	var lenBuf [binary.MaxVarintLen64]byte
	for _, s := range t.rows {
		row := t.row(s)
		k := binary.PutUvarint(lenBuf[:], uint64(len(row)))
		w.Write(lenBuf[:k])
		w.Write(row)
		n += int64(k + len(row))
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write the report's temporary file: %w", err)
	}
	t.runs = append(t.runs, run{off: t.size, len: n})
	t.size += n
	t.arena = t.arena[:0]
	t.rows = t.rows[:0]
	return nil
}

// each calls fn with every row in order; a row is valid during the call only.
func (t *roster) each(fn func(row []byte) error) error {
	if len(t.runs) == 0 {
		t.sort()
		for _, s := range t.rows {
			if err := fn(t.row(s)); err != nil {
				return err
			}
		}
		return nil
	}
	if len(t.rows) > 0 {
		if err := t.spill(); err != nil {
			return err
		}
	}
	h := make(mergeHeap, 0, len(t.runs))
	for _, r := range t.runs {
		src := &runReader{r: bufio.NewReaderSize(io.NewSectionReader(t.file, r.off, r.len), runBuffer)}
		ok, err := src.next()
		if err != nil {
			return err
		}
		if ok {
			h = append(h, src)
		}
	}
	heap.Init(&h)
	for len(h) > 0 {
		src := h[0]
		if err := fn(src.row); err != nil {
			return err
		}
		ok, err := src.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

func (t *roster) close() error {
	if t == nil || t.file == nil {
		return nil
	}
	err := t.file.Close()
	os.Remove(t.file.Name())
	t.file = nil
	return err
}

type runReader struct {
	r   *bufio.Reader
	row []byte
}

func (s *runReader) next() (bool, error) {
	n, err := binary.ReadUvarint(s.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read the report's temporary file: %w", err)
	}
	if uint64(cap(s.row)) < n {
		s.row = make([]byte, n)
	}
	s.row = s.row[:n]
	if _, err := io.ReadFull(s.r, s.row); err != nil {
		return false, fmt.Errorf("read the report's temporary file: %w", err)
	}
	return true, nil
}

type mergeHeap []*runReader

func (h mergeHeap) Len() int           { return len(h) }
func (h mergeHeap) Less(i, j int) bool { return compareRows(h[i].row, h[j].row) < 0 }
func (h mergeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)        { *h = append(*h, x.(*runReader)) }
func (h *mergeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// A row is encoded as: the sort key (the name folded to lower case), the
// name, the file and the status as length-prefixed strings; the last change
// in Unix seconds; the number of companies; then per company its rubric
// index, verdict rank, readiness in tenths, met and unmet counts, and the
// indexes of the unmet must requirements. Numbers are varints.

// rowBuilder encodes a row.
type rowBuilder struct{ b []byte }

func (w *rowBuilder) str(s string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *rowBuilder) num(v int) { w.b = binary.AppendVarint(w.b, int64(v)) }

// encodeRow encodes a candidate's line; key is what the roster sorts by
// (then name, then file); cs are the company results of the candidate's
// companies, in rubric order.
func encodeRow(key, name, file, status string, updated time.Time, cs []rubric.CompanyResult, companyIndex func(*rubric.Company) int) []byte {
	w := rowBuilder{b: make([]byte, 0, 64+len(key)+len(name)+len(file)+len(cs)*8)}
	w.str(key)
	w.str(name)
	w.str(file)
	w.str(status)
	var unix int64
	if !updated.IsZero() {
		unix = updated.Unix()
	}
	w.b = binary.AppendVarint(w.b, unix)
	w.num(len(cs))
	for _, cr := range cs {
		w.num(companyIndex(cr.Company))
		w.num(cr.Verdict.Rank())
		w.num(tenths(cr.Readiness))
		met, blocked := 0, 0
		for _, rr := range cr.Requirements {
			if rr.Met {
				met++
			} else if rr.Requirement.Must {
				blocked++
			}
		}
		w.num(met)
		w.num(len(cr.Requirements) - met)
		w.num(blocked)
		for j, rr := range cr.Requirements {
			if !rr.Met && rr.Requirement.Must {
				w.num(j)
			}
		}
	}
	return w.b
}

// rowReader decodes a row.
type rowReader struct{ b []byte }

func (r *rowReader) bytes() []byte {
	n, k := binary.Uvarint(r.b)
	s := r.b[k : k+int(n)]
	r.b = r.b[k+int(n):]
	return s
}

func (r *rowReader) num() int {
	v, k := binary.Varint(r.b)
	r.b = r.b[k:]
	return int(v)
}

var verdictByRank = [4]rubric.Verdict{rubric.Blocked, rubric.NotYet, rubric.Almost, rubric.Ready}

func decodeRow(row []byte, r *rubric.Rubric) Candidate {
	rd := rowReader{b: row}
	rd.bytes() // sort key
	c := Candidate{Name: string(rd.bytes()), File: string(rd.bytes()), Status: string(rd.bytes())}
	unix, k := binary.Varint(rd.b)
	rd.b = rd.b[k:]
	if unix != 0 {
		c.Updated = time.Unix(unix, 0).UTC()
	}
	c.Companies = make([]CandidateCompany, rd.num())
	for i := range c.Companies {
		co := r.Companies[rd.num()]
		cc := CandidateCompany{ID: co.ID, Name: co.Name, Verdict: verdictByRank[rd.num()]}
		cc.Readiness = float64(rd.num()) / 10
		cc.Met = rd.num()
		cc.Unmet = rd.num()
		if n := rd.num(); n > 0 {
			cc.BlockedBy = make([]string, n)
			for j := range cc.BlockedBy {
				cc.BlockedBy[j] = co.Requirements[rd.num()].ID
			}
		}
		c.Companies[i] = cc
	}
	return c
}

// compareRows orders rows by their key (the name folded to lower case, or
// an anonymized report's shuffle key), then name, then file.
func compareRows(a, b []byte) int {
	ra, rb := rowReader{b: a}, rowReader{b: b}
	for range 3 {
		if c := bytes.Compare(ra.bytes(), rb.bytes()); c != 0 {
			return c
		}
	}
	return 0
}

// tenths turns a readiness rounded to one decimal into tenths of a point.
func tenths(readiness float64) int {
	v := int(readiness*10 + 0.5)
	return max(0, min(maxTenths, v))
}

func anonymousName(i int) string { return "Candidate " + strconv.Itoa(i) }

// shuffleKey is an anonymized candidate's sort key: a hash of the seed and
// the file, so that the candidates come, and are numbered, in an order that
// says nothing of their names, the same for the same seed and files.
func shuffleKey(seed uint64, file string) string {
	h := sha256.New()
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seed)
	h.Write(b[:])
	h.Write([]byte(file))
	return string(h.Sum(nil)[:16])
}
