package matching

import (
	"slices"
	"strings"
)

// Topic part scores.
const (
	topicExact   = 1.0
	topicRelated = 0.6
)

// NormalizeTopic returns the folded form of a topic, the key under which
// two spellings of the same topic are equal:
//
//   - case, accents and punctuation do not matter: "Développement",
//     "developpement" and "DÉVELOPPEMENT" are "developpement", and
//     "machine-learning" is "machine learning" (see foldChars for the
//     rules, which keep "c#", "c++" and ".net" apart from "c");
//   - nor do plurals, in English and in French: "APIs" is "api",
//     "réseaux" "reseau" (see stem);
//   - common spellings of the same technology are one topic: "k8s" is
//     "kubernetes", ".NET" "dotnet", "node.js" "node" (topics.txt), in a
//     whole topic and inside one: "k8s operators" is "kubernetes operator".
//
// It is idempotent, and returns "" only for a topic with no letter or
// digit. On a topic that is already folded plain ASCII, the common case
// when ranking, it does not allocate.
func NormalizeTopic(s string) string {
	if isFolded(s) {
		return s
	}
	s = foldChars(s)
	if isFolded(s) { // only case or punctuation changed
		return s
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		if _, alias := builtinAliases.to[w]; !alias {
			words[i] = stem(w)
		}
	}
	// An alias replaced can form another with the words around it
	// ("ai artificielle"): replace until nothing changes. Each round
	// consumes words of the input, so this ends.
	for range len(words) + 1 {
		var changed bool
		if words, changed = builtinAliases.replace(words); !changed {
			break
		}
	}
	return strings.Join(words, " ")
}

// isFolded reports whether NormalizeTopic(s) is s, for the common case of
// lower-case ASCII words; false means "not sure". It does not allocate.
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' {
			c := s[i]
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case (c == '#' || c == '+') && i > start:
			default:
				return false
			}
			continue
		}
		w := s[start:i]
		if w == "" || builtinAliases.first[w] || stem(w) != w {
			return false
		}
		start = i + 1
	}
	return true
}

// TopicKeys returns the words of the folded topic, sorted and without
// repeats: the keys under which an index finds the topic. Two topics that
// match, exactly or as related (the words of the offered one include all
// those of the requested one), share at least one key. An empty topic has
// none.
//
// They include the words the topic was typed with, where the usual
// spellings replaced them ("bases de données" is "database", filed under
// "base", "de", "donnee" and "database"), since a request on one of them
// finds it as related (see matchTopic).
func TopicKeys(topic string) []string {
	n := NormalizeTopic(topic)
	if n == "" {
		return nil
	}
	keys := strings.Split(typedWords(topic, n), " ")
	slices.Sort(keys)
	return slices.Compact(keys)
}

// topic is a normalised topic kept with its raw spelling.
type topic struct {
	raw  string
	norm string
	// words are norm's words and those the topic was typed with, folded
	// and in the singular, where the usual spellings or the workspace's
	// aliases replaced them (typedWords): an offer of "bases de données",
	// which is "database", is found as related by a request on
	// "données". The same string as norm when nothing was replaced.
	words string
}

func newTopic(raw string) topic { return newTopicWith(raw, NormalizeTopic) }

// topic is a topic as the workspace's synonyms fold it: with none, as
// NormalizeTopic does.
func (s Synonyms) topic(raw string) topic {
	if len(s) == 0 {
		return newTopic(raw)
	}
	return newTopicWith(raw, s.Normalize)
}

func newTopicWith(raw string, normalize func(string) string) topic {
	n := normalize(raw)
	return topic{raw: strings.TrimSpace(raw), norm: n, words: typedWords(raw, n)}
}

// typedWords returns norm, the folded form of raw, followed by the words
// raw was typed with that norm lost to an alias, folded as NormalizeTopic
// folds each word before the aliases apply: "bases de données", folded
// "database", gives "database base de donnee". A topic folded alone word
// by word is norm itself, without allocating.
func typedWords(raw, norm string) string {
	if norm == "" || norm == raw {
		return norm
	}
	var extra []string
	for _, w := range strings.Fields(foldChars(raw)) {
		if _, alias := builtinAliases.to[w]; !alias {
			w = stem(w)
		}
		if !hasWord(norm, w) && !slices.Contains(extra, w) {
			extra = append(extra, w)
		}
	}
	if len(extra) == 0 {
		return norm
	}
	return norm + " " + strings.Join(extra, " ")
}

// matchTopic scores want against offered topics. It returns the best
// score (0 when nothing matches), the raw spelling of the offered topic
// that gave it (the first one on ties) and whether the match was exact.
// An offered topic matches when it is want, or as related when its words
// include all of want's: a request on "web" finds the mentors of "dev
// web". Its words are those it was typed with too (topic.words): a
// request on "données" finds the mentors of "bases de données", which
// the usual spellings fold to "database". Never the other way round: an offered topic of fewer words is
// often another thing ("networks" for "social networks", "data" for "big
// data"). This is the one rule of the instant proposal, the language gap,
// Explain and the rounds.
//
// With narrower (Options.NarrowerOffers), an offered topic whose words
// are all among want's matches as related too.
func matchTopic(want topic, offered []topic, narrower bool) (score float64, detail string, exact bool) {
	if want.norm == "" {
		return 0, "", false
	}
	for _, t := range offered {
		if t.norm == want.norm {
			return topicExact, t.raw, true
		}
		if score == 0 && t.norm != "" && (hasAllWords(t.words, want.norm) || narrower && hasAllWords(want.norm, t.norm)) {
			score, detail = topicRelated, t.raw
		}
	}
	return score, detail, false
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
