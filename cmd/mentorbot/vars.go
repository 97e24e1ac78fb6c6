package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/shell"
	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/schedule"
	"github.com/mentorbot/mentorbot/secret"
	"github.com/mentorbot/mentorbot/store"
)

// envVar is one environment variable: how it is set, and how its default
// is shown. --help prints the table, and a test checks that
// docs/configuration.md lists every variable with the same default.
type envVar struct {
	Name    string
	Meaning string // one line, for --help
	// Default shows the default of the variable as it would be written,
	// read from DefaultConfig; nil or "" when there is none.
	Default func(Config) string
	// Note follows the default in brackets, or stands for it: "no
	// limit", "none: embedded, nothing kept".
	Note string
	// AdapterDefault: Config holds zero and the adapter applies Default.
	AdapterDefault bool
	Set            func(c *Config, value string) error
	// setting and field are a follow-up delay's workspace setting and
	// where Config holds it: ConfigFromEnv keeps it within the setting's
	// bounds (settingBounds).
	setting string
	field   func(*bot.Settings) *time.Duration
}

// DefaultText is the default as docs/configuration.md shows it:
// "`48h`", "`0` (no limit)", "(none: Discord off)", or "".
func (v envVar) DefaultText() string {
	var def string
	if v.Default != nil {
		def = v.Default(DefaultConfig())
	}
	switch {
	case def != "" && v.Note != "":
		return "`" + def + "` (" + v.Note + ")"
	case def != "":
		return "`" + def + "`"
	case v.Note != "":
		return "(" + v.Note + ")"
	}
	return ""
}

// followUp maps each follow-up delay variable to its workspace setting.
func followUp(name, setting, meaning string, field func(*bot.Settings) *time.Duration) envVar {
	lo, hi, _ := bot.DurationBounds(setting)
	return envVar{
		Name: name, Meaning: fmt.Sprintf("%s (%s to %s)", meaning, formatDuration(lo), formatDuration(hi)),
		setting: setting, field: field,
		Default: func(c Config) string { return formatDuration(*field(&c.Defaults)) },
		Set: func(c *Config, v string) error {
			parsed, err := bot.ParseDuration(v)
			if tooLarge(v, parsed, err, maxDuration) {
				return fmt.Errorf("want a duration from %s to %s, got %q: too large", formatDuration(lo), formatDuration(hi), v)
			}
			if err := c.Defaults.Set(setting, v); err != nil {
				return fmt.Errorf("want a duration like 48h or 3d, got %q", v)
			}
			return nil
		},
	}
}

