package kit

import (
	"fmt"

	"github.com/readycheck/readycheck/rubric"
)

// NotAnswered is a skill without an answer, as every screen and prompt
// says it.
const NotAnswered = "not answered"

// LevelName is a level as the screens and prompts show it: "Capable (3)".
func LevelName(s *rubric.Scale, level int) string {
	return fmt.Sprintf("%s (%d)", CleanLine(s.Label(level)), level)
}
