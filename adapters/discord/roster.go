package discord

import (
	"context"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

var _ bot.Roster = (*Adapter)(nil)

// StillMember implements bot.Roster with GET guilds/{guild}/members/{user}:
// only 10007 Unknown Member or 10013 Unknown User say that the member
// left. Anything else, 10004 Unknown Guild (the bot was removed) or 403
// included, is an error, so that nobody is erased on a doubt. discordgo's
// per-route buckets wait when Discord says the route is exhausted, and
// 429s are waited out within ctx (call.go), so the daily check (bot.ForgetLeavers) stays
// within the rate limits shared with the bot's other calls.
func (a *Adapter) StillMember(ctx context.Context, id bot.MemberID) (bool, error) {
	if err := checkMember(id); err != nil {
		return false, err
	}
	err := a.restCall(ctx, "get member", func(opt discordgo.RequestOption) error {
		_, err := a.rest.GuildMember(id.Workspace, id.User, opt)
		return err
	})
	switch restCode(err) {
	case codeUnknownMember, codeUnknownUser:
		return false, nil
	}
	if err != nil {
		return false, coded(err, "get member")
	}
	return true, nil
}
