package discord_test

import (
	"context"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// registerRoute is the bulk overwrite of the application's commands.
const registerRoute = "PUT applications/"

// unavailableWorld is an adapter not yet opened, in front of a fake
// Discord whose faults a test sets before Open.
type unavailableWorld struct {
	REST    *discordtest.REST
	Gateway *discordtest.Gateway // nil over HTTP
	Signer  *discordtest.Signer
	Adapter *discord.Adapter
	Guild   string
	Log     *SyncBuffer
}

// newUnavailableWorld returns an adapter with quick retries: 4 attempts
// a millisecond apart for each registration, then the background ones
// a millisecond apart.
func newUnavailableWorld(t *testing.T, gateway bool) *unavailableWorld {
	t.Helper()
	w := &unavailableWorld{REST: discordtest.NewREST(t), Signer: discordtest.MustSigner(t), Guild: MustGuild(t), Log: &SyncBuffer{}}
	cfg := discord.Config{Token: "test-token", AppID: testApp, PublicKey: w.Signer.PublicKey(), GuildID: w.Guild, APIURL: w.REST.URL(),
		RetryAttempts: 4, RetryBackoff: time.Millisecond, RegisterRetry: time.Millisecond, RegisterRetryMax: 4 * time.Millisecond}
	if gateway {
		cfg.PublicKey = ""
		w.Gateway = discordtest.NewGateway(t, testApp)
		w.REST.SetGateway(w.Gateway.URL())
	}
	log := slog.New(slog.NewTextHandler(w.Log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b := bot.New(bot.Config{}, storetest.MustOpen(t), bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)), mrand.NewChaCha8([32]byte{1}), log)
	a, err := discord.New(cfg, b, log)
	if err != nil {
		t.Fatalf("new adapter: %v", err)
	}
	b.Register(discord.Platform, a)
	w.Adapter = a
	t.Cleanup(func() { a.Close() })
	return w
}

// TestOpenDiscordUnavailable: Discord unavailable at start (5xx after the
// retries) does not fail Open: the endpoint serves at once, a warning
// with the error code is logged, and /mentor is registered in the
// background once Discord answers (over the gateway, the connection
// follows). Discord refusing the registration (4xx) still fails Open,
// and is not tried again; Close stops the background retries.
func TestOpenDiscordUnavailable(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) {
		w := newUnavailableWorld(t, false)
		w.REST.Fail(registerRoute, 6, http.StatusServiceUnavailable) // the 4 at Open, then 2 in the background
		if err := w.Adapter.Open(context.Background()); err != nil {
			t.Fatalf("got %v, want Open to start serving while Discord is unavailable", err)
		}
		if log := w.Log.String(); !strings.Contains(log, "level=WARN") || !strings.Contains(log, "code=unavailable") {
			t.Errorf("got log:\n%s\nwant a warning with code=unavailable", log)
		}
		srv := httptest.NewServer(w.Adapter)
		t.Cleanup(srv.Close)
		client := discordtest.HTTPClient(w.REST, w.Signer, srv.URL, testApp, w.Guild)
		MustEphemeral(t, client.Command(t, mentee, "status"), "")
		w.REST.WaitFor(t, "the registration in the background", func() bool { return len(w.REST.Registrations()) == 1 })
		if n := len(w.REST.CallsTo(registerRoute)); n != 7 {
			t.Errorf("got %d registration calls, want 7: 6 failed, then 1 taken", n)
		}
	})
	t.Run("Gateway", func(t *testing.T) {
		w := newUnavailableWorld(t, true)
		w.REST.Fail(registerRoute, 5, http.StatusBadGateway)
		if err := w.Adapter.Open(context.Background()); err != nil {
			t.Fatalf("got %v, want Open to return while Discord is unavailable", err)
		}
		w.Gateway.WaitIdentified(t)
		w.REST.WaitFor(t, "the adapter ready", func() bool { return w.Adapter.Ready() == nil })
		if len(w.REST.Registrations()) != 1 {
			t.Errorf("got %d registrations, want 1 before the gateway connected", len(w.REST.Registrations()))
		}
	})
	t.Run("ErrRefused", func(t *testing.T) {
		w := newUnavailableWorld(t, false)
		w.REST.Refuse(registerRoute, 1, http.StatusUnauthorized, 0, "401: Unauthorized")
		err := w.Adapter.Open(context.Background())
		if err == nil || !strings.Contains(err.Error(), "register /mentor") {
			t.Fatalf("got %v, want the refusal of the registration", err)
		}
		time.Sleep(20 * time.Millisecond)
		if n := len(w.REST.CallsTo(registerRoute)); n != 1 {
			t.Errorf("got %d registration calls, want 1: a refusal is not tried again", n)
		}
	})
	t.Run("RefusedLater", func(t *testing.T) {
		w := newUnavailableWorld(t, false)
		w.REST.Fail(registerRoute, 4, http.StatusInternalServerError)
		w.REST.Refuse(registerRoute, 1, http.StatusBadRequest, 50035, "Invalid Form Body")
		if err := w.Adapter.Open(context.Background()); err != nil {
			t.Fatalf("got %v, want Open to return while Discord is unavailable", err)
		}
		w.REST.WaitFor(t, "the refusal logged", func() bool { return strings.Contains(w.Log.String(), "discord refused") })
		time.Sleep(20 * time.Millisecond)
		if n := len(w.REST.CallsTo(registerRoute)); n != 5 || len(w.REST.Registrations()) != 0 {
			t.Errorf("got %d calls and %d registrations, want 5 calls, none taken: a refusal is not tried again", n, len(w.REST.Registrations()))
		}
	})
	t.Run("CloseStops", func(t *testing.T) {
		w := newUnavailableWorld(t, false)
		w.REST.Fail(registerRoute, 1_000_000, http.StatusServiceUnavailable)
		if err := w.Adapter.Open(context.Background()); err != nil {
			t.Fatalf("got %v, want Open to return while Discord is unavailable", err)
		}
		w.REST.WaitFor(t, "a retry in the background", func() bool { return len(w.REST.CallsTo(registerRoute)) > 4 })
		done := make(chan error, 1)
		go func() { done <- w.Adapter.Close() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("got Close still waiting after 5s, want it to stop the retries")
		}
		// A request the retry had sent when Close cancelled it can still
		// reach the fake Discord just after: wait for the calls to settle
		// (no new one for 10 retry periods), which they never do if the
		// retries go on.
		n, settled := len(w.REST.CallsTo(registerRoute)), false
		for range 20 {
			time.Sleep(40 * time.Millisecond)
			m := len(w.REST.CallsTo(registerRoute))
			if m == n {
				settled = true
				break
			}
			n = m
		}
		if !settled {
			t.Errorf("got registration calls still coming 800ms after Close (%d in all), want none", n)
		}
	})
}
