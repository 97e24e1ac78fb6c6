package store

import "context"

// Ready checks that Redis takes writes, on every master: see CheckWrites.
// A PING is not enough: a read-only replica (READONLY), a Redis at its
// memory limit (OOM), or a cluster node that does not hold the key's
// slot (MOVED) all answer PING, and refuse every change a member makes.
// EUNAVAILABLE or EINTERNAL with Redis's reply if not.
func (s *Store) Ready(ctx context.Context) error {
	return s.CheckWrites(ctx)
}
