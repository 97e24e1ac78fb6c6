package discord_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
)

func TestEndpoint(t *testing.T) {
	h := MustHarness(t)
	status := discordtest.Command(testApp, h.Guild, mentee, "status").JSON()
	other := discordtest.MustSigner(t)

	t.Run("Ping", func(t *testing.T) {
		r := h.Signer.MustPost(t, h.URL, discordtest.Ping(testApp).JSON())
		if r.Status != http.StatusOK || strings.TrimSpace(string(r.Body)) != `{"type":1}` {
			t.Errorf("got %d %s, want 200 {\"type\":1}", r.Status, r.Body)
		}
	})
	t.Run("OK", func(t *testing.T) {
		MustEphemeral(t, h.Client.Send(t, discordtest.Command(testApp, h.Guild, mentee, "status")), "mentoring")
	})
	before := len(h.REST.Calls())
	refused := []struct {
		name string
		body []byte
		sign func(*http.Request)
		want int
	}{
		{"ErrBadSignature", status, func(r *http.Request) { other.Sign(r, status, time.Now()) }, http.StatusUnauthorized},
		{"ErrNoSignature", status, func(*http.Request) {}, http.StatusUnauthorized},
		{"ErrTamperedBody", status, func(r *http.Request) { h.Signer.Sign(r, discordtest.Ping(testApp).JSON(), time.Now()) }, http.StatusUnauthorized},
		{"ErrStaleTimestamp", status, func(r *http.Request) { h.Signer.Sign(r, status, time.Now().Add(-6*time.Minute)) }, http.StatusUnauthorized},
		{"ErrFutureTimestamp", status, func(r *http.Request) { h.Signer.Sign(r, status, time.Now().Add(6*time.Minute)) }, http.StatusUnauthorized},
		{"ErrNotJSON", []byte("payload=1"), func(r *http.Request) { h.Signer.Sign(r, []byte("payload=1"), time.Now()) }, http.StatusBadRequest},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			r := discordtest.MustPostSigned(t, h.URL, tt.body, tt.sign)
			if r.Status != tt.want {
				t.Errorf("got HTTP %d, want %d", r.Status, tt.want)
			}
		})
	}
	t.Run("RefusedDoNothing", func(t *testing.T) {
		discordtest.Settle()
		if calls := h.REST.Calls()[before:]; len(calls) != 0 {
			t.Errorf("got calls %v after refused requests, want none", calls)
		}
	})
	t.Run("ErrMethod", func(t *testing.T) {
		resp, err := http.Get(h.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("got HTTP %d, want 405", resp.StatusCode)
		}
	})
}

func TestRegistration(t *testing.T) {
	t.Run("GuildBulkOverwrite", func(t *testing.T) {
		h := MustHarness(t)
		regs := h.REST.Registrations()
		if len(regs) != 1 || regs[0].AppID != testApp || regs[0].GuildID != h.Guild {
			t.Fatalf("got registrations %+v, want one bulk overwrite in the server", regs)
		}
		if calls := h.REST.CallsTo("PUT applications/" + testApp + "/guilds/" + h.Guild + "/commands"); len(calls) != 1 || calls[0].Auth != "Bot test-token" {
			t.Errorf("got %d calls, want one PUT with the bot token", len(calls))
		}
	})
	t.Run("Global", func(t *testing.T) {
		h := MustHarness(t, func(o *HarnessOptions) { o.Config.GuildID = "" })
		if calls := h.REST.CallsTo("PUT applications/" + testApp + "/commands"); len(calls) != 1 {
			t.Errorf("got %d global registrations, want 1", len(calls))
		}
	})
	t.Run("APIURLWithoutSlash", func(t *testing.T) {
		rest := discordtest.NewREST(t)
		h := MustHarness(t, func(o *HarnessOptions) { o.Config.APIURL = strings.TrimSuffix(rest.URL(), "/") })
		if len(rest.Registrations()) != 1 || len(h.REST.Calls()) != 0 {
			t.Errorf("got %d registrations, want the API at DISCORD_API_URL used", len(rest.Registrations()))
		}
	})
	t.Run("RestartIsIdempotent", func(t *testing.T) {
		h := MustHarness(t)
		again := MustHarness(t, func(o *HarnessOptions) { o.Config.GuildID = h.Guild })
		a, b := h.REST.Registrations(), again.REST.Registrations()
		if string(a[0].Commands) != string(b[0].Commands) {
			t.Error("got different commands on restart, want the same overwrite")
		}
	})
}
