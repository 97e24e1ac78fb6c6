package main_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"os"
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

// testSecret is the signing secret of Slack's documented example.
const testSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// ackLimit is how fast every ack must come. Slack allows 3 s; nothing
// before an ack waits on Redis or the Web API, so even -race on a busy
// machine stays far below.
const ackLimit = time.Second

// wait is how long a test waits for the bot's work after an ack.
const wait = 10 * time.Second

// The members of the fake workspace.
var (
	alice = slackfake.User{ID: "UALICE", Name: "alice", RealName: "Alice Martin", TZ: "Europe/Paris", Locale: "en-US"}
	bob   = slackfake.User{ID: "UBOB", Name: "bob", RealName: "Bob Stone", TZ: "Europe/London", Locale: "en-GB"}
	carol = slackfake.User{ID: "UCAROL", Name: "carol", RealName: "Carol Weber", TZ: "Europe/Berlin", Locale: "en-US"}
	elise = slackfake.User{ID: "UELISE", Name: "elise", RealName: "Élise Durand", TZ: "Europe/Paris", Locale: "fr-FR"}
	gone  = slackfake.User{ID: "UGONE", Name: "gone", RealName: "Former Member", TZ: "UTC", Locale: "en-US", Deleted: true}
	admin = slackfake.User{ID: "UADMIN", Name: "ada", RealName: "Ada Admin", TZ: "Europe/Paris", Locale: "en-US", Admin: true}
)

// world is mentorbot's real Main serving HTTP on loopback, with a fake
// Slack behind SLACK_API_URL, in a workspace (team) of its own so that
// tests sharing a real Redis never meet.
type world struct {
	tb   testing.TB
	m    *main.Main
	fake *slackfake.Server
	team string
	seq  atomic.Int64
	// sock, when set, carries commands and interactions over Socket Mode
	// instead of HTTP.
	sock *slackfake.Socket
}

// fastRetry keeps failure tests fast: three tries, 10 ms apart.
var fastRetry = slackadapter.Retry{Attempts: 3, Base: 10 * time.Millisecond, Max: 50 * time.Millisecond, MaxRetryAfter: 5 * time.Second}

// fastOptions tunes the adapter for tests; setups that tune more call it.
func fastOptions(o *slackadapter.Options) {
	o.Retry = fastRetry
	o.CloseTimeout = 5 * time.Second
	// Off by default; on here, so the end-to-end tests take both paths
	// (a reply inline when quick, through response_url when not).
	o.InlineBudget = 150 * time.Millisecond
}

// MustStartSlack opens Main with the Slack adapter in HTTP mode on a fresh
// fake Slack. setup runs before Open, to change the configuration.
func MustStartSlack(tb testing.TB, setup ...func(*main.Main, *slackfake.Server)) *world {
	tb.Helper()
	fake := slackfake.MustNew(tb)
	fake.AddUser(alice, bob, carol, elise, gone, admin)
	m := main.NewMain()
	m.Config.HTTPAddr = "127.0.0.1:0"
	m.Config.RedisURL = os.Getenv("REDIS_URL")
	m.Config.DefaultLang = bot.English
	m.Config.Slack = main.SlackConfig{BotToken: "xoxb-test", SigningSecret: testSecret, APIURL: fake.APIURL()}
	m.Clock = bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	m.Rand = mrand.NewChaCha8([32]byte{'m', 'e', 'n', 't', 'o', 'r'})
	m.Stdout = io.Discard
	m.Log = testLogger(tb)
	m.SlackOptions = fastOptions
	team := newTeam(tb)
	fake.SetTeam(team)
	for _, f := range setup {
		f(m, fake)
	}
	if err := m.Open(context.Background()); err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() {
		if err := m.Close(); err != nil {
			tb.Errorf("close: %v", err)
		}
	})
	return &world{tb: tb, m: m, fake: fake, team: team}
}

// MustStartSlackSocket opens Main in Socket Mode (SLACK_APP_TOKEN set, no
// signing secret, so no HTTP endpoint) and waits for its connection.
func MustStartSlackSocket(tb testing.TB, setup ...func(*main.Main, *slackfake.Server)) *world {
	tb.Helper()
	socket := func(m *main.Main, _ *slackfake.Server) {
		m.Config.Slack.AppToken = "xapp-test"
		m.Config.Slack.SigningSecret = ""
	}
	w := MustStartSlack(tb, append([]func(*main.Main, *slackfake.Server){socket}, setup...)...)
	w.sock = w.fake.WaitSocket(tb, wait)
	return w
}

// newTeam is a workspace ID nobody else uses.
func newTeam(tb testing.TB) string {
	b := make([]byte, 5)
	if _, err := rand.Read(b); err != nil {
		tb.Fatal(err)
	}
	return "T" + strings.ToUpper(hex.EncodeToString(b))
}

