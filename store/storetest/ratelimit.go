package storetest

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// rateTests are the contract of the rate limit's counters. That a window
// ends by the store's clock, and that no key names the member, depend on
// the backend: store.TestHit checks them on Redis, inmem's tests in memory.
var rateTests = []contractTest{
	{"Hit", testHit},
}

// testHit: hits count up in one window, each member and each name apart.
func testHit(t *testing.T, s bot.Store, tn bot.Tenant) {
	ann, ben := tn.Member("UANN"), tn.Member("UBEN")
	hit := func(who bot.MemberID, name string) int {
		t.Helper()
		n, err := s.Hit(ctx(), who, name, time.Hour)
		MustOK(t, err)
		return n
	}
	for i := range 3 {
		if got := hit(ann, "command"); got != i+1 {
			t.Fatalf("got %d, want hit %d counted in the window", got, i+1)
		}
	}
	if got := hit(ben, "command"); got != 1 {
		t.Errorf("got %d for another member, want 1", got)
	}
	if got := hit(ann, "click"); got != 1 {
		t.Errorf("got %d for clicks, want 1: counted apart from commands", got)
	}
	if got := hit(ann, "command"); got != 4 {
		t.Errorf("got %d, want 4: other counters leave this one alone", got)
	}
}
