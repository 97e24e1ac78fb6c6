package discord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// onMemberRemove receives GUILD_MEMBER_REMOVE (the privileged
// GUILD_MEMBERS intent): a member who leaves the server is erased as
// /mentor forget erases (bot.Forgetter), on a goroutine Close waits for.
// Every replica's gateway connection receives the event: the replica
// whose Claim of it succeeds erases, the others leave it (Config.Claim).
func (a *Adapter) onMemberRemove(_ *discordgo.Session, e *discordgo.GuildMemberRemove) {
	if e == nil || e.Member == nil || e.User == nil || e.User.ID == "" || e.GuildID == "" {
		return
	}
	a.eraseLeaver(bot.MemberID{Platform: Platform, Workspace: e.GuildID, User: e.User.ID})
}

// eraseLeaver erases a member who left the server as /mentor forget
// does (bot.Forgetter), on a goroutine Close waits for, if this replica
// claims the leave (Config.Claim): GUILD_MEMBER_REMOVE over the gateway,
// a click from a DM by someone Discord no longer counts as a member
// over HTTP (member.go).
func (a *Adapter) eraseLeaver(id bot.MemberID) {
	f, ok := a.h.(bot.Forgetter)
	if !ok {
		return
	}
	a.spawn(func() {
		if !a.claimed(leaveKey(id.Workspace, id.User)) {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), a.cfg.WorkTimeout)
		defer cancel()
		if err := f.Forget(ctx, id); err != nil {
			a.log.Error("member left: not erased", "member", id.String(), "err", err)
			return
		}
		a.log.Info("member left: erased", "member", id.String())
	})
}

// leaveKey names a member's leaving for Config.Claim without their ID:
// the claim outlives the erasure, and must not keep what it erased.
func leaveKey(guild, user string) string {
	sum := sha256.Sum256([]byte(guild + ":" + user))
	return "leave:" + hex.EncodeToString(sum[:16])
}
