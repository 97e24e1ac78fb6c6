package main_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestSlackAppTokenRefusedAtStart: an app token Slack refuses
// (apps.connections.open: invalid_auth) stops the bot at start, as a
// refused SLACK_BOT_TOKEN does, instead of a bot that runs on receiving
// nothing.
func TestSlackAppTokenRefusedAtStart(t *testing.T) {
	fake := slackfake.MustNew(t)
	fake.Fail("apps.connections.open", slackfake.Failure{Error: "invalid_auth"})
	m := main.NewMain()
	m.Config.HTTPAddr, m.Config.Tick = "127.0.0.1:0", -1
	m.Config.Slack = main.SlackConfig{BotToken: "xoxb-test", AppToken: "xapp-test", APIURL: fake.APIURL()}
	m.Stdout, m.Log = io.Discard, testLogger(t)
	err := m.Open(context.Background())
	m.Close()
	if want := "slack: apps.connections.open: Slack refuses SLACK_APP_TOKEN: invalid_auth"; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
}

// TestDiscordAPIURLInError: a registration that fails names the API
// base the bot dialled (DISCORD_API_URL), not discord.com. Nothing
// answers there: the start goes on (Discord unavailable), and the
// warning says so.
func TestDiscordAPIURLInError(t *testing.T) {
	m := main.NewMain()
	m.Config.HTTPAddr, m.Config.Tick = "127.0.0.1:0", -1
	m.Config.Discord = main.DiscordConfig{BotToken: "x", AppID: "123", APIURL: "http://127.0.0.1:1/api/v9/"}
	log := &discordLog{}
	m.Stdout, m.Log = io.Discard, slog.New(slog.NewTextHandler(log, nil))
	err := m.Open(context.Background())
	m.Close()
	warning := log.String()
	if err != nil || !strings.Contains(warning, "http://127.0.0.1:1/api/v9/applications/123/commands") || strings.Contains(warning, "discord.com") {
		t.Fatalf("got %v and log:\n%s\nwant a start, and a warning with the URL at DISCORD_API_URL, not discord.com", err, warning)
	}
}
