package main_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestDiscordUnavailableAtStart: with Discord unavailable at start (the
// registration of /mentor answered 503 past the adapter's retries), Main
// opens all the same in HTTP-endpoint mode: the endpoint serves, the log
// warns with the error code, and /mentor is registered in the background
// once Discord answers. Discord refusing the registration still fails
// the start (status 1 in main).
func TestDiscordUnavailableAtStart(t *testing.T) {
	start := func(t *testing.T, fault func(*discordtest.REST)) (*main.Main, *discordtest.REST, *discordtest.Signer, *discordLog, error) {
		rest, signer, log := discordtest.NewREST(t), discordtest.MustSigner(t), &discordLog{}
		fault(rest)
		m := main.NewMain()
		m.Config.HTTPAddr, m.Config.Tick = "127.0.0.1:0", -1
		m.Config.Discord = main.DiscordConfig{BotToken: discordToken, AppID: discordApp, GuildID: discordGuild(t), APIURL: rest.URL(), PublicKey: signer.PublicKey()}
		m.DiscordOptions = func(c *discord.Config) {
			c.RetryBackoff, c.RegisterRetry, c.RegisterRetryMax = time.Millisecond, time.Millisecond, 4*time.Millisecond
		}
		m.Clock, m.Stdout = bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)), io.Discard
		m.Log = slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
		err := m.Open(context.Background())
		t.Cleanup(func() { m.Close() })
		return m, rest, signer, log, err
	}
	t.Run("OK", func(t *testing.T) {
		m, rest, signer, log, err := start(t, func(r *discordtest.REST) { r.Fail("PUT applications/", 6, http.StatusServiceUnavailable) })
		if err != nil {
			t.Fatalf("got %v, want Main to start while Discord is unavailable", err)
		}
		if !strings.Contains(log.String(), "level=WARN") || !strings.Contains(log.String(), "code=unavailable") {
			t.Errorf("got log:\n%s\nwant a warning with code=unavailable", log.String())
		}
		// Not "discord ready" just after "discord unavailable": /readyz
		// is red until /mentor is registered, and the log says so too.
		if strings.Contains(log.String(), "discord ready") || !strings.Contains(log.String(), "discord started, not ready yet") {
			t.Errorf("got log:\n%s\nwant \"discord started, not ready yet\", not \"discord ready\"", log.String())
		}
		client := discordtest.HTTPClient(rest, signer, m.HTTPURL()+"/discord/interactions", discordApp, m.Config.Discord.GuildID)
		discordEphemeral(t, client.Command(t, "100000000000000009", "status"), "")
		rest.WaitFor(t, "/mentor registered in the background", func() bool { return len(rest.Registrations()) == 1 })
	})
	t.Run("ErrRefused", func(t *testing.T) {
		_, rest, _, _, err := start(t, func(r *discordtest.REST) {
			r.Refuse("PUT applications/", 1, http.StatusUnauthorized, 0, "401: Unauthorized")
		})
		if err == nil || !strings.Contains(err.Error(), "discord: register /mentor") {
			t.Fatalf("got %v, want the start refused", err)
		}
		if n := len(rest.CallsTo("PUT applications/")); n != 1 {
			t.Errorf("got %d registration calls, want 1", n)
		}
	})
}
