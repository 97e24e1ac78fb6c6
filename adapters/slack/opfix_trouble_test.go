package slack_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// TestSocketTrouble: with Slack unreachable in Socket Mode the bot starts
// (slack-go keeps trying), not ready, and says why: the trouble's log
// line and SocketTrouble carry Slack's answer; once connected again the
// trouble is gone.
func TestSocketTrouble(t *testing.T) {
	fake := slackfake.MustNew(t)
	var log syncBuffer
	a, err := slack.New(&recorder{}, slack.Options{BotToken: "xoxb-test", AppToken: "xapp-test", APIURL: fake.APIURL(),
		Log: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	fake.SetDown(true)
	if err := a.Start(context.Background()); err != nil {
		t.Fatalf("got %v, want the bot started, Socket Mode trying again", err)
	}
	if a.Ready() == nil {
		t.Fatal("got ready with Slack down, want not ready")
	}
	if why := a.SocketTrouble(); !strings.Contains(why, "503") {
		t.Fatalf("got trouble %q, want Slack's 503", why)
	}
	if got := log.String(); !strings.Contains(got, "slack: socket mode trouble") || !strings.Contains(got, "503") {
		t.Fatalf("got log %q, want the trouble with its reason", got)
	}
	fake.SetDown(false)
	fake.WaitSocket(t, 20*time.Second)
	deadline := time.Now().Add(10 * time.Second)
	for a.Ready() != nil || a.SocketTrouble() != "" {
		if time.Now().After(deadline) {
			t.Fatalf("got %v, %q; want ready again, no trouble", a.Ready(), a.SocketTrouble())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
