package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// Backend is a named way to get a fresh Store. Redis is set for the
// backends reached through Redis, on which tests of the Redis store's own
// keys and scripts run too.
type Backend struct {
	Name  string
	Open  func(tb testing.TB) bot.Store
	Redis bool
}

// Backends returns the in-memory store, the embedded miniredis, plus the
// real Redis at REDIS_URL when it is set.
func Backends() []Backend {
	b := []Backend{
		{Name: "inmem", Open: func(tb testing.TB) bot.Store { return MustMemory(tb) }},
		{Name: "miniredis", Open: func(tb testing.TB) bot.Store { return MustEmbedded(tb) }, Redis: true},
	}
	if os.Getenv("REDIS_URL") != "" {
		b = append(b, Backend{Name: "redis", Open: func(tb testing.TB) bot.Store { return MustReal(tb) }, Redis: true})
	}
	return b
}

// MustMemory returns a fresh in-memory store, whose values expire by the
// wall clock as Redis keys do.
func MustMemory(tb testing.TB) *inmem.Store {
	tb.Helper()
	return inmem.New(nil)
}

// MustOpen returns a Store on REDIS_URL when it is set, else on a fresh
// embedded miniredis.
func MustOpen(tb testing.TB) *store.Store {
	tb.Helper()
	if os.Getenv("REDIS_URL") != "" {
		return MustReal(tb)
	}
	return MustEmbedded(tb)
}

// MustEmbedded returns a Store on a fresh miniredis, closed with the test.
func MustEmbedded(tb testing.TB) *store.Store {
	tb.Helper()
	e, err := store.OpenEmbedded(context.Background())
	if err != nil {
		tb.Fatalf("embedded redis: %v", err)
	}
	tb.Cleanup(func() { e.Close() })
	return e.Store
}

// MustReal returns a Store on the Redis at REDIS_URL. When that Redis does
// not answer, the test fails in CI (CI=true) and is skipped elsewhere.
// Tests share that Redis: isolate them with Tenant, not by flushing. The
// store checks the slot rule (store.CheckSlots), as the embedded one does.
func MustReal(tb testing.TB) *store.Store {
	tb.Helper()
	url := os.Getenv("REDIS_URL")
	if url == "" {
		url = "redis://127.0.0.1:6379/0"
	}
	s, err := store.Open(context.Background(), url)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("REDIS_URL does not answer in CI: %v", err)
		}
		tb.Skipf("no Redis at REDIS_URL: %v", err)
	}
	s.CheckSlots()
	tb.Cleanup(func() { s.Close() })
	return s
}

// Tenant returns a workspace nobody else uses, so that tests sharing one
// Redis never see each other's keys.
func Tenant(tb testing.TB, platform string) bot.Tenant {
	tb.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		tb.Fatal(err)
	}
	return bot.Tenant{Platform: platform, Workspace: "T" + hex.EncodeToString(b)}
}
