package matching

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
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