// testLogger keeps the bot's log and prints it only if the test fails.
func testLogger(tb testing.TB) *slog.Logger {
	buf := &lockedBuffer{}
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("bot log:\n%s", buf.String())
		}
	})
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
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

// ack is what an HTTP endpoint answered, and how fast.
type ack struct {
	Status  int
	Body    string
	Elapsed time.Duration
}

// post sends body to an endpoint, signed at ts with secret.
func (w *world) post(path, secret string, ts time.Time, body []byte) ack {
	w.tb.Helper()
	req := slackfake.NewRequest(w.m.HTTPURL()+path, secret, ts, body)
	start := time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		w.tb.Fatalf("POST %s: %v", path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return ack{Status: res.StatusCode, Body: string(b), Elapsed: time.Since(start)}
}

// deliver sends a request the way the world receives them: a signed
// HTTP POST to path, or a Socket Mode envelope. Over Socket Mode the ack
// is the envelope's ack, and its body the ack's payload.
func (w *world) deliver(path string, body []byte, envelope func(id string) []byte) ack {
	w.tb.Helper()
	if w.sock == nil {
		return w.post(path, testSecret, time.Now(), body)
	}
	id := fmt.Sprintf("env-%d", w.seq.Add(1))
	start := time.Now()
	if err := w.sock.Send(envelope(id)); err != nil {
		w.tb.Fatalf("send envelope: %v", err)
	}
	a := w.sock.WaitAck(w.tb, id, wait)
	payload := string(a.Payload)
	if payload == "null" {
		payload = ""
	}
	return ack{Status: http.StatusOK, Body: payload, Elapsed: a.At.Sub(start)}
}

// MustAck checks that an ack is a quick 200 with the wanted body.
func MustAck(tb testing.TB, a ack, body string) {
	tb.Helper()
	if a.Status != http.StatusOK || a.Body != body {
		tb.Fatalf("got ack %d %q, want 200 %q", a.Status, a.Body, body)
	}
	if a.Elapsed > ackLimit {
		tb.Fatalf("got ack in %s, want under %s", a.Elapsed, ackLimit)
	}
}

// command runs a slash command as user and returns the name of its
// response_url on the fake, with the ack.
func (w *world) command(user slackfake.User, text string) (string, ack) {
	w.tb.Helper()
	n := w.seq.Add(1)
	name := fmt.Sprintf("cmd-%d", n)
	c := slackfake.Command{
		Team: w.team, User: user.ID, UserName: user.Name, Channel: "C0GENERAL", Text: text,
		ResponseURL: w.fake.ResponseURL(name), TriggerID: fmt.Sprintf("trigger-%d", n),
	}
	return name, w.deliver("/slack/commands", c.Body(), c.Envelope)
}

// MustCommand runs a slash command, checks its quick ack and returns the
// ephemeral reply: in the ack when the core answered within the inline
// budget, else the post to the command's response_url.
func (w *world) MustCommand(user slackfake.User, text string) slackfake.Call {
	w.tb.Helper()
	name, a := w.command(user, text)
	if a.Body == "" {
		MustAck(w.tb, a, "")
		return w.reply(name)
	}
	return MustInline(w.tb, a)
}

// MustInline checks that an ack is a quick 200 carrying a reply, and
// returns the reply.
func MustInline(tb testing.TB, a ack) slackfake.Call {
	tb.Helper()
	c, ok := slackfake.Inline([]byte(a.Body))
	if a.Status != http.StatusOK || !ok {
		tb.Fatalf("got ack %d %q, want 200 with the reply inline", a.Status, a.Body)
	}
	if a.Elapsed > ackLimit {
		tb.Fatalf("got ack in %s, want under %s", a.Elapsed, ackLimit)
	}
	return c
}

// reply waits for the post to the response_url named name.
func (w *world) reply(name string) slackfake.Call {
	w.tb.Helper()
	calls := w.fake.WaitCalls(w.tb, "response_url", 1, func(c slackfake.Call) bool { return c.Path == "/response/"+name }, wait)
	return calls[0]
}

// click clicks a button of a message the bot posted (a chat.postMessage
// call) as user, and returns the name of its response_url. The click's
// trigger_id is "trigger-" followed by the same number.
func (w *world) click(user slackfake.User, msg slackfake.Call, actionID string) string {
	w.tb.Helper()
	return w.sendClick(user, msg, actionID, slackfake.Click{Channel: msg.Get("channel"), TS: msg.TS()})
}

// clickEphemeral clicks a button of an ephemeral reply (to a command, by
// response_url or in the ack) as user, and returns the name of the
// click's response_url.
func (w *world) clickEphemeral(user slackfake.User, reply slackfake.Call, actionID string) string {
	w.tb.Helper()
	return w.sendClick(user, reply, actionID, slackfake.Click{Channel: "C0GENERAL", Ephemeral: true})
}

// sendClick completes c (where the message is) with the button, the user,
// a response_url and a trigger_id, and delivers it.
func (w *world) sendClick(user slackfake.User, msg slackfake.Call, actionID string, c slackfake.Click) string {
	w.tb.Helper()
	b, ok := msg.Button(actionID)
	if !ok {
		w.tb.Fatalf("no %s button in %s", actionID, msg.AllText())
	}
	n := w.seq.Add(1)
	name := fmt.Sprintf("click-%d", n)
	c.Team, c.User, c.UserName, c.Button = w.team, user.ID, user.Name, b
	c.ResponseURL, c.TriggerID = w.fake.ResponseURL(name), fmt.Sprintf("trigger-%d", n)
	MustAck(w.tb, w.deliver("/slack/interactions", c.Body(), c.Envelope), "")
	return name
}

// submit submits a form the bot opened (a views.open call) with values.
func (w *world) submit(user slackfake.User, open slackfake.Call, values map[string]string) ack {
	w.tb.Helper()
	s := slackfake.Submission{Team: w.team, User: user.ID, UserName: user.Name, View: open.View(), Values: values}
	return w.deliver("/slack/interactions", s.Body(), s.Envelope)
}

// dms waits for n messages posted to user's DM that match, and returns them.
func (w *world) dms(user slackfake.User, n int, match func(slackfake.Call) bool) []slackfake.Call {
	w.tb.Helper()
	dm := w.fake.DM(w.team, user.ID) // not inside the match: WaitCalls holds the fake's lock
	return w.fake.WaitCalls(w.tb, "chat.postMessage", n, func(c slackfake.Call) bool {
		return c.Get("channel") == dm && (match == nil || match(c))
	}, wait)
}

// updated waits for the chat.update of the message msg.
func (w *world) updated(msg slackfake.Call) slackfake.Call {
	w.tb.Helper()
	return w.fake.WaitCalls(w.tb, "chat.update", 1, func(c slackfake.Call) bool {
		return c.Get("channel") == msg.Get("channel") && c.Get("ts") == msg.TS()
	}, wait)[0]
}

// hasButton matches messages with a button of that action.
func hasButton(actionID string) func(slackfake.Call) bool {
	return func(c slackfake.Call) bool { _, ok := c.Button(actionID); return ok }
}

// MustContain checks that a call's text contains each of want, escaped
// for mrkdwn as the bot must send it.
func MustContain(tb testing.TB, c slackfake.Call, want ...string) {
	tb.Helper()
	got := c.AllText()
	for _, s := range want {
		if !strings.Contains(got, mrkdwn(s)) {
			tb.Fatalf("got %s text:\n%s\nwant it to contain %q", c.Method, got, mrkdwn(s))
		}
	}
}

// MustContainLink is MustContain for a sentence whose channel, named
// "#"+channel, Slack shows as a link, <#channel>.
func MustContainLink(tb testing.TB, c slackfake.Call, sentence, channel string) {
	tb.Helper()
	want := strings.ReplaceAll(mrkdwn(sentence), "#"+channel, "<#"+channel+">")
	if got := c.AllText(); !strings.Contains(got, want) {
		tb.Fatalf("got %s text:\n%s\nwant it to contain %q", c.Method, got, want)
	}
}

// mrkdwn escapes plain text the way Slack's mrkdwn needs.
func mrkdwn(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// en and fr are catalog sentences, for checks that survive copy edits.
func en(key string, args ...string) string { return bot.T(bot.English, key, args...) }
func fr(key string, args ...string) string { return bot.T(bot.French, key, args...) }

// stallProxy forwards TCP to a server until Stall: from then on it reads
// what clients send and answers nothing, like a Redis stuck in a long
// command or behind a dead network path.
type stallProxy struct {
	ln      net.Listener
	target  string
	stalled atomic.Bool
}

// MustStallProxy starts a proxy to target, closed with the test.
func MustStallProxy(tb testing.TB, target string) *stallProxy {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	p := &stallProxy{ln: ln, target: target}
	tb.Cleanup(func() { ln.Close() })
	go p.accept()
	return p
}

func (p *stallProxy) Addr() string { return p.ln.Addr().String() }

// Stall stops all traffic, on open connections and new ones.
func (p *stallProxy) Stall() { p.stalled.Store(true) }

func (p *stallProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		go p.pipe(c, s)
		go p.pipe(s, c)
	}
}

// pipe copies from src to dst until src ends, dropping everything once
// stalled.
func (p *stallProxy) pipe(src, dst net.Conn) {
	defer src.Close()
	defer dst.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if err != nil {
			return
		}
		if !p.stalled.Load() {
			if _, err := dst.Write(buf[:n]); err != nil {
				return
			}
		}
	}
}
