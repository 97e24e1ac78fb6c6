package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/mentorbot/mentorbot/bot"
)

// Config is everything mentorbot reads from its environment. Each
// variable is documented in the README's configuration table.
type Config struct {
	RedisURL    string // REDIS_URL; empty: embedded Redis, nothing kept
	HTTPAddr    string // MENTORBOT_HTTP_ADDR, default :3000
	DefaultLang bot.Lang
	MeetURL     string
	MaxTZHours  int
	LogLevel    string

	Slack   SlackConfig
	Discord DiscordConfig
}

// SlackConfig is the Slack app's settings.
type SlackConfig struct {
	BotToken      string // SLACK_BOT_TOKEN
	SigningSecret string // SLACK_SIGNING_SECRET
	AppToken      string // SLACK_APP_TOKEN: Socket Mode when set
	APIURL        string // SLACK_API_URL
}

// DiscordConfig is the Discord application's settings.
type DiscordConfig struct {
	BotToken       string // DISCORD_BOT_TOKEN
	AppID          string // DISCORD_APP_ID
	PublicKey      string // DISCORD_PUBLIC_KEY: turns on the HTTP endpoint
	GuildID        string // DISCORD_GUILD_ID
	APIURL         string // DISCORD_API_URL
	IntroChannelID string // DISCORD_INTRO_CHANNEL_ID
}

// Shell reports whether no chat platform is configured, so the terminal
// adapter runs.
func (c Config) Shell() bool { return c.Slack.BotToken == "" && c.Discord.BotToken == "" }

// ConfigFromEnv reads the configuration from getenv (os.Getenv in main).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	get := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	c := Config{
		RedisURL: getenv("REDIS_URL"),
		HTTPAddr: get("MENTORBOT_HTTP_ADDR", ":3000"),
		MeetURL:  get("MENTORBOT_MEET_URL", "https://meet.jit.si/"),
		LogLevel: get("MENTORBOT_LOG_LEVEL", "info"),
		Slack: SlackConfig{
			BotToken: getenv("SLACK_BOT_TOKEN"), SigningSecret: getenv("SLACK_SIGNING_SECRET"),
			AppToken: getenv("SLACK_APP_TOKEN"), APIURL: get("SLACK_API_URL", "https://slack.com/api/"),
		},
		Discord: DiscordConfig{
			BotToken: getenv("DISCORD_BOT_TOKEN"), AppID: getenv("DISCORD_APP_ID"), PublicKey: getenv("DISCORD_PUBLIC_KEY"),
			GuildID: getenv("DISCORD_GUILD_ID"), APIURL: get("DISCORD_API_URL", "https://discord.com/api/v9/"),
			IntroChannelID: getenv("DISCORD_INTRO_CHANNEL_ID"),
		},
	}
	lang, ok := bot.ParseLang(get("MENTORBOT_DEFAULT_LANG", "en"))
	if !ok {
		return c, fmt.Errorf("MENTORBOT_DEFAULT_LANG: want en or fr, got %q", getenv("MENTORBOT_DEFAULT_LANG"))
	}
	c.DefaultLang = lang
	if v := getenv("MENTORBOT_MAX_TZ_HOURS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 12 {
			return c, fmt.Errorf("MENTORBOT_MAX_TZ_HOURS: want a whole number from 0 to 12, got %q", v)
		}
		c.MaxTZHours = n
	}
	return c, nil
}

// osGetenv is os.Getenv, named for main.
var osGetenv = os.Getenv
