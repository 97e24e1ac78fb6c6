package main

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/secret"
)

// Config is everything mentorbot reads from its environment: the core's
// configuration (bot.Config, from bot.DefaultConfig), and the settings of
// the store, the HTTP server, the log and the adapters. Each variable is
// a row of the table in vars.go, which --help prints and
// docs/configuration.md lists.
type Config struct {
	bot.Config

	RedisURL string // REDIS_URL, or redis+cluster:// and REDIS_CLUSTER_ADDRS; empty: embedded Redis, nothing kept
	// RedisVar is the variable RedisURL came from, to name it when the
	// Redis refuses: REDIS_CLUSTER_ADDRS, else REDIS_URL.
	RedisVar  string
	HTTPAddr  string // MENTORBOT_HTTP_ADDR
	LogLevel  string // MENTORBOT_LOG_LEVEL; empty: info, warn in the shell
	LogFormat string // LOG_FORMAT: "json" for JSON lines, text otherwise
	// TokenKeys seal the tokens of workspaces installed by OAuth
	// (MENTORBOT_TOKEN_KEY); nil when the variable is unset.
	TokenKeys *secret.Keyring
	// ShellOnAnyInput runs the terminal adapter even where CheckShell
	// would refuse it (MENTORBOT_SHELL=1): input piped in with REDIS_URL,
	// or the null device.
	ShellOnAnyInput bool
	// EmbeddedRedis lets a platform run on the embedded Redis, which keeps
	// nothing (MENTORBOT_EMBEDDED_REDIS=1): trying a Slack app or a
	// Discord bot, never production. Check refuses it otherwise.
	EmbeddedRedis bool
	// AnyDuration lets the follow-up delays out of the bounds a manager's
	// settings have (MENTORBOT_DURATION_BOUNDS=off): load tests only.
	AnyDuration bool

	Slack   SlackConfig
	Discord DiscordConfig
}

// SlackConfig is the Slack app's settings.
type SlackConfig struct {
	BotToken      string // SLACK_BOT_TOKEN
	SigningSecret string // SLACK_SIGNING_SECRET
	AppToken      string // SLACK_APP_TOKEN: Socket Mode when set
	APIURL        string // SLACK_API_URL
	// Installs by OAuth on many workspaces: SLACK_CLIENT_ID,
	// SLACK_CLIENT_SECRET and SLACK_REDIRECT_URL (empty: the app's).
	ClientID, ClientSecret, RedirectURL string
	// DirectoryRefresh is how often the workspace's members are read with
	// users.list (SLACK_DIRECTORY_REFRESH: a duration; "off": never,
	// profiles then come from users.info one member at a time). Zero: the
	// adapter's default, slackadapter.DefaultDirectoryRefresh.
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

// DefaultConfig is the configuration with no variable set: the core's
// bot.DefaultConfig, and the defaults of the server and the adapters.
func DefaultConfig() Config {
	return Config{
		Config:   bot.DefaultConfig(),
		HTTPAddr: ":3000", LogFormat: "text",
		Slack:   SlackConfig{APIURL: slackadapter.DefaultAPIURL},
		Discord: DiscordConfig{APIURL: discord.DefaultAPIURL},
	}
}

// Shell reports whether no chat platform is configured, so the terminal
// adapter runs.
func (c Config) Shell() bool {
	return c.Slack.BotToken == "" && c.Slack.ClientID == "" && c.Discord.BotToken == ""
}

// ManyWorkspaces reports whether the deployment may serve several
// workspaces: a Discord bot may be added to any number of guilds, and a
// Slack app with SLACK_CLIENT_ID installed on any number of workspaces.
func (c Config) ManyWorkspaces() bool { return c.Discord.BotToken != "" || c.Slack.ClientID != "" }

// ConfigFromEnv reads the configuration from getenv (os.Getenv in main):
// DefaultConfig, then each variable of the table that is set, in the
// table's order. A bad value is refused with the variable's name.
//
// A platform's settings without the variable that turns it on are
// refused too (platformsOff): the bot would otherwise start the shell, or
// run without that platform, and say nothing an operator reads.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	c := DefaultConfig()
	var set []string
	for _, v := range envVars {
		value := getenv(v.Name)
		if value == "" {
			continue
		}
		if err := v.Set(&c, value); err != nil {
			return c, fmt.Errorf("%s: %w", v.Name, err)
		}
		set = append(set, v.Name)
	}
	if err := slackURLs(c, set); err != nil {
		return c, err
	}
	if err := outOfBounds(c, set, getenv); err != nil {
		return c, err
	}
	return c, platformsOff(c, set)
}

