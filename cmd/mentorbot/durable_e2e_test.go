package main_test

import (
	"context"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestSlackSlowSendOnce (D1) answers the proposal's chat.postMessage with
// a 429 and Retry-After: 6, longer than the 5 s that the bookkeeping of a
// send once had from its start: the proposal is sent after the wait, its
// delivery mark is confirmed, and the job that would resend it finds it
// sent.
func TestSlackSlowSendOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out a 6 s Retry-After")
	}
	w := MustStartSlack(t, func(m *main.Main, _ *slackfake.Server) {
		m.SlackOptions = func(o *slackadapter.Options) { o.Retry.MaxRetryAfter = 10 * time.Second }
	})
	w.MustCommand(bob, "offer go")
	w.fake.Fail("chat.postMessage", slackfake.Failure{Status: http.StatusTooManyRequests, RetryAfter: "6"})
	w.MustCommand(alice, "request go")
	toBob := func(c slackfake.Call) bool { return c.Get("channel") == "D"+bob.ID }
	calls := w.fake.WaitCalls(t, "chat.postMessage", 2, toBob, wait+6*time.Second)
	if calls[0].Status != http.StatusTooManyRequests || calls[1].Status != http.StatusOK {
		t.Fatalf("got statuses %d then %d, want 429 then 200", calls[0].Status, calls[1].Status)
	}
	ctx := context.Background()
	tn := bot.Tenant{Platform: "slack", Workspace: w.team}
	r, err := w.m.Store.OpenRequest(ctx, tn.Member(alice.ID))
	if err != nil {
		t.Fatal(err)
	}
	key := bot.JobProposalSend + ":" + r.Proposal + ":" + bob.ID
	var mark string
	for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if mark, err = w.m.Store.MarkSent(ctx, tn, key, time.Minute); err != nil || mark == "done" {
			break
		}
	}
	if mark != "done" {
		t.Fatalf("got delivery mark %q, want done", mark)
	}
	w.m.Clock.(*bot.ManualClock).Advance(2 * time.Minute)
	if _, err := w.m.Bot.TickTenants(ctx, tn); err != nil {
		t.Fatal(err)
	}
	if got := len(w.fake.Calls("chat.postMessage")); got != 2 {
		t.Fatalf("got %d chat.postMessage calls, want 2 (one 429, one proposal)", got)
	}
}

// sharedRedis is a Redis that several replicas share: REDIS_URL, or a
// miniredis of the test's own.
func sharedRedis(tb testing.TB) string {
	if url := os.Getenv("REDIS_URL"); url != "" {
		return url
	}
	return "redis://" + miniredis.RunT(tb).Addr()
}

// MustStartSlackReplicas starts two replicas of the bot on one Redis, in
// front of one fake Slack, in one workspace; tune tunes both adapters.
func MustStartSlackReplicas(tb testing.TB, tune func(*slackadapter.Options)) (*world, *world) {
	tb.Helper()
	url := sharedRedis(tb)
	tuned := func(o *slackadapter.Options) { fastOptions(o); tune(o) }
	a := MustStartSlack(tb, func(m *main.Main, _ *slackfake.Server) {
		m.Config.RedisURL = url
		m.SlackOptions = tuned
	})
	m := main.NewMain()
	m.Config = a.m.Config
	m.Config.HTTPAddr = "127.0.0.1:0"
	m.Clock, m.Rand, m.Stdout, m.Log = a.m.Clock, mrand.NewChaCha8([32]byte{'b'}), io.Discard, testLogger(tb)
	m.SlackOptions = tuned
	if err := m.Open(context.Background()); err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { m.Close() })
	return a, &world{tb: tb, m: m, fake: a.fake, team: a.team}
}

// answers counts the answers to a delivery whose response_url is named
// name: inline in acks, and posts to the response_url.
func answers(w *world, name string, acks ...ack) int {
	n := 0
	for _, a := range acks {
		if a.Body != "" {
			n++
		}
	}
	for _, c := range w.fake.Calls("response_url") {
		if c.Path == "/response/"+name {
			n++
		}
	}
	return n
}

