package matching

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// topicsFile holds the built-in spellings of the same topic, one
// "alias = canonical" per line.
//
//go:embed topics.txt
var topicsFile string

// aliasTable is the parsed topics file. It is read-only.
type aliasTable struct {
	to       map[string]string // alias phrase → canonical
	first    map[string]bool   // first words of aliases
	maxWords int               // words in the longest alias
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
// '#' are skipped, every other line is "alias = canonical". It checks the
// shape of each line, and that no alias is listed twice; TestTopicsFile
// checks what the aliases mean.
func parseAliases(data string) (aliasTable, error) {
	t := aliasTable{to: map[string]string{}, first: map[string]bool{}}
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		alias, canonical, ok := strings.Cut(line, "=")
		alias, canonical = strings.TrimSpace(alias), strings.TrimSpace(canonical)
		if !ok || alias == "" || canonical == "" || strings.Contains(canonical, "=") {
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

// BuiltinTopics returns the topics the built-in spellings lead to
// ("kubernetes", "javascript"...), each once, in order: the vocabulary an
// offer's topic may be checked against for a typo (SuggestBuiltin).
func BuiltinTopics() []string {
	return builtinTopics
}

var builtinTopics = func() []string {
	var out []string
	for _, canonical := range builtinAliases.to {
		out = append(out, canonical)
	}
	slices.Sort(out)
	return slices.Compact(out)
}()

// SuggestBuiltin returns the built-in topic that topic is likely a typo
// of ("kubernete" → "kubernetes"): only for a topic of six letters or
// more (a shorter one is too often another word: "rest" is not "rust")
// that is neither a built-in topic nor one of its spellings.
func SuggestBuiltin(topic string) (string, bool) {
	n := NormalizeTopic(topic)
	if utf8.RuneCountInString(n) < 6 || slices.Contains(builtinTopics, n) {
		return "", false
	}
	if _, known := builtinAliases.to[foldChars(topic)]; known {
		return "", false
	}
	best, ok := Suggest(topic, builtinWords)
	if canonical, alias := builtinAliases.to[best]; alias {
		best = canonical // "postgre" is near "postgres": say "postgresql"
	}
	return best, ok
}

// builtinWords are the built-in topics and their spellings, which a typo
// may be closest to.
var builtinWords = func() []string {
	out := slices.Clone(builtinTopics)
	for alias := range builtinAliases.to {
		out = append(out, alias)
	}
	slices.Sort(out)
	return slices.Compact(out)
}()