// envVars is every variable mentorbot reads, in the order they are read
// and shown.
var envVars = []envVar{
	{Name: "REDIS_URL", Note: "none: embedded, nothing kept",
		Meaning: "redis://host:6379/0, rediss:// for TLS, redis+cluster://host1,host2, redis+sentinel://s1,s2/master",
		Set: func(c *Config, v string) error {
			if err := checkRedisURL(v); err != nil {
				return err
			}
			c.RedisURL = v
			return nil
		}},
	{Name: "REDIS_CLUSTER_ADDRS", Note: "none",
		Meaning: "instead of REDIS_URL: a cluster's nodes, host1:6379,host2:6379",
		Set: func(c *Config, v string) error {
			if c.RedisURL != "" {
				return errors.New("want it or REDIS_URL, not both (a cluster with a password goes in REDIS_URL alone: redis+cluster://:password@host1:port,host2:port)")
			}
			if strings.Contains(v, "://") || strings.Contains(v, "@") {
				return errors.New("want the nodes alone, host1:6379,host2:6379 (a URL, or a password, goes in REDIS_URL: redis+cluster://:password@host1:port,host2:port)")
			}
			if err := checkRedisURL("redis+cluster://" + v); err != nil {
				return err
			}
			c.RedisURL, c.RedisVar = "redis+cluster://"+v, "REDIS_CLUSTER_ADDRS"
			return nil
		}},
	{Name: "MENTORBOT_HTTP_ADDR", Meaning: "address of the HTTP server (Slack and Discord endpoints, /healthz, /readyz, /metrics)",
		Default: func(c Config) string { return c.HTTPAddr },
		Set:     setHTTPAddr},
	{Name: "MENTORBOT_DEFAULT_LANG", Meaning: "language of members who have not chosen one and whose platform gives no hint: en or fr",
		Default: func(c Config) string { return string(c.DefaultLang) },
		Set: func(c *Config, v string) error {
			lang, ok := bot.ParseLang(v)
			if !ok {
				return fmt.Errorf("want en or fr, got %q", v)
			}
			c.DefaultLang, c.Defaults.DefaultLang = lang, lang
			return nil
		}},
	{Name: "MENTORBOT_CHARTER_URL", Meaning: "where the program's charter can be read, linked from meeting invites; the default of each workspace's charter-url setting", Note: "none: invites carry the video room only",
		Set: func(c *Config, v string) error {
			u, err := absoluteURL(v, "https://example.org/")
			c.CharterURL = u
			return err
		}},
	{Name: "MENTORBOT_MEET_URL", Meaning: "base URL of video-call rooms; the default of each workspace's meet-url setting",
		Default: func(c Config) string { return c.MeetURL },
		Set: func(c *Config, v string) error {
			u, err := absoluteURL(v, "https://meet.jit.si/")
			if err == nil && !strings.HasSuffix(u, "/") {
				u += "/" // a room is the base followed by its name
			}
			c.MeetURL = u
			return err
		}},
	{Name: "MENTORBOT_MAX_TZ_HOURS", Note: "no limit", Meaning: "never pair people more than this many hours apart",
		Default: func(c Config) string { return strconv.Itoa(c.Match.MaxTZHours) },
		Set: func(c *Config, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 || n > 12 {
				return fmt.Errorf("want a whole number from 0 to 12, got %q", v)
			}
			c.Match.MaxTZHours, c.Defaults.MaxTZHours = n, n
			return nil
		}},
	{Name: "MENTORBOT_LOG_LEVEL", Note: "`info`; `warn` in the shell", Meaning: "debug, info, warn or error",
		Set: func(c *Config, v string) error {
			// slog's own parser, as newLogger reads it: a level it does not
			// read would silently be info.
			var l slog.Level
			if err := l.UnmarshalText([]byte(v)); err != nil {
				return fmt.Errorf("want debug, info, warn or error, got %q", v)
			}
			c.LogLevel = v
			return nil
		}},
	{Name: "LOG_FORMAT", Meaning: "json: one JSON object a line; text: key=value text (anything else is refused)",
		Default: func(c Config) string { return c.LogFormat },
		Set: func(c *Config, v string) error {
			switch f := strings.ToLower(strings.TrimSpace(v)); f {
			case "json", "text":
				c.LogFormat = f
				return nil
			}
			return fmt.Errorf("want json or text, got %q", v)
		}},
	followUp("MENTORBOT_PROPOSAL_TIMEOUT", "proposal-timeout", "a mentor's time to answer a proposal (reminder halfway)",
		func(s *bot.Settings) *time.Duration { return &s.ProposalTimeout }),
	followUp("MENTORBOT_CHARTER_TIMEOUT", "charter-timeout", "both members' time to accept the charter (reminder halfway)",
		func(s *bot.Settings) *time.Duration { return &s.CharterTimeout }),
	followUp("MENTORBOT_CHECKIN_AFTER", "checkin-after", "first check-in after the introduction",
		func(s *bot.Settings) *time.Duration { return &s.CheckinAfter }),
	followUp("MENTORBOT_CHECKIN_REMINDER", "checkin-reminder", `check-in again after a "not yet"`,
		func(s *bot.Settings) *time.Duration { return &s.CheckinReminder }),
	followUp("MENTORBOT_SURVEY_AFTER", "survey-after", "flash: survey at the latest this long after the introduction",
		func(s *bot.Settings) *time.Duration { return &s.SurveyAfter }),
	followUp("MENTORBOT_PROGRAM_LENGTH", "program-length", "one-to-one: mid survey halfway, end survey and completion at the end",
		func(s *bot.Settings) *time.Duration { return &s.ProgramLength }),
	followUp("MENTORBOT_CHECKIN_EVERY", "checkin-every", "one-to-one: check-in period",
		func(s *bot.Settings) *time.Duration { return &s.CheckinEvery }),
	followUp("MENTORBOT_ESCALATE_AFTER", "escalate-after", "a request waiting longer is escalated to managers",
		func(s *bot.Settings) *time.Duration { return &s.EscalateAfter }),
	{Name: "MENTORBOT_TICK", Meaning: "how often due jobs are looked for (1s to 1m); workspaces take turns, and a tick that runs longer stops at a batch's end so the next one looks at every workspace again",
		Default: func(c Config) string { return formatDuration(c.Tick) },
		Set: func(c *Config, v string) error {
			// Each tick reads Redis for every workspace: at a shorter
			// period an idle bot would spin on it. Every message the bot
			// owes (a proposal, an introduction, a notice, a campaign's
			// batch every 10 s) waits for a tick: at a longer one,
			// members would wait minutes for them.
			return setDuration(&c.Tick, v, time.Second, maxTick, "a duration of at least 1s and at most 1m, like 10s")
		}},
	{Name: "MENTORBOT_JOB_LEASE", Meaning: "how long a running job is reserved for its replica (10s to 1h)",
		Default: func(c Config) string { return formatDuration(c.JobLease) },
		Set: func(c *Config, v string) error {
			// After a crash, what the replica held (a job, a member's
			// command it acked) waits this long for another.
			return setDuration(&c.JobLease, v, 10*time.Second, maxJobLease, "a duration of at least 10s and at most 1h, like 2m")
		}},
	{Name: "MENTORBOT_JOB_RETRY", Meaning: "how long a job that failed because Slack, Discord or Redis did not answer waits before its next try (1s to 1h); what was sent is not sent again",
		Default: func(c Config) string { return formatDuration(c.JobRetry) },
		Set: func(c *Config, v string) error {
			return setDuration(&c.JobRetry, v, time.Second, maxJobRetry, "a duration of at least 1s and at most 1h, like 5m")
		}},
	{Name: "MENTORBOT_MATCH_SCHEDULE", Meaning: "cron spec of the matching sweep, in UTC unless it starts with CRON_TZ=Zone",
		Default: func(c Config) string { return c.MatchSchedule },
		Set:     func(c *Config, v string) error { return setSweepCron(&c.MatchSchedule, v) }},
	{Name: "MENTORBOT_DIGEST_SCHEDULE", Meaning: "cron spec of the weekly digest, read in each workspace's time zone; the default of its digest-schedule setting",
		Default: func(c Config) string { return c.DigestSchedule },
		Set:     func(c *Config, v string) error { return setCron(&c.DigestSchedule, v) }},
	{Name: "MENTORBOT_MANAGERS", Note: "none", Meaning: "comma-separated managers: workspace:user for one workspace (a Slack team or Discord server ID), platform:workspace:user, or a plain user ID, a manager in every workspace served",
		Set: func(c *Config, v string) error {
			c.Managers = nil
			for i, id := range strings.Split(v, ",") {
				id = strings.TrimSpace(id)
				if why := badManager(id); why != "" {
					// The position, not the entry: a value pasted in the
					// wrong variable may be a secret.
					return fmt.Errorf("want workspace:user, platform:workspace:user or a user ID, comma-separated; entry %d %s", i+1, why)
				}
				c.Managers = append(c.Managers, id)
			}
			return nil
		}},
	{Name: "MENTORBOT_RETENTION", Note: "two years", Meaning: "closed pairs, their surveys and cancelled requests older than this are deleted daily (at least 1d)",
		Default: func(c Config) string { return formatDuration(c.Retention) },
		Set: func(c *Config, v string) error {
			return setDuration(&c.Retention, v, 24*time.Hour, maxDuration, "a duration of a day or more like 730d")
		}},
	{Name: "MENTORBOT_CAMPAIGN_RATE", Note: "one a second", Meaning: "campaign DMs (the needs survey by DM) sent a minute, in batches every 10 seconds (1 to 3000)",
		Default: func(c Config) string { return strconv.Itoa(c.CampaignRate) },
		Set: func(c *Config, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 1 || n > 3000 {
				return fmt.Errorf("want a whole number from 1 to 3000, got %q", v)
			}
			c.CampaignRate = n
			return nil
		}},
	{Name: "MENTORBOT_TOKEN_KEY", Note: "none: no OAuth install", Meaning: "base64 32-byte AES-GCM keys, comma-separated, sealing the tokens of workspaces installed by OAuth; the first seals, all open",
		Set: func(c *Config, v string) error {
			k, err := secret.ParseKeys(v)
			c.TokenKeys = k
			return err
		}},

	{Name: "SLACK_BOT_TOKEN", Note: "none: Slack off", Meaning: "Bot User OAuth Token (xoxb-…): turns the Slack adapter on",
		Set: func(c *Config, v string) error {
			if err := noSpace(v); err != nil {
				return err
			}
			if !strings.HasPrefix(v, "xoxb-") {
				return errors.New("want a bot token, xoxb-… (OAuth & Permissions, Bot User OAuth Token)")
			}
			c.Slack.BotToken = v
			return nil
		}},
	{Name: "SLACK_SIGNING_SECRET", Note: "none", Meaning: "verifies every HTTP request from Slack; required unless SLACK_APP_TOKEN is set",
		Set: func(c *Config, v string) error { c.Slack.SigningSecret = v; return noSpace(v) }},
	{Name: "SLACK_APP_TOKEN", Note: "none: HTTP", Meaning: "app-level token (xapp-…): Socket Mode",
		Set: func(c *Config, v string) error {
			if err := noSpace(v); err != nil {
				return err
			}
			if !strings.HasPrefix(v, "xapp-") {
				return errors.New("want an app-level token, xapp-… (Basic Information, App-Level Tokens, scope connections:write)")
			}
			c.Slack.AppToken = v
			return nil
		}},
	{Name: "SLACK_CLIENT_ID", Note: "none: no installs by OAuth", Meaning: "the app's client ID: installs on many workspaces by OAuth (GET /slack/install); turns the Slack adapter on",
		Set: func(c *Config, v string) error { c.Slack.ClientID = v; return nil }},
	{Name: "SLACK_CLIENT_SECRET", Note: "none", Meaning: "the app's client secret: required with SLACK_CLIENT_ID",
		Set: func(c *Config, v string) error { c.Slack.ClientSecret = v; return noSpace(v) }},
	{Name: "SLACK_REDIRECT_URL", Note: "none: the app's", Meaning: "redirect_uri of installs by OAuth (https://…/slack/oauth_redirect), when the app declares several",
		Set: func(c *Config, v string) error { c.Slack.RedirectURL = v; return nil }},
	{Name: "SLACK_API_URL", Meaning: "Web API base: GovSlack, or an egress proxy",
		Default: func(c Config) string { return c.Slack.APIURL },
		Set:     func(c *Config, v string) error { c.Slack.APIURL = v; return nil }},
	{Name: "SLACK_DIRECTORY_REFRESH", AdapterDefault: true, Meaning: "how often the workspace's members are read with users.list (a minute or more), or off",
		Default: func(c Config) string {
			if d := c.Slack.DirectoryRefresh; d != 0 {
				return formatDuration(d)
			}
			return formatDuration(slackadapter.DefaultDirectoryRefresh)
		},
		Set: func(c *Config, v string) error {
			if v == "off" || v == "0" {
				c.Slack.DirectoryRefresh = -1
				return nil
			}
			return setDuration(&c.Slack.DirectoryRefresh, v, time.Minute, maxDuration, "a duration of a minute or more like 12h, or off")
		}},

	{Name: "DISCORD_BOT_TOKEN", Note: "none: Discord off", Meaning: "the bot token: turns the Discord adapter on",
		Set: func(c *Config, v string) error {
			// "Bot " before the token is Discord's own header, and taken.
			c.Discord.BotToken = v
			return noSpace(strings.TrimPrefix(v, "Bot "))
		}},
	{Name: "DISCORD_APP_ID", Note: "required with a token", Meaning: "the application ID",
		Set: func(c *Config, v string) error {
			return setSnowflake(&c.Discord.AppID, v, "the application ID (General Information)")
		}},
	{Name: "DISCORD_PUBLIC_KEY", Note: "none: gateway", Meaning: "the application's public key, in hex: interactions over HTTP instead of the gateway",
		Set: func(c *Config, v string) error {
			if err := noSpace(v); err != nil {
				return err
			}
			if k, err := hex.DecodeString(v); err != nil || len(k) != ed25519.PublicKeySize {
				return errors.New("want the application's public key, 64 hex digits (General Information, Public Key)")
			}
			c.Discord.PublicKey = v
			return nil
		}},
	{Name: "DISCORD_GUILD_ID", Note: "none: global command", Meaning: "register /mentor in this server only, where it applies at once",
		Set: func(c *Config, v string) error { return setSnowflake(&c.Discord.GuildID, v, "a server ID") }},
	{Name: "DISCORD_INTRO_CHANNEL_ID", Note: "none: one DM each", Meaning: "channel where each pair of the server that owns it is introduced in a private thread (a server's intro-channel setting overrides it)",
		Set: func(c *Config, v string) error { return setSnowflake(&c.Discord.IntroChannelID, v, "a channel ID") }},
	{Name: "DISCORD_API_URL", Meaning: "REST base including the version: a rate-limit proxy, or a fake",
		Default: func(c Config) string { return c.Discord.APIURL },
		Set: func(c *Config, v string) error {
			u, err := absoluteURL(v, discord.DefaultAPIURL)
			c.Discord.APIURL = u
			return err
		}},

	{Name: "MENTORBOT_SHELL", Note: "none", Meaning: "1: run the terminal adapter, with no platform token, on any input, even piped in with REDIS_URL set or the null device (refused otherwise)",
		Set: func(c *Config, v string) error {
			on, err := onOff(v, "1", "0")
			c.ShellOnAnyInput = on
			return err
		}},
	{Name: "MENTORBOT_EMBEDDED_REDIS", Note: "none", Meaning: "1: let Slack or Discord run on the embedded Redis, which keeps nothing after exit (to try the app; refused otherwise when REDIS_URL is unset)",
		Set: func(c *Config, v string) error {
			on, err := onOff(v, "1", "0")
			c.EmbeddedRedis = on
			return err
		}},
	{Name: "MENTORBOT_DURATION_BOUNDS", Meaning: "off: let the follow-up delays out of the bounds of the workspace settings (seconds, for load tests)",
		Default: func(c Config) string {
			if c.AnyDuration {
				return "off"
			}
			return "on"
		},
		Set: func(c *Config, v string) error {
			on, err := onOff(v, "on", "off")
			c.AnyDuration = !on
			return err
		}},
}

