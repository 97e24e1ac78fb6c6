package main_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// hostileEndpoint is one endpoint of the bot, with a request it accepts
// and the way its platform signs requests.
type hostileEndpoint struct {
	name, url   string
	contentType string
	body        []byte // a request the endpoint accepts
	limit       int    // the largest body it reads
	// sign sets the signature headers of body as sent at ts; key picks
	// the real key (true) or another one (false).
	sign func(h http.Header, body []byte, ts time.Time, key bool)
}

// TestHostileRequests sends every endpoint (Slack commands, interactions
// and events, Discord interactions) requests an attacker or a broken
// proxy could send. Each gets the status that says why, and none reaches
// the bot: after them, the fakes have seen no call but the start-up ones.
// Replays (answered once) are the idempotency keys' test.
func TestHostileRequests(t *testing.T) {
	sw := MustStartSlack(t)
	dw := MustStartDiscord(t, true)
	other := discordtest.MustSigner(t)
	slackSign := func(h http.Header, body []byte, ts time.Time, key bool) {
		secret := testSecret
		if !key {
			secret = "not-the-secret"
		}
		stamp := fmt.Sprint(ts.Unix())
		h.Set("X-Slack-Request-Timestamp", stamp)
		h.Set("X-Slack-Signature", slackfake.Signature(secret, stamp, body))
	}
	discordSign := func(h http.Header, body []byte, ts time.Time, key bool) {
		req := &http.Request{Header: h}
		if key {
			dw.Signer.Sign(req, body, ts)
		} else {
			other.Sign(req, body, ts)
		}
	}
	click := slackfake.Click{Team: sw.team, User: alice.ID, Channel: "DX", TS: "1.2", ResponseURL: sw.fake.ResponseURL("h"),
		Button: slackfake.Button{ActionID: "nothing.of.ours", Value: "x"}}
	endpoints := []hostileEndpoint{
		{"SlackCommands", sw.m.HTTPURL() + "/slack/commands", "application/x-www-form-urlencoded",
			slackfake.Command{Team: sw.team, User: alice.ID, Text: "help", ResponseURL: sw.fake.ResponseURL("h")}.Body(), 64 << 10, slackSign},
		{"SlackInteractions", sw.m.HTTPURL() + "/slack/interactions", "application/x-www-form-urlencoded", click.Body(), 1 << 20, slackSign},
		{"SlackEvents", sw.m.HTTPURL() + "/slack/events", "application/json",
			slackfake.Event("url_verification", "", "challenge-1", ""), 1 << 20, slackSign},
		{"DiscordInteractions", dw.endpoint(), "application/json", discordtest.Ping(discordApp).JSON(), 1 << 20, discordSign},
	}
	signer := func(e hostileEndpoint) func([]byte, time.Time, bool) http.Header {
		return func(body []byte, ts time.Time, key bool) http.Header {
			h := http.Header{"Content-Type": {e.contentType}}
			e.sign(h, body, ts, key)
			return h
		}
	}
	for _, e := range endpoints {
		t.Run(e.name+"/Accepted", func(t *testing.T) {
			if got := rawPost(t, e.url, signer(e)(e.body, time.Now(), true), e.body, -1, false); got != http.StatusOK {
				t.Fatalf("got HTTP %d, want 200", got)
			}
		})
	}
	// The unknown button's notice (the help came inline), after which the bot
	// does nothing more until asked.
	sw.fake.WaitCalls(t, "response_url", 1, nil, wait)
	slackCalls, discordCalls := len(sw.fake.Calls("")), len(dw.REST.Calls())
	for _, e := range endpoints {
		signed := signer(e)
		huge := bytes.Repeat([]byte(" "), 20<<20) // 20 MiB
		tests := []struct {
			name   string
			header http.Header
			body   []byte
			send   int // bytes actually sent; -1 for all
			chunk  bool
			want   int
		}{
			{"ErrForgedSignature", signed(e.body, time.Now(), false), e.body, -1, false, http.StatusUnauthorized},
			{"ErrForgedTimestamp", func() http.Header {
				h := signed(e.body, time.Now(), true)
				for _, k := range []string{"X-Slack-Request-Timestamp", "X-Signature-Timestamp"} {
					if h.Get(k) != "" {
						h.Set(k, fmt.Sprint(time.Now().Unix()-1))
					}
				}
				return h
			}(), e.body, -1, false, http.StatusUnauthorized},
			{"ErrUnsigned", http.Header{"Content-Type": {e.contentType}}, e.body, -1, false, http.StatusUnauthorized},
			{"ErrStale", signed(e.body, time.Now().Add(-6*time.Minute), true), e.body, -1, false, http.StatusUnauthorized},
			{"ErrFuture", signed(e.body, time.Now().Add(6*time.Minute), true), e.body, -1, false, http.StatusUnauthorized},
			{"ErrTruncated", signed(e.body, time.Now(), true), e.body, len(e.body) / 2, false, http.StatusBadRequest},
			{"ErrContentType", func() http.Header {
				h := signed(e.body, time.Now(), true)
				h.Set("Content-Type", "text/plain")
				return h
			}(), e.body, -1, false, http.StatusUnsupportedMediaType},
			{"ErrNoContentType", func() http.Header {
				h := signed(e.body, time.Now(), true)
				h.Del("Content-Type")
				return h
			}(), e.body, -1, false, http.StatusUnsupportedMediaType},
			{"ErrTooLarge", signed(huge[:e.limit+1], time.Now(), true), huge[:e.limit+1], -1, false, http.StatusRequestEntityTooLarge},
			{"ErrTooLargeChunked", signed(huge[:e.limit+1], time.Now(), true), huge[:e.limit+1], -1, true, http.StatusRequestEntityTooLarge},
			{"ErrTooLarge20MiB", signed(huge, time.Now(), true), huge, -1, false, http.StatusRequestEntityTooLarge},
		}
		for _, tt := range tests {
			t.Run(e.name+"/"+tt.name, func(t *testing.T) {
				if got := rawPost(t, e.url, tt.header, tt.body, tt.send, tt.chunk); got != tt.want {
					t.Errorf("got HTTP %d, want %d", got, tt.want)
				}
			})
		}
	}
	t.Run("RefusedDoNothing", func(t *testing.T) {
		time.Sleep(50 * time.Millisecond) // room for any wrongly started work
		for _, c := range sw.fake.Calls("")[slackCalls:] {
			t.Errorf("got a Slack call to %s, want none", c.Method)
		}
		if calls := dw.REST.Calls()[discordCalls:]; len(calls) != 0 {
			t.Errorf("got Discord calls %v, want none", calls)
		}
	})
}

