package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/schedule"
)

// Config is everything mentorbot reads from its environment. Each
// variable is documented in the README's configuration table.
type Config struct {
	RedisURL    string // REDIS_URL, or redis+cluster:// and REDIS_CLUSTER_ADDRS; empty: embedded Redis, nothing kept
	HTTPAddr    string // MENTORBOT_HTTP_ADDR, default :3000
	DefaultLang bot.Lang
	MeetURL     string
	MaxTZHours  int
	LogLevel    string
	LogFormat   string // LOG_FORMAT: "json" for JSON lines, text otherwise
	// RateLimit bounds each member's commands and clicks on a chat
	// platform; zero: bot.DefaultRateLimit. The shell has none.
	RateLimit bot.RateLimit

	// Follow-up: the workspace defaults (MENTORBOT_PROPOSAL_TIMEOUT, ...),
	// the tick of due jobs, and the cron specs of the sweep and the digest.
	Defaults       bot.Settings
	Tick           time.Duration // MENTORBOT_TICK
	JobLease       time.Duration // MENTORBOT_JOB_LEASE
	JobRetry       time.Duration // MENTORBOT_JOB_RETRY
	MatchSchedule  string        // MENTORBOT_MATCH_SCHEDULE
	DigestSchedule string        // MENTORBOT_DIGEST_SCHEDULE, in each workspace's time zone
	Managers       []string      // MENTORBOT_MANAGERS: platform user IDs
	Retention      time.Duration // MENTORBOT_RETENTION (privacy.go)

	Slack   SlackConfig
	Discord DiscordConfig
}

// SlackConfig is the Slack app's settings.
type SlackConfig struct {
	BotToken      string // SLACK_BOT_TOKEN
	SigningSecret string // SLACK_SIGNING_SECRET
	AppToken      string // SLACK_APP_TOKEN: Socket Mode when set
	APIURL        string // SLACK_API_URL
	// DirectoryRefresh is how often the workspace's members are read with
	// users.list (SLACK_DIRECTORY_REFRESH: a duration, default 12h; "off":
	// never, profiles then come from users.info one member at a time).
	DirectoryRefresh time.Duration
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
		LogLevel: getenv("MENTORBOT_LOG_LEVEL"), LogFormat: getenv("LOG_FORMAT"),
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
	if addrs := getenv("REDIS_CLUSTER_ADDRS"); addrs != "" {
		if c.RedisURL != "" {
			return c, fmt.Errorf("REDIS_CLUSTER_ADDRS: set it or REDIS_URL, not both (a cluster with a password is REDIS_URL=redis+cluster://:password@host1:port,host2:port)")
		}
		c.RedisURL = "redis+cluster://" + addrs
	}
	switch v := getenv("SLACK_DIRECTORY_REFRESH"); v {
	case "":
	case "off", "0":
		c.Slack.DirectoryRefresh = -1
	default:
		d, err := bot.ParseDuration(v)
		if err != nil || d < time.Minute {
			return c, fmt.Errorf("SLACK_DIRECTORY_REFRESH: want a duration of a minute or more like 12h, or off, got %q", v)
		}
		c.Slack.DirectoryRefresh = d
	}
	lang, ok := bot.ParseLang(get("MENTORBOT_DEFAULT_LANG", "en"))
	if !ok {
		return c, fmt.Errorf("MENTORBOT_DEFAULT_LANG: want en or fr, got %q", getenv("MENTORBOT_DEFAULT_LANG"))
	}
	c.DefaultLang = lang
	if err := c.readFollowUp(get); err != nil {
		return c, err
	}
	retention, err := readRetention(get)
	if err != nil {
		return c, err
	}
	c.Retention = retention
	if v := getenv("MENTORBOT_MAX_TZ_HOURS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 12 {
			return c, fmt.Errorf("MENTORBOT_MAX_TZ_HOURS: want a whole number from 0 to 12, got %q", v)
		}
		c.MaxTZHours = n
		c.Defaults.MaxTZHours = n
	}
	return c, nil
}

// followUpVars maps each follow-up delay variable to its setting.
var followUpVars = map[string]string{
	"MENTORBOT_PROPOSAL_TIMEOUT": "proposal-timeout", "MENTORBOT_CHARTER_TIMEOUT": "charter-timeout",
	"MENTORBOT_CHECKIN_AFTER": "checkin-after", "MENTORBOT_CHECKIN_REMINDER": "checkin-reminder",
	"MENTORBOT_SURVEY_AFTER": "survey-after", "MENTORBOT_PROGRAM_LENGTH": "program-length",
	"MENTORBOT_CHECKIN_EVERY": "checkin-every", "MENTORBOT_ESCALATE_AFTER": "escalate-after",
}

// readFollowUp reads the follow-up delays (Go durations plus d for days),
// the tick, the cron specs and the managers.
func (c *Config) readFollowUp(get func(k, def string) string) error {
	c.Defaults = bot.DefaultSettings()
	c.Defaults.DefaultLang = c.DefaultLang
	for env, name := range followUpVars {
		if v := get(env, ""); v != "" {
			if err := c.Defaults.Set(name, v); err != nil {
				return fmt.Errorf("%s: want a duration like 48h or 3d, got %q", env, v)
			}
		}
	}
	tick, err := bot.ParseDuration(get("MENTORBOT_TICK", "10s"))
	if err != nil || tick <= 0 {
		return fmt.Errorf("MENTORBOT_TICK: want a duration like 10s, got %q", get("MENTORBOT_TICK", ""))
	}
	c.Tick = tick
	lease, err := bot.ParseDuration(get("MENTORBOT_JOB_LEASE", "2m"))
	if err != nil || lease < 10*time.Second {
		return fmt.Errorf("MENTORBOT_JOB_LEASE: want a duration of at least 10s, like 2m, got %q", get("MENTORBOT_JOB_LEASE", ""))
	}
	c.JobLease = lease
	retry, err := bot.ParseDuration(get("MENTORBOT_JOB_RETRY", "5m"))
	if err != nil || retry < time.Second {
		return fmt.Errorf("MENTORBOT_JOB_RETRY: want a duration of at least 1s, like 5m, got %q", get("MENTORBOT_JOB_RETRY", ""))
	}
	c.JobRetry = retry
	c.MatchSchedule = get("MENTORBOT_MATCH_SCHEDULE", "@hourly")
	c.DigestSchedule = get("MENTORBOT_DIGEST_SCHEDULE", "0 9 * * 1")
	for _, spec := range []string{c.MatchSchedule, c.DigestSchedule} {
		if _, err := schedule.Parse(spec); err != nil {
			return fmt.Errorf("cron spec %q: %w", spec, err)
		}
	}
	for _, id := range strings.Split(get("MENTORBOT_MANAGERS", ""), ",") {
		if id = strings.TrimSpace(id); id != "" {
			c.Managers = append(c.Managers, id)
		}
	}
	return nil
}

// osGetenv is os.Getenv, named for main.
var osGetenv = os.Getenv
