package discord_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
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
		// The reply itself; or, on a loaded machine slower than the 50 ms
		// AnswerWithin, its deferral: either way not refused as busy.
		r := h.Client.Command(t, mentee, "status")
		if r.Type != discordtest.DeferredMessage && (r.Type != discordtest.ChannelMessage || r.Data == nil || strings.Contains(r.Data.Text(), bot.T(bot.English, "err.busy"))) {
			t.Fatalf("got response type %d %+v, want the reply itself", r.Type, r.Data)
		}
		if n := len(h.REST.Edits(first.Token())); n != 0 {
			t.Fatalf("got %d edits of the first reply, want none yet: it waits on REST", n)
		}
		h.REST.WaitFor(t, "the first reply's edit", func() bool { return len(h.REST.Edits(first.Token())) == 1 })
	})
}

// turnstile is the real core, holding each command until the test lets
// one through: every reply is deferred, with no race against
// AnswerWithin, and its edit goes out on the webhook lane.
type turnstile struct {
	discord.Handler
	pass chan struct{}
	ran  atomic.Int64 // commands that reached the core
}

func (t *turnstile) HandleCommand(ctx context.Context, c bot.Command) bot.Reply {
	t.ran.Add(1)
	select {
	case <-t.pass:
	case <-ctx.Done():
	}
	return t.Handler.HandleCommand(ctx, c)
}

// user is the i-th member of a bulkhead test.
func user(i int) string { return fmt.Sprintf("3000000000000000%02d", i) }

