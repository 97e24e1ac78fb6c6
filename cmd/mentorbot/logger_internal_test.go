package main

import (
	"bytes"
	"context"
	"errors"
	"github.com/mentorbot/mentorbot/adapters/discord"
	"net/url"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/store"
)

// TestLoggerRedacts: an error that quotes a secret URL, or a token, is
// logged without it, in both formats; a Web API method stays readable.
func TestLoggerRedacts(t *testing.T) {
	for _, format := range []string{"json", "text"} {
		var buf bytes.Buffer
		log := newLogger("info", format, &buf)
		log.Warn("slack: response_url failed", "err", &url.Error{Op: "Post", URL: "https://hooks.slack.com/commands/T012/3456/SECRETRESPONSE", Err: errors.New("i/o timeout")})
		log.Error("interaction response failed", "err", errors.Join(errors.New("discord unavailable"),
			&url.Error{Op: "Patch", URL: "https://discord.com/api/v9/webhooks/845027738276462632/SECRETINTERACTION/messages/@original", Err: errors.New("EOF")}))
		log.Warn("slack: auth.test failed", "err", &url.Error{Op: "Post", URL: "https://slack.com/api/auth.test", Err: errors.New("refused")}, "token", "xoxb-1234-5678-SECRETBOT")
		log.Info("socket", "url", "wss://wss-primary.slack.com/link/?ticket=SECRETTICKET&app_id=A1")
		log.Error("redis", "err", errors.New(`dial redis://:SECRETPASSWORD@127.0.0.1:6379/0 and rediss://user:SECRETPASSWORD@redis.example:6380: refused`))
		got := buf.String()
		for _, secret := range []string{"SECRETRESPONSE", "SECRETINTERACTION", "SECRETBOT", "SECRETTICKET", "SECRETPASSWORD", "T012/3456"} {
			if strings.Contains(got, secret) {
				t.Errorf("%s: got %q in the log:\n%s", format, secret, got)
			}
		}
		for _, kept := range []string{"https://hooks.slack.com/[redacted]", "https://discord.com/[redacted]", "https://slack.com/api/auth.test", "i/o timeout", "redis://[redacted]@127.0.0.1:6379/0"} {
			if !strings.Contains(got, kept) {
				t.Errorf("%s: got no %q in the log:\n%s", format, kept, got)
			}
		}
	}
}

// TestRedactKeepsRedisDatabase: a Redis URL's database number is no
// secret and stays, so the hint of a bad REDIS_URL reads as written; its
// password, a cluster's or a sentinel's, and any query go.
func TestRedactKeepsRedisDatabase(t *testing.T) {
	_, err := store.Open(context.Background(), "notaurl%%")
	if err == nil {
		t.Fatal("got no error for REDIS_URL=notaurl%%, want its hint")
	}
	if got, want := redact(err.Error()), "redis://host:6379/0 or redis+cluster://host1:port,host2:port"; !strings.Contains(got, want) {
		t.Errorf("got %q, want the hint %q whole", got, want)
	}
	for _, tt := range []struct{ in, want string }{
		{"dial redis://127.0.0.1:6379/15: refused", "dial redis://127.0.0.1:6379/15: refused"},
		{"dial rediss://:SECRETPASSWORD@redis.example:6380/0", "dial rediss://[redacted]@redis.example:6380/0"},
		{"dial redis://redis.example:6379/0?password=SECRETPASSWORD", "dial redis://redis.example:6379/0?[redacted]"},
		{"dial redis://redis.example:6379?password=SECRETPASSWORD", "dial redis://redis.example:6379?[redacted]"},
		{"dial redis+cluster://:SECRETPASSWORD@h1:6379,h2:6379", "dial redis+cluster://[redacted]@h1:6379,h2:6379"},
		{"dial rediss+sentinel://:SECRETPASSWORD@s1:26379/mymaster", "dial rediss+sentinel://[redacted]@s1:26379/[redacted]"},
		{"get https://example.com?token=SECRETTOKEN", "get https://example.com?[redacted]"},
		{"post https://hooks.slack.com/0", "post https://hooks.slack.com/[redacted]"},
		{"want a URL such as https://meet.jit.si/, got", "want a URL such as https://meet.jit.si/, got"},
		// SLACK_API_URL's refusal shows Slack's base whole.
		{"want an absolute http or https URL such as https://slack.com/api/, got", "want an absolute http or https URL such as https://slack.com/api/, got"},
		{"get https://slack.com/api/secretpath", "get https://slack.com/[redacted]"},
		// MENTORBOT_CHARTER_URL's and DISCORD_API_URL's refusals too.
		{"want an absolute http or https URL such as https://example.org/, got", "want an absolute http or https URL such as https://example.org/, got"},
		{"want an absolute http or https URL such as " + discord.DefaultAPIURL + ", got", "want an absolute http or https URL such as " + discord.DefaultAPIURL + ", got"},
	} {
		if got := redact(tt.in); got != tt.want {
			t.Errorf("redact(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
