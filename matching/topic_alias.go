package matching

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// topicsFile holds the built-in vocabulary: spellings of the same topic,
// one "alias = canonical" per line, and known topics with no other
// spelling, one per line on their own.
//
//go:embed topics.txt
var topicsFile string

// aliasTable is the parsed topics file. It is read-only.
type aliasTable struct {
	to       map[string]string // alias phrase → canonical
	first    map[string]bool   // first words of aliases
	maxWords int               // words in the longest alias
	topics   []string          // the topics listed on their own, in file order
}

var builtinAliases = mustParseAliases(topicsFile)

func mustParseAliases(data string) aliasTable {
	t, err := parseAliases(data)
	if err != nil {
		panic("matching: topics.txt: " + err.Error()) // TestTopicsFile keeps this from happening
	}
	return t
}

// parseAliases reads the topics file: blank lines and lines starting with
// '#' are skipped, every other line is "alias = canonical" or a topic on
// its own. It checks the shape of each line, and that no alias or topic
// is listed twice, nor a topic on its own as an alias; TestTopicsFile
// checks what the aliases mean.
func parseAliases(data string) (aliasTable, error) {
	t := aliasTable{to: map[string]string{}, first: map[string]bool{}}
	lineOf := map[string]int{} // topics on their own → their line
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		alias, canonical, ok := strings.Cut(line, "=")
		alias, canonical = strings.TrimSpace(alias), strings.TrimSpace(canonical)
		if !ok {
			if _, dup := lineOf[alias]; dup {
				return t, fmt.Errorf("line %d: topic %q is listed twice", i+1, alias)
			}
			lineOf[alias] = i + 1
			t.topics = append(t.topics, alias)
			continue
		}
		if alias == "" || canonical == "" || strings.Contains(canonical, "=") {
			return t, fmt.Errorf("line %d: want \"alias = canonical\", got %q", i+1, line)
		}
		if _, dup := t.to[alias]; dup {
			return t, fmt.Errorf("line %d: alias %q is listed twice", i+1, alias)
		}
		t.to[alias] = canonical
		words := strings.Fields(alias)
		t.first[words[0]] = true
		t.maxWords = max(t.maxWords, len(words))
	}
	for _, topic := range t.topics {
		if _, alias := t.to[topic]; alias {
			return t, fmt.Errorf("line %d: topic %q is an alias too", lineOf[topic], topic)
		}
	}
	return t, nil
}

// replace replaces the aliases among words, longest first from the left,
// and reports whether it replaced any.
func (t aliasTable) replace(words []string) ([]string, bool) {
	if !slices.ContainsFunc(words, func(w string) bool { return t.first[w] }) {
		return words, false // the common case, without allocating
	}
	var out []string
	changed := false
	for i := 0; i < len(words); {
		n, canonical := t.longest(words[i:])
		if n == 0 {
			out = append(out, words[i])
			i++
			continue
		}
		out = append(out, strings.Fields(canonical)...)
		i += n
		changed = true
	}
	return out, changed
}

// longest returns the length in words of the longest alias that words
// start with, and its canonical form; 0 if none.
func (t aliasTable) longest(words []string) (int, string) {
	if !t.first[words[0]] {
		return 0, ""
	}
	for n := min(t.maxWords, len(words)); n > 0; n-- {
		if c, ok := t.to[strings.Join(words[:n], " ")]; ok {
			return n, c
		}
	}
	return 0, ""
}

// BuiltinTopics returns the known topics of the built-in vocabulary:
// those the built-in spellings lead to ("kubernetes", "javascript"...)
// and those listed on their own ("project management"), each once, in
// order. An offer of one is never taken for a typo (SuggestBuiltin), and
// a workspace cannot make one an alias of another topic (Synonyms.Add).
func BuiltinTopics() []string {
	return builtinTopics
}

var builtinTopics = func() []string {
	out := slices.Clone(builtinAliases.topics)
	for _, canonical := range builtinAliases.to {
		out = append(out, canonical)
	}
	slices.Sort(out)
	return slices.Compact(out)
}()

// isBuiltinTopic reports whether the folded topic n is a known topic of
// the built-in vocabulary.
func isBuiltinTopic(n string) bool {
	_, found := slices.BinarySearch(builtinTopics, n)
	return found
}

// SuggestBuiltin returns the built-in topic that topic is likely a typo
// of ("kubernete" → "kubernetes"), without a workspace's aliases: see
// [Synonyms.SuggestBuiltin].
func SuggestBuiltin(topic string) (string, bool) {
	return Synonyms(nil).SuggestBuiltin(topic)
}

// SuggestBuiltin returns the built-in topic that topic is likely a typo
// of ("kubernete" → "kubernetes"): only for a topic of six letters or
// more (a shorter one is too often another word: "rest" is not "rust")
// that the workspace does not know (see [Synonyms.Known]: a known topic
// is never a typo), and only as close as [Suggest] allows (a different
// real word is not a typo: "project" is not "product").
func (s Synonyms) SuggestBuiltin(topic string) (string, bool) {
	n := s.Normalize(topic)
	if utf8.RuneCountInString(n) < 6 || s.Known(topic) {
		return "", false
	}
	best, ok := "", false
	bestDist := 0
	for _, w := range builtinWords {
		if d, close := typoDistance(n, w); close && (!ok || d < bestDist) {
			best, bestDist, ok = w, d, true
		}
	}
	if canonical, alias := builtinAliases.to[best]; alias {
		best = canonical // "postgrs" is near "postgres": say "postgresql"
	}
	if ok && s.Normalize(best) == n {
		return "", false // the workspace reads it as that topic already
	}
	return best, ok
}

// Known reports whether topic is a topic the workspace knows, which is
// never taken for a typo: a known topic of the built-in vocabulary or one
// of its usual spellings, or one of the workspace's aliases or the topic
// an alias leads to.
func (s Synonyms) Known(topic string) bool {
	n := NormalizeTopic(topic)
	if n == "" {
		return false
	}
	if isBuiltinTopic(n) {
		return true
	}
	if _, alias := builtinAliases.to[foldChars(topic)]; alias {
		return true
	}
	if _, alias := s[n]; alias {
		return true
	}
	for _, target := range s {
		if target == n || NormalizeTopic(target) == n {
			return true
		}
	}
	return false
}

// builtinSpellings are the usual spellings of each built-in topic that
// has some, folded: "postgresql" → "pgsql", "postgre", "postgres".
var builtinSpellings = func() map[string][]string {
	out := map[string][]string{}
	for alias, canonical := range builtinAliases.to {
		out[canonical] = append(out[canonical], alias)
	}
	for _, spellings := range out {
		slices.Sort(spellings)
	}
	return out
}()

// builtinWords are the built-in topics and their spellings, which a typo
// may be closest to, folded, in order.
var builtinWords = func() []string {
	out := slices.Clone(builtinTopics)
	for alias := range builtinAliases.to {
		out = append(out, alias)
	}
	slices.Sort(out)
	return slices.Compact(out)
}()
