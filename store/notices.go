package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// noticeScript sets the notice KEYS[1] to ARGV[1] for ARGV[2] ms (0: no
// expiry) and adds
// its job ARGV[4], due at ARGV[3], to its bucket KEYS[2] unless there,
// lowering the bucket ARGV[5]'s score in the index KEYS[3].
var noticeScript = redis.NewScript(lowerIndex + `
if tonumber(ARGV[2]) > 0 then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) else redis.call('SET', KEYS[1], ARGV[1]) end
if not redis.call('ZSCORE', KEYS[2], ARGV[4]) then
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
  lower(KEYS[3], ARGV[5], ARGV[3])
end
return 1
`)

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
	err = noticeScript.Run(ctx, s.rdb, []string{k.notice(n.ID), k.jobBucket(job.ID), k.jobIndex()},
		b, max(ttl.Milliseconds(), 0), job.Due.UnixMilli(), job.ID, bucketOf(job.ID)).Err()
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
