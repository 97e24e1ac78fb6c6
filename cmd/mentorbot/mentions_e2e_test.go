package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackMentions: the members and channels a signed slash command
// names with Slack's mentions (<@U123|name>, <#C123|name>) reach the core
// as their IDs; a mention of something else is refused with the text
// Slack sent read as plain text, in the member's language.
func TestSlackMentions(t *testing.T) {
	w := MustStartSlack(t)
	t.Run("MemberOK", func(t *testing.T) {
		MustContain(t, w.MustCommand(admin, "admin managers add <@"+bob.ID+"|bob>"), "is now a manager of the program")
		if got := w.MustCommand(bob, "admin managers list").AllText(); got == "" || strings.Contains(got, en("err.forbidden")) {
			t.Fatalf("got %q, want Bob a manager", got)
		}
	})
	t.Run("UnknownMemberOK", func(t *testing.T) {
		MustContain(t, w.MustCommand(admin, "admin managers remove <@UNOBODY|nobody>"), en("err.admin.not_manager", "name", "UNOBODY"))
	})
	t.Run("ChannelOK", func(t *testing.T) {
		MustContainLink(t, w.MustCommand(admin, "admin digest-channel <#C0MANAGERS|managers>"), en("admin.digest_channel.set", "channel", "#C0MANAGERS"), "C0MANAGERS")
	})
	t.Run("ErrBadUser", func(t *testing.T) {
		MustContain(t, w.MustCommand(admin, "admin managers add <#C0GENERAL|general>"), en("err.admin.bad_user", "value", "#C0GENERAL"))
	})
	t.Run("ErrBadChannel", func(t *testing.T) {
		MustContain(t, w.MustCommand(admin, "admin digest-channel <@"+bob.ID+"|bob>"), en("err.admin.bad_channel", "value", "@"+bob.ID))
	})
	t.Run("ErrBadUserFrench", func(t *testing.T) {
		w.MustCommand(admin, "lang fr")
		MustContain(t, w.MustCommand(admin, "admin managers add <#C0GENERAL|general>"), fr("err.admin.bad_user", "value", "#C0GENERAL"))
	})
}

// TestDiscordMentions: over signed HTTP interactions, the members and
// channels a command names with Discord's mentions (<@123>, <@!123>,
// <#123>) in its text options reach the core as their IDs: a manager
// added, a digest channel set, a pair found by /mentor end. A mention of
// something else is refused quoting it as typed, in the member's language.
func TestDiscordMentions(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	manager := discordGuild(t)
	asManager := func(p discordtest.Payload) discordtest.Response { return c.Send(t, p.AsServerManager()) }
	command := func(sub string, opts ...discordtest.Option) discordtest.Payload {
		return discordtest.Command(discordApp, w.Guild, manager, sub, opts...)
	}
	managers := func(user string) discordtest.Payload {
		return command("admin managers", discordtest.Option{Name: "action", Value: "add"}, discordtest.Option{Name: "user", Value: user})
	}
	// Discord shows text as typed: the reply breaks the mention's syntax
	// with a zero-width space so that it shows as typed, not as a role.
	const role, shown = "<@&456>", "<\u200b@&456>"

	t.Run("MemberOK", func(t *testing.T) {
		discordEphemeral(t, asManager(managers("<@!"+w.Mentor2+">")), "is now a manager of the program")
		r := c.Command(t, w.Mentor2, "admin stats")
		if r.Data == nil || strings.Contains(r.Data.Text(), bot.T(bot.English, "err.forbidden")) {
			t.Fatalf("got %+v, want the added manager allowed", r.Data)
		}
	})
	t.Run("ChannelOK", func(t *testing.T) {
		discordEphemeral(t, asManager(command("admin digest-channel", discordtest.Option{Name: "channel", Value: "<#" + discordAnnounce + ">"})),
			en("admin.digest_channel.set", "channel", "<#"+discordAnnounce+">"))
	})
	t.Run("ErrBadUser", func(t *testing.T) {
		discordEphemeral(t, asManager(managers(role)), en("err.admin.bad_user", "value", shown))
		discordEphemeral(t, asManager(managers("<#"+discordAnnounce+">")), en("err.admin.bad_user", "value", "<\u200b#"+discordAnnounce+">"))
	})
	t.Run("ErrBadUserFrench", func(t *testing.T) {
		// A manager the bot has never met: their client's locale decides.
		p := discordtest.Command(discordApp, w.Guild, discordGuild(t), "admin managers", discordtest.Option{Name: "action", Value: "add"}, discordtest.Option{Name: "user", Value: role})
		discordEphemeral(t, asManager(p.WithLocale("fr")), fr("err.admin.bad_user", "value", shown))
	})
	t.Run("EndByMentionOK", func(t *testing.T) {
		mentor, mentee := w.Mentor1, w.Mentee
		discordEphemeral(t, c.Command(t, mentor, "offer", discordtest.Option{Name: "topics", Value: "go"}), "mentor for: go")
		discordEphemeral(t, c.Command(t, mentee, "request", discordtest.Option{Name: "topic", Value: "go"}, discordtest.Option{Name: "kind", Value: "one-to-one"}), "asked a mentor")
		discordUpdated(t, c.Click(t, mentor, c.LastDM(t, mentor), bot.ActionProposalAccept), "You accepted")
		charterMentor, charterMentee := c.LastDM(t, mentor), c.LastDM(t, mentee)
		discordUpdated(t, c.Click(t, mentor, charterMentor, bot.ActionCharterAccept), "waiting for")
		discordUpdated(t, c.Click(t, mentee, charterMentee, bot.ActionCharterAccept), "both accepted")
		discordEphemeral(t, c.Command(t, mentee, "end", discordtest.Option{Name: "pair", Value: "<@" + mentor + ">"}), "Are you sure you want to end your pair with")
		discordEphemeral(t, c.Command(t, mentee, "end", discordtest.Option{Name: "pair", Value: "<@!" + manager + ">"}), "You have no pair in progress with user"+manager+".") // the fake directory's name for them, not "@" and their ID
	})
	discordChecks(t, w)
}
