package slack_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// syncBuffer is a log output safe for the adapter's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSocketAppTokenRefused: an app token Slack refuses at
// apps.connections.open (invalid_auth, an HTTP 404, and token_expired,
// which slack-go would retry forever) stops Start, as a refused bot token does, rather
// than leaving a bot that receives nothing (TestSocketTrouble: Slack
// unreachable does not).
func TestSocketAppTokenRefused(t *testing.T) {
	for _, tt := range []struct {
		name string
		fail slackfake.Failure
		code string
	}{
		{"invalid_auth", slackfake.Failure{Error: "invalid_auth"}, "invalid_auth"},
		{"token_expired", slackfake.Failure{Error: "token_expired"}, "token_expired"},
		{"HTTP404", slackfake.Failure{Status: 404}, "invalid_auth"}, // slack-go's reading of a 404
	} {
		t.Run(tt.name, func(t *testing.T) {
			code := tt.code
			fake := slackfake.MustNew(t)
			fake.Fail("apps.connections.open", tt.fail, tt.fail, tt.fail)
			a, err := slack.New(&recorder{}, slack.Options{BotToken: "xoxb-test", AppToken: "xapp-test", APIURL: fake.APIURL()})
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			start := time.Now()
			err = a.Start(context.Background())
			if want := "Slack refuses SLACK_APP_TOKEN: " + code; err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("got %v, want %q", err, want)
			}
			if took := time.Since(start); took > 5*time.Second {
				t.Fatalf("took %v, want the refusal at once", took)
			}
		})
	}
}
