package slack_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
)

// TestVerifier checks signatures and timestamps as Slack documents them,
// again and again with the same verifier, whose HMACs are reused.
func TestVerifier(t *testing.T) {
	body := []byte("token=x&team_id=T1&user_id=U1&text=status")
	signed := func(secret string, ts time.Time) *http.Request {
		return slackfake.NewRequest("http://mentorbot.test/slack/commands", secret, ts, body)
	}
	header := func(sig, stamp string) *http.Request {
		r := httptest.NewRequest(http.MethodPost, "/slack/commands", bytes.NewReader(body))
		if sig != "" {
			r.Header.Set("X-Slack-Signature", sig)
		}
		if stamp != "" {
			r.Header.Set("X-Slack-Request-Timestamp", stamp)
		}
		return r
	}
	now := strconv.FormatInt(time.Now().Unix(), 10)
	good := slackfake.Signature(secret, now, body)
	tests := []struct {
		name string
		req  *http.Request
		want error
	}{
		{"OK", signed(secret, time.Now()), nil},
		{"OKUppercaseHex", header("v0="+strings.ToUpper(good[3:]), now), nil},
		{"OKClockAhead", signed(secret, time.Now().Add(4*time.Minute)), nil},
		{"ErrForged", signed("not-the-secret", time.Now()), slack.ErrInvalidSignature},
		{"ErrStale", signed(secret, time.Now().Add(-6*time.Minute)), slack.ErrExpiredTimestamp},
		{"ErrFuture", signed(secret, time.Now().Add(6*time.Minute)), slack.ErrExpiredTimestamp},
		{"ErrNoSignature", header("", now), slack.ErrMissingHeaders},
		{"ErrNoTimestamp", header(good, ""), slack.ErrMissingHeaders},
		{"ErrNotV0", header("v1="+good[3:], now), slack.ErrInvalidSignature},
		{"ErrShort", header(good[:len(good)-2], now), slack.ErrInvalidSignature},
		{"ErrNotHex", header(good[:len(good)-1]+"g", now), slack.ErrInvalidSignature},
		{"ErrBadTimestamp", header(good, now+"x"), slack.ErrInvalidSignature},
	}
	v := slack.NewVerifier(secret)
	for range 2 {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				req := tt.req.Clone(tt.req.Context())
				req.Body = httptestBody(body)
				got, err := v.Verify(httptest.NewRecorder(), req, 1<<10)
				if !errors.Is(err, tt.want) || (err == nil && !bytes.Equal(got, body)) {
					t.Fatalf("got %q, %v; want %v", got, err, tt.want)
				}
			})
		}
	}
	t.Run("ErrNoSecret", func(t *testing.T) {
		if _, err := slack.NewVerifier("").Verify(httptest.NewRecorder(), signed("", time.Now()), 1<<10); !errors.Is(err, slack.ErrInvalidConfiguration) {
			t.Fatalf("got %v, want ErrInvalidConfiguration", err)
		}
	})
}

func httptestBody(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }
