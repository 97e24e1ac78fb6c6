package discord_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// gatedHandler is the real core, held for member held until gate closes.
type gatedHandler struct {
	discord.Handler
	held string
	gate chan struct{}
}

func (g *gatedHandler) HandleCommand(ctx context.Context, c bot.Command) bot.Reply {
	if c.Member.User == g.held {
		select {
		case <-g.gate:
		case <-ctx.Done():
		}
	}
	return g.Handler.HandleCommand(ctx, c)
}

// TestBusy: with every slot taken by the core, an interaction is answered
// at once that the bot is busy, in the member's language; a slot is held
// only while the core works, not while a deferred reply waits on REST.
func TestBusy(t *testing.T) {
	t.Run("SlotsFull", func(t *testing.T) {
		g := &gatedHandler{held: mentor1, gate: make(chan struct{})}
		h := MustHarness(t, func(o *HarnessOptions) {
			o.Config.MaxInFlight, o.Config.AnswerWithin = 1, 50*time.Millisecond
			o.Wrap = func(core discord.Handler) discord.Handler { g.Handler = core; return g }
		})
		defer close(g.gate)
		if r := h.Client.Command(t, mentor1, "status"); r.Type != discordtest.DeferredMessage {
			t.Fatalf("got response type %d, want a deferral while the core works", r.Type)
		}
		MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentee, "status").WithLocale("fr")), bot.T(bot.French, "err.busy"))
	})
	t.Run("StuckRESTHoldsNoSlot", func(t *testing.T) {
		h, slow := MustSlowHarness(t, func(o *HarnessOptions) { o.Config.MaxInFlight = 1 })
		// The first reply is deferred, and its edit waits out a 429.
		h.REST.RateLimit("PATCH webhooks/", 1, 1500*time.Millisecond)
		slow.Delay.Store(int64(100 * time.Millisecond))
		first := discordtest.Command(testApp, h.Guild, mentor1, "status")
		if r := h.Client.Send(t, first); r.Type != discordtest.DeferredMessage {
			t.Fatalf("got response type %d, want a deferral", r.Type)
		}
		h.REST.WaitFor(t, "the edit to be rate limited", func() bool { return len(h.REST.CallsTo("PATCH webhooks/")) > 0 })
		slow.Delay.Store(0)
		r := h.Client.Command(t, mentee, "status")
		if r.Type != discordtest.ChannelMessage || r.Data == nil || strings.Contains(r.Data.Text(), bot.T(bot.English, "err.busy")) {
			t.Fatalf("got response type %d %+v, want the reply itself", r.Type, r.Data)
		}
		if n := len(h.REST.Edits(first.Token())); n != 0 {
			t.Fatalf("got %d edits of the first reply, want none yet: it waits on REST", n)
		}
		h.REST.WaitFor(t, "the first reply's edit", func() bool { return len(h.REST.Edits(first.Token())) == 1 })
	})
}
