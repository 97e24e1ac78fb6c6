package main_test

import (
	"context"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// slowSlack stands between the bot and a fake Slack: once stalled, it
// holds every request (Web API and response_url) until released or given
// up by the bot, as a Slack that takes long to answer.
type slowSlack struct {
	*httptest.Server
	stalled atomic.Bool
	held    atomic.Int32 // requests held so far
	release chan struct{}
	once    sync.Once

	mu    sync.Mutex
	paths []string // of every request that reached it, in order
}

// Paths returns the paths of the requests that reached s so far.
func (s *slowSlack) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...)
}

func newSlowSlack(tb testing.TB, fake *slackfake.Server) *slowSlack {
	tb.Helper()
	target, err := url.Parse(strings.TrimSuffix(fake.APIURL(), "/api/"))
	if err != nil {
		tb.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ErrorHandler = func(w http.ResponseWriter, _ *http.Request, _ error) { w.WriteHeader(http.StatusBadGateway) }
	s := &slowSlack{release: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.mu.Unlock()
		if s.stalled.Load() {
			s.held.Add(1)
			select {
			case <-s.release:
			case <-r.Context().Done():
				return // the bot gave up: Slack never saw it
			}
		}
		proxy.ServeHTTP(w, r)
	}))
	tb.Cleanup(func() { s.Release(); s.Close() })
	return s
}

// Release lets every request through, those held and those to come.
func (s *slowSlack) Release() {
	s.once.Do(func() { s.stalled.Store(false); close(s.release) })
}

// replicaBeside opens another replica of a, on its Redis and its clock,
// in front of the fake Slack itself, with a seed of its own.
func replicaBeside(t *testing.T, a *main.Main, fake *slackfake.Server, seed byte) *main.Main {
	t.Helper()
	b := main.NewMain()
	b.Config = a.Config
	b.Config.Slack.APIURL = fake.APIURL()
	b.Clock, b.Rand, b.Stdout = a.Clock, mrand.NewChaCha8([32]byte{seed}), io.Discard
	b.Log, b.SlackOptions = testLogger(t), fastOptions
	if err := b.Open(context.Background()); err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// TestShutdownWithinDeadline: with Slack holding every request, Close
// (SIGTERM) mid-work ends within Main.ShutdownTimeout, where the adapter
// alone would wait 20 s for the work and 20 s for each outbound lane,
// and logs "shutting down" then "stopped" with how long it took. The
// command acked and cut short is not lost: once its lease runs out,
// another replica answers it, once.
func TestShutdownWithinDeadline(t *testing.T) {
	const budget = 3 * time.Second
	fake := slackfake.MustNew(t)
	fake.AddUser(alice, bob)
	team := newTeam(t)
	fake.SetTeam(team)
	slow := newSlowSlack(t, fake)
	log := &lockedBuffer{}

	a := main.NewMain()
	a.Config.HTTPAddr = "127.0.0.1:0"
	a.Config.RedisURL = sharedRedis(t)
	a.Config.DefaultLang = bot.English
	a.Config.Slack = main.SlackConfig{BotToken: "xoxb-test", SigningSecret: testSecret, APIURL: slow.URL + "/api/", DirectoryRefresh: -1}
	a.Clock = bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	a.Rand, a.Stdout = mrand.NewChaCha8([32]byte{'s'}), io.Discard
	a.Log = slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a.SlackOptions = func(o *slackadapter.Options) {
		fastOptions(o)
		o.CloseTimeout, o.InlineBudget = 20*time.Second, 0 // the defaults
	}
	a.ShutdownTimeout = budget
	if err := a.Open(context.Background()); err != nil {
		t.Fatalf("open: %v", err)
	}
	var closeOnce sync.Once
	t.Cleanup(func() { closeOnce.Do(func() { a.Close() }) })
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("bot log:\n%s", log.String())
		}
	})
	w := &world{tb: t, m: a, fake: fake, team: team}

	slow.stalled.Store(true)
	name := "cmd-slow"
	c := slackfake.Command{
		Team: team, User: bob.ID, UserName: bob.Name, Channel: "C0GENERAL", Text: "offer go",
		ResponseURL: slow.URL + "/response/" + name, TriggerID: "trigger-slow",
	}
	MustAck(t, w.post("/slack/commands", testSecret, time.Now(), c.Body()), "")
	for end := time.Now().Add(wait); slow.held.Load() == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("got no request to Slack after the command, want its work waiting on Slack")
		}
	}

	start := time.Now()
	var err error
	closeOnce.Do(func() { err = a.Close() })
	took := time.Since(start)
	if err != nil {
		t.Errorf("close: got %v, want nil", err)
	}
	if took > budget+500*time.Millisecond {
		t.Errorf("got Close in %s, want within %s", took, budget)
	}
	got := log.String()
	if !strings.Contains(got, `msg="shutting down"`) {
		t.Errorf("got no \"shutting down\" in the log:\n%s", got)
	}
	m := regexp.MustCompile(`msg=stopped took=(\S+)`).FindStringSubmatch(got)
	if m == nil {
		t.Fatalf("got no \"stopped\" with how long it took in the log:\n%s", got)
	}
	if d, err := time.ParseDuration(m[1]); err != nil || d > took+time.Millisecond { // rounded to the millisecond
		t.Errorf("got stopped took=%s, want a duration up to %s", m[1], took)
	}
	if n := len(fake.Calls("response_url")); n != 0 {
		t.Fatalf("got %d replies from the replica shut down, want none: Slack never answered", n)
	}
	// The work cut short sent nothing: its "I can't reach my database"
	// would be untrue, and a post held by a slow Slack may still arrive
	// once Slack answers (it did, beside the other replica's reply).
	for _, p := range slow.Paths() {
		if strings.HasPrefix(p, "/response/") || strings.HasSuffix(p, "/chat.postMessage") || strings.HasSuffix(p, "/chat.postEphemeral") {
			t.Errorf("the replica shut down sent %s for the command cut short, want nothing: another replica answers it", p)
		}
	}

	// Another replica, Slack answering again, redelivers the kept command.
	slow.Release()
	b := replicaBeside(t, a, fake, 'b')
	b.Clock.(*bot.ManualClock).Advance(bot.JobLease + time.Second)
	tn := bot.Tenant{Platform: "slack", Workspace: team}
	for range 2 {
		if _, err := b.Bot.TickTenants(context.Background(), tn); err != nil {
			t.Fatal(err)
		}
	}
	reply := fake.WaitCalls(t, "response_url", 1, func(c slackfake.Call) bool { return c.Path == "/response/"+name }, wait)[0]
	MustContain(t, reply, "go")
	time.Sleep(200 * time.Millisecond)
	if n := len(fake.Calls("response_url")); n != 1 {
		t.Fatalf("got %d replies, want 1: the command kept and answered once", n)
	}
}
