package matching

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the offered topic that a requested topic is most likely
// a typo of: "kubernete" for "kubernetes". It suggests only when no
// offered topic matches the request (the same topic, or one whose words
// include all of the request's), when the requested topic is not itself
// a known topic (see [Synonyms.Known]: "rust" is no typo of "rush"), and
// when one is close enough that it cannot be another real word (see
// typoDistance: "project management" is no typo of "product
// management"). Edits are insertions, deletions, substitutions and swaps
// of two adjacent letters (Damerau–Levenshtein), on the folded forms, so
// case, accents and plurals cost nothing.
//
// Among close topics it prefers the fewest edits, then the topic offered
// most often in offered (one entry per mentor and topic), then the first
// in folded order. best is the spelling of its first occurrence in
// offered. A suggestion is for the member to accept: never merge topics
// on it silently.
func Suggest(topic string, offered []string) (best string, ok bool) {
	return Synonyms(nil).Suggest(topic, offered)
}

// Suggest is [Suggest] with the workspace's synonyms.
func (s Synonyms) Suggest(topic string, offered []string) (best string, ok bool) {
	want := newTopicWith(topic, s.Normalize)
	if utf8.RuneCountInString(want.norm) <= 2 {
		return "", false
	}
	if s.Known(topic) {
		return s.offeredTypo(want, offered)
	}
	// The topic as typed, before its plural is taken off: "kubernets"
	// is one letter from "kubernetes", but its singular "kubernet" is
	// "kubernetes" shortened by two, which reads as another word.
	raw := foldChars(topic)
	return nearestOffered(want, offered, s.Normalize, func(norm string) (int, bool) {
		d, ok := typoDistance(want.norm, norm)
		if raw != want.norm && raw != norm {
			if d2, ok2 := typoDistance(raw, norm); ok2 && (!ok || d2 < d) {
				d, ok = d2, true
			}
		}
		// The usual spellings of the offered topic too: "postgre" is one
		// letter from "postgres", which is "postgresql".
		for _, sp := range builtinSpellings[norm] {
			for _, typed := range []string{want.norm, raw} {
				if d2, ok2 := typoDistance(typed, sp); ok2 && (!ok || d2 < d) {
					d, ok = d2, true
				}
			}
		}
		return d, ok
	})
}

// offeredTypo is Suggest for a known topic, which is never a typo
// itself: the offered topic that is likely a typo of it, as an offer of
// it is told ([Synonyms.SuggestBuiltin]: "kubernete" for a request on
// "kubernetes"), so that the mentee may still reach the mentor the
// offer's note promised them. Fewest edits first, as Suggest.
func (s Synonyms) offeredTypo(want topic, offered []string) (string, bool) {
	return nearestOffered(want, offered, s.Normalize, func(norm string) (int, bool) {
		b, ok := s.SuggestBuiltin(norm)
		if !ok || s.Normalize(b) != want.norm {
			return 0, false
		}
		if d, close := typoDistance(norm, want.norm); close {
			return d, true
		}
		return typoLimit(utf8.RuneCountInString(norm)) + 1, true // through a usual spelling
	})
}

// typoDistance returns the edits between two different folded topics,
// and whether so few that a is likely a typo of b rather than another
// word. Topics of as many words are compared word by word: each word may
// be edited only as much as its length allows (typoLimit: none under 3
// letters, one under 8, two from 8), and a word that only lengthens
// another by two letters or more is another word ("pythonic", "designer",
// "networking"), not a typo. Topics of different numbers of words (a
// space missed: "machinelearning") are compared whole, with the limit of
// their letters.
func typoDistance(a, b string) (int, bool) {
	if a == b || a == "" || b == "" {
		return 0, false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		limit := typoLimit(min(utf8.RuneCountInString(strings.Join(wa, "")), utf8.RuneCountInString(strings.Join(wb, ""))))
		d := TypoDistance(a, b, limit)
		return d, d <= limit
	}
	total := 0
	for i := range wa {
		if wa[i] == wb[i] {
			continue
		}
		if lengthens(wa[i], wb[i]) || lengthens(wb[i], wa[i]) {
			return 0, false
		}
		limit := typoLimit(min(utf8.RuneCountInString(wa[i]), utf8.RuneCountInString(wb[i])))
		d := TypoDistance(wa[i], wb[i], limit)
		if d > limit {
			return 0, false
		}
		total += d
	}
	return total, total > 0
}

// typo reports whether the folded topic a reads as a typo of b.
func typo(a, b string) bool {
	_, ok := typoDistance(a, b)
	return ok
}

// typoLimit is the most edits a typo makes in a word of n letters: none
// in a word of one or two letters ("r" and "c" are other words), one
// under eight letters, two from eight.
func typoLimit(n int) int {
	switch {
	case n <= 2:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// lengthens reports whether long is short with two letters or more added
// at its end: another word made from it, not a typo of it.
func lengthens(long, short string) bool {
	return len(long) >= len(short)+2 && strings.HasPrefix(long, short)
}

// TypoDistance returns the edit distance between a and b in runes,
// counting a swap of two adjacent runes as one edit ("frist", "first":
// the optimal string alignment distance), or limit+1 as soon as it is
// sure to exceed limit. The core's options misspelt in a goal use it too.
func TypoDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	// Three rows: the one before the previous (for swaps), the previous
	// and the current.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}
