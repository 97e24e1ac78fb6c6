package main

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"testing"
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
		for _, kept := range []string{"https://hooks.slack.com/[redacted]", "https://discord.com/[redacted]", "https://slack.com/api/auth.test", "i/o timeout", "redis://[redacted]@127.0.0.1:6379/[redacted]"} {
			if !strings.Contains(got, kept) {
				t.Errorf("%s: got no %q in the log:\n%s", format, kept, got)
			}
		}
	}
}
