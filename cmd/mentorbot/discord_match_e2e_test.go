package main_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// discordCommandChannel is the channel of the samples' slash commands,
// where an ephemeral reply shows.
const discordCommandChannel = "645027906669510667"

// TestDiscordAdminMatch: a manager's round on Discord. The preview is an
// ephemeral reply with its two buttons; a member who is not a manager
// cannot use them; the manager's click replaces the preview with what was
// sent, and the mentor gets the proposal by DM.
func TestDiscordAdminMatch(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	manager := discordGuild(t)
	discordEphemeral(t, c.Command(t, w.Mentee, "request", discordtest.Option{Name: "topic", Value: "go"}), "“go”")
	// An offer stored without the sweep an offer command runs: the round has work.
	tn := bot.Tenant{Platform: discord.Platform, Workspace: w.Guild}
	if err := w.Main.Store.SaveOffer(context.Background(), bot.Offer{Mentor: tn.Member(w.Mentor1), Topics: []string{"go"}, Capacity: 1}); err != nil {
		t.Fatal(err)
	}
	preview := c.Send(t, discordtest.Command(discordApp, w.Guild, manager, "admin match").AsServerManager())
	discordEphemeral(t, preview, en("round.title"))
	send, ok := preview.Data.Button(bot.ActionRoundSend)
	if _, cancel := preview.Data.Button(bot.ActionRoundCancel); !ok || !cancel {
		t.Fatalf("got buttons %+v, want Send these proposals and Cancel", preview.Data.Buttons())
	}
	click := func(user string) discordtest.Payload {
		return discordtest.ClickInChannel(discordApp, w.Guild, user, discordCommandChannel, discordGuild(t), send.CustomID)
	}
	t.Run("ErrForbidden", func(t *testing.T) {
		discordEphemeral(t, c.Send(t, click(w.Mentee)), "only the program's managers")
		if dms := w.REST.DMs(w.Mentor1); len(dms) != 0 {
			t.Fatalf("got %d DMs to the mentor, want none", len(dms))
		}
	})
	t.Run("Send", func(t *testing.T) {
		discordUpdated(t, c.Send(t, click(manager).AsServerManager()), "Sent 1 proposal:")
		if _, ok := c.LastDM(t, w.Mentor1).Button(bot.ActionProposalAccept); !ok {
			t.Fatalf("got no proposal for the mentor, want one with its buttons")
		}
	})
	t.Run("SecondClick", func(t *testing.T) {
		// Told to the clicker alone: the message keeps "Sent 1 proposal".
		discordEphemeral(t, c.Send(t, click(manager).AsServerManager()), en("round.already_sent", "command", en("round.command")))
		if dms := w.REST.DMs(w.Mentor1); len(dms) != 1 {
			t.Fatalf("got %d DMs to the mentor, want the one proposal", len(dms))
		}
	})
	discordChecks(t, w)
}
