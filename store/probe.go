package store

import (
	"context"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// probeTTL is how long a write probe's key lives: it only has to be
// written.
const probeTTL = 10 * time.Second

// CheckWrites reports whether Redis takes writes on every master, for a
// readiness check: it writes a short-lived probe key (mb:ready:{n}) in
// each master's slots, since a Redis that answers PING may still refuse
// every write (a stopped master of a cluster, MOVED to a single-node
// client, READONLY on a replica after a failover, OOM under maxmemory),
// and one key checks only the master that holds it. On a single node or
// a Sentinel master it writes one key. It returns nil, or EUNAVAILABLE
// wrapping Redis's reply; it calls Redis each time, so a check goes
// green again by itself once Redis does.
func (s *Store) CheckWrites(ctx context.Context) error {
	keys := []string{probeKey(0)}
	if cc, ok := s.rdb.(*redis.ClusterClient); ok {
		ranges, err := cc.ClusterSlots(ctx).Result()
		if err != nil {
			return bot.Wrap(bot.EUNAVAILABLE, err, "check writes: cluster slots")
		}
		keys = keys[:0]
		for _, r := range ranges {
			keys = append(keys, probeKeyIn(int(r.Start), int(r.End)))
		}
	}
	cmds, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for _, k := range keys {
			p.Set(ctx, k, "1", probeTTL)
		}
		return nil
	})
	for _, c := range cmds {
		if c.Err() != nil {
			err = c.Err()
			break
		}
	}
	if err != nil {
		return bot.Wrap(bot.EUNAVAILABLE, err, "check writes")
	}
	return nil
}

func probeKey(n int) string { return "mb:ready:{" + strconv.Itoa(n) + "}" }

// probeKeyIn returns a probe key whose slot is in [start, end]: a few
// tries for a master's range of thousands of slots, at most some 10^5 for
// a range of one slot.
func probeKeyIn(start, end int) string {
	for n := 0; n < 1<<20; n++ {
		if sl := Slot(probeKey(n)); sl >= start && sl <= end {
			return probeKey(n)
		}
	}
	return probeKey(0) // not a valid range: let Redis say what is wrong
}
