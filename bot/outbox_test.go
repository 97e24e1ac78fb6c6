package bot_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// crasher is a platform whose replica dies (a panic, as a SIGKILL would
// stop it) on the first send after crash is set.
type crasher struct {
	*bottest.Platform
	crash atomic.Bool
}

func (c *crasher) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	if c.crash.Load() {
		panic("replica killed")
	}
	return c.Platform.Send(ctx, to, msg)
}

// mustCrashTick ticks on a replica that dies mid-tick.
func mustCrashTick(tb testing.TB, b *bot.Bot, tn bot.Tenant) {
	tb.Helper()
	defer func() {
		if recover() == nil {
			tb.Fatal("got the tick done, want the replica killed mid-tick")
		}
	}()
	b.TickTenants(context.Background(), tn)
}

// TestExpiryCrashRecovered (D3): a replica dies right after a timeout
// changed the state, before any notice went out. A second replica, once
// the lease has run out, sends both notices and the next proposal, each
// once.
func TestExpiryCrashRecovered(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(h *bottest.Harness)
		after time.Duration
		want  []string
	}{
		{"Proposal", func(h *bottest.Harness) {
			h.Run("alice", "request go years:1")
		}, 48 * time.Hour, []string{
			"bob: Alice's request on “go” waited too long for an answer, so it went back to the queue for another mentor. No worries!",
			"alice: The mentor I asked about “go” couldn't answer in time, so I've asked another mentor who fits. I'll tell you as soon as they answer.",
			"carol: Mentoring request: go | Alice would like your help on “go”.",
		}},
		{"Charter", func(h *bottest.Harness) {
			h.Run("alice", "request go years:1")
			h.Click("bob", "bob", bot.ActionProposalAccept)
		}, 72 * time.Hour, []string{
			"bob: The charter for your pair with Alice on “go” wasn't accepted in time, so the pair is cancelled. Thank you for offering your time.",
			"alice: The charter for your pair with Bob on “go” wasn't accepted in time, so the pair is cancelled. Your request is back in the queue.",
			"carol: Mentoring request: go | Alice would like your help on “go”.",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The delivery mark of the notice being sent when the replica
			// died expires in the store's time, not the test clock's.
			storeTime := &storeClock{at: time.Now()}
			h := bottest.New(t, inmem.New(storeTime.Now), bot.Tenant{Platform: "test", Workspace: "T1"}, bot.Config{})
			h.Run("bob", "offer go years:20")
			tc.setup(h)
			h.Run("carol", "offer go years:5") // offered while Alice's request is taken
			inbox(h)

			dying := &crasher{Platform: h.Platform}
			h.Bot.Register(h.Tenant.Platform, dying)
			h.Clock.Advance(tc.after - time.Hour) // past the reminders
			if _, err := h.Bot.TickTenants(context.Background(), h.Tenant); err != nil {
				t.Fatal(err)
			}
			inbox(h)
			h.Clock.Advance(time.Hour)
			dying.crash.Store(true)
			mustCrashTick(t, h.Bot, h.Tenant)
			MustInbox(t, h)

			storeTime.Advance(bot.JobLease)
			other := bot.New(bot.Config{}, h.Store, h.Clock, rand.NewChaCha8([32]byte{8}), nil)
			other.Register(h.Tenant.Platform, h.Platform)
			h.Clock.Advance(bot.JobLease)
			if _, err := other.TickTenants(context.Background(), h.Tenant); err != nil {
				t.Fatal(err)
			}
			// In any order: the notice being sent when the replica died
			// comes back last, when its lease runs out.
			got := inbox(h)
			slices.Sort(got)
			slices.Sort(tc.want)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got messages:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
			h.Clock.Advance(time.Hour)
			if _, err := other.TickTenants(context.Background(), h.Tenant); err != nil {
				t.Fatal(err)
			}
			MustInbox(t, h)
		})
	}
}

// storeClock is the clock by which an in-memory store's values expire,
// moved by hand, as miniredis's FastForward moves Redis's.
type storeClock struct {
	mu sync.Mutex
	at time.Time
}

func (c *storeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.at }

func (c *storeClock) Advance(d time.Duration) { c.mu.Lock(); c.at = c.at.Add(d); c.mu.Unlock() }
