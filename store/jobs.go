package store

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"hash/fnv"
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
//
// KEYS are the index (keys.jobIndex), then every set that may hold a job
// (keys.jobSets: the buckets, then the older version's set). It looks
// only at the bucket the index says holds the earliest job, and sets that
// bucket's index score to its true earliest once it has claimed from it;
// a bucket whose index score was stale (its jobs were removed) is
// corrected and the next one looked at.
var claimScript = redis.NewScript(lowerIndex + `
local idx, now, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[3])
local legacy = KEYS[#KEYS]
if redis.call('ZCARD', legacy) > 0 then
  local f = redis.call('ZRANGE', legacy, 0, 0, 'WITHSCORES')
  lower(idx, 'legacy', f[2])
end
local out = {}
for _ = 1, 1000 do
  if #out >= 2 * limit then break end
  local top = redis.call('ZRANGE', idx, 0, 0, 'WITHSCORES')
  if #top == 0 or tonumber(top[2]) > now then break end
  local key = legacy
  if top[1] ~= 'legacy' then key = KEYS[2 + tonumber(top[1])] end
  local due = redis.call('ZRANGEBYSCORE', key, '-inf', now, 'WITHSCORES', 'LIMIT', 0, limit - #out / 2)
  for i = 1, #due, 2 do
    redis.call('ZADD', key, ARGV[2], due[i])
    out[#out + 1] = due[i]
    out[#out + 1] = string.format('%d', tonumber(due[i + 1]))
  end
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if #first == 0 then redis.call('ZREM', idx, top[1]) else redis.call('ZADD', idx, first[2], top[1]) end
end
return out
`)

// releaseScript removes (ARGV[3] empty) or moves to ARGV[3] the job ARGV[1],
// only if its score is still ARGV[2], the lease of the claim: a replica
// whose lease ran out must not touch a job another replica has claimed.
// The job is in its bucket KEYS[1] (ARGV[4] in the index KEYS[3]), or in
// the older version's set KEYS[2].
var releaseScript = redis.NewScript(lowerIndex + `
local key, m = KEYS[1], ARGV[4]
local s = redis.call('ZSCORE', key, ARGV[1])
if not s then key, m = KEYS[2], 'legacy' s = redis.call('ZSCORE', key, ARGV[1]) end
if not s or tonumber(s) ~= tonumber(ARGV[2]) then return 0 end
if ARGV[3] == '' then redis.call('ZREM', key, ARGV[1]) else
  redis.call('ZADD', key, ARGV[3], ARGV[1])
  lower(KEYS[3], m, ARGV[3])
end
return 1
`)

// ScheduleJobs implements bot.Store.
func (s *Store) ScheduleJobs(ctx context.Context, tn bot.Tenant, earlier bool, jobs ...bot.Job) error {
	if len(jobs) == 0 {
		return nil
	}
	t := newTx()
	t.schedule(keysFor(tn), earlier, jobs)
	_, err := t.run(ctx, s.batch)
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
	k := keysFor(tn)
	// Most ticks find nothing due: a look at the index and the older
	// set's earliest, two small reads, spares them the claim script and
	// its 258 keys.
	if due, err := s.anyDue(ctx, k, now); err != nil || !due {
		return nil, err
	}
	pairs, err := claimScript.Run(ctx, s.rdb, append([]string{k.jobIndex()}, k.jobSets()...), now.UnixMilli(), until.UnixMilli(), limit).StringSlice()
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

// anyDue reports whether the index or the older version's set holds a
// job due at now. The claim script checks again: this only saves work.
func (s *Store) anyDue(ctx context.Context, k keys, now time.Time) (bool, error) {
	var idx, legacy *redis.ZSliceCmd
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		idx = p.ZRangeWithScores(ctx, k.jobIndex(), 0, 0)
		legacy = p.ZRangeWithScores(ctx, k.jobs(), 0, 0)
		return nil
	})
	if err != nil {
		return false, classify(err, "claim jobs")
	}
	for _, c := range []*redis.ZSliceCmd{idx, legacy} {
		if z := c.Val(); len(z) > 0 && z[0].Score <= float64(now.UnixMilli()) {
			return true, nil
		}
	}
	return false, nil
}

// FinishJob implements bot.Store.
func (s *Store) FinishJob(ctx context.Context, tn bot.Tenant, j bot.Job) error {
	k := keysFor(tn)
	err := releaseScript.Run(ctx, s.rdb, []string{k.jobBucket(j.ID), k.jobs(), k.jobIndex()}, j.ID, j.Lease.UnixMilli(), "", bucketOf(j.ID)).Err()
	return classify(err, "finish job")
}