// checkRedisURL refuses a URL the store cannot read, saying what it
// wants, before anything connects.
func checkRedisURL(v string) error {
	err := store.CheckURL(v)
	if err == nil || strings.HasPrefix(err.Error(), "want ") {
		return err
	}
	return fmt.Errorf("want a Redis URL mentorbot can read: %w", err)
}

// noSpace refuses a token, secret or key holding white space, which
// none has: taken, it would start the bot, and every request signed or
// authorized with it would then fail ("invalid signature", 401). The
// value is not quoted back.
func noSpace(v string) error {
	if strings.IndexFunc(v, unicode.IsSpace) < 0 {
		return nil
	}
	got := "holding a space, a tab or a line break"
	if trimmed := strings.TrimRightFunc(v, unicode.IsSpace); strings.IndexFunc(trimmed, unicode.IsSpace) < 0 {
		got = "ending with a line break or a space"
	}
	return fmt.Errorf("want no white space, got a value %s: a secret loaded from a file often ends with a line break; strip it (NAME=\"$(cat file)\" does)", got)
}

// onOff reads v as on or off, whichever it is; anything else is refused.
func onOff(v, on, off string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case on:
		return true, nil
	case off:
		return false, nil
	}
	return false, fmt.Errorf("want %s or %s, got %q", on, off, v)
}

