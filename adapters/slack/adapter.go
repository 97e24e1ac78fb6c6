package slack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// Platform is the name of Slack in bot.MemberID.Platform.
const Platform = "slack"

// Handler is what the adapter needs of the bot. *bot.Bot implements it;
// both methods are safe for concurrent use.
type Handler interface {
	HandleCommand(ctx context.Context, c bot.Command) bot.Reply
	HandleAction(ctx context.Context, a bot.Action) bot.Reply
}

// Options configures the adapter. The zero value of each tuning field
// means its default.
type Options struct {
	// BotToken (xoxb-…) is one workspace's token (SLACK_BOT_TOKEN). It
	// may be empty when Installs is set: the workspaces' tokens then come
	// from their installations (workspaces.go).
	BotToken      string
	SigningSecret string // verifies HTTP requests; required without AppToken
	AppToken      string // xapp-…: Socket Mode instead of HTTP when set
	APIURL        string // Web API base, default https://slack.com/api/

	HTTPClient *http.Client // for the Web API and response_url
	Log        *slog.Logger

	// Installs keeps the installations by OAuth, each with its bot token
	// sealed by Sealer (required with Installs). Nil: BotToken's
	// workspace only.
	Installs bot.InstallStore
	Sealer   Sealer
	// Clock dates installs and uninstalls, and the install's state.
	// Default the system clock.
	Clock bot.Clock

	// WrapTransport, when set, wraps HTTPClient's transport (the default
	// client's when HTTPClient is nil): cmd counts the calls to Slack
	// with it, for /metrics.
	WrapTransport func(http.RoundTripper) http.RoundTripper
	// OnSocketAck, when set, is told how long each Socket Mode envelope
	// took to be acknowledged ("socket_mode/commands",
	// "socket_mode/interactions", "socket_mode/events"). Over HTTP, the
	// handler's time is the ack's, and cmd times it there.
	OnSocketAck func(endpoint string, took time.Duration)

	Retry Retry
	// AckBudget is how long a modal submission may wait for the core
	// before it is acknowledged anyway (Slack's limit is 3 s). Default 2 s.
	// An ack never waits for a free work slot: without one, the member is
	// told the bot is busy.
	AckBudget time.Duration
	// InlineBudget is how long a slash command's ack may wait for the
	// core, counted from the request's arrival, to carry a plain reply in
	// the ack itself instead of posting it to response_url afterwards.
	// Past it, the ack goes empty and the reply follows as before. Zero
	// (the default) or negative: off, so that every ack leaves at once
	// (at 500 commands/s, p99 ack under 2 ms off, 2.7 ms with 150 ms for
	// /mentor status in one run: see "Load" in docs/measurements.md).
	InlineBudget time.Duration
	// WorkTimeout bounds the work after one ack. Default 30 s.
	WorkTimeout time.Duration
	// CloseTimeout is how long Close waits in all for the work in flight
	// and the replies queued before cancelling them; Shutdown waits no
	// longer either. Default 20 s.
	CloseTimeout time.Duration
	// KeptLease is how long a delivery kept before its ack waits before
	// another replica redelivers it (bot.Config.JobLease). The write that
	// forgets a handled one is tried again for three quarters of it while
	// Redis does not take it. Default bot.JobLease (2 minutes).
	KeptLease time.Duration
	// MaxInFlight is how many acknowledged commands and clicks may be
	// worked on at once. Default 256. Replies go out apart (Outbound), so
	// a slot is held only while the core works.
	MaxInFlight int
	// Outbound sizes the bulkheads that carry replies out.
	Outbound Outbound
	// OnEvent, when set, is called once per Events API event (duplicates
	// removed), with the workspace and the event type.
	OnEvent func(team, eventType string)
	// ProfileTTL is how long names, time zones and locales from users.info
	// are kept. Default 1 h.
	ProfileTTL time.Duration
	// DirectoryRefresh is how often the whole workspace is read with
	// users.list into the profile cache (see directory.go). Default 12 h;
	// negative: never, and each member's profile comes from users.info.
	DirectoryRefresh time.Duration
	// HomeDelay is how long a change waits before the member's App Home
	// is published again, gathering the changes meanwhile into one
	// views.publish (home.go). Default DefaultHomeDelay.
	HomeDelay time.Duration

	// Installs by OAuth on many workspaces (oauth.go): with ClientID and
	// ClientSecret (the app's "Basic Information"), Register serves GET
	// /slack/install and /slack/oauth_redirect, and BotToken is optional.
	ClientID     string
	ClientSecret string
	// RedirectURL is the redirect_uri sent to Slack; empty: the one the
	// app declares (oauth_config.redirect_urls).
	RedirectURL string
	// AuthorizeURL is Slack's page that asks the installer's consent,
	// default DefaultAuthorizeURL.
	AuthorizeURL string
	// StateKey signs the install's state. Default: derived from
	// ClientSecret, which every replica has.
	StateKey []byte
	// Rand is the randomness of the install's state; default
	// crypto/rand.Reader. Its clock is Clock.
	Rand io.Reader
}

