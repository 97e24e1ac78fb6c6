package matching

import (
	"errors"
	"maps"
	"slices"
	"strings"
)

// Synonyms are a workspace's own spellings of topics, added by its
// managers on top of the built-in ones: folded alias → folded canonical
// topic ("kube" → "kubernetes"). A nil Synonyms has none.
type Synonyms map[string]string

// Errors of [Synonyms.Add].
var (
	ErrSynonymEmpty = errors.New("synonym: alias or topic has no letter or digit")
	ErrSynonymSelf  = errors.New("synonym: alias and topic are already the same topic")
	ErrSynonymCycle = errors.New("synonym: alias would make a cycle")
	// ErrSynonymWithin: a one-word alias whose topic contains that word
	// ("web" → "dev web"). Aliases apply to each word, so it would grow
	// the topic without end; and it is not needed, a request on the word
	// already finding the offers whose words include it.
	ErrSynonymWithin = errors.New("synonym: the topic contains the alias")
	// ErrSynonymBuiltin: a one-word alias that is one of the usual
	// spellings of another topic ("golang", which is "go"). Stored under
	// that topic, it would make every spelling of it mean the alias's
	// topic: "golang = rust" would send requests on "go" to Rust mentors.
	ErrSynonymBuiltin = errors.New("synonym: the alias is a usual spelling of another topic")
	// ErrSynonymBuiltinTopic: an alias that is itself a known topic of
	// the built-in vocabulary ("python"). It would make that topic mean
	// another: "python = go" would send every request on Python to Go
	// mentors.
	ErrSynonymBuiltinTopic = errors.New("synonym: the alias is a built-in topic")
)

// BuiltinOf returns the topic that a one-word alias already means
// through the usual spellings ("golang" → "go", "ml" → "machine
// learning"), and whether it has one.
func BuiltinOf(alias string) (string, bool) {
	key := NormalizeTopic(alias)
	words := strings.Fields(foldChars(alias))
	if len(words) != 1 || stem(words[0]) == key {
		return "", false // a phrase typed whole is the manager's own
	}
	return key, true
}

// Normalize folds a topic with [NormalizeTopic], then applies the
// workspace's aliases, to the whole topic and then to each word, until
// none applies. The result is folded: Normalize is idempotent.
func (s Synonyms) Normalize(topic string) string {
	n := NormalizeTopic(topic)
	if len(s) == 0 || n == "" {
		return n
	}
	n, _ = s.resolve(n)
	return n
}

// resolve applies the aliases to a folded topic until none applies, and
// reports whether it got there. Add refuses aliases that would not; the
// bound keeps a cycle stored by hand from hanging a request.
func (s Synonyms) resolve(n string) (string, bool) {
	for range len(s) + 1 {
		next := s.step(n)
		if next == n {
			return n, true
		}
		n = next
	}
	return n, false
}

// step applies the aliases once: to the whole topic if it is one, else to
// each word.
func (s Synonyms) step(n string) string {
	if c, ok := s[n]; ok {
		return NormalizeTopic(c)
	}
	if !hasWordIn(n, s) {
		return n // the common case, without allocating
	}
	words := strings.Split(n, " ")
	changed := false
	for i, w := range words {
		if c, ok := s[w]; ok {
			words[i], changed = c, true
		}
	}
	if !changed {
		return n
	}
	return NormalizeTopic(strings.Join(words, " "))
}

// Keys returns the index keys to read for a topic: the [TopicKeys] of its
// normalized form, and those of every alias whose topic shares one of
// them, so that an offer or a request stored under an alias's words (the
// store indexes plain [TopicKeys], which do not change when managers add
// an alias) is found. Sorted, without repeats.
func (s Synonyms) Keys(topic string) []string {
	keys := TopicKeys(s.Normalize(topic))
	if len(s) == 0 || len(keys) == 0 {
		return keys
	}
	own := slices.Clone(keys)
	for alias := range s { // any order: the result is sorted
		if sharesWord(s.Normalize(alias), own) {
			keys = append(keys, TopicKeys(alias)...)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// Add checks that alias may mean canonical in the workspace and returns
// what to store: the folded alias and the folded canonical topic (with
// the workspace's other aliases applied, so that "kube" → "k8s" stores
// "kube" → "kubernetes"). An alias already present is replaced. Errors:
// ErrSynonymEmpty when either has no letter or digit, ErrSynonymSelf when
// both already are one topic, ErrSynonymWithin when a one-word alias's
// topic contains it ("go" → "go tooling"), ErrSynonymBuiltin when a
// one-word alias is a usual spelling of another topic ("golang"),
// ErrSynonymBuiltinTopic when the alias is a known topic of the built-in
// vocabulary ("python", "project management"), ErrSynonymCycle when the
// alias would lead back to itself or grow a topic without end through
// others.
func (s Synonyms) Add(alias, canonical string) (key, target string, err error) {
	key = NormalizeTopic(alias)
	if key == "" || NormalizeTopic(canonical) == "" {
		return "", "", ErrSynonymEmpty
	}
	if key == NormalizeTopic(canonical) {
		return "", "", ErrSynonymSelf
	}
	next := maps.Clone(s)
	if next == nil {
		next = Synonyms{}
	}
	delete(next, key)
	target = next.Normalize(canonical)
	if target == key {
		return "", "", ErrSynonymCycle
	}
	if !strings.Contains(key, " ") && slices.Contains(strings.Split(target, " "), key) {
		return "", "", ErrSynonymWithin
	}
	if _, ok := BuiltinOf(alias); ok {
		return "", "", ErrSynonymBuiltin
	}
	if isBuiltinTopic(key) {
		return "", "", ErrSynonymBuiltinTopic
	}
	next[key] = target
	for k := range next {
		if _, ok := next.resolve(k); !ok {
			return "", "", ErrSynonymCycle
		}
	}
	return key, target, nil
}

// hasWordIn reports whether a word of the folded topic n is a key of s.
func hasWordIn(n string, s Synonyms) bool {
	for n != "" {
		w, rest, _ := strings.Cut(n, " ")
		if _, ok := s[w]; ok {
			return true
		}
		n = rest
	}
	return false
}

// sharesWord reports whether a word of the folded topic n is in sorted.
func sharesWord(n string, sorted []string) bool {
	for n != "" {
		w, rest, _ := strings.Cut(n, " ")
		if _, found := slices.BinarySearch(sorted, w); found {
			return true
		}
		n = rest
	}
	return false
}
