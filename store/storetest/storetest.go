package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
)

// Backend is a named way to get a fresh Store.
type Backend struct {
	Name string
	Open func(tb testing.TB) *store.Store
}

// Backends returns the embedded miniredis, plus the real Redis at
// REDIS_URL when it is set.
func Backends() []Backend {
	b := []Backend{{Name: "miniredis", Open: MustEmbedded}}
	if os.Getenv("REDIS_URL") != "" {
		b = append(b, Backend{Name: "redis", Open: MustReal})
	}
	return b
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