func (o *Options) defaults() error {
	if (o.BotToken != "" || (o.ClientID == "" && o.Installs == nil)) && !strings.HasPrefix(o.BotToken, "xoxb-") {
		return errors.New("SLACK_BOT_TOKEN must be a bot token (xoxb-…), unless SLACK_CLIENT_ID is set (installs by OAuth)")
	}
	if o.ClientID != "" && o.ClientSecret == "" {
		return errors.New("SLACK_CLIENT_SECRET is required with SLACK_CLIENT_ID")
	}
	if o.ClientID != "" && o.Installs == nil {
		return errors.New("slack: installs by OAuth (SLACK_CLIENT_ID) need a store for them")
	}
	if o.Installs != nil && o.Sealer == nil {
		return errors.New("slack: installations need a Sealer for their tokens")
	}
	if o.Clock == nil {
		o.Clock = bot.SystemClock{}
	}
	if o.AppToken != "" && !strings.HasPrefix(o.AppToken, "xapp-") {
		return errors.New("SLACK_APP_TOKEN must be an app-level token (xapp-…)")
	}
	if o.AppToken == "" && o.SigningSecret == "" {
		return errors.New("SLACK_SIGNING_SECRET is required unless SLACK_APP_TOKEN (Socket Mode) is set")
	}
	if o.APIURL == "" {
		o.APIURL = DefaultAPIURL
	}
	if !httpURL(o.APIURL) {
		return errors.New("SLACK_API_URL: want an absolute http or https URL with no user or password in it, such as https://slack.com/api/")
	}
	if o.RedirectURL != "" && !httpURL(o.RedirectURL) {
		return errors.New("SLACK_REDIRECT_URL: want an absolute http or https URL with no user or password in it, such as https://mentorbot.example.com/slack/oauth_redirect")
	}
	if !strings.HasSuffix(o.APIURL, "/") {
		o.APIURL += "/" // slack-go appends method names to it
	}
	if o.AuthorizeURL == "" {
		o.AuthorizeURL = authorizeURL(o.APIURL) // GovSlack's consent page is its own
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = 256
	}
	if o.HTTPClient == nil {
		// Keep a connection for each job that may call Slack at once: the
		// default of 2 idle connections per host closes and redials them
		// under load.
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConns = 2 * o.MaxInFlight
		t.MaxIdleConnsPerHost = 2 * o.MaxInFlight
		o.HTTPClient = &http.Client{Transport: t, Timeout: 10 * time.Second}
	}
	if o.WrapTransport != nil {
		c := *o.HTTPClient
		if c.Transport == nil {
			c.Transport = http.DefaultTransport
		}
		c.Transport = o.WrapTransport(c.Transport)
		o.HTTPClient, o.WrapTransport = &c, nil
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Retry.Attempts <= 0 {
		o.Retry = DefaultRetry
	}
	o.Outbound.defaults()
	o.AckBudget = orDefault(o.AckBudget, 2*time.Second)
	o.WorkTimeout = orDefault(o.WorkTimeout, 30*time.Second)
	o.CloseTimeout = orDefault(o.CloseTimeout, 20*time.Second)
	o.KeptLease = orDefault(o.KeptLease, bot.JobLease)
	o.ProfileTTL = orDefault(o.ProfileTTL, time.Hour)
	o.HomeDelay = orDefault(o.HomeDelay, DefaultHomeDelay)
	if o.DirectoryRefresh == 0 {
		o.DirectoryRefresh = DefaultDirectoryRefresh
	}
	o.oauthDefaults()
	return nil
}

// httpURL reports whether v is an absolute http or https URL with a host
// and no user or password: what Options.APIURL and RedirectURL must be.
func httpURL(v string) bool {
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
}

// DefaultAPIURL is the Web API base when Options.APIURL is empty, and
// DefaultDirectoryRefresh the interval of users.list when
// Options.DirectoryRefresh is zero. cmd shows them in --help.
var DefaultAPIURL = slack.APIURL

const DefaultDirectoryRefresh = 12 * time.Hour

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Adapter is the Slack adapter. It implements bot.Platform, bot.Directory
// and bot.Poster. Create it with New, register its endpoints with Register
// (HTTP) and call Start; Close waits for the work in flight.
type Adapter struct {
	h   Handler
	opt Options
	log *slog.Logger
	// ws holds each workspace's Web API client (workspaces.go); app is
	// the app-level client of Socket Mode.
	ws  *workspaces
	app *slack.Client

	jobs     *jobs
	out      *outbound
	profiles *cache[bot.MemberID, bot.Profile]
	// shared keeps one copy of the workspace, time zone and locale the
	// cached profiles of the directory hold (directory.go).
	shared sharedStrings
	// left are the members Slack said were deactivated (a read of the
	// directory, an event, users.info): leave.go.
	left *cache[bot.MemberID, struct{}]
	dms  *cache[bot.MemberID, string]
	seen *cache[string, struct{}]

	// stop ends what Start runs in the background (Socket Mode, reads of
	// the directory), all under bg; background counts its goroutines.
	// installReads are the workspaces whose directory is being read
	// after their install (directory.go).
	mu           sync.Mutex
	bg           context.Context
	stop         context.CancelFunc
	background   sync.WaitGroup
	installReads sync.Map
	// forgets counts the writes that forget a kept delivery once its reply
	// went out (inbox.go); jobs and lanes start them, so Close waits for
	// them last.
	forgets sync.WaitGroup
	// forgetsShut, under mu, is set by Close before it waits for forgets:
	// a forget started after tries once, in the caller, without Add; and
	// quitting is closed then, so that one that keeps failing (Redis
	// down) stops retrying.
	forgetsShut bool
	quitting    chan struct{}

	// socketUp is whether the Socket Mode connection is up (ready.go);
	// socketWhy why it last went down (SocketTrouble, socket.go).
	socketUp  atomic.Bool
	socketWhy atomic.Pointer[string]

	// homes are the members whose App Home waits to be published (home.go).
	homes homeQueue
}

var (
	_ bot.Platform      = (*Adapter)(nil)
	_ bot.Directory     = (*Adapter)(nil)
	_ bot.Poster        = (*Adapter)(nil)
	_ bot.HomePublisher = (*Adapter)(nil)
	_ bot.Roster        = (*Adapter)(nil)
)

// New returns an adapter handing commands and clicks to h.
func New(h Handler, o Options) (*Adapter, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	// Socket Mode's client needs only the app-level token; slack-go sends
	// its bot token with nothing Socket Mode does.
	app := slack.New(o.BotToken, slack.OptionAPIURL(o.APIURL), slack.OptionHTTPClient(o.HTTPClient), slack.OptionAppLevelToken(o.AppToken))
	return &Adapter{
		h: h, opt: o, log: o.Log, ws: newWorkspaces(o, dialer(o)), app: app,
		jobs:     newJobs(o.WorkTimeout, o.MaxInFlight),
		out:      newOutbound(o.Outbound),
		profiles: newCache[bot.MemberID, bot.Profile](o.ProfileTTL, MaxProfiles),
		left:     newCache[bot.MemberID, struct{}](o.ProfileTTL, MaxProfiles),
		dms:      newCache[bot.MemberID, string](24*time.Hour, 50_000),
		seen:     newCache[string, struct{}](time.Hour, 100_000),
		quitting: make(chan struct{}),
	}, nil
}

// SocketMode reports whether the adapter receives over Socket Mode.
func (a *Adapter) SocketMode() bool { return a.opt.AppToken != "" }

// Start checks the bot token with auth.test, which tells its workspace,
// starts reading the member directory and, in Socket Mode, connects
// (waiting for the first connection, up to socketStartWait). A token
// Slack refuses, the bot token or the app token, is an error; a Slack
// that cannot be reached is only logged, so the bot starts and catches up
// when Slack is back: auth.test is asked again in the background until it
// answers (learnHome), and meanwhile the token acts for no workspace
// that has an install record (workspaces.go).
func (a *Adapter) Start(ctx context.Context) error {
	if err := a.checkToken(ctx); err != nil {
		return err
	}
	a.reseal(ctx)
	// The background work lives until Close, not as long as Start's ctx.
	bg, stop := context.WithCancel(context.Background())
	a.mu.Lock()
	a.bg, a.stop = bg, stop
	a.mu.Unlock()
	if !a.ws.homeKnown() {
		a.learnHome(bg)
	}
	if a.SocketMode() {
		if err := a.startSocket(bg); err != nil {
			stop()
			a.background.Wait()
			return err
		}
	}
	if a.opt.DirectoryRefresh > 0 {
		a.startDirectory(bg)
	}
	return nil
}

// checkToken asks auth.test about the single token, if any, and so
// learns its workspace.
func (a *Adapter) checkToken(ctx context.Context) error {
	if a.ws.single == nil {
		a.log.Info("slack: serving the installed workspaces", "socket_mode", a.SocketMode())
		return nil
	}
	actx, cancel := context.WithTimeout(ctx, authTestTimeout)
	defer cancel()
	res, err := a.ws.single.api.AuthTestContext(actx)
	switch e := slackError(err); {
	case refusedTokenErrors[e] && a.ws.installs != nil:
		// The workspaces installed by OAuth must not all stop because
		// one of them (SLACK_BOT_TOKEN's) removed the app.
		a.log.Error("slack: Slack refuses SLACK_BOT_TOKEN; serving the installed workspaces only", "code", e)
		a.ws.dropSingle()
	case refusedTokenErrors[e]:
		return fmt.Errorf("auth.test: Slack refuses SLACK_BOT_TOKEN: %s", e)
	case err != nil:
		a.log.Warn("slack: auth.test failed; starting anyway, SLACK_BOT_TOKEN's workspace unknown until it answers", "err", err)
	default:
		a.ws.setSingle(res.TeamID, res.UserID)
		a.log.Info("slack: connected", "team", res.TeamID, "bot_user", res.UserID, "socket_mode", a.SocketMode())
	}
	// From now on, a refusal of the token by any call is told once.
	a.ws.watchSingle(a.singleRefused, a.permissionDenied)
	return nil
}

// authTestTimeout bounds one auth.test; authRetryMax is the longest wait
// between two, in the background, while the single token's workspace is
// unknown.
const (
	authTestTimeout = 5 * time.Second
	authRetryMax    = time.Minute
)

// learnHome asks auth.test again, in the background, until it tells the
// single token's workspace: first after Options.Retry.Base, then twice as
// long each time up to authRetryMax, with some jitter, so that replicas
// started together do not ask together. It stops when Slack refuses the
// token (the token's watcher then drops it beside an install store:
// singleRefused), or at Close.
func (a *Adapter) learnHome(ctx context.Context) {
	a.background.Add(1)
	go func() {
		defer a.background.Done()
		wait := max(a.opt.Retry.Base, 10*time.Millisecond)
		for attempt := 2; ; attempt++ {
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait + time.Duration(rand.Int64N(int64(wait)/4+1))): // #nosec G404 -- jitter
			}
			api := a.ws.singleAPI()
			if api == nil || a.ws.homeKnown() {
				return // dropped meanwhile
			}
			actx, cancel := context.WithTimeout(ctx, authTestTimeout)
			res, err := api.AuthTestContext(actx)
			cancel()
			switch e := slackError(err); {
			case ctx.Err() != nil:
				return
			case refusedTokenErrors[e]:
				return // logged, and dropped beside an install store, by the token's watcher
			case err != nil:
				a.log.Warn("slack: auth.test failed again; SLACK_BOT_TOKEN's workspace still unknown", "attempt", attempt, "err", err)
				wait = min(2*wait, authRetryMax)
				continue
			}
			a.ws.setSingle(res.TeamID, res.UserID)
			a.log.Info("slack: connected", "team", res.TeamID, "bot_user", res.UserID, "attempt", attempt)
			return
		}
	}()
}