// TestSlackReplayOnce (D4): a command and a click, each replayed byte for
// byte to another replica within the replay window, are answered once,
// and run once; so is an event that Slack retries on another replica.
func TestSlackReplayOnce(t *testing.T) {
	var events atomic.Int32
	a, b := MustStartSlackReplicas(t, func(o *slackadapter.Options) {
		o.OnEvent = func(team, typ string) { events.Add(1) }
	})
	// replay posts body to one replica, then the same bytes, with the
	// same signature, to the other, and returns both acks.
	replay := func(path string, body []byte) []ack {
		t.Helper()
		ts := time.Now()
		first, again := a.post(path, testSecret, ts, body), b.post(path, testSecret, ts, body)
		MustAck(t, again, "")
		time.Sleep(300 * time.Millisecond) // the replay's work, if any, is done
		return []ack{first, again}
	}
	t.Run("Command", func(t *testing.T) {
		c := slackfake.Command{Team: a.team, User: bob.ID, UserName: bob.Name, Channel: "C0GENERAL", Text: "offer go",
			ResponseURL: a.fake.ResponseURL("replayed-offer"), TriggerID: "trigger-replayed-offer"}
		if n := answers(a, "replayed-offer", replay("/slack/commands", c.Body())...); n != 1 {
			t.Fatalf("got %d answers to the command and its replay, want 1", n)
		}
	})
	t.Run("Click", func(t *testing.T) {
		a.MustCommand(alice, "request go")
		proposal := a.dms(bob, 1, hasButton("proposal.accept"))[0]
		btn, _ := proposal.Button("proposal.accept")
		c := slackfake.Click{Team: a.team, User: bob.ID, UserName: bob.Name, Button: btn, Channel: proposal.Get("channel"), TS: proposal.TS(),
			ResponseURL: a.fake.ResponseURL("replayed-click"), TriggerID: "trigger-replayed-click"}
		before := len(a.fake.Calls("chat.update"))
		replay("/slack/interactions", c.Body())
		if n := len(a.fake.Calls("chat.update")) - before; n != 1 {
			t.Fatalf("got %d updates of the proposal, want 1", n)
		}
	})
	t.Run("EventRetry", func(t *testing.T) {
		for i, w := range []*world{a, b, a, b} {
			req := slackfake.NewRequest(w.m.HTTPURL()+"/slack/events", testSecret, time.Now(), slackfake.Event("event_callback", w.team, "EvRetried", "app_home_opened"))
			req.Header.Set("X-Slack-Retry-Num", strconv.Itoa(i))
			res, err := http.DefaultClient.Do(req)
			if err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("got %v %v, want 200", res, err)
			}
			res.Body.Close()
		}
		if n := events.Load(); n != 1 {
			t.Fatalf("got the event handled %d times, want once", n)
		}
	})
}

