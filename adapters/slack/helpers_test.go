package slack_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

const secret = "8f742231b10e8888abcd99yyyzzz85a5"

// recorder is a fake bot: it records what the adapter hands it and
// answers with a fixed reply, after gate opens when there is one.
type recorder struct {
	reply bot.Reply
	gate  chan struct{}

	mu       sync.Mutex
	commands []bot.Command
	actions  []bot.Action
}

func (r *recorder) HandleCommand(ctx context.Context, c bot.Command) bot.Reply {
	r.wait(ctx)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.commands = append(r.commands, c)
	return r.reply
}

func (r *recorder) HandleAction(ctx context.Context, a bot.Action) bot.Reply {
	r.wait(ctx)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.actions = append(r.actions, a)
	return r.reply
}

func (r *recorder) wait(ctx context.Context) {
	if r.gate == nil {
		return
	}
	select {
	case <-r.gate:
	case <-ctx.Done():
	}
}

func (r *recorder) Commands() []bot.Command {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Command(nil), r.commands...)
}

func (r *recorder) Actions() []bot.Action {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Action(nil), r.actions...)
}

// rig is an adapter served over HTTP in front of a fake Slack, or
// connected to it over Socket Mode.
type rig struct {
	a    *slack.Adapter
	fake *slackfake.Server
	srv  *httptest.Server  // HTTP
	sock *slackfake.Socket // Socket Mode
	seq  atomic.Int64
}

// MustRig starts an adapter for h with fast retries, registered on a
// test server, in front of a fresh fake Slack whose token is workspace
// T1's.
func MustRig(tb testing.TB, h slack.Handler, tune ...func(*slack.Options)) *rig {
	tb.Helper()
	return MustRigOn(tb, MustFakeOf(tb, "T1"), h, tune...)
}

// MustFakeOf starts a fake Slack whose default token (xoxb-test) is
// team's: the single token serves only the workspace auth.test tells.
func MustFakeOf(tb testing.TB, team string) *slackfake.Server {
	tb.Helper()
	fake := slackfake.MustNew(tb)
	fake.SetTeam(team)
	return fake
}

// MustRigOn is MustRig in front of a fake Slack already set up.
func MustRigOn(tb testing.TB, fake *slackfake.Server, h slack.Handler, tune ...func(*slack.Options)) *rig {
	tb.Helper()
	o := slack.Options{
		BotToken: "xoxb-test", SigningSecret: secret, APIURL: fake.APIURL(),
		Retry: slack.Retry{Attempts: 3, Base: 10 * time.Millisecond, Max: 20 * time.Millisecond, MaxRetryAfter: 5 * time.Second},
	}
	for _, f := range tune {
		f(&o)
	}
	a, err := slack.New(h, o)
	if err != nil {
		tb.Fatal(err)
	}
	mux := http.NewServeMux()
	a.Register(mux)
	if err := a.Start(context.Background()); err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	tb.Cleanup(func() { srv.Close(); a.Close() })
	return &rig{a: a, fake: fake, srv: srv}
}

// MustSocketRig starts an adapter for h in Socket Mode (an app token, no
// signing secret) and waits for its connection to the fake.
func MustSocketRig(tb testing.TB, h slack.Handler, tune ...func(*slack.Options)) *rig {
	tb.Helper()
	socket := func(o *slack.Options) { o.AppToken, o.SigningSecret = "xapp-test", "" }
	r := MustRig(tb, h, append([]func(*slack.Options){socket}, tune...)...)
	r.sock = r.fake.WaitSocket(tb, 5*time.Second)
	return r
}

// command sends a slash command as the rig receives them (a signed POST,
// or an envelope) and returns the ack's body or payload ("" for none),
// and how long the ack took.
func (r *rig) command(tb testing.TB, c slackfake.Command) (string, time.Duration) {
	tb.Helper()
	start := time.Now()
	if r.sock == nil {
		status, body := r.post(tb, "/slack/commands", time.Now(), c.Body())
		if status != http.StatusOK {
			tb.Fatalf("got %d %q, want 200", status, body)
		}
		return body, time.Since(start)
	}
	id := fmt.Sprintf("env-%d", r.seq.Add(1))
	if err := r.sock.Send(c.Envelope(id)); err != nil {
		tb.Fatal(err)
	}
	a := r.sock.WaitAck(tb, id, 5*time.Second)
	if p := string(a.Payload); p != "null" {
		return p, a.At.Sub(start)
	}
	return "", a.At.Sub(start)
}

// post sends a request signed at ts and returns the status and body.
func (r *rig) post(tb testing.TB, path string, ts time.Time, body []byte) (int, string) {
	tb.Helper()
	return do(tb, slackfake.NewRequest(r.srv.URL+path, secret, ts, body))
}

func do(tb testing.TB, req *http.Request) (int, string) {
	tb.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// member is a Slack member of workspace T1.
func member(user string) bot.MemberID {
	return bot.MemberID{Platform: slack.Platform, Workspace: "T1", User: user}
}