// Close is Shutdown within Options.CloseTimeout.
func (a *Adapter) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), a.opt.CloseTimeout)
	defer cancel()
	return a.Shutdown(ctx)
}

// Shutdown stops Socket Mode and the reads of the directory, then waits for
// the work in flight and then the replies queued so that no reply is lost
// on a graceful shutdown: all of it by one deadline, ctx's or
// Options.CloseTimeout from now, whichever comes first. Past it, the work
// still running is cancelled; what was acknowledged stays kept in Redis,
// and is handled again once its lease runs out (inbox.go).
func (a *Adapter) Shutdown(ctx context.Context) error {
	deadline := time.Now().Add(a.opt.CloseTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	// Stopped under mu: background work started under mu (a read after
	// an install) is either counted before Wait or not started at all.
	a.mu.Lock()
	if a.stop != nil {
		a.stop()
	}
	a.mu.Unlock()
	a.background.Wait()
	a.closeHomes()
	a.jobs.close(time.Until(deadline))
	a.out.close(deadline)
	a.mu.Lock()
	if !a.forgetsShut {
		a.forgetsShut = true
		close(a.quitting)
	}
	a.mu.Unlock()
	a.forgets.Wait()
	return nil
}

// member is the bot's ID of a Slack user in a workspace.
func member(team, user string) bot.MemberID {
	return bot.MemberID{Platform: Platform, Workspace: team, User: user}
}
