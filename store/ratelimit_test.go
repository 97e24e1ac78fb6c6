package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
)

// TestHit counts a member's hits in a fixed window on miniredis: two
// replicas (two Stores) count together, members and names apart, and the
// window ends by Redis's clock. No key names the member. (What every
// store must do with hits is in the contract suite, storetest.)
func TestHit(t *testing.T) {
	mr := miniredis.RunT(t)
	a, b := mustStore(t, mr), mustStore(t, mr)
	tn := bot.Tenant{Platform: "slack", Workspace: "T1"}
	ann, ben := tn.Member("UANN"), tn.Member("UBEN")
	hit := func(s *store.Store, who bot.MemberID, name string) int {
		t.Helper()
		n, err := s.Hit(context.Background(), who, name, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for i, s := range []*store.Store{a, b, a} {
		if got := hit(s, ann, "command"); got != i+1 {
			t.Fatalf("got %d, want hit %d counted across replicas", got, i+1)
		}
	}
	if got := hit(b, ben, "command"); got != 1 {
		t.Errorf("got %d for another member, want 1", got)
	}
	if got := hit(b, ann, "click"); got != 1 {
		t.Errorf("got %d for clicks, want 1: counted apart from commands", got)
	}
	for _, k := range mr.Keys() {
		if strings.Contains(k, "UANN") || mr.TTL(k) <= 0 || mr.TTL(k) > time.Minute {
			t.Errorf("got key %s with TTL %s, want no user ID and the window's TTL", k, mr.TTL(k))
		}
	}
	mr.FastForward(time.Minute)
	if got := hit(a, ann, "command"); got != 1 {
		t.Errorf("got %d after the window, want a new window (1)", got)
	}
}

func mustStore(tb testing.TB, mr *miniredis.Miniredis) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), "redis://"+mr.Addr())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