// Check refuses what no single variable shows: a platform turned on
// without a setting it cannot run without, named (never its value). It
// needs no network, so main runs it with ConfigFromEnv, before anything
// connects; the adapters check the same again when they are created.
func (c Config) Check() error {
	var errs []string
	if s := c.Slack; s.BotToken != "" || s.ClientID != "" {
		if s.AppToken == "" && s.SigningSecret == "" {
			errs = append(errs, "SLACK_SIGNING_SECRET: want the app's signing secret (Basic Information, App Credentials): it is required unless SLACK_APP_TOKEN (Socket Mode) is set")
		}
		if s.ClientID != "" && s.ClientSecret == "" {
			errs = append(errs, "SLACK_CLIENT_SECRET: want the app's client secret (Basic Information): it is required with SLACK_CLIENT_ID")
		}
		if s.ClientID != "" && c.TokenKeys == nil {
			errs = append(errs, "MENTORBOT_TOKEN_KEY: want a base64 key of 32 bytes (openssl rand -base64 32): it is required with SLACK_CLIENT_ID, to seal the tokens of the workspaces that install the app")
		}
	}
	if c.Discord.BotToken != "" && c.Discord.AppID == "" {
		errs = append(errs, "DISCORD_APP_ID: want the application ID (General Information): it is required with DISCORD_BOT_TOKEN")
	}
	if !c.Shell() && c.RedisURL == "" && !c.EmbeddedRedis {
		errs = append(errs, "REDIS_URL: want the Redis that keeps the bot's state (redis://host:6379/0): with a platform turned on, "+
			"the embedded Redis would lose every member, pair and charter acceptance at each restart, and each replica would keep its own; "+
			"set MENTORBOT_EMBEDDED_REDIS=1 to try the platform on it anyway")
	}
	if len(errs) == 0 {
		return nil
	}
	return errors.New(strings.Join(errs, "; "))
}

// CheckShell refuses the terminal adapter where its input is no person,
// when no platform is turned on: standard input is not a terminal
// (terminal false) and either REDIS_URL is set or the input is the null
// device (null), as in a container started without -i. That is a
// deployment whose tokens are missing (docker compose with an unfilled
// .env): the shell would read its empty input, exit 0 at once and be
// restarted in a loop. Input piped in without REDIS_URL is someone trying
// the bot (the README's printf 'help\n' | go run ./cmd/mentorbot), and
// runs; MENTORBOT_SHELL=1 runs the shell on any input.
func (c Config) CheckShell(terminal, null bool) error {
	if !c.Shell() || terminal || c.ShellOnAnyInput || (c.RedisURL == "" && !null) {
		return nil
	}
	why := c.redisVar() + " is set and standard input is not a terminal"
	if c.RedisURL == "" {
		why = "standard input is the null device (a container without -i)"
	}
	return fmt.Errorf("SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN: want one of them set (or SLACK_CLIENT_ID), since %s: "+
		"without a platform mentorbot would run the terminal adapter on that input, read it to its end and exit; set MENTORBOT_SHELL=1 to run the terminal adapter on it anyway", why)
}

// redisVar is the variable RedisURL came from.
func (c Config) redisVar() string {
	if c.RedisVar != "" {
		return c.RedisVar
	}
	return "REDIS_URL"
}

// outOfBounds refuses a follow-up delay among set outside the range a
// manager's /mentor admin settings takes (bot.DurationBounds), so that the
// environment cannot set a default a manager could not, unless
// MENTORBOT_DURATION_BOUNDS=off.
func outOfBounds(c Config, set []string, getenv func(string) string) error {
	if c.AnyDuration {
		return nil
	}
	for _, v := range envVars {
		if v.setting == "" || !slices.Contains(set, v.Name) {
			continue
		}
		lo, hi, ok := bot.DurationBounds(v.setting)
		if !ok {
			continue
		}
		if d := *v.field(&c.Defaults); d < lo || d > hi {
			return fmt.Errorf("%s: want a duration from %s to %s (as the %s setting takes), got %q",
				v.Name, formatDuration(lo), formatDuration(hi), v.setting, getenv(v.Name))
		}
	}
	return nil
}

// slackURLs refuses SLACK_API_URL and SLACK_REDIRECT_URL, among set,
// unless each is an absolute http or https URL with a host, as the other
// URL settings are (absoluteURL): the Web API base, and where Slack sends
// the installer back (the state's cookie is Secure unless it is plain
// http). A user or password in either is refused without printing it.
func slackURLs(c Config, set []string) error {
	for _, v := range []struct{ name, value, example string }{
		{"SLACK_API_URL", c.Slack.APIURL, slackadapter.DefaultAPIURL},
		{"SLACK_REDIRECT_URL", c.Slack.RedirectURL, "https://mentorbot.example.com/slack/oauth_redirect"},
	} {
		if !slices.Contains(set, v.name) {
			continue
		}
		u, err := url.Parse(v.value)
		switch {
		case strings.Contains(v.value, "@") && (err != nil || u.User != nil):
			return fmt.Errorf("%s: want an absolute http or https URL with no user or password in it", v.name)
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			return fmt.Errorf("%s: want an absolute http or https URL such as %s, got %q", v.name, v.example, v.value)
		}
	}
	return nil
}

