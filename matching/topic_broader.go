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
	return nearestOffered(want, offered, s.Normalize, func(norm string) (int, bool) {
		// A broader topic: all its words among want's; of most words first.
		return -(strings.Count(norm, " ") + 1), hasAllWords(want.norm, norm)
	})
}

// nearestOffered returns the spelling (its first occurrence in offered) of
// the offered topic of smallest key, among those key accepts, then of the
// one offered most often, then the first in folded order; nothing when
// an offered topic matches want (the same topic, or one whose words
// include all of want's): somebody offers it. Suggest and Broader choose
// with it.
func nearestOffered(want topic, offered []string, normalize func(string) string, key func(norm string) (int, bool)) (string, bool) {
	type candidate struct {
		raw        string
		key, count int
		ok         bool
	}
	seen := map[string]*candidate{}
	var order []string
	for _, raw := range offered {
		t := newTopicWith(raw, normalize)
		if t.norm == "" {
			continue
		}
		if t.norm == want.norm || hasAllWords(t.words, want.norm) {
			return "", false // somebody offers it
		}
		if c, ok := seen[t.norm]; ok {
			c.count++
			continue
		}
		k, ok := key(t.norm)
		seen[t.norm] = &candidate{raw: t.raw, key: k, count: 1, ok: ok}
		order = append(order, t.norm)
	}
	var best *candidate
	bestNorm := ""
	for _, n := range order {
		c := seen[n]
		if !c.ok {
			continue
		}
		if best == nil || c.key < best.key || (c.key == best.key && (c.count > best.count || (c.count == best.count && n < bestNorm))) {
			best, bestNorm = c, n
		}
	}
	if best == nil {
		return "", false
	}
	return best.raw, true
}
