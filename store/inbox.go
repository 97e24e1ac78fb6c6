package store

import (
	"context"
	"errors"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// receiveScript records an inbound delivery unless its key was seen:
// KEYS seen, inbox, job bucket, job index, the member's inbox IDs; ARGV
// seen TTL (ms), data, data TTL (ms), job due (ms), job ID, job bucket,
// inbox ID, "1" to index it among the member's ("" for no member). In
// that index its score is the job's due time (the same lease after each
// receipt). It returns 1 when recorded, 0 for a replay. The member's
// index drops the IDs received a data TTL before this one, whose data has
// expired.
var receiveScript = redis.NewScript(lowerIndex + `
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[5])
lower(KEYS[4], ARGV[6], ARGV[4])
if ARGV[8] == '1' then
  redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', '(' .. (tonumber(ARGV[4]) - tonumber(ARGV[3])))
  redis.call('ZADD', KEYS[5], ARGV[4], ARGV[7])
  redis.call('PEXPIRE', KEYS[5], ARGV[3])
end
return 1
`)

// Receive implements bot.Store. It runs before an ack: one round trip,
// the script and the tenant's registration (so that ticks visit it)
// pipelined.
func (s *Store) Receive(ctx context.Context, tn bot.Tenant, seenKey, id, user string, data []byte, job bot.Job, seenTTL, dataTTL time.Duration) (bool, error) {
	k := keysFor(tn)
	// Both in the next batch of the acks' own batcher (batch.go): an ack
	// waits for them, and should not wait behind the other round trips'
	// batch, whatever it holds; acks at once still share a round trip.
	indexed := ""
	if user != "" {
		indexed = "1"
	}
	keys := []string{k.seen(seenKey), k.inbox(id), k.jobBucket(job.ID), k.jobIndex(), k.inboxOf(user)}
	args := []any{seenTTL.Milliseconds(), data, dataTTL.Milliseconds(), job.Due.UnixMilli(), job.ID, bucketOf(job.ID), id, indexed}
	res := redis.NewCmd(ctx, append([]any{"evalsha", receiveScript.Hash(), len(keys), keys[0], keys[1], keys[2], keys[3], keys[4]}, args...)...)
	err := s.acks.do(ctx, res, redis.NewIntCmd(ctx, "sadd", tenantsKey, tn.String()))
	if err != nil && redis.HasErrorPrefix(err, "NOSCRIPT") {
		// Redis forgot its scripts (a restart): once with the script's text.
		res = receiveScript.Eval(ctx, s.rdb, keys, args...)
		err = res.Err()
	}
	if err != nil {
		return false, classify(err, "receive")
	}
	n, err := res.Int()
	if err != nil {
		return false, classify(err, "receive")
	}
	return n == 1, nil
}

// Inbound implements bot.Store.
func (s *Store) Inbound(ctx context.Context, tn bot.Tenant, id string) ([]byte, error) {
	b, err := s.rdb.Get(ctx, keysFor(tn).inbox(id)).Bytes()
	return b, classify(err, "inbound")
}

// Rekeep implements bot.Store: SET XX KEEPTTL, one command; the job
// stays as it is.
func (s *Store) Rekeep(ctx context.Context, tn bot.Tenant, id string, data []byte) (bool, error) {
	err := s.rdb.SetArgs(ctx, keysFor(tn).inbox(id), data, redis.SetArgs{Mode: "XX", KeepTTL: true}).Err()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, classify(err, "rekeep")
	}
	return true, nil
}

// Handled implements bot.Store.
func (s *Store) Handled(ctx context.Context, tn bot.Tenant, id, user string) error {
	k := keysFor(tn)
	// In the next batch (batch.go), not a MULTI: the job is taken off
	// after the data, and a job left by a failure between them finds no
	// data, which is a command handled. The member's index loses id in
	// the same round trip; Redis deletes a sorted set whose last member
	// goes, so the key that names the member goes with their last
	// delivery handled, not an hour later with its TTL (a newcomer's
	// /mentor help, a click after their erasure, would leave their ID in
	// a key name meanwhile).
	err := s.batch.pipelined(ctx, func(p redisPipe) {
		p.Del(ctx, k.inbox(id))
		job := bot.InboundJobID(id, user)
		p.ZRem(ctx, k.jobBucket(job), job)
		p.ZRem(ctx, k.jobs(), job)
		if user != "" {
			p.ZRem(ctx, k.inboxOf(user), id)
		}
	})
	return classify(err, "handled")
}
