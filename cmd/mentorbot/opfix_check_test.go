package main_test

import (
	"strings"
	"testing"

	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestConfigRefusedBeforeConnecting: what needs no network is refused by
// ConfigFromEnv and Config.Check in the documented form "NAME: want …",
// naming the variable at fault, without its value.
func TestConfigRefusedBeforeConnecting(t *testing.T) {
	const hexKey = "e7a1c7a3a6f0d4a9c0b7f1d2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2"
	for _, tt := range []struct {
		name string
		env  []string
		want string
	}{
		{"RedisScheme", []string{"REDIS_URL", "http://s3cr3t@redis.example/"}, `REDIS_URL: want a URL such as redis://host:6379/0`},
		{"RedisNoScheme", []string{"REDIS_URL", "s3cr3t"}, `REDIS_URL: want a URL such as redis://host:6379/0`},
		{"SentinelNoMaster", []string{"REDIS_URL", "redis+sentinel://127.0.0.1:6411"}, `REDIS_URL: want redis+sentinel://host1:26379/mymaster`},
		{"ClusterDatabase", []string{"REDIS_URL", "redis+cluster://127.0.0.1:7101/3"}, `REDIS_URL: want no path or /0`},
		{"ClusterAddrsURL", []string{"REDIS_CLUSTER_ADDRS", "redis://:s3cr3t@h:1"}, `REDIS_CLUSTER_ADDRS: want the nodes alone`},
		{"SlackBotToken", []string{"SLACK_BOT_TOKEN", "nots3cr3t", "SLACK_SIGNING_SECRET", "s"}, `SLACK_BOT_TOKEN: want a bot token, xoxb-`},
		{"SlackAppToken", []string{"SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-s3cr3t"}, `SLACK_APP_TOKEN: want an app-level token, xapp-`},
		{"SlackSigningSecret", []string{"SLACK_BOT_TOKEN", "xoxb-s3cr3t"}, `SLACK_SIGNING_SECRET: want the app's signing secret`},
		{"SlackClientSecret", []string{"SLACK_CLIENT_ID", "1.2", "SLACK_SIGNING_SECRET", "s3cr3t", "MENTORBOT_TOKEN_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}, `SLACK_CLIENT_SECRET: want the app's client secret`},
		{"TokenKey", []string{"SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "s3cr3t", "SLACK_SIGNING_SECRET", "s3cr3t"}, `MENTORBOT_TOKEN_KEY: want a base64 key of 32 bytes`},
		{"DiscordAppIDMissing", []string{"DISCORD_BOT_TOKEN", "s3cr3t"}, `DISCORD_APP_ID: want the application ID`},
		{"DiscordAppID", []string{"DISCORD_BOT_TOKEN", "t", "DISCORD_APP_ID", "s3cr3t"}, `DISCORD_APP_ID: want the application ID (General Information): a Discord ID, decimal digits`},
		{"DiscordGuildID", []string{"DISCORD_BOT_TOKEN", "t", "DISCORD_APP_ID", "1", "DISCORD_GUILD_ID", "-42"}, `DISCORD_GUILD_ID: want a server ID: a Discord ID, decimal digits`},
		{"DiscordIntroChannel", []string{"DISCORD_BOT_TOKEN", "t", "DISCORD_APP_ID", "1", "DISCORD_INTRO_CHANNEL_ID", "#intros"}, `DISCORD_INTRO_CHANNEL_ID: want a channel ID: a Discord ID, decimal digits`},
		{"DiscordPublicKey", []string{"DISCORD_BOT_TOKEN", "t", "DISCORD_APP_ID", "1", "DISCORD_PUBLIC_KEY", "zz"}, `DISCORD_PUBLIC_KEY: want the application's public key, 64 hex digits`},
		// A platform on the embedded Redis would lose everything at each
		// restart, each replica keeping its own: refused unless asked for.
		{"SlackNoRedis", []string{"SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s3cr3t"}, `REDIS_URL: want the Redis that keeps the bot's state`},
		{"DiscordNoRedis", []string{"DISCORD_BOT_TOKEN", "s3cr3t", "DISCORD_APP_ID", "1"}, `REDIS_URL: want the Redis that keeps the bot's state`},
		{"EmbeddedRedisValue", []string{"MENTORBOT_EMBEDDED_REDIS", "yes"}, `MENTORBOT_EMBEDDED_REDIS: `},
		{"LogFormat", []string{"LOG_FORMAT", "jsn"}, `LOG_FORMAT: want json or text, got "jsn"`},
		{"HTTPAddr", []string{"MENTORBOT_HTTP_ADDR", "foo"}, `MENTORBOT_HTTP_ADDR: want host:port or :port`},
		{"HTTPAddrPort", []string{"MENTORBOT_HTTP_ADDR", ":99999"}, `MENTORBOT_HTTP_ADDR: want host:port or :port`},
		{"SweepEverySecond", []string{"MENTORBOT_MATCH_SCHEDULE", "@every 1s"}, `MENTORBOT_MATCH_SCHEDULE: cron spec "@every 1s" runs the sweep more than once a minute`},
		{"CharterURL", []string{"MENTORBOT_CHARTER_URL", "javascript:alert"}, `MENTORBOT_CHARTER_URL: want an absolute http or https URL such as https://example.org/, got "javascript:alert"`},
		{"DiscordAPIURL", []string{"DISCORD_BOT_TOKEN", "t", "DISCORD_APP_ID", "1", "DISCORD_API_URL", "foo"}, `DISCORD_API_URL: want an absolute http or https URL such as https://discord.com/api/v`},
		{"SweepSeconds", []string{"MENTORBOT_MATCH_SCHEDULE", "*/30 * * * * *"}, `MENTORBOT_MATCH_SCHEDULE: cron spec "*/30 * * * * *" has six fields: want five`},
	} {
		t.Run("Err"+tt.name, func(t *testing.T) {
			c, err := main.ConfigFromEnv(envOf(tt.env...))
			if err == nil {
				err = c.Check()
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q…", err, tt.want)
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Fatalf("got %v, want no value in it", err)
			}
		})
	}
	for _, tt := range []struct {
		name string
		env  []string
	}{
		{"ClusterDatabase0", []string{"REDIS_URL", "redis+cluster://127.0.0.1:7101/0"}},
		{"Sentinel", []string{"REDIS_URL", "redis+sentinel://:pw@s1:26379,s2:26379/mymaster/2"}},
		{"Unix", []string{"REDIS_URL", "unix:///run/redis.sock"}},
		{"SlackHTTP", []string{"REDIS_URL", "redis://r:6379/0", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"}},
		{"SlackSocket", []string{"REDIS_URL", "redis://r:6379/0", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"}},
		{"SlackOAuth", []string{"REDIS_URL", "redis://r:6379/0", "SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "s", "SLACK_SIGNING_SECRET", "s", "MENTORBOT_TOKEN_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}},
		{"Discord", []string{"REDIS_URL", "redis://r:6379/0", "DISCORD_BOT_TOKEN", "t", "DISCORD_APP_ID", "812345678901234567", "DISCORD_PUBLIC_KEY", hexKey, "DISCORD_GUILD_ID", "18446744073709551615", "DISCORD_INTRO_CHANNEL_ID", "43"}},
		{"SlackEmbeddedAskedFor", []string{"MENTORBOT_EMBEDDED_REDIS", "1", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"}},
		{"LogFormatJSON", []string{"LOG_FORMAT", " JSON"}},
		{"HTTPAddrLoopback", []string{"MENTORBOT_HTTP_ADDR", "127.0.0.1:3000"}},
		{"SweepEveryFiveMinutes", []string{"MENTORBOT_MATCH_SCHEDULE", "*/5 * * * *"}},
		{"MaxTZSpaced", []string{"MENTORBOT_MAX_TZ_HOURS", " 3"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := main.ConfigFromEnv(envOf(tt.env...))
			if err == nil {
				err = c.Check()
			}
			if err != nil {
				t.Fatalf("got %v, want the settings taken", err)
			}
		})
	}
}

// TestConfigCheckShell: with no platform and an input that is not a
// terminal, the shell is refused naming the tokens where nobody can be
// typing: REDIS_URL set (docker compose with an unfilled .env), or the
// null device (a container without -i). A terminal, input piped in
// without REDIS_URL (trying it) or MENTORBOT_SHELL=1 run it.
func TestConfigCheckShell(t *testing.T) {
	for _, tt := range []struct {
		name           string
		env            []string
		terminal, null bool
		refused        bool
	}{
		{"ErrComposeUnfilled", []string{"REDIS_URL", "redis://redis:6379/0"}, false, true, true},
		{"ErrRedisPiped", []string{"REDIS_URL", "redis://redis:6379/0"}, false, false, true},
		{"ErrClusterAddrs", []string{"REDIS_CLUSTER_ADDRS", "h1:6379"}, false, false, true},
		{"ErrContainerNoRedis", nil, false, true, true},
		{"Terminal", []string{"REDIS_URL", "redis://redis:6379/0"}, true, false, false},
		{"PipedWithoutRedis", nil, false, false, false},
		{"OptIn", []string{"REDIS_URL", "redis://redis:6379/0", "MENTORBOT_SHELL", "1"}, false, true, false},
		{"Slack", []string{"REDIS_URL", "redis://redis:6379/0", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"}, false, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := main.ConfigFromEnv(envOf(tt.env...))
			if err != nil {
				t.Fatal(err)
			}
			err = c.CheckShell(tt.terminal, tt.null)
			if !tt.refused {
				if err != nil {
					t.Fatalf("got %v, want the shell", err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), "SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN: want ") || !strings.Contains(err.Error(), "MENTORBOT_SHELL=1") {
				t.Fatalf("got %v, want the tokens named, and MENTORBOT_SHELL=1", err)
			}
		})
	}
}
