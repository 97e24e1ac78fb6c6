package bot_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// observed is a fake Observer that writes down what it hears.
type observed struct {
	mu   sync.Mutex
	seen []string
}

func (o *observed) add(format string, args ...any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.seen = append(o.seen, fmt.Sprintf(format, args...))
}

func (o *observed) Command(name, outcome string) { o.add("command %s %s", name, outcome) }
func (o *observed) Action(name, outcome string)  { o.add("action %s %s", name, outcome) }
func (o *observed) JobDue(kind string, late time.Duration) {
	o.add("due %s %s", kind, late)
}
func (o *observed) Job(kind, outcome string) { o.add("job %s %s", kind, outcome) }
func (o *observed) Event(kind bot.EventKind) { o.add("event %s", kind) }

// take returns what was heard since the last take.
func (o *observed) take() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	s := o.seen
	o.seen = nil
	return s
}

// MustHear fails unless o heard each of want since the last take.
func (o *observed) MustHear(tb testing.TB, want ...string) {
	tb.Helper()
	got := o.take()
	for _, w := range want {
		if !slices.Contains(got, w) {
			tb.Fatalf("got %q, want %q among them", got, w)
		}
	}
}

// TestObserver: the Observer hears every command, click and job with its
// outcome, and the proposals, pairs and surveys, under names from the
// command, action and job tables only: a mistyped command is "unknown",
// and no member's ID or words reach it.
func TestObserver(t *testing.T) {
	o := &observed{}
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustMemory(t), tn, bot.Config{Observer: o})
	ctx := context.Background()

	h.Run("bobzz", "offer go")
	o.MustHear(t, "command offer ok")
	h.Run("bobzz", "xyzzy plugh")
	o.MustHear(t, "command unknown invalid")
	h.Run("bobzz", "offer go capcity:3")
	o.MustHear(t, "command offer invalid")
	h.Run("alicezz", "request go goal:secret words")
	o.MustHear(t, "command request ok", "event request", "event proposed")

	accept := h.Button("bobzz", bot.ActionProposalAccept)
	h.Bot.HandleAction(ctx, bot.Action{Member: tn.Member("alicezz"), ActionID: accept.ActionID, Value: accept.Value})
	o.MustHear(t, "action proposal.accept forbidden")
	h.Bot.HandleAction(ctx, bot.Action{Member: tn.Member("alicezz"), ActionID: "alicezz.made.this.up", Value: "x"})
	o.MustHear(t, "action unknown stale")
	h.Click("bobzz", "bobzz", bot.ActionProposalAccept)
	o.MustHear(t, "action proposal.accept ok", "event accepted")

	// The proposal's reminder falls due 24 h after it was sent (it finds
	// the proposal accepted: done); the tick comes an hour late.
	MustTick(t, h, 25*time.Hour)
	o.MustHear(t, "due premind 1h0m0s", "job premind done")

	h.Click("bobzz", "bobzz", bot.ActionCharterAccept)
	h.Click("alicezz", "alicezz", bot.ActionCharterAccept)
	o.MustHear(t, "action charter.accept ok", "event intro")

	// The platform fails when the check-in falls due: it will retry.
	h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	MustTick(t, h, 4*24*time.Hour)
	o.MustHear(t, "job checkin retried")
	h.Platform.Fail = nil

	h.Platform.Take()
	for range 40 {
		MustTick(t, h, 6*time.Hour)
	}
	for _, s := range o.take() {
		if strings.Contains(s, "zz") || strings.Contains(s, "secret") {
			t.Fatalf("got %q, want no member's ID or words", s)
		}
	}
}
