package posting

// Tier is a requirement's weight class: what the posting's words say of
// how much a skill counts.
type Tier int

// The weight tiers and the weights they give.
const (
	NoTier Tier = iota
	Lowest
	Middle
	Highest
)

// Weight is the requirement weight of a tier: 1, 2 or 3.
func (t Tier) Weight() float64 {
	switch t {
	case Lowest:
		return 1
	case Highest:
		return 3
	}
	return 2
}

// LevelCue is where on a skill's scale a word puts the minimum level.
type LevelCue int

// The level cues, from the lowest.
const (
	NoLevel LevelCue = iota
	// FirstLevel is the first level above none (foundational, basic).
	FirstLevel
	// MiddleLevel is the middle of the scale (working knowledge, solid).
	MiddleLevel
	// NearTop is one below the top (expert, advanced, deep).
	NearTop
	// CEFRB2 and CEFRC1 are those levels of a CEFR scale (good command,
	// fluent); elsewhere they read as the middle and one below the top.
	CEFRB2
	CEFRC1
)

// Cue is one entry of the words table: a phrase of the posting and what
// it sets. The table is matched on whole words, case-insensitively, and is
// the one docs/career-centers.md shows.
type Cue struct {
	Phrase string
	// Must makes the requirement `must: true`.
	Must bool
	// Tier sets the weight; Plain marks the weaker words (strong,
	// familiarity) that a phrase like "is essential" or "is a plus" in the
	// same sentence overrides.
	Tier  Tier
	Plain bool
	// Level sets the minimum level.
	Level LevelCue
}

// Table is the words table: every phrase readycheck reads as a cue, in
// English and Dutch.
var Table = []Cue{
	// must
	{Phrase: "must", Must: true},
	{Phrase: "you must", Must: true},
	{Phrase: "must have", Must: true},
	{Phrase: "required", Must: true},
	{Phrase: "require", Must: true},
	{Phrase: "requires", Must: true},
	{Phrase: "mandatory", Must: true},
	{Phrase: "need to", Must: true},
	{Phrase: "needs to", Must: true},
	{Phrase: "needed", Must: true},
	{Phrase: "vereist", Must: true},
	{Phrase: "verplicht", Must: true},
	{Phrase: "moet", Must: true},
	{Phrase: "moeten", Must: true},
	{Phrase: "noodzakelijk", Must: true},
	// the highest weight
	{Phrase: "essential", Tier: Highest},
	{Phrase: "crucial", Tier: Highest},
	{Phrase: "strong", Tier: Highest, Plain: true},
	{Phrase: "excellent", Tier: Highest, Plain: true},
	{Phrase: "essentieel", Tier: Highest},
	{Phrase: "cruciaal", Tier: Highest},
	{Phrase: "sterke", Tier: Highest, Plain: true},
	{Phrase: "uitstekende", Tier: Highest, Plain: true},
	// the middle weight
	{Phrase: "highly valued", Tier: Middle},
	{Phrase: "valued", Tier: Middle},
	{Phrase: "preferred", Tier: Middle},
	{Phrase: "preferably", Tier: Middle},
	{Phrase: "desirable", Tier: Middle},
	{Phrase: "beneficial", Tier: Middle},
	{Phrase: "important", Tier: Middle},
	{Phrase: "an advantage", Tier: Middle},
	{Phrase: "gewenst", Tier: Middle},
	{Phrase: "wenselijk", Tier: Middle},
	{Phrase: "belangrijk", Tier: Middle},
	{Phrase: "een voordeel", Tier: Middle},
	// the lowest weight
	{Phrase: "a plus", Tier: Lowest},
	{Phrase: "nice to have", Tier: Lowest},
	{Phrase: "nice to haves", Tier: Lowest},
	{Phrase: "bonus", Tier: Lowest},
	{Phrase: "familiarity", Tier: Lowest, Plain: true, Level: FirstLevel},
	{Phrase: "any exposure", Tier: Lowest, Plain: true, Level: FirstLevel},
	{Phrase: "pré", Tier: Lowest},
	{Phrase: "pluspunt", Tier: Lowest},
	{Phrase: "pluspunten", Tier: Lowest},
	{Phrase: "mooi meegenomen", Tier: Lowest},
	// the first level above none
	{Phrase: "foundational", Level: FirstLevel},
	{Phrase: "basic", Level: FirstLevel},
	{Phrase: "basics", Level: FirstLevel},
	{Phrase: "exposure", Level: FirstLevel},
	{Phrase: "familiar", Level: FirstLevel},
	{Phrase: "basiskennis", Level: FirstLevel},
	// the middle of the scale
	{Phrase: "working knowledge", Level: MiddleLevel},
	{Phrase: "experience", Level: MiddleLevel},
	{Phrase: "solid", Level: MiddleLevel},
	{Phrase: "hands on", Level: MiddleLevel},
	{Phrase: "proficient", Level: MiddleLevel},
	{Phrase: "ervaring", Level: MiddleLevel},
	{Phrase: "gedegen", Level: MiddleLevel},
	// one below the top
	{Phrase: "expert", Level: NearTop},
	{Phrase: "expertise", Level: NearTop},
	{Phrase: "advanced", Level: NearTop},
	{Phrase: "deep", Level: NearTop},
	{Phrase: "in depth", Level: NearTop},
	{Phrase: "diepgaande", Level: NearTop},
	// CEFR
	{Phrase: "fluent", Level: CEFRC1},
	{Phrase: "fluently", Level: CEFRC1},
	{Phrase: "vloeiend", Level: CEFRC1},
	{Phrase: "good command", Level: CEFRB2},
	{Phrase: "professional", Level: CEFRB2},
	{Phrase: "goede beheersing", Level: CEFRB2},
}

