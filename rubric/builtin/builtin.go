// Package builtin embeds readycheck's built-in backend internship rubric.
package builtin

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/readycheck/readycheck/rubric"
)

// Name is how the built-in rubric is named in messages, in place of a file.
const Name = "built-in rubric"

// YAML is the built-in rubric's file, as shipped in rubric/builtin.
//
//go:embed backend-internship.yaml
var YAML []byte

var (
	once   sync.Once
	parsed *rubric.Rubric
	err    error
)

// Rubric returns the built-in rubric, parsed once.
func Rubric() (*rubric.Rubric, error) {
	once.Do(func() {
		r, problems := rubric.Parse(Name, YAML)
		if e := problems.Err(); e != nil {
			err = fmt.Errorf("the built-in rubric is invalid (a bug in readycheck):\n%w", e)
			return
		}
		parsed = r
	})
	return parsed, err
}

// ID returns the built-in rubric's id.
func ID() string {
	r, err := Rubric()
	if err != nil {
		return ""
	}
	return r.ID
}
