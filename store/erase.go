package store

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// EraseTenant implements bot.InstallStore. It walks the workspace's keys
// with SCAN in batches and UNLINKs each batch (Redis frees the memory in
// the background), then takes the workspace out of the tenant set and of
// its platform's installations. All of a tenant's keys share its hash
// slot, so on a cluster the walk goes to the master that owns the slot,
// and each UNLINK touches one slot.
//
// A key written while the walk runs may be missed: the core erases a
// workspace its platform no longer serves, where nothing writes. A second
// call finds what the first left.
func (s *Store) EraseTenant(ctx context.Context, t bot.Tenant) error {
	prefix := string(keysFor(t))
	node, err := s.nodeOf(ctx, prefix)
	if err != nil {
		return classify(err, "erase tenant")
	}
	var cursor uint64
	for {
		batch, next, err := node.Scan(ctx, cursor, globEscape(prefix)+"*", scanBatch).Result()
		if err != nil {
			return classify(err, "erase tenant scan")
		}
		if len(batch) > 0 {
			if err := node.Unlink(ctx, batch...).Err(); err != nil {
				return classify(err, "erase tenant")
			}
		}
		if cursor = next; cursor == 0 {
			break
		}
	}
	_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
		p.SRem(ctx, tenantsKey, t.String())
		p.SRem(ctx, installsKey(t.Platform), t.Workspace)
		return nil
	})
	return classify(err, "erase tenant")
}

// nodeOf returns the client that holds key: on a Redis Cluster, the
// master of its slot, for a command such as SCAN that a cluster client
// would not route by the key; anywhere else, the store's client.
func (s *Store) nodeOf(ctx context.Context, key string) (redis.Cmdable, error) {
	if cc, ok := s.rdb.(*redis.ClusterClient); ok {
		return cc.MasterForKey(ctx, key)
	}
	return s.rdb, nil
}
