package slack_test

import (
	"context"
	"crypto/rand"
	"log/slog"
	mrand "math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/inmem"
)

// mustLiveStore is mustLive with more members (two mentors, two mentees,
// a workspace admin, a French mentee) and its store at hand, to set
// offers up without the sweep an offer command runs.
func mustLiveStore(tb testing.TB) (*live, *inmem.Store) {
	tb.Helper()
	team := "T" + strings.ToUpper(rand.Text()[:10])
	fake := MustFakeOf(tb, team)
	fake.AddUser(
		slackfake.User{ID: uMentor, Name: "carol", RealName: "Carol", TZ: "Europe/Paris", Locale: "en-US"},
		slackfake.User{ID: "UBOB", Name: "bob", RealName: "Bob", TZ: "Europe/Paris", Locale: "en-US"},
		slackfake.User{ID: uMentee, Name: "dan", RealName: "Dan", TZ: "Europe/Paris", Locale: "en-US"},
		slackfake.User{ID: "UEVE", Name: "eve", RealName: "Eve", TZ: "Europe/Paris", Locale: "en-US"},
		slackfake.User{ID: "UFANNY", Name: "fanny", RealName: "Fanny", TZ: "Europe/Paris", Locale: "fr-FR"},
		slackfake.User{ID: uManager, Name: "alice", RealName: "Alice", TZ: "Europe/Paris", Locale: "en-US", Admin: true},
	)
	clock := bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	st := inmem.New(clock.Now)
	b := bot.New(bot.Config{}, st, clock, mrand.NewChaCha8([32]byte{1}), slog.New(slog.DiscardHandler))
	r := MustRigOn(tb, fake, b, func(o *slack.Options) { o.DirectoryRefresh = -1 })
	b.Register(slack.Platform, r.a)
	return &live{rig: r, bot: b, clock: clock, team: team}, st
}

// clickEphemeral clicks, as user, the button for action on msg, an
// ephemeral reply posted to a response_url (Slack gives such a click no
// channel or ts that chat.update takes), and returns what was posted to
// the click's own response_url.
func (l *live) clickEphemeral(tb testing.TB, user string, msg slackfake.Call, action string) slackfake.Call {
	tb.Helper()
	b, ok := button(msg, action, "")
	if !ok {
		tb.Fatalf("got buttons %+v, want %s", msg.Buttons(), action)
	}
	name := l.next()
	c := slackfake.Click{Team: l.team, User: user, Channel: l.fake.DM(l.team, user), TS: "1700000000.999999", Ephemeral: true,
		ResponseURL: l.fake.ResponseURL(name), TriggerID: "tr-" + name, Button: b}
	if status, body := l.post(tb, "/slack/interactions", time.Now(), c.Body()); status != 200 {
		tb.Fatalf("got %d %q, want 200", status, body)
	}
	return l.fake.WaitCalls(tb, "response_url", 1, func(c slackfake.Call) bool { return c.Path == "/response/"+name }, 5*time.Second)[0]
}

// replaces reports whether a reply to a click replaced the clicked
// message: a chat.update, or a response_url post with replace_original.
func replaces(c slackfake.Call) bool {
	if c.Method == "chat.update" {
		return true
	}
	r, _ := c.Body["replace_original"].(bool)
	return r
}

// mustOnlyClicker checks that a reply to a click leaves the clicked
// message as it is and is shown to the clicker alone.
func mustOnlyClicker(tb testing.TB, c slackfake.Call) {
	tb.Helper()
	r, ok := c.Body["replace_original"].(bool)
	if c.Method != "response_url" || !ok || r || c.Body["response_type"] != "ephemeral" {
		tb.Fatalf("got %s replace_original=%v response_type=%v %q, want an ephemeral response_url post with replace_original false",
			c.Method, c.Body["replace_original"], c.Body["response_type"], c.AllText())
	}
}

