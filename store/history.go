package store

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// RememberPair implements bot.Store: a field of the mentee's hash
// (memberindex.go). VerdictNever overwrites; any other verdict is written
// only where the mentee has none for this mentor, so it never replaces
// VerdictNever (nor does it where an older version kept VerdictNever:
// historyIn lets that win).
func (s *Store) RememberPair(ctx context.Context, t bot.Tenant, mentee, mentor string, verdict string) error {
	key := keysFor(t).member(mentee)
	if verdict == bot.VerdictNever {
		return classify(s.rdb.HSet(ctx, key, historyPrefix+mentor, verdict).Err(), "remember pair")
	}
	return classify(s.rdb.HSetNX(ctx, key, historyPrefix+mentor, verdict).Err(), "remember pair")
}

// Histories implements bot.Store, in one pipelined round trip.
func (s *Store) Histories(ctx context.Context, t bot.Tenant, users []string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	if len(users) == 0 {
		return out, nil
	}
	k := keysFor(t)
	member := make([]*redis.MapStringStringCmd, len(users))
	older := make([]*redis.MapStringStringCmd, len(users))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, u := range users {
			member[i], older[i] = p.HGetAll(ctx, k.member(u)), p.HGetAll(ctx, k.history(u))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "histories")
	}
	for i, u := range users {
		if h := historyIn(member[i].Val(), older[i].Val()); len(h) > 0 {
			out[u] = h
		}
	}
	return out, nil
}
