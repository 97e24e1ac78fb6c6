package store_test

import (
	"context"
	"github.com/mentorbot/mentorbot/store/storetest"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/store"
	"github.com/redis/go-redis/v9"
)

// TestReady: Ready is green while Redis takes writes, and red, with
// Redis's reason, when it refuses them, even where PING still answers.
func TestReady(t *testing.T) {
	ctx := context.Background()
	t.Run("MiniredisErrors", func(t *testing.T) {
		mr := miniredis.RunT(t)
		s, err := store.Open(ctx, "redis://"+mr.Addr())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Ready(ctx); err != nil {
			t.Fatalf("got %v, want ready", err)
		}
		probes := 0
		for _, k := range mr.Keys() {
			if strings.HasPrefix(k, "mb:ready:") {
				probes++
				if ttl := mr.TTL(k); ttl <= 0 || ttl > time.Minute {
					t.Fatalf("got the probe key's TTL %s, want up to a minute", ttl)
				}
			}
		}
		if probes == 0 {
			t.Fatalf("got keys %v, want a probe key that expires", mr.Keys())
		}
		for _, reply := range []string{
			"MOVED 3999 127.0.0.1:6381",
			"READONLY You can't write against a read only replica.",
			"OOM command not allowed when used memory > 'maxmemory'.",
		} {
			mr.SetError(reply)
			if err := s.Ready(ctx); err == nil || !strings.Contains(err.Error(), strings.Fields(reply)[0]) {
				t.Errorf("%s: got %v, want not ready, with the reply", strings.Fields(reply)[0], err)
			}
		}
		mr.SetError("")
		if err := s.Ready(ctx); err != nil {
			t.Fatalf("got %v after the errors, want ready again", err)
		}
	})
	t.Run("RedisServer", func(t *testing.T) {
		r := storetest.MustServer(t, "--appendonly", "yes", "--appendfsync", "always")
		s, err := store.Open(ctx, "redis://"+r.Addr)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		admin := redis.NewClient(&redis.Options{Addr: r.Addr})
		defer admin.Close()
		mustReady := func(want string) {
			t.Helper()
			err := s.Ready(ctx)
			switch {
			case want == "" && err != nil:
				t.Fatalf("got %v, want ready", err)
			case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
				t.Fatalf("got %v, want not ready with %q", err, want)
			}
		}
		mustReady("")

		// Full: PING answers, writes are refused.
		admin.ConfigSet(ctx, "maxmemory", "1")
		mustReady("OOM")
		if err := s.Ping(ctx); err != nil {
			t.Fatalf("got ping %v, want the full Redis to answer PING", err)
		}
		admin.ConfigSet(ctx, "maxmemory", "0")
		mustReady("")

		// A replica: PING answers, writes are refused.
		admin.SlaveOf(ctx, "127.0.0.1", "1")
		mustReady("READONLY")
		admin.SlaveOf(ctx, "NO", "ONE")
		mustReady("")

		// Stopped, then started again: green again by itself.
		r.Stop()
		if err := s.Ready(ctx); err == nil {
			t.Fatal("got ready with Redis stopped, want not ready")
		}
		r.Start(t)
		mustReady("")
	})
}
