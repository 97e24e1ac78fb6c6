package slack_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestPostEditable: a speed-mentoring event's registration is posted
// with a reference (channel and ts) that edits it later with chat.update:
// the edit takes the buttons away. A reference that is not one, or a
// message deleted since, is ENOTFOUND; a channel the bot may not write in
// is refused as Post refuses it.
func TestPostEditable(t *testing.T) {
	r := MustRig(t, &recorder{})
	ctx := context.Background()
	tenant := bot.Tenant{Platform: slack.Platform, Workspace: "T1"}
	ref, err := r.a.PostEditable(ctx, tenant, "#C0EVENTS", proposal)
	if err != nil {
		t.Fatal(err)
	}
	posts := r.fake.Calls("chat.postMessage")
	if len(posts) != 1 || len(posts[0].Buttons()) == 0 || ref != "C0EVENTS/"+posts[0].TS() {
		t.Fatalf("got ref %q and %d posts, want one with buttons, named by its channel and ts", ref, len(posts))
	}
	closed := bot.Message{Text: "Speed test is cancelled. Its registration buttons no longer work."}
	if err := r.a.EditPost(ctx, tenant, ref, closed); err != nil {
		t.Fatal(err)
	}
	edits := r.fake.Calls("chat.update")
	if len(edits) != 1 || edits[0].Get("channel") != "C0EVENTS" || edits[0].Get("ts") != posts[0].TS() ||
		len(edits[0].Buttons()) != 0 || !strings.Contains(edits[0].AllText(), "is cancelled") {
		t.Fatalf("got %d edits (%+v), want the post replaced without buttons", len(edits), edits)
	}
	for _, bad := range []string{"", "C0EVENTS", "/123.4", "C0EVENTS/"} {
		if err := r.a.EditPost(ctx, tenant, bad, closed); bot.ErrorCode(err) != bot.ENOTFOUND {
			t.Errorf("got %v for ref %q, want ENOTFOUND", err, bad)
		}
	}
	r.fake.Fail("chat.update", slackfake.Failure{Error: "message_not_found"})
	if err := r.a.EditPost(ctx, tenant, ref, closed); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got %v for a deleted message, want ENOTFOUND", err)
	}
	r.fake.Fail("chat.postMessage", slackfake.Failure{Error: "not_in_channel"})
	if _, err := r.a.PostEditable(ctx, tenant, "#C0OTHER", proposal); bot.ErrorCode(err) != bot.EFORBIDDEN {
		t.Errorf("got %v in a channel the bot is not in, want EFORBIDDEN", err)
	}
}
