package store

import (
	"context"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// readyTTL is how long a readiness probe key lives: it only has to be
// written.
const readyTTL = 10 * time.Second

// Ready reports whether Redis takes writes, for a readiness check: it
// writes a short-lived probe key (mb:ready:{n}) on every master, since a
// Redis that answers PING may still refuse every write (a stopped master
// of a cluster, MOVED to a single-node client, READONLY on a replica
// after a failover, OOM under maxmemory). It returns nil, or
// EUNAVAILABLE wrapping Redis's reply; it calls Redis each time, so a
// check goes green again by itself once Redis does.
func (s *Store) Ready(ctx context.Context) error {
	keys := []string{readyKey(0)}
	if cc, ok := s.rdb.(*redis.ClusterClient); ok {
		ranges, err := cc.ClusterSlots(ctx).Result()
		if err != nil {
			return bot.Wrap(bot.EUNAVAILABLE, err, "ready: cluster slots")
		}
		keys = keys[:0]
		for _, r := range ranges {
			keys = append(keys, readyKeyIn(int(r.Start), int(r.End)))
		}
	}
	cmds, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for _, k := range keys {
			p.Set(ctx, k, "1", readyTTL)
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
		return bot.Wrap(bot.EUNAVAILABLE, err, "ready: write")
	}
	return nil
}

func readyKey(n int) string { return "mb:ready:{" + strconv.Itoa(n) + "}" }

// readyKeyIn returns a probe key whose slot is in [start, end]: a few
// tries for a master's range of thousands of slots, at most some 10^5 for
// a range of one slot.
func readyKeyIn(start, end int) string {
	for n := 0; n < 1<<20; n++ {
		if sl := Slot(readyKey(n)); sl >= start && sl <= end {
			return readyKey(n)
		}
	}
	return readyKey(0) // not a valid range: let Redis say what is wrong
}
