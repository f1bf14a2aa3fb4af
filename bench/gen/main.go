// Command gen writes generated assessments for benchmarks and trials, with a
// generated rubric or against one you have:
//
//	go run ./bench/gen -skills 2000 -companies 50 -assessments 10000 -out /tmp/rc-bench
//	go run ./bench/gen -rubric builtin -assessments 200 -out /tmp/cohort
//	go run ./bench/gen -rubric acme.yaml -assessments 200 -out /tmp/cohort
//
// The first writes /tmp/rc-bench/rubric.yaml and the assessments in
// /tmp/rc-bench/assessments/NNNNN.yaml; with -rubric (a file, or "builtin"
// for the built-in rubric) only the assessments are written, in
// OUT/assessments.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/readycheck/readycheck/rubric"
	"github.com/readycheck/readycheck/rubric/builtin"
	"github.com/readycheck/readycheck/sample"
)

func main() {
	skills := flag.Int("skills", 2000, "skills in the generated rubric")
	companies := flag.Int("companies", 50, "companies in the generated rubric")
	from := flag.String("rubric", "", `generate assessments of this rubric FILE ("builtin" for the built-in one) instead of generating a rubric`)
	n := flag.Int("assessments", 10000, "assessments to write")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", "", "folder to write into (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out FOLDER is required")
		os.Exit(2)
	}
	if err := run(*out, *from, *skills, *companies, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out, from string, skills, companies, n int, seed int64) error {
	dir := filepath.Join(out, "assessments")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var r *rubric.Rubric
	var err error
	switch from {
	case "builtin":
		r, err = builtin.Rubric()
	case "":
		data := sample.Rubric(skills, companies, seed)
		path := filepath.Join(out, "rubric.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		parsed, problems := rubric.Parse(path, data)
		r, err = parsed, problems.Err()
		if err == nil {
			fmt.Printf("wrote %s (%d skills, %d companies)\n", path, skills, companies)
		}
	default:
		r, err = rubric.LoadFile(from)
	}
	if err != nil {
		return err
	}
	err = sample.Assessments(r, n, seed, func(i int, b []byte) error {
		return os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.yaml", i+1)), b, 0o644)
	})
	if err != nil {
		return err
	}
	fmt.Printf("wrote %d assessments of rubric %q in %s\n", n, r.ID, dir)
	return nil
}