// setSnowflake sets *dst to v, a Discord ID (a snowflake: decimal
// digits). The value is not quoted back: one pasted in the wrong
// variable may be a token.
func setSnowflake(dst *string, v, what string) error {
	if n, err := strconv.ParseUint(v, 10, 64); err != nil || n == 0 {
		return fmt.Errorf("want %s: a Discord ID, decimal digits (Developer Mode, Copy ID)", what)
	}
	*dst = v
	return nil
}

// badManager says what is wrong with an entry of MENTORBOT_MANAGERS, or
// "" if nothing: it is user, workspace:user or platform:workspace:user,
// each part an ID (letters, digits, '-', '_', '.'), platform one of the
// adapters'.
func badManager(entry string) string {
	if entry == "" {
		return "is empty"
	}
	parts := strings.Split(entry, ":")
	if len(parts) > 3 {
		return fmt.Sprintf("has %d parts separated by ':', want at most 3", len(parts))
	}
	for _, p := range parts {
		if p == "" {
			return "has an empty part"
		}
		if len(p) > 80 || strings.IndexFunc(p, func(r rune) bool {
			return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.')
		}) >= 0 {
			return "has a part that is no ID (letters, digits, '-', '_' or '.')"
		}
	}
	if len(parts) == 3 && !slices.Contains([]string{slackadapter.Platform, discord.Platform, shell.Platform}, parts[0]) {
		return fmt.Sprintf("has 3 parts, want the first a platform: %s, %s or %s", slackadapter.Platform, discord.Platform, shell.Platform)
	}
	return ""
}

