package store

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// TestCandidatesStampReadAgain: a topic's offers changed by a replica of
// an older version, which does not change the stamp, are read again once
// the cache's entry is a minute old, and then named by another version,
// so that nothing kept under the first (an explanation) serves them.
func TestCandidatesStampReadAgain(t *testing.T) {
	mr := miniredis.RunT(t)
	s := New(redis.NewClient(&redis.Options{Addr: mr.Addr()}))
	t.Cleanup(func() { s.Close() })
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	s.topics.clock = func() time.Time { return now }
	ctx := context.Background()
	tn := bot.Tenant{Platform: "test", Workspace: "T1"}
	o := bot.Offer{Mentor: tn.Member("A"), Topics: []string{"Go"}, Capacity: 1, Languages: []bot.Lang{"en"}, Keys: []string{"go"}}
	if err := s.SaveOffer(ctx, o); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Candidates(ctx, tn, []string{"go"}, ""); err != nil || c.Stamp != "" {
		t.Fatalf("first read: stamp %q, %v; want none (just read: no version to name)", c.Stamp, err)
	}
	first, err := s.Candidates(ctx, tn, []string{"go"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Candidates(ctx, tn, []string{"go"}, ""); again.Stamp != first.Stamp || again.Stamp == "" {
		t.Fatalf("read again at once: stamp %q, want %q", again.Stamp, first.Stamp)
	}
	// The older replica pauses A: the profile changes, the stamp does not.
	o.Paused = true
	mr.HSet(string(keysFor(tn).profiles()), "A", profileOf(o))
	now = now.Add(maxTopicAge + time.Second)
	later, err := s.Candidates(ctx, tn, []string{"go"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if later.Stamp == first.Stamp || len(later.Offers) != 1 || !later.Offers[0].Paused {
		t.Fatalf("a minute later: stamp %q (first %q), offers %+v; want another version, A paused", later.Stamp, first.Stamp, later.Offers)
	}
	if next, _ := s.Candidates(ctx, tn, []string{"go"}, ""); next.Stamp == "" || next.Stamp == first.Stamp {
		t.Fatalf("then: stamp %q, want a version other than the first's %q", next.Stamp, first.Stamp)
	}
}
