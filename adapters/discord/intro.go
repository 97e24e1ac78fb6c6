package discord

import (
	"context"
	"net/http"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// channelInGuild reports whether channel belongs to guild, from GET
// /channels/{id}, cached: a bot in many guilds has one
// DISCORD_INTRO_CHANNEL_ID, which names a channel of one of them, and a
// manager could type another server's channel ID into intro-channel.
// A channel Discord does not show the bot is cached as in no guild; a
// failed lookup is not cached, and counts as another guild's this time.
func (a *Adapter) channelInGuild(ctx context.Context, channel, guild string) bool {
	if g, ok := a.guildOf.Load(channel); ok {
		return g.(string) == guild
	}
	if !isSnowflake(channel) {
		return false
	}
	var ch *discordgo.Channel
	err := a.restCall(ctx, "get channel", func(opt discordgo.RequestOption) (err error) {
		ch, err = a.rest.Channel(channel, opt)
		return err
	})
	switch {
	case err == nil:
		a.guildOf.Store(channel, ch.GuildID)
		if ch.GuildID != guild {
			a.log.Warn("intro channel of another server: sending DMs", "channel", channel, "guild", guild)
		}
		return ch.GuildID == guild
	case restStatus(err) == http.StatusNotFound || restStatus(err) == http.StatusForbidden:
		a.guildOf.Store(channel, "") // not there, or not for the bot: for good
	}
	a.log.Warn("intro channel unreadable: sending DMs", "channel", channel, "guild", guild, "code", string(bot.ErrorCode(coded(err, "get channel"))))
	return false
}
