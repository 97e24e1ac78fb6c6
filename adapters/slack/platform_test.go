package slack_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

var proposal = bot.Message{Title: "Mentoring request: go", Text: "Alice would like your help.",
	Buttons: []bot.Button{{Label: "Accept", ActionID: bot.ActionProposalAccept, Value: "p1"}}}

// TestSend delivers DMs through conversations.open and chat.postMessage,
// and codes what goes wrong.
func TestSend(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		r := MustRig(t, &recorder{})
		r.fake.AddUser(slackfake.User{ID: "U1"})
		for range 2 {
			if err := r.a.Send(ctx, member("U1"), proposal); err != nil {
				t.Fatal(err)
			}
		}
		posts := r.fake.Calls("chat.postMessage")
		if len(posts) != 2 || posts[0].Get("channel") != "DU1" || posts[0].Token != "xoxb-test" {
			t.Fatalf("got %d posts (first to %q), want 2 to DU1 with the bot token", len(posts), posts[0].Get("channel"))
		}
		if _, ok := posts[0].Button(bot.ActionProposalAccept); !ok || posts[0].Get("text") != "Mentoring request: go" {
			t.Fatalf("got post %q without its button or fallback text", posts[0].AllText())
		}
		if got := r.fake.Count("conversations.open"); got != 1 {
			t.Fatalf("got %d conversations.open, want 1: the DM's ID is cached", got)
		}
		if got := posts[0].Get("unfurl_links"); got != "false" {
			t.Fatalf("got unfurl_links=%q, want false: a DM is no place for link previews", got)
		}
	})
	t.Run("ChannelNotFound", func(t *testing.T) {
		r := MustRig(t, &recorder{})
		r.fake.AddUser(slackfake.User{ID: "U1"})
		MustSend(t, r, member("U1"))
		r.fake.Fail("chat.postMessage", slackfake.Failure{Error: "channel_not_found"})
		MustSend(t, r, member("U1"))
		if got := r.fake.Count("conversations.open"); got != 2 {
			t.Fatalf("got %d conversations.open, want the stale DM reopened", got)
		}
	})
	t.Run("RateLimited", func(t *testing.T) {
		// Slack's 429 says Retry-After: 30; 1 keeps the test fast.
		r := MustRig(t, &recorder{})
		r.fake.AddUser(slackfake.User{ID: "U1"})
		r.fake.Fail("chat.postMessage", slackfake.Failure{Status: http.StatusTooManyRequests, RetryAfter: "1"})
		start := time.Now()
		MustSend(t, r, member("U1"))
		if took := time.Since(start); took < time.Second {
			t.Fatalf("got the retry after %s, want after Retry-After (1s)", took)
		}
	})
	for _, tt := range []struct {
		name  string
		fail  []slackfake.Failure
		down  bool
		user  string
		want  bot.Code
		calls int
	}{
		{"ErrRetryAfterTooLong", []slackfake.Failure{{Status: http.StatusTooManyRequests, RetryAfter: "30"}}, false, "U1", bot.EUNAVAILABLE, 1},
		{"ErrDown", nil, true, "U1", bot.EUNAVAILABLE, 3},
		{"ErrTransient", []slackfake.Failure{{Error: "internal_error"}, {Error: "internal_error"}, {Error: "internal_error"}}, false, "U1", bot.EUNAVAILABLE, 3},
		{"ErrMissingScope", []slackfake.Failure{{Error: "missing_scope"}}, false, "U1", bot.EFORBIDDEN, 1}, // permanent: install.missing_permission
		{"ErrGoneUnknown", nil, false, "UNOBODY", bot.EGONE, 1},
		{"ErrGoneDeactivated", nil, false, "UOLD", bot.EGONE, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := MustRig(t, &recorder{}, func(o *slack.Options) { o.Retry.MaxRetryAfter = 2 * time.Second })
			r.fake.AddUser(slackfake.User{ID: "U1"}, slackfake.User{ID: "UOLD", Deleted: true})
			r.fake.Fail("conversations.open", tt.fail...)
			r.fake.SetDown(tt.down)
			err := r.a.Send(ctx, member(tt.user), proposal)
			if got := bot.ErrorCode(err); got != tt.want {
				t.Fatalf("got %v (%s), want %s", err, got, tt.want)
			}
			if got := r.fake.Count("conversations.open"); got != tt.calls {
				t.Fatalf("got %d calls, want %d", got, tt.calls)
			}
		})
	}
}

// TestIntroduce opens one group DM for all the members.
func TestIntroduce(t *testing.T) {
	r := MustRig(t, &recorder{})
	r.fake.AddUser(slackfake.User{ID: "U1"}, slackfake.User{ID: "U2"})
	if err := r.a.Introduce(context.Background(), []bot.MemberID{member("U2"), member("U1")}, proposal); err != nil {
		t.Fatal(err)
	}
	open := r.fake.Calls("conversations.open")
	post := r.fake.Calls("chat.postMessage")
	if len(open) != 1 || open[0].Get("users") != "U2,U1" || len(post) != 1 || post[0].Get("channel") != "GU1U2" {
		t.Fatalf("got %d opens and %d posts, want one group DM of U1 and U2", len(open), len(post))
	}
	t.Run("ErrOneMember", func(t *testing.T) {
		if err := r.a.Introduce(context.Background(), []bot.MemberID{member("U1")}, proposal); bot.ErrorCode(err) != bot.EINTERNAL {
			t.Fatalf("got %v, want EINTERNAL", err)
		}
	})
	t.Run("ErrOtherWorkspace", func(t *testing.T) {
		other := bot.MemberID{Platform: slack.Platform, Workspace: "T2", User: "U2"}
		if err := r.a.Introduce(context.Background(), []bot.MemberID{member("U1"), other}, proposal); bot.ErrorCode(err) != bot.EINTERNAL {
			t.Fatalf("got %v, want EINTERNAL", err)
		}
	})
}

