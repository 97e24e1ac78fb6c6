package main_test

import (
	"context"
	"io"
	mrand "math/rand/v2"
	"strings"
	"testing"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestErasedMemberKeptCommand: a member's command is acked and kept by a
// replica that hangs before handling it (Slack not answering, as a replica
// killed -9); on another replica the member erases everything. The kept command, due once its
// lease runs out, must not run: it would bring the member's record and
// offer back, and answer them, after they were told everything was
// erased.
func TestErasedMemberKeptCommand(t *testing.T) {
	fake := slackfake.MustNew(t)
	fake.AddUser(alice, bob)
	team := newTeam(t)
	fake.SetTeam(team)
	slow := newSlowSlack(t, fake)

	a := main.NewMain()
	a.Config.HTTPAddr = "127.0.0.1:0"
	a.Config.RedisURL = sharedRedis(t)
	a.Config.DefaultLang = bot.English
	a.Config.Slack = main.SlackConfig{BotToken: "xoxb-test", SigningSecret: testSecret, APIURL: slow.URL + "/api/", DirectoryRefresh: -1}
	a.Clock = bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	a.Rand, a.Stdout, a.Log = mrand.NewChaCha8([32]byte{'e'}), io.Discard, testLogger(t)
	a.SlackOptions = func(o *slackadapter.Options) { fastOptions(o); o.InlineBudget = 0 }
	a.ShutdownTimeout = 500 * time.Millisecond
	if err := a.Open(context.Background()); err != nil {
		t.Fatalf("open: %v", err)
	}
	w := &world{tb: t, m: a, fake: fake, team: team}
	w.MustCommand(bob, "lang en") // bob has a record, to erase

	slow.stalled.Store(true)
	c := slackfake.Command{
		Team: team, User: bob.ID, UserName: bob.Name, Channel: "C0GENERAL", Text: "offer go, rust",
		ResponseURL: slow.URL + "/response/kept", TriggerID: "trigger-kept",
	}
	MustAck(t, w.post("/slack/commands", testSecret, time.Now(), c.Body()), "")
	for end := time.Now().Add(wait); slow.held.Load() == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("got no request to Slack after the command, want its work waiting on Slack")
		}
	}
	// a stays stuck on Slack, as a replica killed would: its lease on the
	// kept command runs out, and b takes it over.
	t.Cleanup(func() { a.Close() })

	b := replicaBeside(t, a, fake, 'f')
	wb := &world{tb: t, m: b, fake: fake, team: team}
	wb.seq.Store(100) // its response_urls apart from a's
	confirm := wb.MustCommand(bob, "forget")
	MustContain(t, wb.reply(wb.clickEphemeral(bob, confirm, bot.ActionForgetConfirm)), en("forget.done"))

	b.Clock.(*bot.ManualClock).Advance(bot.JobLease + time.Second)
	tn := bot.Tenant{Platform: "slack", Workspace: team}
	for range 2 {
		if _, err := b.Bot.TickTenants(context.Background(), tn); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(300 * time.Millisecond)
	for _, call := range fake.Calls("response_url") {
		if call.Path == "/response/kept" {
			t.Fatalf("got a reply to the command kept before the erasure: %q, want none", call.AllText())
		}
	}
	if got := wb.MustCommand(bob, "status").AllText(); strings.Contains(got, "rust") {
		t.Fatalf("got status %q after the erasure, want no offer on rust: the kept command ran", got)
	}
}
