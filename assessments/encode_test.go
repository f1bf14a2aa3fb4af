package assessments_test

import (
	"strings"
	"testing"
	"time"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/safetext"
	"github.com/readycheck/readycheck/internal/yamlfile"
)

// hostile is text a person may type or paste, or a program pass in: escape
// sequences, controls, bidirectional and invisible characters, carriage
// returns, invalid UTF-8.
var hostile = []string{
	"Grace\x1b[31m Hopper\x1b[0m",
	"bell\x07 and nul\x00",
	"c1 \u0085 \u009b2J",
	"rtl \u202egnp.exe\u202c \u2066iso\u2069",
	"marks \u200e\u200f\u061c sep\u2028\u2029",
	"windows\r\nline\rends",
	"bad \xff\xfe utf-8",
	"  spaces, tabs\t and\n lines  ",
	"null", "~", "- dash", "#hash", "key: value", "'quote\"",
	"\ufeffbom",
}

// hostileAssessment puts s in every text an assessment writes.
func hostileAssessment(t testing.TB, s string) *assessments.Assessment {
	r := smallRubric(t)
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	a := assessments.New(r, assessments.Person{Name: s, Email: s}, []string{"acme"}, now)
	a.SetAnswer("python", 2, now)
	a.SetNote("python", s, []string{s, "https://example.com/" + s}, now)
	a.SetNote("sql", s, nil, now)
	a.Reviews = append(a.Reviews, &assessments.Review{
		Reviewer: assessments.Person{Name: s, Email: s}, Started: now, Updated: now, Summary: s,
		Ratings: map[string]*assessments.Rating{"python": {Level: 3, Comment: s}, "java": {Level: -1, Comment: s}},
	})
	return a
}

// Whatever text an assessment holds, what Encode writes reads back, and
// every text reads back as safetext.Clean makes it: a file readycheck
// writes is never one it refuses to read.
func TestEncodeHostileTextReadsBack(t *testing.T) {
	for _, s := range hostile {
		a := hostileAssessment(t, s)
		data, err := a.Encode()
		if err != nil {
			t.Errorf("%q: Encode: %v", s, err)
			continue
		}
		back, problems := assessments.Parse("back.yaml", data)
		if err := problems.Err(); err != nil {
			t.Errorf("%q: the written file does not read back: %v\n%s", s, err, data)
			continue
		}
		want := safetext.Clean(s)
		rv := back.Reviews[0]
		for what, got := range map[string]string{
			"candidate name": back.Candidate.Name, "candidate email": back.Candidate.Email,
			"note": back.Answers["python"].Note, "reviewer": rv.Reviewer.Name,
			"comment": rv.Ratings["python"].Comment, "summary": rv.Summary,
		} {
			if got != want {
				t.Errorf("%q: %s read back as %q, want %q", s, what, got, want)
			}
		}
	}
}

// A text too long for a file readycheck reads is refused by Encode, with a
// message, rather than written.
func TestEncodeRefusesOversizedFile(t *testing.T) {
	a := hostileAssessment(t, "ok")
	a.SetNote("java", strings.Repeat("word ", yamlfile.MaxSize/5+1), nil, time.Now())
	data, err := a.Encode()
	if err == nil {
		t.Fatalf("Encode wrote %d bytes, over the %d readycheck reads", len(data), yamlfile.MaxSize)
	}
	if !strings.Contains(err.Error(), "too long") {
		t.Errorf("error %q does not say what is wrong", err)
	}
}

// What Encode cannot write so that it reads back (an id that is not one, an
// unknown status, a year past 9999) is an error, not a file.
func TestEncodeRefusesWhatWouldNotRead(t *testing.T) {
	for name, spoil := range map[string]func(a *assessments.Assessment){
		"rubric id": func(a *assessments.Assessment) { a.Rubric.ID = "Not An Id" },
		"target":    func(a *assessments.Assessment) { a.Targets = []string{"acme\x1b"} },
		"skill":     func(a *assessments.Assessment) { a.SetAnswer("Py thon", 1, time.Now()) },
		"status":    func(a *assessments.Assessment) { a.Status = "" },
		"year":      func(a *assessments.Assessment) { a.Updated = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) },
	} {
		a := hostileAssessment(t, "ok")
		spoil(a)
		if data, err := a.Encode(); err == nil {
			if _, problems := assessments.Parse("back.yaml", data); problems.Err() != nil {
				t.Errorf("%s: Encode wrote a file that does not read back: %v", name, problems.Err())
			}
		}
	}
}

// Text that cleans to nothing is written as no text: reading the file back
// and writing it again gives the same bytes.
func TestEncodeTextCleanedAwayRoundTrips(t *testing.T) {
	a := hostileAssessment(t, "\u2028\u200f\x1b[0m")
	first, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, problems := assessments.Parse("back.yaml", first)
	if problems.Err() != nil {
		t.Fatalf("%v\n%s", problems, first)
	}
	second, err := back.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if string(second) != string(first) {
		t.Errorf("the round trip changed the file:\n%s\nvs\n%s", first, second)
	}
}

// FuzzEncodeText puts any text in every text field of an assessment: Encode
// either refuses it or writes a file that reads back with the text as
// safetext.Clean makes it.
func FuzzEncodeText(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := hostileAssessment(t, s)
		data, err := a.Encode()
		if err != nil {
			return
		}
		back, problems := assessments.Parse("back.yaml", data)
		if err := problems.Err(); err != nil {
			t.Fatalf("the written file does not read back: %v\n%s", err, data)
		}
		if want := safetext.Clean(s); back.Candidate.Name != want || back.Reviews[0].Summary != want || back.Answers["python"].Note != want {
			t.Fatalf("text %q read back as %q, want %q", s, back.Candidate.Name, want)
		}
		if again, err := back.Encode(); err != nil || string(again) != string(data) {
			t.Fatalf("writing what was read back changed the file (%v):\n%s\nvs\n%s", err, data, again)
		}
	})
}
