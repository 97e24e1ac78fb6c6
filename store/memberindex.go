package store

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// A member's pair index and, for a mentee, their history are fields of
// the member's hash (member:<user>), beside their profile:
//
//	"p:<pair>"   → the pair's creation (ms): the member's pairs
//	"h:<mentor>" → bot.VerdictMet or bot.VerdictNever: the mentee's past pairings
//
// Older versions kept them in keys of their own, pairs:<user> (a sorted
// set) and hist:<user> (a hash): two keys of some 100 bytes each per
// member before their first field. Those still read, merged with the
// member's fields, and are deleted with the member; new entries go to
// the member's hash. A hash holding only such fields is no member's
// record: the member was never saved (isMemberRecord).
const (
	pairIndexPrefix = "p:"
	historyPrefix   = "h:"
)

// isMemberRecord reports whether the member's hash h holds their record:
// a field besides their pair index and history.
func isMemberRecord(h map[string]string) bool {
	for f := range h {
		if recordField(f) {
			return true
		}
	}
	return false
}

// recordField reports whether f, a field of a member's hash, belongs to
// their record rather than to their pair index or history.
func recordField(f string) bool {
	return !strings.HasPrefix(f, pairIndexPrefix) && !strings.HasPrefix(f, historyPrefix)
}

// indexPair files pair in the member indexes of its mentor and mentee.
func (t *tx) indexPair(k keys, pair bot.Pair) {
	created := strconv.FormatInt(pair.Created.UnixMilli(), 10)
	t.hset(k.member(pair.Mentor.User), pairIndexPrefix+pair.ID, created)
	t.hset(k.member(pair.Mentee.User), pairIndexPrefix+pair.ID, created)
}

// unindexPair removes pair from user's pair index, in the member's hash
// and in an older version's sorted set.
func unindexPair(ctx context.Context, p redisPipe, k keys, user, pair string) {
	p.HDel(ctx, k.member(user), pairIndexPrefix+pair)
	p.ZRem(ctx, k.pairs(user), pair)
}

// pairFieldsIn counts the pairs indexed in the member's hash h.
func pairFieldsIn(h map[string]string) int {
	n := 0
	for f := range h {
		if strings.HasPrefix(f, pairIndexPrefix) {
			n++
		}
	}
	return n
}

// pairIDsIn returns the pair IDs of the member's hash h and of an older
// version's sorted set, newest first (ties by ID, last first, as
// ZREVRANGE orders them).
func pairIDsIn(h map[string]string, older []redis.Z) []string {
	created := map[string]float64{}
	for _, z := range older {
		if id, ok := z.Member.(string); ok {
			created[id] = z.Score
		}
	}
	for f, v := range h {
		if id, ok := strings.CutPrefix(f, pairIndexPrefix); ok {
			ms, _ := strconv.ParseFloat(v, 64)
			created[id] = ms
		}
	}
	ids := make([]string, 0, len(created))
	for id := range created {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if created[ids[i]] != created[ids[j]] {
			return created[ids[i]] > created[ids[j]]
		}
		return ids[i] > ids[j]
	})
	return ids
}

// historyIn returns the mentee's history: the member's hash h merged with
// an older version's, where "never" wins as RememberPair keeps it.
func historyIn(h, older map[string]string) map[string]string {
	out := map[string]string{}
	for mentor, v := range older {
		out[mentor] = v
	}
	for f, v := range h {
		if mentor, ok := strings.CutPrefix(f, historyPrefix); ok && out[mentor] != bot.VerdictNever {
			out[mentor] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