// TestRenderfixRoundSecondClickKeepsOutcome: a manager's "Send these
// proposals" clicked twice (a double click, a stale copy) sends the round
// once; the message keeps "Sent 2 proposals" and its list, and the second
// click is told, ephemerally, that the round was already sent.
func TestRenderfixRoundSecondClickKeepsOutcome(t *testing.T) {
	l, st := mustLiveStore(t)
	ctx := context.Background()
	mustContain(t, l.run(t, uMentee, "request go"), "go")
	mustContain(t, l.run(t, "UEVE", "request go"), "go")
	for _, m := range []struct{ user, name string }{{uMentor, "Carol"}, {"UBOB", "Bob"}} {
		id := bot.MemberID{Platform: slack.Platform, Workspace: l.team, User: m.user}
		if err := st.SaveMember(ctx, bot.Member{ID: id, Name: m.name, Lang: bot.English, TZ: "Europe/Paris"}); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveOffer(ctx, bot.Offer{Mentor: id, Topics: []string{"go"}, Capacity: 1, TZ: "Europe/Paris", Years: 10}); err != nil {
			t.Fatal(err)
		}
	}
	preview := l.run(t, uManager, "admin match")
	mustContain(t, preview, "This round would propose 2 pairs")

	first := l.clickEphemeral(t, uManager, preview, bot.ActionRoundSend)
	if !replaces(first) {
		t.Fatalf("got %s %q not replacing the preview, want the preview replaced", first.Method, first.AllText())
	}
	mustContain(t, first, "Sent 2 proposals", "Dan with", "Eve with")

	second := l.clickEphemeral(t, uManager, preview, bot.ActionRoundSend)
	mustContain(t, second, "This round was already sent.")
	mustOnlyClicker(t, second)

	// The clicked message shows what its last replacing reply said.
	var shown slackfake.Call
	for _, c := range l.fake.Calls("response_url") {
		if replaces(c) {
			shown = c
		}
	}
	mustContain(t, shown, "Sent 2 proposals", "Dan with", "Eve with")

	// Cancel on the same stale preview: the round went; nothing replaced.
	cancel := l.clickEphemeral(t, uManager, preview, bot.ActionRoundCancel)
	mustContain(t, cancel, "This round was already sent.")
	mustOnlyClicker(t, cancel)
}

// TestRenderfixForgetSecondClickKeepsOutcome: "Yes, erase everything"
// clicked twice on a message in the conversation (chat.update) erases once;
// the message keeps "Done: …", and the second click, and "No, keep my
// data" clicked after, are answered to the clicker alone.
func TestRenderfixForgetSecondClickKeepsOutcome(t *testing.T) {
	l := mustLive(t)
	mustContain(t, l.run(t, uMentee, "request go"), "go")
	ask := l.run(t, uMentee, "forget")
	b, ok := button(ask, bot.ActionForgetConfirm, "")
	if !ok {
		t.Fatalf("got buttons %+v, want %s", ask.Buttons(), bot.ActionForgetConfirm)
	}
	// The same buttons on a message of the DM, so that a replacing reply
	// is a chat.update of it.
	channel, ts := l.fake.DM(l.team, uMentee), "1700000000.424242"
	clickDM := func(action string) slackfake.Call {
		t.Helper()
		btn := b
		if action != bot.ActionForgetConfirm {
			btn, _ = button(ask, action, "")
		}
		name := l.next()
		start := time.Now()
		c := slackfake.Click{Team: l.team, User: uMentee, Channel: channel, TS: ts, ResponseURL: l.fake.ResponseURL(name), TriggerID: "tr-" + name, Button: btn}
		if status, body := l.post(t, "/slack/interactions", time.Now(), c.Body()); status != 200 {
			t.Fatalf("got %d %q, want 200", status, body)
		}
		return l.fake.WaitCalls(t, "", 1, func(c slackfake.Call) bool {
			return c.Path == "/response/"+name || (c.Method == "chat.update" && c.Get("ts") == ts && !c.At.Before(start))
		}, 5*time.Second)[0]
	}

	first := clickDM(bot.ActionForgetConfirm)
	if first.Method != "chat.update" {
		t.Fatalf("got %s %q, want the DM replaced", first.Method, first.AllText())
	}
	mustContain(t, first, "Done: everything I kept about you is erased.")

	second := clickDM(bot.ActionForgetConfirm)
	mustContain(t, second, "Your data is already erased")
	mustOnlyClicker(t, second)

	keep := clickDM(bot.ActionForgetKeep)
	mustContain(t, keep, "there is nothing to erase")
	mustOnlyClicker(t, keep)

	if n := l.fake.Count("chat.update"); n != 1 {
		t.Fatalf("got %d chat.update, want 1: only the first click replaces the message", n)
	}
}
