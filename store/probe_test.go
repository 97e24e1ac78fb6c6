package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
	"github.com/redis/go-redis/v9"
)

// mustNotReady fails unless CheckWrites says EUNAVAILABLE with Redis's
// reply.
func mustNotReady(tb testing.TB, s *store.Store, reply string) {
	tb.Helper()
	err := s.CheckWrites(context.Background())
	if bot.ErrorCode(err) != bot.EUNAVAILABLE || !strings.Contains(err.Error(), reply) {
		tb.Fatalf("got %v, want EUNAVAILABLE with %q", err, reply)
	}
}

// TestCheckWrites: CheckWrites is nil while Redis takes writes, and
// EUNAVAILABLE, with the reason, while it does not, then nil again by
// itself.
func TestCheckWrites(t *testing.T) {
	ctx := context.Background()
	t.Run("StoppedAndBack", func(t *testing.T) {
		e, err := store.OpenEmbedded(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		storetest.MustOK(t, e.CheckWrites(ctx))
		addr := e.Addr()
		e.Server().Close()
		mustNotReady(t, e.Store, "")
		storetest.MustOK(t, e.Server().StartAddr(addr))
		storetest.MustOK(t, e.CheckWrites(ctx))
	})
	t.Run("ErrReadOnly", func(t *testing.T) {
		bin := storetest.RedisServer(t)
		master, replica := storetest.FreePort(t), storetest.FreePort(t)
		storetest.StartServer(t, bin, master)
		storetest.StartServer(t, bin, replica, "--replicaof", "127.0.0.1", master)
		s, err := store.Open(ctx, "redis://127.0.0.1:"+replica+"/0")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		storetest.MustOK(t, s.Ping(ctx)) // answers PING, refuses writes
		mustNotReady(t, s, "READONLY")
	})
	t.Run("ErrOOM", func(t *testing.T) {
		port := storetest.FreePort(t)
		storetest.StartServer(t, storetest.RedisServer(t), port, "--maxmemory-policy", "noeviction")
		s, err := store.Open(ctx, "redis://127.0.0.1:"+port+"/0")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		storetest.MustOK(t, s.CheckWrites(ctx))
		rdb := s.Client()
		// Redis full: more in use than maxmemory, and nothing to evict.
		storetest.MustOK(t, rdb.ConfigSet(ctx, "maxmemory", "1").Err())
		mustNotReady(t, s, "OOM")
		// A member's command is told the database cannot take it, not
		// that something went wrong.
		err = s.SaveMember(ctx, bot.Member{ID: storetest.Tenant(t, "oom").Member("U1")})
		storetest.MustCode(t, err, bot.EUNAVAILABLE)
		storetest.MustOK(t, rdb.ConfigSet(ctx, "maxmemory", "0").Err())
		storetest.MustOK(t, s.CheckWrites(ctx))
	})
}

// testClusterCheckWrites: CheckWrites writes on every master, and a single-node client
// on a cluster node (which Open refuses) is not ready: MOVED.
func testClusterCheckWrites(t *testing.T, c *storetest.Cluster) {
	ctx := context.Background()
	storetest.MustOK(t, storetest.MustCluster(t, c).CheckWrites(ctx))
	moved := 0
	for _, a := range c.Addrs {
		rdb := redis.NewClient(&redis.Options{Addr: a, ReadTimeout: time.Second})
		s := store.New(rdb)
		if err := s.CheckWrites(ctx); err != nil {
			if !strings.Contains(err.Error(), "MOVED") || bot.ErrorCode(err) != bot.EUNAVAILABLE {
				t.Fatalf("got %v, want EUNAVAILABLE with MOVED", err)
			}
			moved++
		}
		s.Close()
	}
	if moved != len(c.Addrs)-1 {
		t.Fatalf("got %d nodes not ready, want all but the one that holds the probe key", moved)
	}
}
