package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// The rate limit's keys, in addition to keys.go:
//
//	mb:{p:w}:rate:<name>:<hash>    string hits of one member in a fixed window,
//	                                     expiring with the window; <hash> is the
//	                                     user ID hashed, so that no key names anyone
func (k keys) rate(name, user string) string {
	sum := sha256.Sum256([]byte(user))
	return string(k) + "rate:" + name + ":" + hex.EncodeToString(sum[:12])
}

// hitScript counts a hit in KEYS[1] and starts its window (ARGV[1] ms)
// on the first one, in one step: a replica dying between INCR and
// PEXPIRE cannot leave a counter that never expires. A counter found
// without an expiry gets one.
var hitScript = redis.NewScript(`
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
`)

// Hit implements bot.Store: a fixed window that starts at the member's
// first hit, timed by Redis's clock, so that every replica counts in
// the same window.
func (s *Store) Hit(ctx context.Context, who bot.MemberID, name string, window time.Duration) (int, error) {
	k := keysFor(who.Tenant())
	n, err := hitScript.Run(ctx, s.rdb, []string{k.rate(name, who.User)}, max(window.Milliseconds(), 1)).Int()
	return n, classify(err, "count hit")
}