// setDuration sets *d to v, a duration from min to max (Go's, plus d for
// days); otherwise it says what it wants, and that v is too large when
// it is, time.Duration's bound included (tooLarge).
func setDuration(d *time.Duration, v string, min, max time.Duration, want string) error {
	parsed, err := bot.ParseDuration(v)
	switch {
	case tooLarge(v, parsed, err, max):
		return fmt.Errorf("want %s, got %q: too large, the most is %s", want, v, formatDuration(max))
	case err != nil || parsed < min:
		return fmt.Errorf("want %s, got %q", want, v)
	}
	*d = parsed
	return nil
}

// absoluteURL returns v if it is an absolute http or https URL with a
// host, else an error that says so. A user or password in it is refused
// without printing it: the URL is shown to members.
func absoluteURL(v, example string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(v))
	switch {
	case strings.Contains(v, "@") && (err != nil || u.User != nil):
		return "", errors.New("want an absolute http or https URL with no user or password in it")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return "", fmt.Errorf("want an absolute http or https URL such as %s, got %q", example, v)
	}
	return u.String(), nil
}

// setHTTPAddr sets the server's address once it reads as host:port (the
// host may be empty: every interface), so that a typo is refused before
// anything connects rather than once Slack was reached.
func setHTTPAddr(c *Config, v string) error {
	v = strings.TrimSpace(v)
	host, port, err := net.SplitHostPort(v)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 || strings.ContainsAny(host, " /") {
		return fmt.Errorf("want host:port or :port, such as :3000 or 127.0.0.1:3000, got %q", v)
	}
	c.HTTPAddr = v
	return nil
}

