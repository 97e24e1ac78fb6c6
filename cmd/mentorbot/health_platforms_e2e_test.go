package main_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestReadySlackNotReached: over HTTP, while auth.test has never answered
// (Slack unreachable at start), /readyz says so rather than "slack: ok",
// and is 503: a replica that reached Slack serves what this one could
// not. It turns green by itself once auth.test answers.
func TestReadySlackNotReached(t *testing.T) {
	w := MustStartSlack(t, func(_ *main.Main, f *slackfake.Server) { f.SetMethodDown("auth.test", true) })
	w.mustProbe("/readyz", http.StatusServiceUnavailable, "redis: ok\nslack: not reached yet (auth.test failing)\n")
	w.mustProbe("/healthz", http.StatusOK, "ok\n")
	w.fake.SetMethodDown("auth.test", false)
	w.waitProbe("/readyz", http.StatusOK, "redis: ok\nslack: ok\n")
}

// TestReadyDiscordRegistering: with the HTTP interactions endpoint, while
// /mentor has not been registered (Discord unavailable at start, the
// log's "discord started, not ready yet"), /readyz says so rather than
// "discord: ok", and is 503; registered at start, it says ok.
func TestReadyDiscordRegistering(t *testing.T) {
	start := func(t *testing.T, fault func(*discordtest.REST)) *world {
		rest, signer := discordtest.NewREST(t), discordtest.MustSigner(t)
		fault(rest)
		m := main.NewMain()
		m.Config.HTTPAddr, m.Config.Tick = "127.0.0.1:0", -1
		m.Config.Discord = main.DiscordConfig{BotToken: discordToken, AppID: discordApp, GuildID: discordGuild(t), APIURL: rest.URL(), PublicKey: signer.PublicKey()}
		m.DiscordOptions = func(c *discord.Config) {
			// No background registration during the test.
			c.RetryBackoff, c.RegisterRetry = time.Millisecond, time.Hour
		}
		m.Clock, m.Stdout = bot.NewManualClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)), io.Discard
		m.Log = testLogger(t)
		if err := m.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { m.Close() })
		return &world{tb: t, m: m}
	}
	t.Run("Unavailable", func(t *testing.T) {
		w := start(t, func(r *discordtest.REST) { r.Fail("PUT applications/", 100, http.StatusServiceUnavailable) })
		w.mustProbe("/readyz", http.StatusServiceUnavailable, "redis: ok\ndiscord: commands not registered yet\n")
		w.mustProbe("/healthz", http.StatusOK, "ok\n")
	})
	t.Run("Registered", func(t *testing.T) {
		w := start(t, func(*discordtest.REST) {})
		w.mustProbe("/readyz", http.StatusOK, "redis: ok\ndiscord: ok\n")
	})
}
