package matching

import "unicode/utf8"

// Suggest returns the offered topic that a requested topic is most likely
// a typo of: "kubernete" for "kubernetes". It suggests only when no
// offered topic matches the request (exactly or as related) and one is
// close: at most one edit away for a folded topic of 3 or 4 letters, two
// for a longer one, and never for one of 1 or 2 letters, where one edit
// makes another word ("r" and "c"). Edits are insertions, deletions,
// substitutions and swaps of two adjacent letters (Damerau–Levenshtein),
// on the folded forms, so case, accents and plurals cost nothing.
//
// Among close topics it prefers the fewest edits, then the topic offered
// most often in offered (one entry per mentor and topic), then the first
// in folded order. best is the spelling of its first occurrence in
// offered. A suggestion is for the member to accept: never merge topics
// on it silently.
func Suggest(topic string, offered []string) (best string, ok bool) {
	return suggest(topic, offered, NormalizeTopic)
}

// Suggest is [Suggest] with the workspace's synonyms.
func (s Synonyms) Suggest(topic string, offered []string) (best string, ok bool) {
	return suggest(topic, offered, s.Normalize)
}

func suggest(topic string, offered []string, normalize func(string) string) (string, bool) {
	want := newTopicWith(topic, normalize)
	letters := utf8.RuneCountInString(want.norm)
	if letters <= 2 {
		return "", false
	}
	limit := 2
	if letters <= 4 {
		limit = 1
	}
	type candidate struct {
		raw   string
		dist  int
		count int
	}
	seen := map[string]*candidate{}
	var order []string
	for _, raw := range offered {
		t := newTopicWith(raw, normalize)
		if t.norm == "" {
			continue
		}
		if t.norm == want.norm || related(want.norm, t.norm) {
			return "", false // somebody offers it
		}
		if c, ok := seen[t.norm]; ok {
			c.count++
			continue
		}
		c := &candidate{raw: t.raw, dist: -1, count: 1}
		if d := damerauLevenshtein(want.norm, t.norm, limit); d <= limit {
			c.dist = d
		}
		seen[t.norm] = c
		order = append(order, t.norm)
	}
	var best *candidate
	bestNorm := ""
	for _, n := range order {
		c := seen[n]
		if c.dist < 0 {
			continue
		}
		if best == nil || c.dist < best.dist || (c.dist == best.dist && (c.count > best.count || (c.count == best.count && n < bestNorm))) {
			best, bestNorm = c, n
		}
	}
	if best == nil {
		return "", false
	}
	return best.raw, true
}

// damerauLevenshtein returns the edit distance between a and b in runes,
// counting a swap of two adjacent runes as one edit (the optimal string
// alignment distance), or limit+1 as soon as it is sure to exceed limit.
func damerauLevenshtein(a, b string, limit int) int {
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
