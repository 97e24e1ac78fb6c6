package slack_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// redirectURL is the redirect_uri of the install rigs, as the app declares it.
const redirectURL = "https://mentorbot.example.com/slack/oauth_redirect"

// installBot is a fake bot for the install flow: it records the managers
// it is asked to make and, when shared is set, keeps deliveries seen in
// it as the core keeps them in Redis, for every replica.
type installBot struct {
	recorder
	shared *seenKeys

	mu       sync.Mutex
	managers []bot.MemberID
}

func (b *installBot) MakeManager(_ context.Context, id bot.MemberID) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.managers = append(b.managers, id)
	return nil
}

func (b *installBot) Managers() []bot.MemberID {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.managers)
}

// seenKeys is the shared record of deliveries seen (bot.FirstDelivery).
type seenKeys struct {
	mu   sync.Mutex
	keys map[string]bool
}

func (s *seenKeys) FirstDelivery(_ context.Context, t bot.Tenant, key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys == nil {
		s.keys = map[string]bool{}
	}
	k := t.String() + "|" + key
	first := !s.keys[k]
	s.keys[k] = true
	return first
}

// replicaBot is an installBot whose deliveries are shared between replicas.
type replicaBot struct{ *installBot }

func (b replicaBot) FirstDelivery(ctx context.Context, t bot.Tenant, key string) bool {
	return b.shared.FirstDelivery(ctx, t, key)
}

// installRig is an adapter with the install flow (and no bot token), in
// front of a fake Slack.
type installRig struct {
	*rig
	bot      *installBot
	installs *installs
	clock    *bot.ManualClock
	logs     *lockedBuffer
	// cookies are the state cookies /slack/install set, by state: the
	// browser that started each install.
	mu      sync.Mutex
	cookies map[string]*http.Cookie
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// MustInstallRig starts an adapter that serves installs by OAuth only.
func MustInstallRig(tb testing.TB, h slack.Handler, ib *installBot, tune ...func(*slack.Options)) *installRig {
	tb.Helper()
	return MustInstallRigOn(tb, slackfake.MustNew(tb), h, ib, bot.NewManualClock(time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)), tune...)
}

// MustInstallRigOn is MustInstallRig in front of a fake Slack already set
// up, on a clock.
func MustInstallRigOn(tb testing.TB, fake *slackfake.Server, h slack.Handler, ib *installBot, c *bot.ManualClock, tune ...func(*slack.Options)) *installRig {
	tb.Helper()
	ir := &installRig{bot: ib, installs: newInstalls(), clock: c, logs: &lockedBuffer{}}
	oauth := func(o *slack.Options) {
		o.BotToken, o.DirectoryRefresh = "", -1
		o.ClientID, o.ClientSecret, o.RedirectURL = slackfake.ClientID, slackfake.ClientSecret, redirectURL
		o.Installs, o.Sealer, o.Clock = ir.installs, sealer{}, c
		o.Log = slog.New(slog.NewTextHandler(ir.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	ir.rig = MustRigOn(tb, fake, h, append([]func(*slack.Options){oauth}, tune...)...)
	return ir
}

// noFollow is a browser that shows redirects instead of following them.
var noFollow = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// start opens /slack/install and returns where it redirects.
func (ir *installRig) start(tb testing.TB) *url.URL {
	tb.Helper()
	res, err := noFollow.Get(ir.srv.URL + "/slack/install")
	if err != nil {
		tb.Fatal(err)
	}
	res.Body.Close()
	loc, err := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != http.StatusFound || err != nil {
		tb.Fatalf("got %d to %q, want a 302 to Slack", res.StatusCode, res.Header.Get("Location"))
	}
	state := loc.Query().Get("state")
	for _, c := range res.Cookies() {
		if strings.HasPrefix(c.Name, "mentorbot_oauth_") && c.Value == state {
			ir.mu.Lock()
			if ir.cookies == nil {
				ir.cookies = map[string]*http.Cookie{}
			}
			ir.cookies[state] = c
			ir.mu.Unlock()
			return loc
		}
	}
	tb.Fatalf("got cookies %v, want the state's", res.Cookies())
	return nil
}

// state opens /slack/install and returns the state it signed.
func (ir *installRig) state(tb testing.TB) string {
	tb.Helper()
	return ir.start(tb).Query().Get("state")
}

// back comes back from Slack to /slack/oauth_redirect with query, from a
// browser that prefers lang and that started the install of query's
// state (it sends that state's cookie), and returns the status and the
// page.
func (ir *installRig) back(tb testing.TB, query url.Values, lang string) (int, string) {
	tb.Helper()
	return ir.backWith(tb, query, lang, ir.cookie(query.Get("state")))
}

// cookie returns the cookie /slack/install set with state.
func (ir *installRig) cookie(state string) *http.Cookie {
	ir.mu.Lock()
	defer ir.mu.Unlock()
	return ir.cookies[state]
}

// backWith is back from a browser that sends cookie c (none when nil).
func (ir *installRig) backWith(tb testing.TB, query url.Values, lang string, c *http.Cookie) (int, string) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodGet, ir.srv.URL+"/slack/oauth_redirect?"+query.Encode(), nil)
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	if c != nil {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	res, err := noFollow.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(res.Body)
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		tb.Fatalf("got Content-Type %q, want an HTML page", ct)
	}
	return res.StatusCode, b.String()
}

// mustNotLeak fails if the log shows any of secrets.
func (ir *installRig) mustNotLeak(tb testing.TB, secrets ...string) {
	tb.Helper()
	logs := ir.logs.String()
	for _, s := range append(secrets, slackfake.ClientSecret) {
		if s != "" && strings.Contains(logs, s) {
			tb.Fatalf("got %q in the log, want it kept out:\n%s", s, logs)
		}
	}
}
