package store

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestProfileCache: alike profiles come back each with its own mentor, a
// string that is not a profile with none, and the cache stays bounded.
func TestProfileCache(t *testing.T) {
	tn := bot.Tenant{Platform: "slack", Workspace: "TCACHE"}
	o := bot.Offer{Topics: []string{"Go"}, Capacity: 2, Languages: []bot.Lang{"en"}, Updated: time.Unix(1e9, 0)}
	raw := profileOf(o)
	var c profileCache
	for range 2 {
		got := c.decode(tn, []string{"A", "B", "C"}, []any{raw, raw, "not a profile"})
		if got[0].Mentor != tn.Member("A") || got[1].Mentor != tn.Member("B") || got[2].Mentor != (bot.MemberID{}) {
			t.Fatalf("got mentors %v, %v, %v", got[0].Mentor, got[1].Mentor, got[2].Mentor)
		}
		if got[1].Capacity != 2 || got[1].Topics[0] != "Go" {
			t.Fatalf("got %+v", got[1])
		}
	}
	for i := range maxCachedProfiles + 10 {
		o.Years = i
		c.decode(tn, []string{"A"}, []any{profileOf(o)})
	}
	if len(c.m) > maxCachedProfiles {
		t.Fatalf("the cache holds %d profiles, want at most %d", len(c.m), maxCachedProfiles)
	}
}
