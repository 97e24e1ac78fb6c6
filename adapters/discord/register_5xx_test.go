package discord_test

import (
	"context"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// htmlPage is what a proxy in front of Discord answers a method it does
// not forward.
const htmlPage = `<!DOCTYPE HTML>
<html lang="en"><head><meta charset="utf-8"><title>Error response</title></head>
<body><h1>Error response</h1><p>Error code: 501</p><p>Message: Unsupported method ('PUT').</p></body></html>
`

// TestRegister5xxRetried: a 5xx the transport does not retry itself (a
// proxy's 501) is retried by the registration as the others are,
// Config.RetryAttempts in all at Open, then in the background; the log
// gives the status, never the proxy's HTML page.
func TestRegister5xxRetried(t *testing.T) {
	rest, signer, guild, logs := discordtest.NewREST(t), discordtest.MustSigner(t), MustGuild(t), &SyncBuffer{}
	target, err := url.Parse(rest.Server.URL)
	if err != nil {
		t.Fatal(err)
	}
	var failing, calls atomic.Int32
	failing.Store(6) // the 4 at Open, then 2 in the background
	proxy := httputil.NewSingleHostReverseProxy(target)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut && strings.Contains(r.URL.Path, "/applications/") {
			calls.Add(1)
			if failing.Add(-1) >= 0 {
				w.Header().Set("Content-Type", "text/html;charset=utf-8")
				w.WriteHeader(http.StatusNotImplemented)
				w.Write([]byte(htmlPage))
				return
			}
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	cfg := discord.Config{Token: "test-token", AppID: testApp, PublicKey: signer.PublicKey(), GuildID: guild, APIURL: front.URL + discordtest.APIPrefix,
		RetryAttempts: 4, RetryBackoff: time.Millisecond, RegisterRetry: time.Millisecond, RegisterRetryMax: 4 * time.Millisecond}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b := bot.New(bot.Config{}, storetest.MustOpen(t), bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)), mrand.NewChaCha8([32]byte{1}), log)
	a, err := discord.New(cfg, b, log)
	if err != nil {
		t.Fatal(err)
	}
	b.Register(discord.Platform, a)
	t.Cleanup(func() { a.Close() })

	if err := a.Open(context.Background()); err != nil {
		t.Fatalf("got %v, want Open to serve while the registration meets a 5xx", err)
	}
	if n := calls.Load(); n < 4 {
		t.Fatalf("got %d registration calls at Open, want 4: a 501 is retried as any 5xx", n)
	}
	rest.WaitFor(t, "the registration in the background", func() bool { return len(rest.Registrations()) == 1 })
	if n := calls.Load(); n != 7 {
		t.Errorf("got %d registration calls, want 7: 6 answered 501, then 1 taken", n)
	}
	got := logs.String()
	if !strings.Contains(got, "code=unavailable") || !strings.Contains(got, "HTTP 501") || !strings.Contains(got, "text/html") {
		t.Errorf("got log:\n%s\nwant code=unavailable and the status HTTP 501 of a text/html body", got)
	}
	for _, leak := range []string{"DOCTYPE", "<html", "Error response"} {
		if strings.Contains(got, leak) {
			t.Errorf("got log:\n%s\nwant no part of the proxy's page (%q)", got, leak)
		}
	}
}
