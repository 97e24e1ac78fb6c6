package store

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// RememberPair implements bot.Store. VerdictNever overwrites; any other
// verdict is written only where the mentee has none for this mentor, so
// it never replaces VerdictNever.
func (s *Store) RememberPair(ctx context.Context, t bot.Tenant, mentee, mentor string, verdict string) error {
	key := keysFor(t).history(mentee)
	if verdict == bot.VerdictNever {
		return classify(s.rdb.HSet(ctx, key, mentor, verdict).Err(), "remember pair")
	}
	return classify(s.rdb.HSetNX(ctx, key, mentor, verdict).Err(), "remember pair")
}

// Histories implements bot.Store, in one pipelined round trip.
func (s *Store) Histories(ctx context.Context, t bot.Tenant, users []string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	if len(users) == 0 {
		return out, nil
	}
	k := keysFor(t)
	cmds := make([]*redis.MapStringStringCmd, len(users))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, u := range users {
			cmds[i] = p.HGetAll(ctx, k.history(u))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "histories")
	}
	for i, u := range users {
		if h := cmds[i].Val(); len(h) > 0 {
			out[u] = h
		}
	}
	return out, nil
}
