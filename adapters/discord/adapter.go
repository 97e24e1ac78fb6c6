package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// DefaultAPIURL is discordgo's REST base, https://discord.com/api/v9/,
// used when Config.APIURL is empty. cmd shows it in --help.
var DefaultAPIURL = discordgo.EndpointAPI

// Config is the Discord application's settings.
type Config struct {
	Token     string // the bot token, with or without "Bot "
	AppID     string // the application ID
	PublicKey string // hex Ed25519 key: interactions come over HTTP, not the gateway
	// GuildID registers /mentor in that server only, where it applies at
	// once; "" registers it globally.
	GuildID string
	// APIURL is the REST base including the version; "" is
	// DefaultAPIURL. A REST proxy or a fake.
	APIURL string
	// IntroChannelID, when set, is where introductions become private
	// threads; otherwise each member of a pair gets the introduction by DM.
	IntroChannelID string

	// AnswerWithin is how long an interaction waits for the core before
	// it is deferred (Discord allows 3 s for the first response). Default
	// 2 s. The wait is cut short when the claim took long, and never runs
	// past what keeps the first response within its 2.5 s budget
	// (budget.go).
	AnswerWithin time.Duration
	// WorkTimeout bounds the work on one interaction, deferred or not, and
	// so how long Close may wait. Default 30 s.
	WorkTimeout time.Duration
	// MaxInFlight is how many interactions the core may work on at once.
	// Default 256. Past it, an interaction is answered at once, in the
	// member's language, that the bot is busy, and the core does not run.
	// A slot is held only while the core works: the REST calls that carry
	// a deferred reply afterwards hold none, so a slow Discord REST route
	// never makes another member wait for a slot.
	MaxInFlight int
	// Outbound sizes the bulkheads that carry REST calls out (outbound.go).
	Outbound Outbound
	// CloseTimeout is how long Close waits for the REST calls still queued
	// before it cancels them. Default 20 s.
	CloseTimeout time.Duration
	// RetryAttempts and RetryBackoff bound retries of 5xx and network
	// errors: attempts in all (default 4), first pause (default 250 ms),
	// doubling each time.
	RetryAttempts int
	RetryBackoff  time.Duration
	// RegisterRetry is the first pause before /mentor is registered again
	// in the background, when Discord was unavailable at Open (after the
	// retries above), doubling up to RegisterRetryMax. Defaults 10 s and
	// 5 min.
	RegisterRetry, RegisterRetryMax time.Duration
	// MaxSkew is how old (or early) a signed HTTP request may be. Default 5 min.
	MaxSkew time.Duration
	// Now is the wall clock for signature timestamps. Default time.Now.
	Now func() time.Time
	// HTTPTransport carries REST calls. Default http.DefaultTransport.
	HTTPTransport http.RoundTripper
	// Claim, when set, decides whether this replica acts on an inbound
	// event: each replica's gateway connection receives every event, and
	// a signed HTTP request may be replayed, on any replica, for as long
	// as MaxSkew accepts it. Keys are "interaction:<id>" (an interaction
	// is served) and "leave:<hash of guild and user>" (a member who left
	// is erased). Only the first Claim of a key returns true and acts. A
	// failed claim (err) acts anyway: better a refused second answer, or
	// an erasure run twice (harmless), than none.
	Claim func(ctx context.Context, key string) (bool, error)
	// Keep, when set, keeps an interaction whose reply is deferred
	// before the deferral is sent, and Forget drops it once its reply is
	// in (keep.go): if this replica dies in between, another redelivers
	// it (Redeliver). cmd wires them to bot.Bot's Receive and Handled.
	// Keep reports false for a key kept already. Forget is given the
	// member Keep was: the store drops the key from their index too, so
	// that nothing names them once the interaction is answered.
	Keep   func(ctx context.Context, who bot.MemberID, key string, data []byte) (bool, error)
	Forget func(ctx context.Context, who bot.MemberID, key string) error
	// Installs, when set, keeps a record of the servers the bot was
	// removed from, seen over the gateway, and Serves reads it
	// (guilds.go). Nil: every server is served, as before.
	Installs bot.InstallStore
	// Clock dates those records: the core's clock, by which the retention
	// counts. Nil: Now.
	Clock bot.Clock
}

