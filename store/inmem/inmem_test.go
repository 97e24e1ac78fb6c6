package inmem_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// The shell's cron (schedule.Locker) takes its locks from the store.
var _ interface {
	TryLock(ctx context.Context, name string, ttl time.Duration) (bool, error)
} = (*inmem.Store)(nil)

// clock is the store's clock, moved by hand.
type clock struct {
	mu sync.Mutex
	at time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.at }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.at = c.at.Add(d); c.mu.Unlock() }

// TestExpiry: what lasts a while on Redis (a key with a TTL) lasts as
// long in memory, by the store's clock, whatever the callers' clocks.
func TestExpiry(t *testing.T) {
	c := &clock{at: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	s := inmem.New(c.Now)
	ctx, tn := context.Background(), bot.Tenant{Platform: "test", Workspace: "T1"}
	prev, err := s.MarkSent(ctx, tn, "k", time.Minute)
	storetest.MustOK(t, err)
	storetest.MustOK(t, s.SaveDraft(ctx, tn, "d", "v", time.Hour))
	storetest.MustOK(t, s.SaveNotice(ctx, bot.Notice{ID: "n", To: tn.Member("U1")}, bot.NewJob(c.Now(), bot.JobNotice, "n"), time.Hour))
	first, _ := s.FirstSeen(ctx, tn, "in:x", time.Minute)
	locked, _ := s.TryLock(ctx, "sweep", time.Minute)
	hits, _ := s.Hit(ctx, tn.Member("U1"), "command", time.Minute)
	if prev != "" || !first || !locked || hits != 1 {
		t.Fatalf("got mark %q, first %v, lock %v, hits %d; want all fresh", prev, first, locked, hits)
	}

	c.advance(time.Minute - time.Millisecond)
	prev, _ = s.MarkSent(ctx, tn, "k", time.Minute)
	first, _ = s.FirstSeen(ctx, tn, "in:x", time.Minute)
	locked, _ = s.TryLock(ctx, "sweep", time.Minute)
	hits, _ = s.Hit(ctx, tn.Member("U1"), "command", time.Minute)
	if prev != "pending" || first || locked || hits != 2 {
		t.Fatalf("got mark %q, first %v, lock %v, hits %d; want all still held", prev, first, locked, hits)
	}

	c.advance(time.Millisecond)
	prev, _ = s.MarkSent(ctx, tn, "k", time.Minute)
	first, _ = s.FirstSeen(ctx, tn, "in:x", time.Minute)
	locked, _ = s.TryLock(ctx, "sweep", time.Minute)
	hits, _ = s.Hit(ctx, tn.Member("U1"), "command", time.Minute)
	if prev != "retry" || !first || !locked || hits != 1 {
		t.Fatalf("got mark %q, first %v, lock %v, hits %d; want all expired after a minute (the mark taken over: retry)", prev, first, locked, hits)
	}
	if _, err := s.Draft(ctx, tn, "d"); err != nil {
		t.Fatalf("got %v, want the draft kept for an hour", err)
	}
	storetest.MustOK(t, s.ConfirmSent(ctx, tn, "k", "done", 90*24*time.Hour))

	c.advance(time.Hour)
	if _, err := s.Draft(ctx, tn, "d"); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want the draft expired", err)
	}
	if _, err := s.GetNotice(ctx, tn, "n"); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want the notice expired", err)
	}
	if prev, _ = s.MarkSent(ctx, tn, "k", time.Minute); prev != "done" {
		t.Fatalf("got %q, want a confirmed mark kept", prev)
	}
}

// TestDump: everything the store holds is in its dump, the user ID
// and the values; a fresh store dumps empty maps only.
func TestDump(t *testing.T) {
	s := inmem.New(nil)
	ctx, tn := context.Background(), bot.Tenant{Platform: "test", Workspace: "T1"}
	if got := strings.Join(s.Dump(), "\n"); strings.Contains(got, "zed") {
		t.Fatalf("got %q in an empty store", got)
	}
	storetest.MustOK(t, s.SaveDraft(ctx, tn, "d1", "mentor=zed", time.Hour))
	storetest.MustOK(t, s.RememberPair(ctx, tn, "ann", "zed", bot.VerdictMet))
	var hits []string
	for _, line := range s.Dump() {
		if strings.Contains(line, "zed") {
			hits = append(hits, line)
		}
	}
	if len(hits) != 2 || !strings.Contains(hits[0], " drafts d1: ") || !strings.Contains(hits[1], " history ann: ") {
		t.Fatalf("got %q, want the draft and the history", hits)
	}
}