// TestDiscordReplayOnce (D4): an interaction replayed byte for byte to
// another replica within the replay window runs once; the replay gets an
// empty deferral.
func TestDiscordReplayOnce(t *testing.T) {
	url := sharedRedis(t)
	w := &discordWorld{REST: discordtest.NewREST(t), Guild: discordGuild(t), Log: &discordLog{},
		Mentor1: discordGuild(t), Mentor2: discordGuild(t), Mentee: discordGuild(t)}
	w.Signer = discordtest.MustSigner(t)
	w.Main = w.startMain(t, url)
	other := w.startMain(t, url)
	body := discordtest.Command(discordApp, w.Guild, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"}).JSON()
	ts := time.Now()
	sign := func(req *http.Request) { w.Signer.Sign(req, body, ts) }
	first := discordtest.MustPostSigned(t, w.endpoint(), body, sign)
	again := discordtest.MustPostSigned(t, other.HTTPURL()+"/discord/interactions", body, sign)
	if r := first.Response(); r.Type != discordtest.ChannelMessage {
		t.Fatalf("got first answer %d %s, want the reply", first.Status, first.Body)
	}
	if r := again.Response(); again.Status != http.StatusOK || r.Type == discordtest.ChannelMessage || r.Data != nil && r.Data.Text() != "" {
		t.Fatalf("got replay answered %d %s, want an empty deferral", again.Status, again.Body)
	}
}

// TestSlackAckedClickRecovered (D2): a click acked by a replica that then
// cannot handle it (its work was stopped right after the ack, as a
// SIGKILL would) is not lost: once the lease runs out, the other replica
// handles it, once.
func TestSlackAckedClickRecovered(t *testing.T) {
	a, b := MustStartSlackReplicas(t, func(*slackadapter.Options) {})
	a.MustCommand(bob, "offer go")
	a.MustCommand(alice, "request go")
	proposal := a.dms(bob, 1, hasButton("proposal.accept"))[0]

	a.m.SlackAdapter().Close() // acks still come, the work after them is dropped
	before := len(a.fake.Calls("chat.update"))
	a.click(bob, proposal, "proposal.accept")
	time.Sleep(200 * time.Millisecond)
	if n := len(a.fake.Calls("chat.update")) - before; n != 0 {
		t.Fatalf("got %d updates from the stopped replica, want none", n)
	}

	b.m.Clock.(*bot.ManualClock).Advance(bot.JobLease + time.Second)
	tn := bot.Tenant{Platform: "slack", Workspace: b.team}
	for range 2 {
		if _, err := b.m.Bot.TickTenants(context.Background(), tn); err != nil {
			t.Fatal(err)
		}
	}
	updates := a.fake.WaitCalls(t, "chat.update", before+1, nil, wait)
	if n := len(updates) - before; n != 1 {
		t.Fatalf("got %d updates of the proposal, want 1", n)
	}
	MustContain(t, updates[len(updates)-1], "You accepted the request")
	a.dms(alice, 1, hasButton("charter.accept"))
}

// TestSlackAckedCommandRecovered (D2): a slash command acked by a replica
// that then cannot run it (its work stopped right after the ack, as a
// SIGKILL would) is not lost: once the lease runs out, the other replica
// runs it, once, and the member reads its answer in French at the
// command's response_url.
func TestSlackAckedCommandRecovered(t *testing.T) {
	a, b := MustStartSlackReplicas(t, func(*slackadapter.Options) {})
	a.MustCommand(bob, "lang fr")
	a.m.SlackAdapter().Close() // acks still come, the work after them is dropped
	name, ack := a.command(bob, "offer go capacité:2")
	MustAck(t, ack, "")
	time.Sleep(200 * time.Millisecond)
	if n := len(a.fake.Calls("response_url")); n != 0 {
		t.Fatalf("got %d replies, want none: the stopped replica runs nothing", n)
	}

	b.m.Clock.(*bot.ManualClock).Advance(bot.JobLease + time.Second)
	tn := bot.Tenant{Platform: "slack", Workspace: b.team}
	for range 2 {
		if _, err := b.m.Bot.TickTenants(context.Background(), tn); err != nil {
			t.Fatal(err)
		}
	}
	MustContain(t, a.reply(name), "Vous êtes maintenant mentor pour\u202f: go")
	o, err := b.m.Store.GetOffer(context.Background(), tn.Member(bob.ID))
	if err != nil || o.Capacity != 2 {
		t.Fatalf("got offer %+v, %v; want bob's offer of 2 kept", o, err)
	}
	if _, err := b.m.Bot.TickTenants(context.Background(), tn); err != nil {
		t.Fatal(err)
	}
	if n := len(a.fake.Calls("response_url")); n != 1 {
		t.Fatalf("got %d replies, want 1: the recovered command answered once", n)
	}
}
