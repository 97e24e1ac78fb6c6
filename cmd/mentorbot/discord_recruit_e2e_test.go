package main_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordInviteMentors: a manager invites a member to mentor in a
// program; the invitation arrives by DM as a campaign; its "Yes, I'll
// mentor" opens the offer modal, whose custom_id keeps the program, and
// the offer joins it; another member's click is refused.
func TestDiscordInviteMentors(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	_, asManager := discordManager(t, w)
	discordEphemeral(t, asManager("admin program", discordtest.Option{Name: "action", Value: `create "Mentorat 2027"`},
		discordtest.Option{Name: "start", Value: "2027-01-15"}, discordtest.Option{Name: "end", Value: "2027-06-30"}), "created")
	discordEphemeral(t, asManager("admin invite-mentors", discordtest.Option{Name: "program", Value: "mentorat-2027"},
		discordtest.Option{Name: "members", Value: "<@" + w.Mentee + ">"}), "I am inviting 1 member")
	tn := bot.Tenant{Platform: "discord", Workspace: w.Guild}
	for range 3 {
		w.Main.Clock.(*bot.ManualClock).Advance(10 * time.Second)
		if _, err := w.Main.Bot.TickTenants(context.Background(), tn); err != nil {
			t.Fatalf("tick: %v", err)
		}
	}
	dm := c.LastDM(t, w.Mentee)
	if !strings.Contains(dm.Text(), "thinks you would make a good mentor") {
		t.Fatalf("got %q, want the invitation", dm.Text())
	}
	form := c.Click(t, w.Mentee, dm, bot.ActionGiveBackYes)
	if form.Type != discordtest.Modal || form.Data.CustomID != "mb:"+w.Guild+":form:offer?program=mentorat-2027" {
		t.Fatalf("got %d %+v, want the offer form for Mentorat 2027", form.Type, form.Data)
	}
	discordEphemeral(t, c.Submit(t, w.Mentee, form, map[string]string{"topics": "design"}), "Mentorat 2027")
	discordChecks(t, w)
}
