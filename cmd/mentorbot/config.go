package main

import (
	"errors"
	"fmt"
	"os"
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

	RedisURL  string // REDIS_URL, or redis+cluster:// and REDIS_CLUSTER_ADDRS; empty: embedded Redis, nothing kept
	HTTPAddr  string // MENTORBOT_HTTP_ADDR
	LogLevel  string // MENTORBOT_LOG_LEVEL; empty: info, warn in the shell
	LogFormat string // LOG_FORMAT: "json" for JSON lines, text otherwise
	// TokenKeys seal the tokens of workspaces installed by OAuth
	// (MENTORBOT_TOKEN_KEY); nil when the variable is unset.
	TokenKeys *secret.Keyring

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
	return c, platformsOff(c, set)
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

// osGetenv is os.Getenv, named for main.
var osGetenv = os.Getenv
