package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// SaveNotice implements bot.Store: the notice (JSON, with its TTL) and its
// job are written in one MULTI, so a job never runs without its notice,
// nor a notice waits without its job.
func (s *Store) SaveNotice(ctx context.Context, n bot.Notice, job bot.Job, ttl time.Duration) error {
	b, err := json.Marshal(n)
	if err != nil {
		return bot.Wrap(bot.EINTERNAL, err, "encode notice")
	}
	tn := n.To.Tenant()
	k := keysFor(tn)
	_, err = s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		p.Set(ctx, k.notice(n.ID), b, ttl)
		p.ZAddNX(ctx, k.jobBucket(job.ID), redis.Z{Score: float64(job.Due.UnixMilli()), Member: job.ID})
		return nil
	})
	if err != nil {
		return classify(err, "save notice")
	}
	return s.registerTenant(ctx, tn)
}

// outbox writes a state change's outbox into the same transaction: each
// notice (JSON, with the outbox's TTL) and every job.
func (t *tx) outbox(k keys, out bot.Outbox) error {
	for _, n := range out.Notices {
		b, err := json.Marshal(n)
		if err != nil {
			return bot.Wrap(bot.EINTERNAL, err, "encode notice")
		}
		t.setTTL(k.notice(n.ID), string(b), out.TTL)
	}
	t.schedule(k, false, out.Jobs)
	return nil
}

// GetNotice implements bot.Store.
func (s *Store) GetNotice(ctx context.Context, tn bot.Tenant, id string) (bot.Notice, error) {
	b, err := s.rdb.Get(ctx, keysFor(tn).notice(id)).Bytes()
	if err != nil {
		return bot.Notice{}, classify(err, "get notice")
	}
	var n bot.Notice
	if err := json.Unmarshal(b, &n); err != nil {
		return bot.Notice{}, bot.Wrap(bot.EINTERNAL, err, "decode notice")
	}
	return n, nil
}

// DeleteNotice implements bot.Store.
func (s *Store) DeleteNotice(ctx context.Context, tn bot.Tenant, id string) error {
	return classify(s.rdb.Del(ctx, keysFor(tn).notice(id)).Err(), "delete notice")
}