// cefrLevels are the literal CEFR levels; one in a sentence wins over any
// other level word for a skill of a CEFR scale.
var cefrLevels = map[string]string{"a1": "A1", "a2": "A2", "b1": "B1", "b2": "B2", "c1": "C1", "c2": "C2"}

// negators and negatable words: "not required", "we do not require",
// "no degree needed", "niet vereist" drop the whole sentence.
var negators = map[string]bool{"not": true, "no": true, "never": true, "don": true, "doesn": true, "isn": true, "aren": true, "niet": true, "geen": true, "hoeft": true, "hoef": true}

var negatable = map[string]bool{
	"required": true, "require": true, "requires": true, "requirement": true, "mandatory": true, "necessary": true,
	"needed": true, "need": true, "must": true, "essential": true, "vereist": true, "nodig": true, "verplicht": true,
	"noodzakelijk": true, "vereiste": true,
}

// listWords join the skills of a list; orWords make it a choice.
var listWords = map[string]bool{"and": true, "or": true, "en": true, "of": true, "as": true, "well": true, "either": true, "plus": true, "a": true, "an": true, "the": true, "een": true, "de": true, "het": true}
var orWords = map[string]bool{"or": true, "of": true, "either": true}

// oneOf phrases make a list a choice whatever joins it.
var oneOf = [][]string{{"one", "of"}, {"at", "least", "one"}, {"any", "of"}, {"either"}, {"één", "van"}, {"een", "van"}, {"minimaal", "één"}}

var cueIndex trie

// cueWords are the words of the table, left out of suggestions.
var cueWords = map[string]bool{}

func init() {
	for i, c := range Table {
		ws := words(c.Phrase)
		cueIndex.add(ws, i, c.Phrase)
		for _, w := range ws {
			cueWords[w] = true
		}
	}
	for w := range negatable {
		cueWords[w] = true
	}
	cueWords["knowledge"] = true
}

// cues is what a sentence's words say.
type cues struct {
	must       string // the phrase that set must
	tier       Tier
	tierWord   string
	tierPlain  bool
	level      LevelCue
	levelWord  string
	cefr       string // a literal A1–C2
	negated    string // the words that negate it
	oneOf      bool
	any        bool // some requirement word at all
	plusWeight bool // the tier is Lowest from a word of the table
}