// TestBulkheads shows that a Discord route that hangs degrades only the
// calls bound for it: the edit of one member's deferred reply that never
// answers holds one worker of the webhook lane, while other members'
// interactions are acked and their replies edited in; once that lane is
// full (workers and queue), the next members are told at once, in their
// language, that the bot is busy; and the lane holds no more than its
// bound.
func TestBulkheads(t *testing.T) {
	for _, gateway := range []bool{false, true} {
		t.Run(map[bool]string{false: "HTTP", true: "Gateway"}[gateway]+"/StuckEditStarvesNobody", func(t *testing.T) {
			core := &turnstile{pass: make(chan struct{})}
			h := MustHarness(t, func(o *HarnessOptions) {
				o.Gateway = gateway
				o.Config.AnswerWithin = 50 * time.Millisecond
				o.Config.Outbound = discord.Outbound{Workers: 2, Queue: 3, ReplyTimeout: time.Hour}
				o.Wrap = func(h discord.Handler) discord.Handler { core.Handler = h; return core }
			})
			edits := "PATCH webhooks/" + testApp + "/"
			// deferred sends a command whose reply is deferred, lets its
			// core run, and returns its token.
			deferred := func(p discordtest.Payload) string {
				t.Helper()
				if r := h.Client.Send(t, p); r.Type != discordtest.DeferredMessage {
					t.Fatalf("got response type %d %+v, want a deferral", r.Type, r.Data)
				}
				core.pass <- struct{}{}
				return p.Token()
			}
			var releases []func()
			stuck := func(i int) string {
				t.Helper()
				p := discordtest.Command(testApp, h.Guild, user(i), "status")
				release := h.REST.Hold(edits + p.Token())
				t.Cleanup(release) // before the harness closes: LIFO
				releases = append(releases, release)
				return deferred(p)
			}
			first := stuck(0)
			h.REST.WaitFor(t, "the first edit to hang", func() bool { return h.REST.Held(edits) == 1 })
			// Other members are acked, and each one's reply is edited in
			// before the next one sends, while the first edit still hangs.
			for i := 10; i < 13; i++ {
				token := deferred(discordtest.Command(testApp, h.Guild, user(i), "status"))
				h.REST.WaitFor(t, "the edit of "+user(i)+"'s reply", func() bool { return len(h.REST.Edits(token)) == 1 })
			}
			if n, held := len(h.REST.Edits(first)), h.REST.Held(edits); n != 0 || held != 1 {
				t.Fatalf("got %d edits of the stuck reply and %d held, want 0 and 1", n, held)
			}
			h.REST.WaitFor(t, "the other replies to leave the lane", func() bool { replies, _ := h.Adapter.Queued(); return replies == 1 })
			// Four more stuck replies: one takes the second worker, three
			// fill the queue.
			tokens := []string{first}
			for i := 1; i < 5; i++ {
				tokens = append(tokens, stuck(i))
			}
			h.REST.WaitFor(t, "both workers to hang", func() bool { return h.REST.Held(edits) == 2 })
			ran := core.ran.Load()
			for _, locale := range []string{"en-US", "fr"} {
				lang, _ := bot.ParseLang(locale)
				p := discordtest.Command(testApp, h.Guild, user(20), "status").WithLocale(locale)
				MustEphemeral(t, h.Client.Send(t, p), bot.T(lang, "err.busy"))
			}
			if got := core.ran.Load(); got != ran {
				t.Fatalf("got %d commands run while the lane was full, want none", got-ran)
			}
			if replies, _ := h.Adapter.Queued(); replies != 5 {
				t.Fatalf("got %d replies on the webhook lane, want 5 (2 workers, 3 queued)", replies)
			}
			if got := h.REST.HeldEver(edits); got != 2 {
				t.Fatalf("got %d edits sent to the stuck route, want 2: only the workers wait on it", got)
			}
			for _, release := range releases {
				release()
			}
			for _, token := range tokens {
				h.REST.WaitFor(t, "the stuck edits", func() bool { return len(h.REST.Edits(token)) == 1 })
			}
			h.REST.WaitFor(t, "the webhook lane to empty", func() bool { replies, _ := h.Adapter.Queued(); return replies == 0 })
			r := h.Client.Command(t, user(21), "status")
			if r.Type != discordtest.DeferredMessage {
				t.Fatalf("got response type %d %+v, want a deferral: the lane has room again", r.Type, r.Data)
			}
			core.pass <- struct{}{}
		})
	}
	t.Run("StuckDMStarvesNobody", func(t *testing.T) {
		h := MustHarness(t, func(o *HarnessOptions) {
			o.Config.Outbound = discord.Outbound{Workers: 1, Queue: 1}
		})
		posts := "POST channels/"
		release := h.REST.Hold(posts)
		t.Cleanup(release)
		msg := bot.Message{Text: "hello"}
		sent := make(chan error, 2)
		for _, i := range []int{0, 1} {
			go func() { sent <- h.Adapter.Send(context.Background(), h.Member(user(i)), msg) }()
		}
		// The first DM's post hangs on the only worker; the second DM waits
		// in the queue; the third finds no room and fails at once.
		h.REST.WaitFor(t, "one DM to hang and one to queue", func() bool {
			_, rest := h.Adapter.Queued()
			return rest == 2 && h.REST.Held(posts) == 1
		})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := h.Adapter.Send(ctx, h.Member(user(2)), msg)
		if be, ok := errors.AsType[*bot.Error](err); !ok || be.Code != bot.EUNAVAILABLE || be.Key != "err.busy" {
			t.Fatalf("got %v, want EUNAVAILABLE with err.busy at once: the REST lane is full", err)
		}
		// Interactions are acked and answered meanwhile.
		if r := h.Client.Command(t, user(3), "status"); r.Type != discordtest.ChannelMessage || strings.Contains(r.Data.Text(), bot.T(bot.English, "err.busy")) {
			t.Fatalf("got response type %d %+v, want the reply itself", r.Type, r.Data)
		}
		release()
		for range 2 {
			if err := <-sent; err != nil {
				t.Fatalf("got %v, want the held DMs sent once released", err)
			}
		}
		for _, i := range []int{0, 1, 2} {
			if got, want := len(h.REST.DMs(user(i))), map[bool]int{true: 1, false: 0}[i < 2]; got != want {
				t.Errorf("got %d DMs to %s, want %d", got, user(i), want)
			}
		}
	})
}
