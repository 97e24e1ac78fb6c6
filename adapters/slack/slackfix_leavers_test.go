package slack_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// forgetBot is a fake bot that records whom it is asked to erase.
type forgetBot struct {
	recorder
	mu     sync.Mutex
	forgot []bot.MemberID
}

func (b *forgetBot) Forget(_ context.Context, id bot.MemberID) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.forgot = append(b.forgot, id)
	return nil
}

func (b *forgetBot) Forgot() []bot.MemberID {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.forgot)
}

// TestSlackfixDirectoryLeavers: with no user_change event (the default
// manifest subscribes none), a read of the directory that finds a member
// deactivated since the last read erases them as a member who left, once;
// one deactivated before the bot ever saw them active is left to the
// nightly check of the members the bot keeps a record of (StillMember),
// which the directory answers without a users.info call.
func TestSlackfixDirectoryLeavers(t *testing.T) {
	ctx := context.Background()
	fake := MustFakeOf(t, "T1")
	carol := slackfake.User{ID: "UCAROL", Name: "carol", RealName: "Carol", TZ: "Europe/Berlin", Locale: "en-US"}
	fake.AddUser(carol, slackfake.User{ID: "UALICE", Name: "alice", RealName: "Alice"},
		slackfake.User{ID: "UOLD", Name: "old", RealName: "Old", Deleted: true})
	h := &forgetBot{}
	r := MustRigOn(t, fake, h, func(o *slack.Options) { o.DirectoryRefresh = -1 })

	if _, err := r.a.ReadDirectory(ctx); err != nil {
		t.Fatal(err)
	}
	if got := h.Forgot(); len(got) != 0 {
		t.Fatalf("got %v erased after the first read, want nobody: UOLD was never seen active", got)
	}

	carol.Deleted = true
	fake.AddUser(carol)
	for range 2 { // the second read finds her gone already: nothing more
		if _, err := r.a.ReadDirectory(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := h.Forgot(); len(got) != 1 || got[0] != member("UCAROL") {
		t.Fatalf("got %v erased, want Carol once, deactivated since the last read", got)
	}

	// The nightly check (bot.ForgetLeavers) asks about members with a record.
	for user, want := range map[string]bool{"UOLD": false, "UCAROL": false, "UALICE": true} {
		if still, err := r.a.StillMember(ctx, member(user)); err != nil || still != want {
			t.Fatalf("got %v, %v for %s, want %v", still, err, user, want)
		}
	}
	if n := fake.Count("users.info"); n != 0 {
		t.Fatalf("got %d users.info calls, want the directory's answers", n)
	}
	fake.AddUser(slackfake.User{ID: "UNEW", Name: "new", RealName: "New"}, slackfake.User{ID: "UNEWGONE", Name: "ng", Deleted: true})
	for user, want := range map[string]bool{"UNEW": true, "UNEWGONE": false} {
		if still, err := r.a.StillMember(ctx, member(user)); err != nil || still != want {
			t.Fatalf("got %v, %v for %s (not in the directory), want %v from users.info", still, err, user, want)
		}
	}
	if _, err := r.a.StillMember(ctx, member("UNOBODY")); bot.ErrorCode(err) != bot.EGONE {
		t.Fatalf("got %v for a user Slack does not know, want EGONE (passed over, never erased)", err)
	}
}