// rawPost sends a POST over a plain TCP connection, so that it can lie:
// send only the first send bytes of body (-1: all of it) under a
// Content-Length of the whole, or send it chunked. It half-closes the
// connection after the body and returns the status of the answer; the
// server may answer before it has read everything.
func rawPost(tb testing.TB, rawURL string, h http.Header, body []byte, send int, chunked bool) int {
	tb.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		tb.Fatal(err)
	}
	conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(wait))
	if send < 0 {
		send = len(body)
	}
	var head strings.Builder
	fmt.Fprintf(&head, "POST %s HTTP/1.1\r\nHost: %s\r\n", u.RequestURI(), u.Host)
	if chunked {
		head.WriteString("Transfer-Encoding: chunked\r\n")
	} else {
		fmt.Fprintf(&head, "Content-Length: %d\r\n", len(body))
	}
	_ = h.Write(&head)
	head.WriteString("\r\n")
	go func() { // the server may refuse, and close, before the end
		w := bufio.NewWriter(conn)
		w.WriteString(head.String())
		if chunked {
			fmt.Fprintf(w, "%x\r\n", send)
		}
		w.Write(body[:send])
		if chunked {
			w.WriteString("\r\n0\r\n\r\n")
		}
		if w.Flush() == nil {
			conn.(*net.TCPConn).CloseWrite()
		}
	}()
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		tb.Fatalf("read the answer: %v", err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// TestSlackRateLimit: through the real wiring, a member over the limit
// is asked to slow down, in their language, and another member is not.
func TestSlackRateLimit(t *testing.T) {
	w := MustStartSlack(t, func(m *main.Main, _ *slackfake.Server) {
		m.Config.RateLimit = bot.RateLimit{Commands: 2, Clicks: 2, Window: time.Minute}
	})
	w.MustCommand(elise, "status") // users.info: Élise speaks French
	w.MustCommand(elise, "status")
	MustContain(t, w.MustCommand(elise, "status"), fr("err.slow_down"))
	MustContain(t, w.MustCommand(alice, "status"), en("status.title"))
}