// minSweepEvery is the shortest time between two sweeps
// MENTORBOT_MATCH_SCHEDULE may ask for: each reads the waiting requests of
// every workspace and solves a round, and a mentor's offer already
// proposes at once.
const minSweepEvery = time.Minute

// setSweepCron is setCron for the sweep, refusing a spec that would run it
// more often than minSweepEvery ("@every 1s").
func setSweepCron(spec *string, v string) error {
	if len(strings.Fields(v)) == 6 && !strings.HasPrefix(v, "CRON_TZ=") && !strings.HasPrefix(v, "TZ=") {
		return fmt.Errorf("cron spec %q has six fields: want five (minute hour day month weekday; no seconds), such as */5 * * * *", v)
	}
	s, err := schedule.Parse(v)
	if err != nil {
		return fmt.Errorf("cron spec %q: %w", v, err)
	}
	at := s.Next(time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	for range 3 {
		next := s.Next(at)
		if next.Sub(at) < minSweepEvery {
			return fmt.Errorf("cron spec %q runs the sweep more than once a minute: want a minute or more between two runs, such as */5 * * * *", v)
		}
		at = next
	}
	*spec = v
	return nil
}

// setCron sets *spec to v once schedule can read it.
func setCron(spec *string, v string) error {
	if _, err := schedule.Parse(v); err != nil {
		return fmt.Errorf("cron spec %q: %w", v, err)
	}
	*spec = v
	return nil
}

// formatDuration writes d in the largest unit that divides it (3d, 12h,
// 2m, 10s), as bot.ParseDuration reads it.
func formatDuration(d time.Duration) string {
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{24 * time.Hour, "d"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if d != 0 && d%u.unit == 0 {
			return strconv.FormatInt(int64(d/u.unit), 10) + u.name
		}
	}
	return d.String()
}
