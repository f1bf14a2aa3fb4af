package tui

import (
	"fmt"

	"github.com/readycheck/readycheck/rubric"
)

// notAnswered is a skill without an answer, as every screen and prompt
// says it.
const notAnswered = "not answered"

// levelName is a level as the screens and prompts show it: "Capable (3)".
func levelName(s *rubric.Scale, level int) string {
	return fmt.Sprintf("%s (%d)", cleanLine(s.Label(level)), level)
}
