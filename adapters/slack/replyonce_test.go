package slack_test

import (
	"context"
	"crypto/rand"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// The answers to a first "/mentor offer go" and to the same command run
// again: a redelivery that ran the core a second time read the second.
const (
	offerSaved   = "You are now a mentor"
	offerUpdated = "Your offer is updated"
)

// replicas are mentorbot replicas that share one store (as they share
// Redis), one clock and one Slack: each has its own bot and adapter.
type replicas struct {
	fake  *slackfake.Server
	st    *inmem.Store
	clock *bot.ManualClock
	team  string
	seq   int
}

func mustReplicas(tb testing.TB) *replicas {
	tb.Helper()
	team := "T" + strings.ToUpper(rand.Text()[:10])
	fake := MustFakeOf(tb, team)
	fake.AddUser(slackfake.User{ID: uMentor, Name: "carol", RealName: "Carol", TZ: "Europe/Paris", Locale: "en-US"})
	clock := bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	return &replicas{fake: fake, st: inmem.New(clock.Now), clock: clock, team: team}
}

// start starts a replica, its adapter's log written to logs.
func (rs *replicas) start(tb testing.TB, logs *syncBuffer, tune ...func(*slack.Options)) (*rig, *bot.Bot) {
	tb.Helper()
	b := bot.New(bot.Config{}, rs.st, rs.clock, mrand.NewChaCha8([32]byte{1}), slog.New(slog.DiscardHandler))
	opts := append([]func(*slack.Options){func(o *slack.Options) {
		o.DirectoryRefresh = -1
		o.Log = slog.New(slog.NewTextHandler(logs, nil))
	}}, tune...)
	r := MustRigOn(tb, rs.fake, b, opts...)
	b.Register(slack.Platform, r.a)
	return r, b
}

// offer sends "/mentor offer go" as the mentor to r and returns the name
// of its response_url.
func (rs *replicas) offer(tb testing.TB, r *rig) string {
	tb.Helper()
	rs.seq++
	name := "offer" + string(rune('a'+rs.seq))
	if body := ackOf(tb, r, slackfake.Command{Team: rs.team, User: uMentor, Text: "offer go", ResponseURL: rs.fake.ResponseURL(name), TriggerID: "tr-" + name}); body != "" {
		tb.Fatalf("got ack %q, want an empty one", body)
	}
	return name
}

// redeliverDue runs on b what fell due once the lease ran out: a kept
// delivery that no replica forgot is handled again.
func (rs *replicas) redeliverDue(tb testing.TB, b *bot.Bot) {
	tb.Helper()
	rs.clock.Advance(bot.JobLease + time.Second)
	if _, err := b.TickTenants(context.Background(), bot.Tenant{Platform: slack.Platform, Workspace: rs.team}); err != nil {
		tb.Fatal(err)
	}
}

// replies returns what Slack took in answer to the mentor's command whose
// response_url is name: its posts there and the DMs to the mentor.
func (rs *replicas) replies(name string) []slackfake.Call {
	var out []slackfake.Call
	for _, c := range rs.fake.Calls("") {
		mine := c.Path == "/response/"+name || (c.Method == "chat.postMessage" && c.Get("channel") == rs.fake.DM(rs.team, uMentor))
		if mine && taken(c) {
			out = append(out, c)
		}
	}
	return out
}

// taken reports whether Slack took a call: answered 200 and, for the Web
// API, "ok" (a late answer counts: the fake took the message at once).
func taken(c slackfake.Call) bool {
	return c.Status == http.StatusOK && (c.Answer == nil || c.Answer["ok"] == true)
}

// mustOneReply checks that the mentor read exactly one answer to the
// command whose response_url is name, the first one's.
func (rs *replicas) mustOneReply(tb testing.TB, name string) {
	tb.Helper()
	got := rs.replies(name)
	if len(got) != 1 || !strings.Contains(got[0].AllText(), offerSaved) {
		var texts []string
		for _, c := range got {
			texts = append(texts, c.Method+": "+c.AllText())
		}
		tb.Fatalf("got %d replies %q, want one, %q", len(got), texts, offerSaved)
	}
}

// mustWarned checks that the log lines holding msg are warnings, and
// that the log holds no reply's text.
func mustWarned(tb testing.TB, logs *syncBuffer, msg string) {
	tb.Helper()
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, msg) && !strings.Contains(line, "level=WARN") {
			tb.Fatalf("got %q, want it at WARN", line)
		}
	}
	if strings.Contains(logs.String(), offerSaved) {
		tb.Fatalf("got the reply's text in the log %q, want IDs only", logs.String())
	}
}

