package slack_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSendMaybeSent: a DM tagged with its delivery key that Slack took
// but answered after the client gave up is not posted again, and its
// error says it may have gone out (bot.MaybeSent), so that the core asks
// Delivered before any new try. A refusal is still tried again, and its
// error does not say so.
func TestSendMaybeSent(t *testing.T) {
	ctx := context.Background()
	fastClient := func(o *slack.Options) { o.HTTPClient = &http.Client{Timeout: 150 * time.Millisecond} }
	tagged := proposal
	tagged.Delivery = "job:42:U1"
	t.Run("Late", func(t *testing.T) {
		r := MustRig(t, &recorder{}, fastClient)
		r.fake.AddUser(slackfake.User{ID: "U1"})
		r.fake.Fail("chat.postMessage", slackfake.Failure{Late: 2 * time.Second})
		err := r.a.Send(ctx, member("U1"), tagged)
		var m bot.MaybeSent
		if !errors.As(err, &m) || !m.MaybeSent() {
			t.Fatalf("got %v, want an error that says the DM may have gone out", err)
		}
		if got := r.fake.Count("chat.postMessage"); got != 1 {
			t.Fatalf("got %d chat.postMessage, want 1", got)
		}
		if ok, err := r.a.Delivered(ctx, member("U1"), tagged.Delivery); err != nil || !ok {
			t.Fatalf("got Delivered %v, %v; want the late DM found", ok, err)
		}
	})
	t.Run("RefusedRetried", func(t *testing.T) {
		r := MustRig(t, &recorder{}, fastClient)
		r.fake.AddUser(slackfake.User{ID: "U1"})
		r.fake.Fail("chat.postMessage", slackfake.Failure{Status: http.StatusServiceUnavailable})
		if err := r.a.Send(ctx, member("U1"), tagged); err != nil {
			t.Fatal(err)
		}
		if got := r.fake.Succeeded("chat.postMessage"); got != 1 {
			t.Fatalf("got %d posts taken, want 1 after the retry", got)
		}
	})
}
