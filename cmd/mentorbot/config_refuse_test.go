package main_test

import (
	"strings"
	"testing"
	"time"

	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// envOf is an environment of name, value pairs, for ConfigFromEnv.
func envOf(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

// TestConfigLogLevel: MENTORBOT_LOG_LEVEL is one of slog's levels, in any
// case; anything else is refused at start, naming the variable.
func TestConfigLogLevel(t *testing.T) {
	for _, v := range []string{"debug", "INFO", "warn", "error"} {
		if c, err := main.ConfigFromEnv(envOf("MENTORBOT_LOG_LEVEL", v)); err != nil || c.LogLevel != v {
			t.Errorf("MENTORBOT_LOG_LEVEL=%s: got %q, %v; want it taken", v, c.LogLevel, err)
		}
	}
	_, err := main.ConfigFromEnv(envOf("MENTORBOT_LOG_LEVEL", "verbose"))
	if want := `MENTORBOT_LOG_LEVEL: want debug, info, warn or error, got "verbose"`; err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

// TestConfigTickMinimum: MENTORBOT_TICK is at least a second, so that an
// idle bot does not spin on Redis.
func TestConfigTickMinimum(t *testing.T) {
	if c, err := main.ConfigFromEnv(envOf("MENTORBOT_TICK", "1s")); err != nil || c.Tick != time.Second {
		t.Errorf("MENTORBOT_TICK=1s: got %v, %v; want 1s", c.Tick, err)
	}
	for _, v := range []string{"1ns", "999ms", "0s", "-1s"} {
		if _, err := main.ConfigFromEnv(envOf("MENTORBOT_TICK", v)); err == nil || !strings.Contains(err.Error(), "MENTORBOT_TICK: want a duration of at least 1s") {
			t.Errorf("MENTORBOT_TICK=%s: got %v, want it refused, at least 1s", v, err)
		}
	}
}

// TestConfigURLs: MENTORBOT_MEET_URL and MENTORBOT_CHARTER_URL are
// absolute http(s) URLs; a meeting base gets the slash its rooms follow.
func TestConfigURLs(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		c, err := main.ConfigFromEnv(envOf("MENTORBOT_MEET_URL", "https://meet.example.org/rooms", "MENTORBOT_CHARTER_URL", "http://intranet.example/charter"))
		if err != nil || c.MeetURL != "https://meet.example.org/rooms/" || c.CharterURL != "http://intranet.example/charter" {
			t.Fatalf("got %q, %q, %v; want both taken, the meeting base ending in /", c.MeetURL, c.CharterURL, err)
		}
	})
	for _, name := range []string{"MENTORBOT_MEET_URL", "MENTORBOT_CHARTER_URL"} {
		for _, v := range []string{"ftp:/x", "ftp://files.example/", "meet.jit.si", "/charter", "https://", "https:///path", "javascript:alert(1)", "https://user:pw@meet.example/"} {
			_, err := main.ConfigFromEnv(envOf(name, v))
			if err == nil || !strings.HasPrefix(err.Error(), name+": want an absolute http or https URL") {
				t.Errorf("%s=%s: got %v, want it refused, naming the variable", name, v, err)
			}
			if err != nil && strings.Contains(err.Error(), "pw@") {
				t.Errorf("%s=%s: got %v, want no password in the error", name, v, err)
			}
		}
	}
}

// TestConfigPlatformWithoutToken: a platform's settings without the token
// that turns it on are refused at start, naming the missing variable and
// no secret, rather than falling back to the shell; SLACK_CLIENT_ID turns
// Slack on alone (installs by OAuth), and the API bases, which an
// environment may set for every deployment, are taken alone.
func TestConfigPlatformWithoutToken(t *testing.T) {
	const hexKey = "e7a1c7a3a6f0d4a9c0b7f1d2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2"
	refused := []struct {
		name  string
		env   []string
		named []string // the missing variable first, then those set without it
	}{
		{"SlackAndDiscordSettings", []string{"REDIS_URL", "redis://127.0.0.1:6379/0", "DISCORD_APP_ID", "123", "DISCORD_PUBLIC_KEY", hexKey, "SLACK_SIGNING_SECRET", "s3cr3t-signing"},
			[]string{"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_BOT_TOKEN", "DISCORD_APP_ID", "DISCORD_PUBLIC_KEY"}},
		{"SlackAppToken", []string{"SLACK_APP_TOKEN", "xapp-1-s3cr3t"}, []string{"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"}},
		{"SlackClientSecret", []string{"SLACK_CLIENT_SECRET", "s3cr3t-client"}, []string{"SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"}},
		{"SlackDirectoryRefresh", []string{"SLACK_DIRECTORY_REFRESH", "off"}, []string{"SLACK_BOT_TOKEN", "SLACK_DIRECTORY_REFRESH"}},
		{"DiscordAppID", []string{"DISCORD_APP_ID", "123"}, []string{"DISCORD_BOT_TOKEN", "DISCORD_APP_ID"}},
		{"DiscordPublicKey", []string{"DISCORD_PUBLIC_KEY", hexKey}, []string{"DISCORD_BOT_TOKEN", "DISCORD_PUBLIC_KEY"}},
		{"DiscordBesideSlack", []string{"SLACK_BOT_TOKEN", "xoxb-s3cr3t", "SLACK_SIGNING_SECRET", "s3cr3t-signing", "DISCORD_GUILD_ID", "42", "DISCORD_INTRO_CHANNEL_ID", "43"},
			[]string{"DISCORD_BOT_TOKEN", "DISCORD_GUILD_ID", "DISCORD_INTRO_CHANNEL_ID"}},
		{"SlackBesideDiscord", []string{"DISCORD_BOT_TOKEN", "s3cr3t-discord", "DISCORD_APP_ID", "123", "SLACK_SIGNING_SECRET", "s3cr3t-signing"},
			[]string{"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"}},
	}
	for _, tt := range refused {
		t.Run("Err"+tt.name, func(t *testing.T) {
			_, err := main.ConfigFromEnv(envOf(tt.env...))
			if err == nil {
				t.Fatalf("got no error, want one naming %s", strings.Join(tt.named, ", "))
			}
			for _, name := range tt.named {
				if !strings.Contains(err.Error(), name) {
					t.Errorf("got %v, want it to name %s", err, name)
				}
			}
			if strings.Contains(err.Error(), "s3cr3t") || strings.Contains(err.Error(), hexKey) {
				t.Errorf("got %v, want no value in it", err)
			}
		})
	}
	for _, tt := range []struct {
		name string
		env  []string
	}{
		{"SlackOAuth", []string{"SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "s", "SLACK_SIGNING_SECRET", "x", "SLACK_REDIRECT_URL", "https://m.example/slack/oauth_redirect"}},
		{"SlackSocketMode", []string{"SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "SLACK_DIRECTORY_REFRESH", "off"}},
		{"DiscordHTTP", []string{"DISCORD_BOT_TOKEN", "t", "DISCORD_APP_ID", "123", "DISCORD_PUBLIC_KEY", hexKey, "DISCORD_GUILD_ID", "42"}},
		{"APIBasesAlone", []string{"SLACK_API_URL", "https://slack-gov.com/api/", "DISCORD_API_URL", "http://discord-proxy:8080/api/v9/"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := main.ConfigFromEnv(envOf(tt.env...)); err != nil {
				t.Fatalf("got %v, want the settings taken", err)
			}
		})
	}
}
