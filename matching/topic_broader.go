package matching

import "strings"

// Broader returns the offered topic whose words are all among a requested
// topic's, fewer of them: "kubernetes" for "kubernetes operators", "data"
// for "big data". The matcher never proposes the mentors of such a topic
// for the request (matchTopic: a topic of fewer words is often another
// thing, "networks" for "social networks"), so a member is told of it and
// may choose to ask them instead; never merge topics on it silently. It
// suggests only when no offered topic matches the request (the same
// topic, or one whose words include all of the request's), as Suggest.
//
// Among broader topics it prefers the one of most words (the nearest),
// then the topic offered most often in offered (one entry per mentor and
// topic), then the first in folded order. best is the spelling of its
// first occurrence in offered.
func Broader(topic string, offered []string) (best string, ok bool) {
	return Synonyms(nil).Broader(topic, offered)
}

// Broader is [Broader] with the workspace's synonyms.
func (s Synonyms) Broader(topic string, offered []string) (best string, ok bool) {
	want := newTopicWith(topic, s.Normalize)
	if want.norm == "" {
		return "", false
	}
	type candidate struct {
		raw          string
		words, count int
	}
	seen := map[string]*candidate{}
	var order []string
	for _, raw := range offered {
		t := newTopicWith(raw, s.Normalize)
		if t.norm == "" {
			continue
		}
		if t.norm == want.norm || hasAllWords(t.norm, want.norm) {
			return "", false // somebody offers it
		}
		if c, ok := seen[t.norm]; ok {
			c.count++
			continue
		}
		if !hasAllWords(want.norm, t.norm) {
			continue
		}
		seen[t.norm] = &candidate{raw: t.raw, words: strings.Count(t.norm, " ") + 1, count: 1}
		order = append(order, t.norm)
	}
	var bestC *candidate
	bestNorm := ""
	for _, n := range order {
		c := seen[n]
		if bestC == nil || c.words > bestC.words || (c.words == bestC.words && (c.count > bestC.count || (c.count == bestC.count && n < bestNorm))) {
			bestC, bestNorm = c, n
		}
	}
	if bestC == nil {
		return "", false
	}
	return bestC.raw, true
}