// mustLogged waits until logs hold msg at least n times.
func mustLogged(tb testing.TB, logs *syncBuffer, msg string, n int, timeout time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for strings.Count(logs.String(), msg) < n {
		if time.Now().After(deadline) {
			tb.Fatalf("got %d logs %q, want %d; log:\n%s", strings.Count(logs.String(), msg), msg, n, logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestReplyOnce: the reply to a kept command reaches the member once,
// whatever Slack does with it. A send that Slack took but answered late
// (a timeout after the request was written) has an unknown outcome: it
// counts as delivered, is logged, and is sent neither as a DM nor by
// another replica. Before, a response_url that answered late was followed
// by the same reply as a DM and, the DM late too, by a third copy from
// the replica that redelivered the command.
func TestReplyOnce(t *testing.T) {
	fast := func(o *slack.Options) {
		o.Outbound = slack.Outbound{ResponseURLTimeout: 200 * time.Millisecond, WebAPITimeout: 300 * time.Millisecond}
	}
	t.Run("LateResponseURL", func(t *testing.T) {
		rs := mustReplicas(t)
		var logs syncBuffer
		r1, _ := rs.start(t, &logs, fast)
		rs.fake.Fail("response_url", slackfake.Failure{Late: 2 * time.Second})
		name := rs.offer(t, r1)
		rs.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)
		r1.a.Close() // once the reply's sends are over
		r2, b2 := rs.start(t, &syncBuffer{})
		rs.redeliverDue(t, b2)
		r2.a.Close()
		rs.mustOneReply(t, name)
		mustLogged(t, &logs, "reply outcome unknown; not repeated", 1, time.Second)
		mustWarned(t, &logs, "reply outcome unknown; not repeated")
	})
	t.Run("LateDM", func(t *testing.T) {
		// The response_url has expired (certain: the DM follows); the DM
		// is taken and answered late: not repeated.
		rs := mustReplicas(t)
		var logs syncBuffer
		r1, _ := rs.start(t, &logs, fast)
		rs.fake.Fail("response_url", slackfake.Failure{Status: http.StatusNotFound, Error: "expired_url"})
		rs.fake.Fail("chat.postMessage", slackfake.Failure{Late: 2 * time.Second})
		name := rs.offer(t, r1)
		rs.fake.WaitCalls(t, "chat.postMessage", 1, nil, 5*time.Second)
		r1.a.Close()
		r2, b2 := rs.start(t, &syncBuffer{})
		rs.redeliverDue(t, b2)
		r2.a.Close()
		rs.mustOneReply(t, name)
		mustLogged(t, &logs, "reply outcome unknown; not repeated", 1, time.Second)
		if got := rs.fake.Count("chat.postMessage"); got != 1 {
			t.Fatalf("got %d chat.postMessage, want 1: not tried again", got)
		}
	})
	t.Run("RefusedBothKeptAndSentOnce", func(t *testing.T) {
		// Slack certainly took it by no way: the reply is kept, and
		// another replica sends that same reply once the lease runs out,
		// without running the command again ("Your offer is updated").
		rs := mustReplicas(t)
		var logs syncBuffer
		r1, _ := rs.start(t, &logs, fast)
		rs.fake.Fail("response_url", slackfake.Failure{Status: http.StatusNotFound, Error: "expired_url"})
		down := slackfake.Failure{Status: http.StatusServiceUnavailable}
		rs.fake.Fail("conversations.open", down, down, down) // every try of the DM
		name := rs.offer(t, r1)
		mustLogged(t, &logs, "reply not taken; kept for another try", 1, 5*time.Second)
		if got := rs.replies(name); len(got) != 0 {
			t.Fatalf("got %d replies before the redelivery, want 0", len(got))
		}
		var logs2 syncBuffer
		r2, b2 := rs.start(t, &logs2)
		rs.redeliverDue(t, b2)
		r2.a.Close()
		rs.mustOneReply(t, name)
		if !strings.Contains(logs2.String(), "kept reply sent again") {
			t.Fatalf("got log %q, want the kept reply sent again", logs2.String())
		}
		rs.redeliverDue(t, b2) // nothing left: sent once
		rs.mustOneReply(t, name)
	})
	t.Run("KilledMidReply", func(t *testing.T) {
		// r1 is as good as killed while its reply is in flight: it does
		// nothing more until the lease runs out. The command it handled
		// was forgotten before the reply went out, so r2 runs nothing
		// again: no second, different answer.
		rs := mustReplicas(t)
		r1, _ := rs.start(t, &syncBuffer{}, func(o *slack.Options) {
			o.Outbound = slack.Outbound{ResponseURLTimeout: 10 * time.Second}
			o.CloseTimeout = 200 * time.Millisecond
		})
		rs.fake.Fail("response_url", slackfake.Failure{Late: 20 * time.Second})
		name := rs.offer(t, r1)
		rs.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second) // in flight
		r2, b2 := rs.start(t, &syncBuffer{})
		rs.redeliverDue(t, b2)
		r2.a.Close()
		rs.mustOneReply(t, name)
	})
}

// TestShutdownReply: a replica stopping with a reply in flight sends it
// once, and no other replica sends it again; only work the shutdown cut
// short before the core finished it is left for another replica, which
// then sends the only reply.
func TestShutdownReply(t *testing.T) {
	t.Run("InFlightNotRepeated", func(t *testing.T) {
		// SIGTERM while Slack takes the reply and answers late: the
		// replica stops once the response_url's time is up, sends no DM,
		// and leaves nothing for another replica.
		rs := mustReplicas(t)
		var logs syncBuffer
		r1, _ := rs.start(t, &logs, func(o *slack.Options) {
			o.Outbound = slack.Outbound{ResponseURLTimeout: time.Second}
		})
		rs.fake.Fail("response_url", slackfake.Failure{Late: 15 * time.Second})
		name := rs.offer(t, r1)
		rs.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)
		start := time.Now()
		if err := r1.a.Shutdown(context.Background()); err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took > 3*time.Second {
			t.Fatalf("got a shutdown of %s, want the response_url's 1 s at most, and some slack", took)
		}
		r2, b2 := rs.start(t, &syncBuffer{})
		rs.redeliverDue(t, b2)
		r2.a.Close()
		rs.mustOneReply(t, name)
		if log := logs.String(); strings.Contains(log, "work cut short") || !strings.Contains(log, "reply outcome unknown; not repeated") {
			t.Fatalf("got log %q, want the reply's unknown outcome, no work cut short", log)
		}
	})
	t.Run("DeadlineCutsReply", func(t *testing.T) {
		// The shutdown's deadline cancels the reply in flight: its
		// outcome is unknown; the command ran, and is not run again.
		rs := mustReplicas(t)
		r1, _ := rs.start(t, &syncBuffer{}, func(o *slack.Options) {
			o.Outbound = slack.Outbound{ResponseURLTimeout: 10 * time.Second}
			o.CloseTimeout = 300 * time.Millisecond
		})
		rs.fake.Fail("response_url", slackfake.Failure{Late: 15 * time.Second})
		name := rs.offer(t, r1)
		rs.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)
		r1.a.Close()
		r2, b2 := rs.start(t, &syncBuffer{})
		rs.redeliverDue(t, b2)
		r2.a.Close()
		rs.mustOneReply(t, name)
	})
	t.Run("CutBeforeCoreLeftForAnother", func(t *testing.T) {
		// The core still works at the deadline: its answer is about the
		// replica stopping. r1 sends nothing; r2 runs it and answers.
		var logs syncBuffer
		k1 := &keeper{recorder: &recorder{gate: make(chan struct{}), reply: bot.Reply{Message: bot.Message{Text: "from r1"}}}, kept: map[string][]byte{}}
		t.Cleanup(func() { close(k1.gate) })
		r1 := MustRig(t, k1, func(o *slack.Options) {
			o.CloseTimeout = 200 * time.Millisecond
			o.Log = slog.New(slog.NewTextHandler(&logs, nil))
		})
		ackOf(t, r1, slackfake.Command{Team: "T1", User: "U1", Text: "status", ResponseURL: r1.fake.ResponseURL("cut"), TriggerID: "tr-cut"})
		r1.a.Close()
		if !strings.Contains(logs.String(), "work cut short by shutdown; left for another replica") {
			t.Fatalf("got log %q, want the work cut short", logs.String())
		}
		k2 := &keeper{recorder: &recorder{reply: bot.Reply{Message: bot.Message{Text: "from r2"}}}, kept: map[string][]byte{}}
		r2 := MustRigOn(t, r1.fake, k2)
		mustRedeliverAll(t, r2, k1)
		r2.a.Close()
		got := r1.fake.Calls("response_url")
		if len(got) != 1 || got[0].Get("text") != "from r2" || r1.fake.Count("chat.postMessage") != 0 {
			t.Fatalf("got %d response_url posts (%d DMs), want one, from r2", len(got), r1.fake.Count("chat.postMessage"))
		}
	})
	t.Run("QueuedReplyOnce", func(t *testing.T) {
		// One response_url worker, held by A's reply that Slack answers
		// late; B's reply waits behind it when the deadline comes. A's
		// ends as unknown; B's, certainly not sent, goes as a DM or is
		// kept and sent by r2: once either way.
		k1 := &keeper{recorder: &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}, kept: map[string][]byte{}}
		r1 := MustRig(t, k1, func(o *slack.Options) {
			o.Outbound = slack.Outbound{Workers: 1, ResponseURLTimeout: 10 * time.Second}
			o.CloseTimeout = 300 * time.Millisecond
		})
		r1.fake.AnyUser()
		r1.fake.Fail("response_url", slackfake.Failure{Late: 15 * time.Second})
		ackOf(t, r1, slackfake.Command{Team: "T1", User: "UA", ResponseURL: r1.fake.ResponseURL("a"), TriggerID: "tr-a"})
		r1.fake.WaitCalls(t, "response_url", 1, nil, 5*time.Second)
		ackOf(t, r1, slackfake.Command{Team: "T1", User: "UB", ResponseURL: r1.fake.ResponseURL("b"), TriggerID: "tr-b"})
		r1.a.Close()
		k2 := &keeper{recorder: &recorder{reply: bot.Reply{Message: bot.Message{Text: "done"}}}, kept: map[string][]byte{}}
		r2 := MustRigOn(t, r1.fake, k2)
		mustRedeliverAll(t, r2, k1)
		r2.a.Close()
		if n := len(k2.Commands()); n != 0 {
			t.Fatalf("got %d commands run again, want 0: both ran on r1", n)
		}
		for _, user := range []string{"UA", "UB"} {
			n := 0
			for _, c := range r1.fake.Calls("") {
				if taken(c) && (c.Path == "/response/"+strings.ToLower(user[1:]) || c.Method == "chat.postMessage" && c.Get("channel") == r1.fake.DM("T1", user)) {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("got %d replies to %s, want 1", n, user)
			}
		}
	})
}

// mustRedeliverAll hands everything k kept to r, as another replica does
// once the lease runs out.
func mustRedeliverAll(tb testing.TB, r *rig, k *keeper) {
	tb.Helper()
	for _, data := range k.all() {
		if err := r.a.Redeliver(context.Background(), bot.Tenant{Platform: slack.Platform, Workspace: "T1"}, data); err != nil {
			tb.Fatal(err)
		}
	}
}