// scan reads the cues of a sentence's words.
func scan(ts []token) cues {
	var c cues
	for i := 0; i < len(ts); {
		if l, ok := cefrLevels[ts[i].word]; ok && c.cefr == "" {
			c.cefr = l
			c.any = true
		}
		if negatable[ts[i].word] && c.negated == "" {
			for j := max(0, i-3); j < i; j++ {
				if negators[ts[j].word] {
					c.negated = joinWords(ts[j : i+1])
					break
				}
			}
			// "No (prior) experience with SQL (is) needed": a clause
			// that opens with "no" is negated by its need word however
			// far it comes.
			if c.negated == "" && len(ts) > 0 && (ts[0].word == "no" || ts[0].word == "geen") {
				c.negated = joinWords(ts[:1]) + " … " + ts[i].word
			}
		}
		for _, p := range oneOf {
			if i+len(p) <= len(ts) && equalWords(ts[i:i+len(p)], p) {
				c.oneOf = true
			}
		}
		n, l := cueIndex.longest(ts, i)
		if n == nil {
			i++
			continue
		}
		cue := Table[n.vals[0]]
		c.any = true
		if cue.Must && c.must == "" {
			c.must = cue.Phrase
		}
		if cue.Tier != NoTier && (c.tier == NoTier || (c.tierPlain && !cue.Plain)) {
			c.tier, c.tierWord, c.tierPlain = cue.Tier, cue.Phrase, cue.Plain
		}
		if cue.Level != NoLevel && rank(cue.Level) > rank(c.level) {
			c.level, c.levelWord = cue.Level, cue.Phrase
		}
		i += l
	}
	c.plusWeight = c.tier == Lowest
	return c
}

// rank orders level cues by how high they set the level.
func rank(l LevelCue) int {
	switch l {
	case FirstLevel:
		return 1
	case MiddleLevel, CEFRB2:
		return 2
	case NearTop, CEFRC1:
		return 3
	}
	return 0
}

func equalWords(ts []token, ws []string) bool {
	for i, w := range ws {
		if ts[i].word != w {
			return false
		}
	}
	return true
}

func joinWords(ts []token) string {
	ws := make([]string, len(ts))
	for i, t := range ts {
		ws[i] = t.word
	}
	return joinSpace(ws)
}

func joinSpace(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

// headings maps heading phrases to the kind of their section, checked in
// this order: benefits, duties, other, then requirements.
var headings = []struct {
	kind    Kind
	phrases []string
}{
	{Benefits, []string{"what we offer", "we offer", "benefits", "perks", "what you get", "what s in it for you", "why join", "compensation", "salary",
		"wat we bieden", "wat wij bieden", "wij bieden", "wat bieden wij", "arbeidsvoorwaarden", "wat krijg je", "wat krijg jij"}},
	{Duties, []string{"what you will do", "what you ll do", "what you ll be doing", "what you will be doing", "your work", "your role", "your tasks",
		"responsibilities", "tasks", "duties", "day to day", "the job", "wat ga je doen", "wat ga jij doen", "wat je gaat doen", "taken",
		"werkzaamheden", "jouw rol", "verantwoordelijkheden", "de functie", "functieomschrijving", "wat houdt de functie in"}},
	{Other, []string{"how to apply", "apply", "application process", "about us", "about the company", "who we are", "contact", "interview process",
		"solliciteren", "sollicitatie", "over ons", "wie zijn wij", "wie wij zijn", "procedure"}},
	{Requirements, []string{"what we look for", "what we re looking for", "what we are looking for", "looking for", "requirements", "required",
		"qualifications", "who you are", "about you", "your profile", "profile", "what you bring", "you bring", "you have", "skills", "must have",
		"must haves", "nice to have", "nice to haves", "bonus", "bonus points", "preferred", "desirable", "a plus", "wat we vragen",
		"wat wij vragen", "functie eisen", "functie-eisen", "eisen", "wie ben jij", "wie jij bent", "jouw profiel", "profiel", "wat breng je mee",
		"wat neem je mee", "pluspunten", "pré", "gewenst", "competenties", "vaardigheden", "kwalificaties"}},
}

var headingIndex []trie

func init() {
	headingIndex = make([]trie, len(headings))
	for i, h := range headings {
		for j, p := range h.phrases {
			headingIndex[i].add(words(p), j, p)
		}
	}
}

// headingKind tells a section's kind from its heading.
func headingKind(h string) (Kind, bool) {
	ts := tokenize(h)
	for i, hi := range headingIndex {
		for j := range ts {
			if n, _ := hi.longest(ts, j); n != nil {
				return headings[i].kind, true
			}
		}
	}
	return Intro, false
}

// isKnownHeading reports a short line that names a known kind of section.
func isKnownHeading(s string) bool {
	ts := tokenize(s)
	if len(ts) == 0 || len(ts) > 6 || endsSentence(s) {
		return false
	}
	_, ok := headingKind(s)
	return ok
}
