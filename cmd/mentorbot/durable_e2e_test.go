package main_test

import (
	"context"
	"net/http"
	"testing"
	"time"

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
		m.TuneSlack(func(o *slackadapter.Options) { o.Retry.MaxRetryAfter = 10 * time.Second })
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
