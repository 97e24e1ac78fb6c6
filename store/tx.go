package store

import (
	"context"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// guardedScript checks a list of guards and, only if all hold, applies a
// list of writes, atomically. It returns 0 on success or the 1-based
// number of the first guard that failed. ARGV is a stream of operations;
// keys are named by their index in KEYS, so every key is declared (and a
// cluster can route the script to the tenant's slot).
//
// Guards: eq k field value | nx k | is k value (the string k holds
// value; a missing k holds "") | lt k field k2 field2 (numbers) |
// sumlt k f1 f2 k2 f3 (k.f1 + k.f2 < k2.f3, numbers).
// Writes after "|": hset k n f1 v1 .. fn vn | hdel k n f1 .. fn (each one
// call, or one per 1,000 fields, under Lua's limit on unpack) | hsetnx k field value |
// hincr k field n (never below 0) | hcopy k field k2 field2 (k2.field2
// becomes k.field, or 0) | sadd k m | srem k m | zadd k score m |
// zaddnx k score m earlier (add if absent, or move earlier when earlier
// is 1) | room k k2 u (u joins the set k2 when the offer hash k has topics
// and its active + pending are below its capacity, and leaves it
// otherwise) | setnew k k2 (k2 becomes "1" when k does not exist) | jobadd k score m earlier k2 idx b (zaddnx, on k2 instead when k2
// holds m, lowering bucket b's score in the index idx) | zrem k m | set k v | setpx k v ms | del k | rpush k v.
var guardedScript = redis.NewScript(`
local i, n, g = 1, #ARGV, 0
local function key(j) return KEYS[tonumber(ARGV[j])] end
local function num(j, f) return tonumber(redis.call('HGET', key(j), f) or '0') or 0 end
while i <= n do
  local op = ARGV[i]
  if op == '|' then i = i + 1 break end
  g = g + 1
  if op == 'eq' then
    if (redis.call('HGET', key(i+1), ARGV[i+2]) or '') ~= ARGV[i+3] then return g end
    i = i + 4
  elseif op == 'nx' then
    if redis.call('EXISTS', key(i+1)) == 1 then return g end
    i = i + 2
  elseif op == 'is' then
    if (redis.call('GET', key(i+1)) or '') ~= ARGV[i+2] then return g end
    i = i + 3
  elseif op == 'lt' then
    if not (num(i+1, ARGV[i+2]) < num(i+3, ARGV[i+4])) then return g end
    i = i + 5
  elseif op == 'sumlt' then
    if not (num(i+1, ARGV[i+2]) + num(i+1, ARGV[i+3]) < num(i+4, ARGV[i+5])) then return g end
    i = i + 6
  else
    return redis.error_reply('mentorbot: unknown guard ' .. op)
  end
end
while i <= n do
  local op, k = ARGV[i], key(i+1)
  if op == 'hset' then
    local c = tonumber(ARGV[i+2])
    for j = 0, c - 1, 1000 do redis.call('HSET', k, unpack(ARGV, i+3+2*j, i+2+2*math.min(c, j+1000))) end
    i = i + 3 + 2*c
  elseif op == 'hdel' then
    local c = tonumber(ARGV[i+2])
    for j = 0, c - 1, 1000 do redis.call('HDEL', k, unpack(ARGV, i+3+j, i+2+math.min(c, j+1000))) end
    i = i + 3 + c
  elseif op == 'hsetnx' then redis.call('HSETNX', k, ARGV[i+2], ARGV[i+3]) i = i + 4
  elseif op == 'hincr' then
    if redis.call('HINCRBY', k, ARGV[i+2], ARGV[i+3]) < 0 then redis.call('HSET', k, ARGV[i+2], 0) end
    i = i + 4
  elseif op == 'hcopy' then
    redis.call('HSET', key(i+3), ARGV[i+4], redis.call('HGET', k, ARGV[i+2]) or '0')
    i = i + 5
  elseif op == 'room' then -- the room set's rule; Offers' hourly check reads it the same way (offers.go)
    local v = redis.call('HMGET', k, 'active', 'pending', 'capacity', 'topics')
    local c = tonumber(v[3] or '')
    if v[4] and v[4] ~= '' and not (c and (tonumber(v[1] or '0') or 0) + (tonumber(v[2] or '0') or 0) >= c) then
      redis.call('SADD', key(i+2), ARGV[i+3])
    else
      redis.call('SREM', key(i+2), ARGV[i+3])
    end
    i = i + 4
  elseif op == 'setnew' then
    if redis.call('EXISTS', k) == 0 then redis.call('SET', key(i+2), '1') end
    i = i + 3
  elseif op == 'sadd' then redis.call('SADD', k, ARGV[i+2]) i = i + 3
  elseif op == 'srem' then redis.call('SREM', k, ARGV[i+2]) i = i + 3
  elseif op == 'zadd' then redis.call('ZADD', k, ARGV[i+2], ARGV[i+3]) i = i + 4
  elseif op == 'zaddnx' then
    local cur = redis.call('ZSCORE', k, ARGV[i+3])
    if not cur or (ARGV[i+4] == '1' and tonumber(cur) > tonumber(ARGV[i+2])) then
      redis.call('ZADD', k, ARGV[i+2], ARGV[i+3])
    end
    i = i + 5
  elseif op == 'jobadd' then
    local target, m = k, ARGV[i+7]
    local cur = redis.call('ZSCORE', key(i+5), ARGV[i+3])
    if cur then target, m = key(i+5), 'legacy' else cur = redis.call('ZSCORE', k, ARGV[i+3]) end
    if not cur or (ARGV[i+4] == '1' and tonumber(cur) > tonumber(ARGV[i+2])) then
      redis.call('ZADD', target, ARGV[i+2], ARGV[i+3])
      local c = redis.call('ZSCORE', key(i+6), m)
      if not c or tonumber(c) > tonumber(ARGV[i+2]) then redis.call('ZADD', key(i+6), ARGV[i+2], m) end
    end
    i = i + 8
  elseif op == 'zrem' then redis.call('ZREM', k, ARGV[i+2]) i = i + 3
  elseif op == 'set' then redis.call('SET', k, ARGV[i+2]) i = i + 3
  elseif op == 'setpx' then redis.call('SET', k, ARGV[i+2], 'PX', ARGV[i+3]) i = i + 4
  elseif op == 'del' then redis.call('DEL', k) i = i + 2
  elseif op == 'rpush' then redis.call('RPUSH', k, ARGV[i+2]) i = i + 3
  else
    return redis.error_reply('mentorbot: unknown write ' .. op)
  end
end
return 0
`)

// tx builds one guarded script run: guards first, then writes.
type tx struct {
	keys   []string
	index  map[string]string
	guards []any
	writes []any
	n      int
}

func newTx() *tx { return &tx{index: map[string]string{}} }

// k declares a key and returns its index as the script wants it.
func (t *tx) k(key string) string {
	if i, ok := t.index[key]; ok {
		return i
	}
	t.keys = append(t.keys, key)
	i := strconv.Itoa(len(t.keys))
	t.index[key] = i
	return i
}

func (t *tx) guard(args ...any) int {
	t.guards = append(t.guards, args...)
	t.n++
	return t.n
}

// eq guards that hash field equals value ("" matches a missing field).
func (t *tx) eq(key, field, value string) int { return t.guard("eq", t.k(key), field, value) }

func (t *tx) notExists(key string) int { return t.guard("nx", t.k(key)) }

// is guards that the string at key holds value ("" when it is missing).
func (t *tx) is(key, value string) int { return t.guard("is", t.k(key), value) }

// less guards that the number in key.field is below the one in key2.field2.
func (t *tx) less(key, field, key2, field2 string) int {
	return t.guard("lt", t.k(key), field, t.k(key2), field2)
}

// sumLess guards that key.f1 + key.f2 is below key2.f3 (numbers; a
// missing field is 0).
func (t *tx) sumLess(key, f1, f2, key2, f3 string) int {
	return t.guard("sumlt", t.k(key), f1, f2, t.k(key2), f3)
}

func (t *tx) write(args ...any) { t.writes = append(t.writes, args...) }

// hset writes field/value pairs into a hash.
func (t *tx) hset(key string, kv ...string) {
	args := []any{"hset", t.k(key), len(kv) / 2}
	for _, s := range kv {
		args = append(args, s)
	}
	t.write(args...)
}

// hdel deletes fields of a hash.
func (t *tx) hdel(key string, fields ...string) {
	args := []any{"hdel", t.k(key), len(fields)}
	for _, f := range fields {
		args = append(args, f)
	}
	t.write(args...)
}

func (t *tx) hsetnx(key, field, value string) { t.write("hsetnx", t.k(key), field, value) }
func (t *tx) hincr(key, field string, n int)  { t.write("hincr", t.k(key), field, n) }
func (t *tx) sadd(key, member string)         { t.write("sadd", t.k(key), member) }

// room files the mentor user in the workspace's set of mentors with room
// when their offer has topics and its counters are below its capacity,
// and takes them off it otherwise (or without an offer), as the counters
// are when it runs.
func (t *tx) room(k keys, user string) { t.write("room", t.k(k.offer(user)), t.k(k.room()), user) }
func (t *tx) srem(key, member string)  { t.write("srem", t.k(key), member) }

// hcopy copies key.field into key2.field2 (0 when missing), as it is when
// the write runs.
func (t *tx) hcopy(key, field, key2, field2 string) {
	t.write("hcopy", t.k(key), field, t.k(key2), field2)
}
func (t *tx) zadd(key string, score int64, m string) { t.write("zadd", t.k(key), score, m) }

// schedule adds jobs to the tenant's job set; an existing job keeps its
// due time unless earlier is set and the new one is earlier.
func (t *tx) schedule(k keys, earlier bool, jobs []bot.Job) {
	for _, j := range jobs {
		// Into the job's bucket, unless the older version's set holds it.
		t.write("jobadd", t.k(k.jobBucket(j.ID)), j.Due.UnixMilli(), j.ID, flag(earlier), t.k(k.jobs()), t.k(k.jobIndex()), bucketOf(j.ID))
	}
}

func (t *tx) zrem(key, member string) { t.write("zrem", t.k(key), member) }
func (t *tx) set(key, value string)   { t.write("set", t.k(key), value) }

// setTTL sets a string that expires after ttl.
func (t *tx) setTTL(key, value string, ttl time.Duration) {
	t.write("setpx", t.k(key), value, max(ttl.Milliseconds(), 1))
}
func (t *tx) del(key string)          { t.write("del", t.k(key)) }
func (t *tx) rpush(key, value string) { t.write("rpush", t.k(key), value) }

// run executes the transaction and returns 0, or the number of the first
// guard that did not hold (nothing was written then).
func (t *tx) run(ctx context.Context, rdb redis.Scripter) (int, error) {
	args := append(append(append([]any{}, t.guards...), "|"), t.writes...)
	n, err := guardedScript.Run(ctx, rdb, t.keys, args...).Int()
	if err != nil {
		return 0, classify(err, "guarded write")
	}
	return n, nil
}
