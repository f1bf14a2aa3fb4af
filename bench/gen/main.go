// Command gen writes a generated rubric and assessments for benchmarks:
//
//	go run ./bench/gen -skills 2000 -companies 50 -assessments 10000 -out /tmp/rc-bench
//
// writes /tmp/rc-bench/rubric.yaml and /tmp/rc-bench/assessments/NNNNN.yaml.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/readycheck/readycheck/internal/gen"
	"github.com/readycheck/readycheck/rubric"
)

func main() {
	skills := flag.Int("skills", 2000, "skills in the rubric")
	companies := flag.Int("companies", 50, "companies in the rubric")
	n := flag.Int("assessments", 10000, "assessments to write")
	seed := flag.Int64("seed", 1, "random seed")
	out := flag.String("out", "", "folder to write into (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out FOLDER is required")
		os.Exit(2)
	}
	if err := run(*out, *skills, *companies, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string, skills, companies, n int, seed int64) error {
	dir := filepath.Join(out, "assessments")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data := gen.Rubric(skills, companies, seed)
	path := filepath.Join(out, "rubric.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	r, problems := rubric.Parse(path, data)
	if err := problems.Err(); err != nil {
		return err
	}
	err := gen.Assessments(r, n, seed, func(i int, b []byte) error {
		return os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.yaml", i+1)), b, 0o644)
	})
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d skills, %d companies) and %d assessments in %s\n", path, skills, companies, n, dir)
	return nil
}
