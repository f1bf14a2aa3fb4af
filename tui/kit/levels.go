package kit

import (
	"fmt"

	"github.com/readycheck/readycheck/rubric"
)

// NotAnswered is a skill without an answer, as every screen and prompt
// says it.
const NotAnswered = "not answered"

// SkillRows lists r's skills under their categories' headings, in rubric
// order, as the rows of a screen: rows holds a skill's index, or -1-h for
// heading h; headings are the categories' titles, cleaned; skillRow[i] is
// skill i's row.
func SkillRows(r *rubric.Rubric) (rows []int, headings []string, skillRow []int) {
	for i, sk := range r.Skills() {
		if i == 0 || sk.Category != r.Skills()[i-1].Category {
			rows = append(rows, -1-len(headings))
			headings = append(headings, CleanLine(sk.Category.Title))
		}
		skillRow = append(skillRow, len(rows))
		rows = append(rows, i)
	}
	return rows, headings, skillRow
}

// LevelName is a level as the screens and prompts show it: "Capable (3)".
func LevelName(s *rubric.Scale, level int) string {
	return fmt.Sprintf("%s (%d)", CleanLine(s.Label(level)), level)
}
