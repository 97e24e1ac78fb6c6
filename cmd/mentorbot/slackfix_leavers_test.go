package main_test

import (
	"testing"
	"time"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestSlackfixDirectoryLeaver: with the default manifest no user_change
// event comes; a mentor whom the next read of the directory finds
// deactivated is erased as a member who left: their offer goes, so a
// mentee asking for their topic is told the truth, and nobody is
// proposed to them.
func TestSlackfixDirectoryLeaver(t *testing.T) {
	w := MustStartSlack(t, func(m *main.Main, _ *slackfake.Server) {
		m.SlackOptions = func(o *slackadapter.Options) {
			fastOptions(o)
			o.DirectoryRefresh = 200 * time.Millisecond
		}
	})
	read := func(c slackfake.Call) bool { return c.Answer["ok"] == true }
	w.fake.WaitCalls(t, "users.list", 1, read, wait)
	MustContain(t, w.MustCommand(carol, "offer go"), "go")
	ctx, id := t.Context(), bot.MemberID{Platform: slackadapter.Platform, Workspace: w.team, User: carol.ID}
	if d, err := w.m.Store.MemberData(ctx, id); err != nil || d.Offer == nil {
		t.Fatalf("got %+v, %v; want Carol's offer", d, err)
	}
	left := carol
	left.Deleted = true
	w.fake.AddUser(left)
	for deadline := time.Now().Add(wait); ; time.Sleep(20 * time.Millisecond) {
		if d, err := w.m.Store.MemberData(ctx, id); err == nil && d.Empty() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Carol, deactivated, is still kept after the directory's reads")
		}
	}
	r := w.MustCommand(alice, "request go")
	MustContain(t, r, en("waiting.topic", "topic", "go")) // true now: nobody does
	for _, c := range w.fake.Calls("chat.postMessage") {
		if c.Get("channel") == w.fake.DM(w.team, carol.ID) {
			t.Fatalf("got a message to Carol, who left: %s", c.AllText())
		}
	}
}
