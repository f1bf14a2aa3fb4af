package yamlfile

import (
	"strings"
	"testing"
)

func TestCutExcerpts(t *testing.T) {
	long := strings.Repeat("k", 3<<20)
	for _, c := range []struct{ in, want string }{
		{`unknown field "short"`, `unknown field "short"`},
		{`unknown field "` + long + `"; allowed`, `unknown field "` + strings.Repeat("k", 60) + `…"; allowed`},
		{`"` + strings.Repeat("é", 61) + `"`, `"` + strings.Repeat("é", 60) + `…"`},
		// Escapes count as one character and are never cut in two.
		{`"` + strings.Repeat("a", 59) + `\x00\x00"`, `"` + strings.Repeat("a", 59) + `\x00…"`},
		{`"` + strings.Repeat(`\"`, 70) + `" and "b"`, `"` + strings.Repeat(`\"`, 60) + `…" and "b"`},
		{`unexpected ":" here; "unclosed`, `unexpected ":" here; "unclosed`},
		{"write `format: x` first", "write `format: x` first"},
	} {
		if got := CutExcerpts(c.in); got != c.want {
			t.Errorf("CutExcerpts(%.80q) = %.120q, want %.120q", c.in, got, c.want)
		}
	}
}

func TestRedactExcerpts(t *testing.T) {
	in := `the assessment has an unknown field "root:$6$secret:19000::"; allowed fields: format`
	want := `the assessment has an unknown field "…"; allowed fields: format`
	if got := RedactExcerpts(in); got != want {
		t.Errorf("RedactExcerpts = %q, want %q", got, want)
	}
}

// A 3 MB key is reported with a short excerpt, not echoed whole.
func TestReporterCutsLongKeys(t *testing.T) {
	key := strings.Repeat("x", 3<<20)
	_, ps := Parse("big.yaml", []byte(key+": 1\n"))
	r := &Reporter{File: "big.yaml"}
	r.At(nil, "unknown field %q", key)
	ps = append(ps, r.Problems...)
	for _, p := range ps {
		if len(p.Error()) > 200 {
			t.Errorf("problem is %d bytes long: %.100s…", len(p.Error()), p.Error())
		}
	}
}
