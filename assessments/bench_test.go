package assessments_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/readycheck/readycheck/assessments"
	"github.com/readycheck/readycheck/internal/yamlfile"
	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/sample"
)

// batch is a generated rubric and 1,000 of its assessments, in memory.
func batch(b *testing.B) (*rubric.Rubric, [][]byte) {
	b.Helper()
	r, problems := rubric.Parse("generated", sample.Rubric(2000, 50, 1))
	if problems.Err() != nil {
		b.Fatal(problems)
	}
	var files [][]byte
	if err := sample.Assessments(r, 1000, 1, func(_ int, d []byte) error { files = append(files, d); return nil }); err != nil {
		b.Fatal(err)
	}
	return r, files
}

// BenchmarkBatchDecode parses and checks assessments: the cost any reader pays.
func BenchmarkBatchDecode(b *testing.B) {
	r, files := batch(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		decode(b, r, files[i%len(files)])
	}
}

// BenchmarkBatchDecodeAndScore adds scoring for the assessment's targets.
// Goal: no more than 5% over BenchmarkBatchDecode.
func BenchmarkBatchDecodeAndScore(b *testing.B) {
	r, files := batch(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a := decode(b, r, files[i%len(files)])
		targets, err := a.TargetCompanies(r, nil)
		if err != nil {
			b.Fatal(err)
		}
		r.Score(a.Levels(r), targets)
	}
}

func decode(b *testing.B, r *rubric.Rubric, data []byte) *assessments.Assessment {
	a, problems := assessments.Parse("a.yaml", data)
	if problems.Err() != nil {
		b.Fatal(problems)
	}
	if p := a.Check(r); p.Err() != nil {
		b.Fatal(p)
	}
	return a
}

// unknownSkillsFile is an assessment of the test rubric "small" that answers one skill it has and, up to just under the 4 MiB
// limit, skills it lacks: the file that once took report 95 s.
func unknownSkillsFile(b *testing.B) []byte {
	b.Helper()
	var buf bytes.Buffer
	buf.WriteString("format: readycheck/assessment/v1\ncandidate: {name: Big}\nrubric: {id: small}\nanswers:\n  python: 3\n")
	for i := 0; ; i++ {
		line := fmt.Sprintf("  unknown%07d: 1\n", i)
		if buf.Len()+len(line) > yamlfile.MaxSize {
			break
		}
		buf.WriteString(line)
	}
	return buf.Bytes()
}

// BenchmarkUnknownSkills parses, checks and scores one file of the largest
// size read, almost all of it answers for skills the rubric lacks.
// Goal: under 100 ms and 50 MB.
func BenchmarkUnknownSkills(b *testing.B) {
	r := smallRubric(b)
	data := unknownSkillsFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		a := decode(b, r, data)
		targets, err := a.TargetCompanies(r, nil)
		if err != nil {
			b.Fatal(err)
		}
		r.Score(a.Levels(r), targets)
	}
}