// Handler is what the adapter needs of the bot; *bot.Bot is one.
type Handler interface {
	HandleCommand(ctx context.Context, c bot.Command) bot.Reply
	HandleAction(ctx context.Context, a bot.Action) bot.Reply
	Commands() []bot.CommandSpec
}

// Adapter is the Discord adapter. It implements bot.Platform,
// bot.Directory, bot.Poster, bot.Uploader and bot.Serving, and http.Handler for the
// interactions endpoint. Its
// methods are safe for concurrent use.
type Adapter struct {
	cfg     Config
	h       Handler
	log     *slog.Logger
	session *discordgo.Session
	rest    restAPI
	gateway gatewayAPI
	key     ed25519.PublicKey

	slots chan struct{} // one per interaction the core works on
	out   *outbound     // the lanes of REST calls

	dms      sync.Map  // user ID -> DM channel ID
	guildOf  sync.Map  // channel ID -> its guild ID, "" if unknown (intro.go)
	dmClosed closedDMs // members whose DMs were found closed

	mu     sync.Mutex
	closed bool
	work   sync.WaitGroup // interactions being served, and their follow-ups
	stop   func()         // removes the gateway handlers
	// cancelRetry stops the registration retried in the background
	// (ready.go); nil when none runs.
	cancelRetry func()

	members   stillMembers // DM clickers lately found in their server (member.go)
	gatewayUp atomic.Bool  // the gateway is connected (ready.go)
	// registering: Open found Discord unavailable, and /mentor is being
	// registered in the background (retryOpen).
	registering atomic.Bool
	served      served // whether a server is served, lately read (guilds.go)
}

var (
	_ bot.Platform          = (*Adapter)(nil)
	_ bot.Directory         = (*Adapter)(nil)
	_ bot.Poster            = (*Adapter)(nil)
	_ bot.Uploader          = (*Adapter)(nil)
	_ bot.ChannelIntroducer = (*Adapter)(nil)
	_ http.Handler          = (*Adapter)(nil)
)

// New returns an adapter for the configured application, not yet
// connected. Register it with the bot, then Open it.
func New(cfg Config, h Handler, log *slog.Logger) (*Adapter, error) {
	switch {
	case cfg.Token == "":
		return nil, errors.New("DISCORD_BOT_TOKEN: want the bot token (Bot, Reset Token)")
	case cfg.AppID == "":
		return nil, errors.New("DISCORD_APP_ID: want the application ID (General Information): it is required with DISCORD_BOT_TOKEN")
	}
	cfg = withDefaults(cfg)
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &Adapter{cfg: cfg, h: h, log: log.With("platform", Platform), slots: make(chan struct{}, cfg.MaxInFlight)}
	if cfg.PublicKey != "" {
		key, err := hex.DecodeString(cfg.PublicKey)
		if err != nil || len(key) != ed25519.PublicKeySize {
			return nil, errors.New("DISCORD_PUBLIC_KEY: want the application's public key, 64 hex digits")
		}
		a.key = key
	}
	s, err := newSession(cfg)
	if err != nil {
		return nil, err
	}
	a.session, a.rest, a.gateway = s, s, s
	a.out = newOutbound(cfg.Outbound) // last: its workers run until Close
	return a, nil
}

