package discord_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"math/big"
	mrand "math/rand/v2"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// Members of the test server.
const (
	mentor1 = "100000000000000001"
	mentor2 = "100000000000000002"
	mentee  = "200000000000000001"
)

// Harness is the adapter wired to a real core on a real store (REDIS_URL
// or miniredis), the fake Discord REST API, and its endpoint served over
// HTTP (or, with Gateway, the fake gateway).
type Harness struct {
	REST    *discordtest.REST
	Gateway *discordtest.Gateway
	Signer  *discordtest.Signer
	Adapter *discord.Adapter
	Bot     *bot.Bot
	Client  *discordtest.Client
	Guild   string
	URL     string // the interactions endpoint
	Log     *SyncBuffer
	Clock   *bot.ManualClock // the core's clock: Advance it, then Bot.TickTenants
}

// HarnessOptions adjust a Harness before it opens.
type HarnessOptions struct {
	Config  discord.Config
	Gateway bool                                    // interactions over the gateway, not HTTP
	Wrap    func(h discord.Handler) discord.Handler // a slower or stranger core
}

// MustHarness opens a Harness, closed with the test.
func MustHarness(tb testing.TB, opts ...func(*HarnessOptions)) *Harness {
	tb.Helper()
	h := &Harness{REST: discordtest.NewREST(tb), Signer: discordtest.MustSigner(tb), Guild: MustGuild(tb), Log: &SyncBuffer{}}
	o := HarnessOptions{Config: discord.Config{
		Token: "test-token", AppID: testApp, PublicKey: h.Signer.PublicKey(), GuildID: h.Guild,
		APIURL: h.REST.URL(), RetryBackoff: time.Millisecond,
	}}
	for _, f := range opts {
		f(&o)
	}
	if o.Gateway {
		o.Config.PublicKey = ""
		h.Gateway = discordtest.NewGateway(tb, testApp)
		h.REST.SetGateway(h.Gateway.URL())
	}
	log := slog.New(slog.NewTextHandler(h.Log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	clock := bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	h.Bot, h.Clock = bot.New(bot.Config{}, storetest.MustOpen(tb), clock, mrand.NewChaCha8([32]byte{1}), log), clock
	var handler discord.Handler = h.Bot
	if o.Wrap != nil {
		handler = o.Wrap(handler)
	}
	a, err := discord.New(o.Config, handler, log)
	if err != nil {
		tb.Fatalf("new adapter: %v", err)
	}
	h.Adapter = a
	h.Bot.Register(discord.Platform, a)
	if err := a.Open(context.Background()); err != nil {
		tb.Fatalf("open adapter: %v", err)
	}
	tb.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(a)
	tb.Cleanup(srv.Close)
	h.URL = srv.URL
	if o.Gateway {
		h.Gateway.WaitIdentified(tb)
		h.Client = discordtest.GatewayClient(h.REST, h.Gateway, testApp, h.Guild)
	} else {
		h.Client = discordtest.HTTPClient(h.REST, h.Signer, h.URL, testApp, h.Guild)
	}
	return h
}

// Member is the bot's ID for a user of the harness's server.
func (h *Harness) Member(user string) bot.MemberID {
	return bot.MemberID{Platform: discord.Platform, Workspace: h.Guild, User: user}
}

// MustOffer makes user a mentor for topics. On a loaded machine the
// reply may be deferred past a short AnswerWithin: then the offer is made
// once its reply is edited in.
func (h *Harness) MustOffer(tb testing.TB, user, topics string) {
	tb.Helper()
	p := discordtest.Command(testApp, h.Guild, user, "offer", discordtest.Option{Name: "topics", Value: topics})
	r := h.Client.Send(tb, p)
	if r.Type == discordtest.DeferredMessage {
		h.REST.WaitFor(tb, "the offer's reply", func() bool { return len(h.REST.Edits(p.Token())) == 1 })
		return
	}
	MustEphemeral(tb, r, "")
}

// MustGuild returns a server ID no other test uses, so that tests sharing
// one Redis never see each other's keys.
func MustGuild(tb testing.TB) string {
	tb.Helper()
	n, err := rand.Int(rand.Reader, big.NewInt(1e17))
	if err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprintf("9%017d", n)
}

// MustEphemeral checks that r is a message only its reader sees, and
// that it contains want.
func MustEphemeral(tb testing.TB, r discordtest.Response, want string) discordtest.Message {
	tb.Helper()
	if r.Type != discordtest.ChannelMessage || r.Data == nil || r.Data.Flags&discordtest.Ephemeral == 0 {
		tb.Fatalf("got response type %d %+v, want an ephemeral message (type 4, flags 64)", r.Type, r.Data)
	}
	if !strings.Contains(r.Data.Text(), want) {
		tb.Fatalf("got %q, want it to contain %q", r.Data.Text(), want)
	}
	if !r.Data.PingsNoneFromText() {
		tb.Errorf("got allowed_mentions %+v, want parse []", r.Data.AllowedMentions)
	}
	return *r.Data
}

// MustUpdate checks that r replaces the clicked message with one that
// contains want and has no buttons left.
func MustUpdate(tb testing.TB, r discordtest.Response, want string) {
	tb.Helper()
	if r.Type != discordtest.UpdateMessage || r.Data == nil {
		tb.Fatalf("got response type %d, want an update of the message (7)", r.Type)
	}
	if len(r.Data.Buttons()) != 0 || r.Data.Components == nil {
		tb.Errorf("got components %+v, want an empty list (buttons removed)", r.Data.Components)
	}
	if !strings.Contains(r.Data.Text(), want) {
		tb.Errorf("got %q, want it to contain %q", r.Data.Text(), want)
	}
}

// SyncBuffer is a log sink that is safe for concurrent writes.
type SyncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *SyncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *SyncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// SlowHandler is the real core taking its time once Delay is set, to
// exercise deferrals.
type SlowHandler struct {
	discord.Handler
	Delay atomic.Int64 // nanoseconds
}

func (s *SlowHandler) HandleCommand(ctx context.Context, c bot.Command) bot.Reply {
	time.Sleep(time.Duration(s.Delay.Load()))
	return s.Handler.HandleCommand(ctx, c)
}

func (s *SlowHandler) HandleAction(ctx context.Context, a bot.Action) bot.Reply {
	time.Sleep(time.Duration(s.Delay.Load()))
	return s.Handler.HandleAction(ctx, a)
}

// MustSlowHarness is a Harness whose core can be slowed down, answering
// within 50 ms before deferring.
func MustSlowHarness(tb testing.TB, opts ...func(*HarnessOptions)) (*Harness, *SlowHandler) {
	tb.Helper()
	slow := &SlowHandler{}
	opts = append([]func(*HarnessOptions){func(o *HarnessOptions) {
		o.Config.AnswerWithin = 50 * time.Millisecond
		o.Wrap = func(h discord.Handler) discord.Handler { slow.Handler = h; return slow }
	}}, opts...)
	return MustHarness(tb, opts...), slow
}
