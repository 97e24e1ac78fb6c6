package main

import (
	"context"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/metrics"
)

// openDiscord starts the Discord adapter when DISCORD_BOT_TOKEN is set:
// it registers /mentor, then takes interactions at POST
// /discord/interactions when DISCORD_PUBLIC_KEY is set, over the gateway
// otherwise (where replicas share each event out through a lock). The
// adapter is registered with the bot before it opens, so that the first
// interaction finds it; Close waits for interactions still being served,
// before the store closes. Discord unavailable at start (network errors,
// 5xx) does not stop it: the adapter logs a warning and registers /mentor
// (and connects the gateway) in the background; Discord refusing the
// registration (4xx) is an error, and the bot exits with status 1.
func (m *Main) openDiscord(ctx context.Context) error {
	c := m.Config.Discord
	if c.BotToken == "" {
		return nil
	}
	cfg := discord.Config{
		Token: c.BotToken, AppID: c.AppID, PublicKey: c.PublicKey, GuildID: c.GuildID,
		APIURL: c.APIURL, IntroChannelID: c.IntroChannelID,
		HTTPTransport: m.metrics.Transport(metrics.Discord, nil),
	}
	// Over the gateway every replica receives every event, and a signed
	// HTTP request may be replayed on any replica: the first to take the
	// event's lock in Redis serves the interaction, or erases the member
	// who left. The lock lasts as long as an interaction's token (15
	// minutes), longer than the 5 minutes in which a signed request is
	// accepted, and than the spread of one event over the replicas.
	cfg.Claim = func(ctx context.Context, key string) (bool, error) {
		return m.Store.TryLock(ctx, "discord:"+key, 15*time.Minute)
	}
	// An interaction whose reply is deferred is kept before the deferral
	// and forgotten once answered: another replica redelivers it if this
	// one dies in between.
	cfg.Keep, cfg.Forget = m.Bot.Receive, m.Bot.Handled
	// A server that removes the bot (seen over the gateway) is recorded
	// as an uninstall, dated by the core's clock: its scheduled work
	// stops, and it is erased after MENTORBOT_RETENTION unless the bot
	// comes back.
	cfg.Installs, cfg.Clock = m.Store, m.Clock
	if m.DiscordOptions != nil {
		m.DiscordOptions(&cfg)
	}
	a, err := discord.New(cfg, m.Bot, m.Log)
	if err != nil {
		return err
	}
	m.Bot.Register(discord.Platform, a)
	if err := a.Open(ctx); err != nil {
		a.Close()
		return err
	}
	// Its Close takes no deadline: Close gives up waiting for it at the
	// shutdown's end (shutdown.go).
	m.adapters = append(m.adapters, closer{"discord", func(context.Context) error { return a.Close() }})
	m.addProbe("discord", func(context.Context) error { return discordReady(a) })
	if c.PublicKey != "" {
		m.mux.Handle("POST /discord/interactions", m.metrics.Ack("/discord/interactions", a))
	}
	if a.Registering() || a.Ready() != nil {
		// Open said why (Discord unavailable): /mentor is registered in
		// the background, and /readyz says so meanwhile, 503 (discordReady).
		m.Log.Warn("discord started, not ready yet", "app", c.AppID, "http", c.PublicKey != "")
		return nil
	}
	m.Log.Info("discord ready", "app", c.AppID, "http", c.PublicKey != "")
	return nil
}