// takenAlone are the platforms' variables that may be set while the
// platform is off: API bases (a GovSlack endpoint, an egress or
// rate-limit proxy) that an environment may give every deployment, and
// which say nothing of the app.
var takenAlone = map[string]bool{"SLACK_API_URL": true, "DISCORD_API_URL": true}

// platformsOff refuses the SLACK_* variables among set when neither
// SLACK_BOT_TOKEN nor SLACK_CLIENT_ID (installs by OAuth) turns Slack on,
// and the DISCORD_* ones without DISCORD_BOT_TOKEN, naming the variables
// and never their values.
func platformsOff(c Config, set []string) error {
	var slack, discord []string
	for _, name := range set {
		switch {
		case takenAlone[name]:
		case strings.HasPrefix(name, "SLACK_"):
			slack = append(slack, name)
		case strings.HasPrefix(name, "DISCORD_"):
			discord = append(discord, name)
		}
	}
	var errs []string
	if len(slack) > 0 && c.Slack.BotToken == "" && c.Slack.ClientID == "" {
		errs = append(errs, fmt.Sprintf("SLACK_BOT_TOKEN is not set (nor SLACK_CLIENT_ID, to install by OAuth), yet %s: set the token to turn Slack on, or unset %s",
			isSet(slack), them(slack)))
	}
	if len(discord) > 0 && c.Discord.BotToken == "" {
		errs = append(errs, fmt.Sprintf("DISCORD_BOT_TOKEN is not set, yet %s: set the token to turn Discord on, or unset %s",
			isSet(discord), them(discord)))
	}
	if len(errs) == 0 {
		return nil
	}
	return errors.New(strings.Join(errs, "; "))
}

// isSet is "A is set" or "A and B are set", for names.
func isSet(names []string) string {
	if len(names) == 1 {
		return names[0] + " is set"
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " are set"
}

// them is "it" or "them", for names.
func them(names []string) string {
	if len(names) == 1 {
		return "it"
	}
	return "them"
}

// configError is a configuration refused once something answered, such
// as Redis refusing REDIS_URL's password: main exits with status 2, as for
// the refusals that need no network, since restarting will not help.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// exitStatus is the status main exits with for err: 2 for a configuration
// refused, 3 for an operator's export of a member the bot keeps nothing
// about (operator.go), 1 for anything else (Redis down).
func exitStatus(err error) int {
	if _, ok := errors.AsType[*configError](err); ok {
		return 2
	}
	if _, ok := errors.AsType[*unknownMemberError](err); ok {
		return 3
	}
	if _, ok := errors.AsType[*unknownWorkspaceError](err); ok {
		return 3
	}
	return 1
}

// redisAuth says what is wrong with the password of the Redis URL in
// name (REDIS_URL or REDIS_CLUSTER_ADDRS) when err is Redis refusing it,
// or "" when err is something else (Redis down is not the URL's fault).
// It reads Redis's reply, which the store passes on as text (and with
// the URL's password masked in it, so never the password itself):
// WRONGPASS, or "invalid password" before Redis 6, for a wrong password;
// NOAUTH for none given; "without any password configured" or "no
// password is set" for one that this Redis does not have.
func redisAuth(err error, name string) string {
	msg := err.Error()
	has := func(s ...string) bool {
		return slices.ContainsFunc(s, func(s string) bool { return strings.Contains(msg, s) })
	}
	switch {
	case has("WRONGPASS", "invalid username-password pair", "invalid password"):
		return "Redis refused the password: want the one it takes, in the URL (redis://:password@host:6379/0, or user:password@ for an ACL user)"
	case has("NOAUTH") && name == "REDIS_CLUSTER_ADDRS":
		return "this Redis needs a password: set the nodes and the password in REDIS_URL instead (redis+cluster://:password@host1:port,host2:port)"
	case has("NOAUTH"):
		return "this Redis needs a password: want it in the URL (redis://:password@host:6379/0)"
	case has("without any password configured", "no password is set"):
		return "this Redis has no password: remove it from the URL, or set one on the Redis (requirepass)"
	case has("DB index is out of range"):
		return "this Redis has no such database: want one it has at the end of the URL (below its databases setting, 16 by default), such as redis://host:6379/0"
	}
	return ""
}

// osGetenv is os.Getenv, named for main.
var osGetenv = os.Getenv
