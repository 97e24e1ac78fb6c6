package store

import (
	"context"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// homes is the set of users who opened their home.
func (k keys) homes() string { return string(k) + "homes" }

// OpenedHome implements bot.HomeStore.
func (s *Store) OpenedHome(ctx context.Context, m bot.MemberID) error {
	return classify(s.rdb.SAdd(ctx, keysFor(m.Tenant()).homes(), m.User).Err(), "note home opened")
}

// HasOpenedHome implements bot.HomeStore.
func (s *Store) HasOpenedHome(ctx context.Context, m bot.MemberID) (bool, error) {
	cmd := redis.NewBoolCmd(ctx, "sismember", keysFor(m.Tenant()).homes(), m.User)
	if err := s.batch.do(ctx, cmd); err != nil {
		return false, classify(err, "read home opened")
	}
	return cmd.Val(), nil
}

// JobsDue implements bot.HomeStore: one round trip, a ZSCORE of each job
// in its bucket and in the older version's set.
func (s *Store) JobsDue(ctx context.Context, t bot.Tenant, ids []string) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	if len(ids) == 0 {
		return out, nil
	}
	k := keysFor(t)
	bucket := make([]*redis.FloatCmd, len(ids))
	legacy := make([]*redis.FloatCmd, len(ids))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, id := range ids {
			bucket[i] = p.ZScore(ctx, k.jobBucket(id), id)
			legacy[i] = p.ZScore(ctx, k.jobs(), id)
		}
		return nil
	})
	if err != nil && err != redis.Nil {
		return nil, classify(err, "read jobs due")
	}
	for i, id := range ids {
		for _, c := range []*redis.FloatCmd{bucket[i], legacy[i]} {
			if ms, err := c.Result(); err == nil {
				out[id] = time.UnixMilli(int64(ms)).UTC()
				break
			}
		}
	}
	return out, nil
}