func withDefaults(cfg Config) Config {
	if cfg.AnswerWithin <= 0 {
		cfg.AnswerWithin = 2 * time.Second
	}
	if cfg.WorkTimeout <= 0 {
		cfg.WorkTimeout = 30 * time.Second
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 256
	}
	if cfg.RetryAttempts <= 0 {
		cfg.RetryAttempts = 4
	}
	if cfg.RetryBackoff <= 0 {
		cfg.RetryBackoff = 250 * time.Millisecond
	}
	cfg.Outbound.defaults()
	cfg.CloseTimeout = orDefault(cfg.CloseTimeout, 20*time.Second)
	cfg.RegisterRetry = orDefault(cfg.RegisterRetry, 10*time.Second)
	cfg.RegisterRetryMax = max(orDefault(cfg.RegisterRetryMax, 5*time.Minute), cfg.RegisterRetry)
	if cfg.MaxSkew <= 0 {
		cfg.MaxSkew = 5 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return cfg
}

// Open registers /mentor and, without a public key, connects to the
// gateway to receive interactions. Registration overwrites all of the
// application's commands in bulk, so restarting is idempotent.
//
// Discord unavailable (network errors, 5xx, after the transport's
// retries) does not stop the start: Open logs a warning and returns nil,
// the interactions endpoint serves (the commands a previous start
// registered are still there), and the registration, then the gateway
// connection, are retried in the background with backoff until they
// succeed or Close (retryOpen). Discord refusing the registration (4xx:
// a bad token, a command it rejects) is an error, as a gateway that
// cannot be connected once /mentor is registered.
func (a *Adapter) Open(ctx context.Context) error {
	cmds, err := applicationCommands(a.h.Commands())
	if err != nil {
		return err
	}
	switch err := a.register(ctx, cmds); {
	case err != nil && ctx.Err() == nil && unavailable(err):
		a.log.Warn("discord unavailable: serving without /mentor registered, registering it again in the background",
			"code", string(bot.ErrorCode(coded(err, "register commands"))), "retry", a.cfg.RegisterRetry, "err", err)
		a.registering.Store(true)
		a.retryOpen(cmds)
		return nil
	case err != nil:
		return err
	}
	return a.connect()
}

// connect connects the gateway, when interactions come over it, adding
// the handlers of its events (which Close removes) the first time: it
// runs again after a failure in the background (retryOpen).
func (a *Adapter) connect() error {
	if a.key != nil {
		return nil // interactions come to ServeHTTP
	}
	if a.stop == nil {
		stopInteractions, stopLeaves, stopTracking := a.gateway.AddHandler(a.onInteraction), a.gateway.AddHandler(a.onMemberRemove), a.trackGateway()
		stopJoins, stopRemovals := a.gateway.AddHandler(a.onGuildCreate), a.gateway.AddHandler(a.onGuildDelete)
		a.stop = func() { stopInteractions(); stopLeaves(); stopTracking(); stopJoins(); stopRemovals() }
	}
	if err := a.gateway.Open(); err != nil {
		return fmt.Errorf("gateway: %w", err)
	}
	a.log.Info("gateway connected")
	return nil
}

// atAPIURL makes the URL a transport error quotes the one that was
// dialled: discordgo builds every request on Discord's base, which the
// transport replaces with Config.APIURL, so the error would name
// discord.com while the bot dialled DISCORD_API_URL.
func (a *Adapter) atAPIURL(err error) error {
	base := a.cfg.APIURL
	if base != "" && !strings.HasSuffix(base, "/") {
		base += "/"
	}
	if ue, ok := errors.AsType[*url.Error](err); ok && base != "" && strings.HasPrefix(ue.URL, discordgo.EndpointAPI) {
		ue.URL = base + strings.TrimPrefix(ue.URL, discordgo.EndpointAPI)
	}
	return err
}

// Close stops taking interactions, waits for those being served (each
// bounded by WorkTimeout), disconnects the gateway, then waits for the
// REST calls still queued (up to CloseTimeout) so that no reply is lost
// on a graceful shutdown.
func (a *Adapter) Close() error {
	a.mu.Lock()
	already, cancelRetry := a.closed, a.cancelRetry
	a.closed = true
	a.mu.Unlock()
	if already {
		return nil
	}
	if cancelRetry != nil {
		cancelRetry() // the retry runs as work: Wait waits for it to stop
	}
	a.work.Wait()
	var err error
	if a.stop != nil {
		a.stop()
		err = a.gateway.Close()
	}
	// The interactions are served: their replies are queued, or sent.
	a.out.close(a.cfg.CloseTimeout)
	return err
}

// spawn runs f in a goroutine that Close waits for. It reports false,
// without running f, once the adapter is closing.
func (a *Adapter) spawn(f func()) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return false
	}
	a.work.Add(1)
	go func() {
		defer a.work.Done()
		f()
	}()
	return true
}
