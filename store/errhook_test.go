package store_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
)

// TestOnError: every failed try is reported with a kind from a fixed
// set; a missing key and a script sent for the first time
// (NOSCRIPT, then EVAL) are not failures.
func TestOnError(t *testing.T) {
	ctx := context.Background()
	mr := miniredis.RunT(t)
	s, err := store.Open(ctx, "redis://"+mr.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var mu sync.Mutex
	var kinds []string
	s.OnError(func(kind string) { mu.Lock(); kinds = append(kinds, kind); mu.Unlock() })
	take := func() []string {
		mu.Lock()
		defer mu.Unlock()
		k := kinds
		kinds = nil
		return k
	}
	tn := bot.Tenant{Platform: "test", Workspace: "TERR"}
	if _, err := s.GetMember(ctx, tn.Member("nobody")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want ENOTFOUND", err)
	}
	if _, err := s.ClaimJobs(ctx, tn, time.Now(), time.Minute, 10); err != nil {
		t.Fatal(err)
	}
	if got := take(); len(got) != 0 {
		t.Fatalf("got %q, want no error for a missing key or a first script", got)
	}
	for reply, want := range map[string]string{
		"READONLY You can't write against a read only replica.": "readonly",
		"OOM command not allowed":                               "oom",
		"MOVED 3999 127.0.0.1:6381":                             "moved",
		"SOMETHINGNEW went wrong":                               "other",
	} {
		mr.SetError(reply)
		s.Ready(ctx)
		// go-redis tries READONLY and OOM again: each try is reported.
		if got := take(); len(got) == 0 || slices.ContainsFunc(got, func(k string) bool { return k != want }) {
			t.Errorf("%s: got %q, want %s only", reply, got, want)
		}
	}
	mr.SetError("")
	mr.Close()
	s.Ready(ctx)
	if got := take(); len(got) == 0 || got[0] != "connection" {
		t.Fatalf("got %q with Redis stopped, want connection", got)
	}
}