// TestProfile reads names, time zones and locales from users.info, once.
func TestProfile(t *testing.T) {
	r := MustRig(t, &recorder{})
	r.fake.AddUser(slackfake.User{ID: "U1", Name: "eli", RealName: "Élise Durand", TZ: "Europe/Paris", Locale: "fr-FR"},
		slackfake.User{ID: "UOLD", Deleted: true})
	for range 2 {
		p, err := r.a.Profile(context.Background(), member("U1"))
		if err != nil || p != (bot.Profile{Name: "Élise Durand", TZ: "Europe/Paris", Locale: "fr-FR"}) {
			t.Fatalf("got %+v %v, want Élise in Paris, in French", p, err)
		}
	}
	if got := r.fake.Count("users.info"); got != 1 {
		t.Fatalf("got %d users.info, want 1: profiles are cached", got)
	}
	for _, user := range []string{"UOLD", "UNOBODY"} {
		if _, err := r.a.Profile(context.Background(), member(user)); bot.ErrorCode(err) != bot.EGONE {
			t.Fatalf("got %v for %s, want EGONE", err, user)
		}
	}
}

// MustSend sends the proposal to id and fails the test on an error.
func MustSend(tb testing.TB, r *rig, id bot.MemberID) {
	tb.Helper()
	if err := r.a.Send(context.Background(), id, proposal); err != nil {
		tb.Fatalf("send: %v", err)
	}
}

// TestPost posts in a channel given by its ID, as a command typed it.
func TestPost(t *testing.T) {
	r := MustRig(t, &recorder{})
	tenant := bot.Tenant{Platform: slack.Platform, Workspace: "T1"}
	if err := r.a.Post(context.Background(), tenant, "#C0MANAGERS", proposal); err != nil {
		t.Fatal(err)
	}
	if post := r.fake.Calls("chat.postMessage"); len(post) != 1 || post[0].Get("channel") != "C0MANAGERS" {
		t.Fatalf("got %d posts, want one in C0MANAGERS", len(post))
	}
	// A channel the bot is not in, or may not write in: the manager
	// reads what to do, not "something went wrong".
	for _, refusal := range []string{"not_in_channel", "channel_not_found", "is_archived"} {
		r.fake.Fail("chat.postMessage", slackfake.Failure{Error: refusal})
		err := r.a.Post(context.Background(), tenant, "#C0OTHER", proposal)
		if e, ok := errors.AsType[*bot.Error](err); !ok || e.Code != bot.EFORBIDDEN || e.Key != "err.channel_access" {
			t.Fatalf("got %v for %s, want EFORBIDDEN err.channel_access", err, refusal)
		}
	}
	for _, bad := range []string{"#mentoring", "", "C1>|<!here>"} {
		if err := r.a.Post(context.Background(), tenant, bad, proposal); bot.ErrorCode(err) != bot.EINVALID {
			t.Fatalf("got %v for %q, want EINVALID", err, bad)
		}
	}
}

// TestUpload shares files in three steps, in a DM or a channel.
func TestUpload(t *testing.T) {
	r := MustRig(t, &recorder{})
	r.fake.AddUser(slackfake.User{ID: "U1"})
	f := bot.File{Name: "mentorbot-export.csv", Type: "text/csv", Data: []byte("member,pairs\nU1,1\n")}
	if err := r.a.SendFile(context.Background(), member("U1"), f, bot.Message{Title: "Export", Text: "1 member"}); err != nil {
		t.Fatal(err)
	}
	up := r.fake.Calls("upload")
	done := r.fake.Calls("files.completeUploadExternal")
	if len(up) != 1 || string(up[0].Data) != string(f.Data) || len(done) != 1 || done[0].Get("channel_id") != "DU1" {
		t.Fatalf("got %d uploads and %d completions, want the file shared in DU1", len(up), len(done))
	}
	if !strings.Contains(done[0].AllText(), "1 member") {
		t.Fatalf("got completion text %q, want the message with the file", done[0].AllText())
	}
	tenant := bot.Tenant{Platform: slack.Platform, Workspace: "T1"}
	if err := r.a.Upload(context.Background(), tenant, "#CTEAM", f, bot.Message{Text: "chart"}); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrBadChannel", func(t *testing.T) {
		err := r.a.Upload(context.Background(), tenant, "#team", f, bot.Message{Text: "chart"})
		var e *bot.Error
		if !errors.As(err, &e) || e.Code != bot.EINVALID || e.Key != "err.admin.bad_channel" {
			t.Fatalf("got %v, want EINVALID err.admin.bad_channel", err)
		}
	})
}
