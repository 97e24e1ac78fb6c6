package matching

import (
	"strings"
	"unicode"
)

// Topic part scores.
const (
	topicExact   = 1.0
	topicRelated = 0.6
)

// topicAliases maps a normalised word or phrase to its canonical spelling.
// It is read-only.
var topicAliases = map[string]string{
	"k8s":      "kubernetes",
	"golang":   "go",
	"js":       "javascript",
	"ts":       "typescript",
	"py":       "python",
	"ml":       "machine learning",
	"ai":       "artificial intelligence",
	"dl":       "deep learning",
	"nlp":      "natural language processing",
	"ux":       "user experience",
	"ui":       "user interface",
	"pm":       "product management",
	"postgres": "postgresql",
	"nodejs":   "node.js",
}

// NormalizeTopic returns the canonical form of a topic: lower case, with
// '-', '_' and '/' read as spaces, runs of spaces collapsed, and surrounding
// punctuation stripped (except a leading '.' as in ".net" and a trailing '#'
// as in "c#"). Then the alias table applies, first to the whole topic and,
// if that is not an alias, to each word: "K8s" and "k8s operators" become
// "kubernetes" and "kubernetes operators". Equal results mean equal topics.
func NormalizeTopic(s string) string {
	if !isCanonicalASCII(s) {
		s = canonicalSpelling(s)
	}
	if a, ok := topicAliases[s]; ok {
		return a
	}
	return aliasWords(s)
}

// canonicalSpelling applies the case, separator, space and punctuation
// rules of NormalizeTopic, but not the aliases.
func canonicalSpelling(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range s {
		if r == '-' || r == '_' || r == '/' || unicode.IsSpace(r) {
			pendingSpace = b.Len() > 0
			continue
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s = strings.TrimLeftFunc(b.String(), func(r rune) bool {
		return r == ' ' || (unicode.IsPunct(r) && r != '.')
	})
	return strings.TrimRightFunc(s, func(r rune) bool {
		return r == ' ' || (unicode.IsPunct(r) && r != '#')
	})
}

// isCanonicalASCII reports whether canonicalSpelling would return s
// unchanged, for the common ASCII case; false means "not sure".
func isCanonicalASCII(s string) bool {
	if s == "" {
		return true
	}
	if first, last := rune(s[0]), rune(s[len(s)-1]); first == ' ' || last == ' ' ||
		(unicode.IsPunct(first) && first != '.') || (unicode.IsPunct(last) && last != '#') {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 0x80, 'A' <= b && b <= 'Z', b == '-', b == '_', b == '/':
			return false
		case b == ' ' && s[i-1] == ' ':
			return false
		case b != ' ' && b <= ' ':
			return false // tabs, newlines and other control bytes
		}
	}
	return true
}

// aliasWords replaces each word of s that is an alias; it allocates only
// when there is one.
func aliasWords(s string) string {
	found := false
	for w := range strings.SplitSeq(s, " ") {
		if _, found = topicAliases[w]; found {
			break
		}
	}
	if !found {
		return s
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		if a, ok := topicAliases[w]; ok {
			words[i] = a
		}
	}
	return strings.Join(words, " ")
}

// topic is a normalised topic kept with its raw spelling.
type topic struct {
	raw  string
	norm string
}

func newTopic(raw string) topic {
	return topic{raw: strings.TrimSpace(raw), norm: NormalizeTopic(raw)}
}

// matchTopic scores want against offered topics. It returns the best
// score (0 when nothing matches), the raw spelling of the offered topic
// that gave it (the first one on ties) and whether the match was exact.
func matchTopic(want topic, offered []topic) (score float64, detail string, exact bool) {
	if want.norm == "" {
		return 0, "", false
	}
	for _, t := range offered {
		if t.norm == want.norm {
			return topicExact, t.raw, true
		}
		if score == 0 && t.norm != "" && related(want.norm, t.norm) {
			score, detail = topicRelated, t.raw
		}
	}
	return score, detail, false
}

// related reports whether the words of normalised topic a include all the
// words of b, or the other way round.
func related(a, b string) bool {
	return hasAllWords(a, b) || hasAllWords(b, a)
}

// hasAllWords reports whether every space-separated word of sub is a word
// of set. Both are normalised, so words are separated by single spaces.
func hasAllWords(set, sub string) bool {
	for sub != "" {
		w, rest, _ := strings.Cut(sub, " ")
		if !hasWord(set, w) {
			return false
		}
		sub = rest
	}
	return true
}

func hasWord(set, w string) bool {
	for set != "" {
		s, rest, _ := strings.Cut(set, " ")
		if s == w {
			return true
		}
		set = rest
	}
	return false
}
