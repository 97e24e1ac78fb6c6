package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// claimScript takes up to ARGV[3] jobs due at ARGV[1] (ms) and moves each
// to ARGV[2], the end of its lease, in one step: two replicas claiming at
// once never get the same job. It returns each job's ID and the score it
// had, its due time (ms).
var claimScript = redis.NewScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]))
for i = 1, #due, 2 do redis.call('ZADD', KEYS[1], ARGV[2], due[i]) end
return due
`)

// releaseScript removes (ARGV[3] empty) or moves to ARGV[3] the job ARGV[1],
// only if its score is still ARGV[2], the lease of the claim: a replica
// whose lease ran out must not touch a job another replica has claimed.
var releaseScript = redis.NewScript(`
local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not s or tonumber(s) ~= tonumber(ARGV[2]) then return 0 end
if ARGV[3] == '' then redis.call('ZREM', KEYS[1], ARGV[1]) else redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1]) end
return 1
`)

// ScheduleJobs implements bot.Store.
func (s *Store) ScheduleJobs(ctx context.Context, tn bot.Tenant, earlier bool, jobs ...bot.Job) error {
	if len(jobs) == 0 {
		return nil
	}
	t := newTx()
	t.schedule(keysFor(tn), earlier, jobs)
	_, err := t.run(ctx, s.rdb)
	if err != nil {
		return err
	}
	return s.registerTenant(ctx, tn)
}

// registerTenant adds the workspace to the set of tenants, so that
// scheduled work visits it. It is a separate call from the writes of the
// workspace: tenantsKey is global, outside the workspace's hash slot.
func (s *Store) registerTenant(ctx context.Context, tn bot.Tenant) error {
	return classify(s.rdb.SAdd(ctx, tenantsKey, tn.String()).Err(), "register tenant")
}

// ClaimJobs implements bot.Store.
func (s *Store) ClaimJobs(ctx context.Context, tn bot.Tenant, now time.Time, lease time.Duration, limit int) ([]bot.Job, error) {
	until := now.Add(lease)
	pairs, err := claimScript.Run(ctx, s.rdb, []string{keysFor(tn).jobs()}, now.UnixMilli(), until.UnixMilli(), limit).StringSlice()
	if err != nil {
		return nil, classify(err, "claim jobs")
	}
	jobs := make([]bot.Job, len(pairs)/2)
	for i := range jobs {
		// A score is whole milliseconds, as ZRANGEBYSCORE writes them.
		due, _ := strconv.ParseFloat(pairs[2*i+1], 64)
		jobs[i] = bot.Job{ID: pairs[2*i], Due: time.UnixMilli(int64(due)).UTC(), Lease: time.UnixMilli(until.UnixMilli()).UTC()}
	}
	return jobs, nil
}

// FinishJob implements bot.Store.
func (s *Store) FinishJob(ctx context.Context, tn bot.Tenant, j bot.Job) error {
	err := releaseScript.Run(ctx, s.rdb, []string{keysFor(tn).jobs()}, j.ID, j.Lease.UnixMilli(), "").Err()
	return classify(err, "finish job")
}

// RetryJob implements bot.Store.
func (s *Store) RetryJob(ctx context.Context, tn bot.Tenant, j bot.Job, at time.Time) error {
	err := releaseScript.Run(ctx, s.rdb, []string{keysFor(tn).jobs()}, j.ID, j.Lease.UnixMilli(), at.UnixMilli()).Err()
	return classify(err, "retry job")
}

// Tenants implements bot.Store.
func (s *Store) Tenants(ctx context.Context) ([]bot.Tenant, error) {
	names, err := s.rdb.SMembers(ctx, tenantsKey).Result()
	if err != nil {
		return nil, classify(err, "list tenants")
	}
	out := make([]bot.Tenant, 0, len(names))
	for _, n := range names {
		if p, w, ok := strings.Cut(n, ":"); ok {
			out = append(out, bot.Tenant{Platform: p, Workspace: w})
		}
	}
	return out, nil
}

// markScript sets KEYS[1] to "pending" for ARGV[1] ms unless it exists,
// and returns what was there ("" if nothing).
var markScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], 'pending', 'PX', ARGV[1])
return ''
`)

// MarkSent implements bot.Store.
func (s *Store) MarkSent(ctx context.Context, tn bot.Tenant, key string, ttl time.Duration) (string, error) {
	v, err := markScript.Run(ctx, s.rdb, []string{keysFor(tn).sent(key)}, ttl.Milliseconds()).Text()
	return v, classify(err, "mark sent")
}

// ConfirmSent implements bot.Store.
func (s *Store) ConfirmSent(ctx context.Context, tn bot.Tenant, key, state string, ttl time.Duration) error {
	return classify(s.rdb.Set(ctx, keysFor(tn).sent(key), state, ttl).Err(), "confirm sent")
}

// UnmarkSent implements bot.Store.
func (s *Store) UnmarkSent(ctx context.Context, tn bot.Tenant, key string) error {
	return classify(s.rdb.Del(ctx, keysFor(tn).sent(key)).Err(), "unmark sent")
}

// FirstSeen implements bot.Store.
func (s *Store) FirstSeen(ctx context.Context, tn bot.Tenant, key string, ttl time.Duration) (bool, error) {
	ok, err := s.rdb.SetNX(ctx, keysFor(tn).seen(key), "1", ttl).Result()
	return ok, classify(err, "first seen")
}

// TryLock implements bot.Store.
func (s *Store) TryLock(ctx context.Context, name string, ttl time.Duration) (bool, error) {
	ok, err := s.rdb.SetNX(ctx, "mb:lock:"+name, "1", ttl).Result()
	return ok, classify(err, "lock")
}

// Settings implements bot.Store.
func (s *Store) Settings(ctx context.Context, tn bot.Tenant) (map[string]string, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(tn).settings()).Result()
	return h, classify(err, "settings")
}

// SetSetting implements bot.Store.
func (s *Store) SetSetting(ctx context.Context, tn bot.Tenant, name, value string) error {
	return classify(s.rdb.HSet(ctx, keysFor(tn).settings(), name, value).Err(), "set setting")
}