// RetryJob implements bot.Store.
func (s *Store) RetryJob(ctx context.Context, tn bot.Tenant, j bot.Job, at time.Time) error {
	k := keysFor(tn)
	err := releaseScript.Run(ctx, s.rdb, []string{k.jobBucket(j.ID), k.jobs(), k.jobIndex()}, j.ID, j.Lease.UnixMilli(), at.UnixMilli(), bucketOf(j.ID)).Err()
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

// Delivery marks. A delivery key is "<job>:<user>" (one message of a job
// to one member), or a job's ID alone for a message to no single member
// (an introduction, a notice, a digest: a key with one colon). While a
// send may be under way, its mark is a string, sent:<key>, "pending" for
// the lease, which Redis expires by itself. Confirmed, it moves to a
// small hash: the member's, mark:<user>, under a digest of the job's ID
// (markField, 8 bytes instead of a job ID's 20 to 30), or for a key with
// no member, one of markBuckets hashes mark:~<n>, shared by the
// workspace, under a digest of the key: one key per message took a third
// of a workspace's memory. The value is "<day>" for "done" (days since
// 1970, by Redis's clock: a small integer, which a listpack packs in 2
// bytes) or "<state>/<day>". Each confirmation drops the hash's marks
// older than the keep the core gives (ConfirmSent's ttl), and the hash
// expires that long after the last one, so a mark lasts at least as long
// as a string with that TTL did. A mark confirmed by an older version
// reads the same: the string sent:<key> holding "done", or the field
// <job> of mark:<user> (for a key with no member, the job's kind in the
// hash named after the ID's last part). The erasure deletes the member's
// hash with their other keys named after them; the shared hashes name
// nobody.

// markScript returns the state of field ARGV[1] in the hash KEYS[1] (else
// of the older version's field ARGV[3] in KEYS[3]), else the pending mark
// KEYS[2]: "pending" until its deadline. Otherwise it sets KEYS[2] to
// "pending|<deadline>", the deadline ARGV[2] ms from now (Redis's clock),
// kept 30 times as long (an hour for a 2-minute lease: past a crash, the
// retry may wait for Redis to come back), and returns "", or "retry" when
// it took over a mark whose deadline had passed: its holder died
// mid-send. A mark of an older version, the string "pending", reads the
// same.
var markScript = redis.NewScript(`
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then v = redis.call('HGET', KEYS[3], ARGV[3]) end
if v and string.match(v, '^%d+$') then return 'done' end
if v then return (string.gsub(v, '/%d*$', '')) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
local prev = ''
v = redis.call('GET', KEYS[2])
if v then
  local deadline = tonumber(string.match(v, '^pending|(%d+)$') or '')
  if not deadline then return v end
  if now < deadline then return 'pending' end
  prev = 'retry'
end
redis.call('SET', KEYS[2], 'pending|' .. string.format('%d', now + ttl), 'PX', 30 * ttl)
return prev
`)

// confirmScript sets field ARGV[1] of the hash KEYS[1] to the state ARGV[2]
// and today (today alone for "done"), drops the fields older than ARGV[3]
// ms, makes the hash expire after ARGV[3] ms, and deletes the pending mark
// KEYS[2] and an older version's field ARGV[4] of KEYS[3]. It reads
// Redis's TIME before writing, which effects replication (the default
// since Redis 5) allows.
var confirmScript = redis.NewScript(`
local now = redis.call('TIME')
local day = math.floor(tonumber(now[1]) / 86400)
local oldest = day - math.floor(tonumber(ARGV[3]) / 86400000)
local h = redis.call('HGETALL', KEYS[1])
for i = 1, #h, 2 do
  local d = tonumber(string.match(h[i+1], '(%d+)$') or '')
  if d and d < oldest then redis.call('HDEL', KEYS[1], h[i]) end
end
local v = string.format('%d', day)
if ARGV[2] ~= 'done' then v = ARGV[2] .. '/' .. day end
redis.call('HDEL', KEYS[3], ARGV[4])
redis.call('HSET', KEYS[1], ARGV[1], v)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('DEL', KEYS[2])
return 0
`)

// markBuckets is how many shared hashes keep the marks of messages to no
// single member: few enough that each stays a listpack in a workspace of
// thousands of pairs, enough that pruning one reads a few hundred fields.
const markBuckets = 32

// mark is where a delivery key's marks live: the hash and field of its
// confirmed mark, the hash and field an older version kept it in, and the
// string of its pending mark.
type mark struct{ hash, field, oldHash, oldField, pending string }

// markOf returns where key's marks live.
func markOf(k keys, key string) mark {
	job, user := key, ""
	if i := strings.LastIndexByte(key, ':'); i >= 0 {
		job, user = key[:i], key[i+1:]
	}
	m := mark{hash: k.marks(user), field: markField(job), oldHash: k.marks(user), oldField: job, pending: k.sent(key)}
	if strings.Count(key, ":") == 1 { // a job's message to no single member
		d := markDigest(key)
		m.hash, m.field = k.marks("~"+strconv.FormatUint(d%markBuckets, 10)), markFieldOf(d)
	}
	return m
}

// markField returns the field of job's mark in a member's hash: 48 bits
// of its FNV-1a digest, base64, 8 bytes. Two jobs of one member share a
// field once in about 10^13 pairs of jobs.
func markField(job string) string { return markFieldOf(markDigest(job)) }

func markDigest(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func markFieldOf(d uint64) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], d)
	return base64.RawURLEncoding.EncodeToString(b[2:])
}

// MarkSent implements bot.Store.
func (s *Store) MarkSent(ctx context.Context, tn bot.Tenant, key string, ttl time.Duration) (string, error) {
	m := markOf(keysFor(tn), key)
	v, err := markScript.Run(ctx, s.rdb, []string{m.hash, m.pending, m.oldHash}, m.field, ttl.Milliseconds(), m.oldField).Text()
	return v, classify(err, "mark sent")
}

// ConfirmSent implements bot.Store.
func (s *Store) ConfirmSent(ctx context.Context, tn bot.Tenant, key, state string, ttl time.Duration) error {
	m := markOf(keysFor(tn), key)
	err := confirmScript.Run(ctx, s.rdb, []string{m.hash, m.pending, m.oldHash}, m.field, state, ttl.Milliseconds(), m.oldField).Err()
	return classify(err, "confirm sent")
}

// UnmarkSent implements bot.Store.
func (s *Store) UnmarkSent(ctx context.Context, tn bot.Tenant, key string) error {
	m := markOf(keysFor(tn), key)
	_, err := s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		p.HDel(ctx, m.hash, m.field)
		p.HDel(ctx, m.oldHash, m.oldField)
		p.Del(ctx, m.pending)
		return nil
	})
	return classify(err, "unmark sent")
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
