package store

import (
	"context"
	"time"
)

// healthKey is what Ready writes. It is global, like tenantsKey, and
// expires by itself: nothing reads it.
const healthKey = "mb:health"

// healthTTL is how long the probe's key lives after the last probe.
const healthTTL = time.Minute

// Ready checks that Redis takes writes, with a SET of a small key that
// expires. A PING is not enough: a read-only replica (READONLY), a
// Redis at its memory limit (OOM), or a cluster node that does not hold
// the key's slot (MOVED) all answer PING, and refuse every change a
// member makes. EUNAVAILABLE or EINTERNAL with Redis's reply if not.
func (s *Store) Ready(ctx context.Context) error {
	return classify(s.rdb.Set(ctx, healthKey, time.Now().Unix(), healthTTL).Err(), "ready")
}
