package slack_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestFixplatDeactivatedOnSend: with no user_change event and no read of
// the directory since, a member Slack deactivated is found so when a DM
// to them fails (conversations.open: user_disabled): the send is EGONE,
// and they are erased as a member who left, once, however many sends
// fail. A user Slack does not know (user_not_found, and users.info says
// so too) is not erased: an unknown ID is not a leave.
func TestFixplatDeactivatedOnSend(t *testing.T) {
	ctx := context.Background()
	fake := MustFakeOf(t, "T1")
	frank := slackfake.User{ID: "UFRANK", Name: "frank", RealName: "Frank"}
	fake.AddUser(frank)
	h := &forgetBot{}
	r := MustRigOn(t, fake, h, func(o *slack.Options) { o.DirectoryRefresh = -1 })
	frank.Deleted = true
	fake.AddUser(frank)
	for range 3 {
		if err := r.a.Send(ctx, member("UFRANK"), bot.Message{Text: "hello"}); bot.ErrorCode(err) != bot.EGONE {
			t.Fatalf("got %v, want EGONE", err)
		}
	}
	if err := r.a.Send(ctx, member("UNOBODY"), bot.Message{Text: "hello"}); bot.ErrorCode(err) != bot.EGONE {
		t.Fatalf("got %v, want EGONE", err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for len(h.Forgot()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	if got := h.Forgot(); len(got) != 1 || got[0] != member("UFRANK") {
		t.Fatalf("got %v erased, want Frank once", got)
	}
}
