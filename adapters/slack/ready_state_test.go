package slack_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// TestTokenChecked: over HTTP, a Start that could not reach auth.test
// leaves the token unchecked (Ready, which looks at Socket Mode only, says
// nothing of it) until auth.test answers in the background; a token
// checked at Start is checked at once.
func TestTokenChecked(t *testing.T) {
	start := func(t *testing.T, down bool) (*slack.Adapter, *slackfake.Server) {
		fake := slackfake.MustNew(t)
		fake.SetMethodDown("auth.test", down)
		a, err := slack.New(&recorder{}, slack.Options{BotToken: "xoxb-test", SigningSecret: "secret", APIURL: fake.APIURL(),
			Retry: slack.Retry{Attempts: 1, Base: 10 * time.Millisecond, Max: 20 * time.Millisecond}, Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.Close() })
		if err := a.Start(context.Background()); err != nil {
			t.Fatalf("got %v, want the adapter started", err)
		}
		return a, fake
	}
	t.Run("Unreachable", func(t *testing.T) {
		a, fake := start(t, true)
		if a.TokenChecked() || a.Ready() != nil {
			t.Fatalf("got checked %v, ready %v; want unchecked, and Ready nil over HTTP", a.TokenChecked(), a.Ready())
		}
		fake.SetMethodDown("auth.test", false)
		for end := time.Now().Add(5 * time.Second); !a.TokenChecked(); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(end) {
				t.Fatal("got the token unchecked 5 s after auth.test came back")
			}
		}
	})
	t.Run("Reached", func(t *testing.T) {
		if a, _ := start(t, false); !a.TokenChecked() {
			t.Fatal("got the token unchecked after a Start that reached auth.test")
		}
	})
}
