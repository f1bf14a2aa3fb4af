package posting

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readycheck/readycheck/rubric"
)

// token is one word of a text, lower-cased, with its byte span in the text.
type token struct {
	word       string
	start, end int
}

// tokenize splits text into words on word boundaries. Letters and digits
// make words; a word keeps a + or # that follows it (C++, C#), a leading
// dot before letters (.NET) and a dot between letters (Node.js, ASP.NET).
// Everything else (spaces, punctuation, / and -) separates words, so that
// "CI/CD" and "CI CD" are the same two words.
func tokenize(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		start := i
		if r == '.' && i+1 < len(s) && isWordStart(s, i+1) && (i == 0 || !isWordBefore(s, i)) {
			i++ // ".NET": the dot belongs to the word
		} else if !isWord(r) {
			i += n
			continue
		}
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isWord(r) {
				i += n
				continue
			}
			if r == '.' && i+1 < len(s) && isWordStart(s, i+1) && i > start {
				i++ // "Node.js"
				continue
			}
			break
		}
		// C++ and C#: the marks after a word, when no word follows them.
		j := i
		for j < len(s) && (s[j] == '+' || s[j] == '#') {
			j++
		}
		if j > i && (j == len(s) || !isWordByte(s, j)) {
			i = j
		}
		out = append(out, token{word: strings.ToLower(s[start:i]), start: start, end: i})
	}
	return out
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isWordStart(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWord(r)
}

func isWordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWord(r)
}

func words(s string) []string {
	ts := tokenize(s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.word
	}
	return out
}

// trie finds names (sequences of words) in a text in one pass: at each
// word it follows the words after it as far as some name goes, so the
// cost is the text's length times the longest name, whatever the number
// of names.
type trie struct {
	next map[string]*trie
	// vals are what the name ending here stands for (skill indexes, or a
	// cue's index).
	vals []int
	// name is the name as first indexed, for messages.
	name string
}

func (t *trie) add(ws []string, v int, name string) {
	if len(ws) == 0 {
		return
	}
	n := t
	for _, w := range ws {
		if n.next == nil {
			n.next = map[string]*trie{}
		}
		c := n.next[w]
		if c == nil {
			c = &trie{}
			n.next[w] = c
		}
		n = c
	}
	for _, x := range n.vals {
		if x == v {
			return
		}
	}
	if n.name == "" {
		n.name = name
	}
	n.vals = append(n.vals, v)
}

// step follows one word, trying its singular too ("APIs" for "API").
func (t *trie) step(w string) *trie {
	if t.next == nil {
		return nil
	}
	if c := t.next[w]; c != nil {
		return c
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") {
		return t.next[w[:len(w)-1]]
	}
	return nil
}

// longest returns the longest name starting at ws[i]: its node and length.
func (t *trie) longest(ws []token, i int) (*trie, int) {
	var best *trie
	bestLen := 0
	n := t
	for j := i; j < len(ws); j++ {
		n = n.step(ws[j].word)
		if n == nil {
			break
		}
		if len(n.vals) > 0 {
			best, bestLen = n, j-i+1
		}
	}
	return best, bestLen
}

// mention is a skill named in a sentence.
type mention struct {
	skill      *rubric.Skill
	name       string // the name as the rubric writes it
	start, end int    // byte span in the sentence
	first      int    // index of its first word
	words      int
}

// index holds every name of every skill of a rubric: title, id (its
// hyphens as spaces) and aliases.
type index struct {
	r      *rubric.Rubric
	names  trie
	byWord map[string][]int // content word → skills whose names hold it, for suggestions
}

func newIndex(r *rubric.Rubric) *index {
	ix := &index{r: r, byWord: map[string][]int{}}
	for _, s := range r.Skills() {
		names := append([]string{s.Title, s.ID}, s.Aliases...)
		for _, name := range names {
			ws := words(name)
			ix.names.add(ws, s.Index, name)
			for _, w := range ws {
				if !stopWords[w] && len(w) > 1 {
					if l := ix.byWord[w]; len(l) == 0 || l[len(l)-1] != s.Index {
						ix.byWord[w] = append(l, s.Index)
					}
				}
			}
		}
	}
	return ix
}

// find returns the skills a sentence names, longest name first at each
// place, in order; a name of two skills names both.
func (ix *index) find(ts []token) []mention {
	var out []mention
	skills := ix.r.Skills()
	for i := 0; i < len(ts); {
		n, l := ix.names.longest(ts, i)
		if n == nil {
			i++
			continue
		}
		for _, v := range n.vals {
			out = append(out, mention{skill: skills[v], name: n.name, start: ts[i].start, end: ts[i+l-1].end, first: i, words: l})
		}
		i += l
	}
	return out
}

// closest suggests the skill whose names share the most content words
// with a sentence, or nil when none shares one.
func (ix *index) closest(ts []token) *rubric.Skill {
	count := map[int]int{}
	best, bestN := -1, 0
	seen := map[string]bool{}
	for _, t := range ts {
		w := t.word
		if seen[w] || stopWords[w] || cueWords[w] {
			continue
		}
		seen[w] = true
		l := ix.byWord[w]
		if len(l) == 0 && len(w) > 3 && strings.HasSuffix(w, "s") {
			l = ix.byWord[w[:len(w)-1]]
		}
		if len(l) > 20 {
			continue // a word of too many skills says nothing
		}
		for _, s := range l {
			count[s]++
			if c := count[s]; c > bestN || (c == bestN && s < best) {
				best, bestN = s, c
			}
		}
	}
	if best < 0 {
		return nil
	}
	return ix.r.Skills()[best]
}

// stopWords are left out of suggestions.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "or": true, "the": true, "of": true, "in": true, "on": true, "to": true,
	"for": true, "with": true, "at": true, "by": true, "is": true, "are": true, "be": true, "you": true, "your": true,
	"we": true, "our": true, "it": true, "as": true, "from": true, "that": true, "this": true, "have": true, "has": true,
	"can": true, "will": true, "work": true, "working": true, "skills": true, "skill": true, "knowledge": true,
	"de": true, "het": true, "een": true, "en": true, "je": true, "jij": true, "van": true, "met": true,
	"other": true, "one": true, "some": true, "any": true, "all": true, "team": true,
}
