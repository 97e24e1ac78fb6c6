package main_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordNeeds runs the needs survey on Discord: posted in a channel
// with a string select menu per question, answered in French by a member
// who chooses in a menu, turned into a request with one click; then sent
// by DM as a paced campaign whose progress DM is edited, and the opt-out.
func TestDiscordNeeds(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	manager, asManager := discordManager(t, w)
	discordEphemeral(t, c.Command(t, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"}, discordtest.Option{Name: "languages", Value: "en, fr"}), "mentor for: go")
	discordEphemeral(t, asManager("admin needs", discordtest.Option{Name: "program", Value: "Mentorat 2027"},
		discordtest.Option{Name: "channel", Value: "<#" + discordAnnounce + ">"}, discordtest.Option{Name: "topics", Value: "go, kubernetes"}), "posted")
	posts := w.REST.Messages(discordAnnounce)
	if len(posts) != 1 || len(posts[0].Menus()) != 4 {
		t.Fatalf("got %+v, want the survey with four menus", posts)
	}
	survey := posts[0]
	if m := survey.Menus()[0]; len(m.Options) != 2 || m.MaxValues != 2 || m.MinValues == nil || *m.MinValues != 0 || len(m.CustomID) > 100 {
		t.Fatalf("got menu %+v, want a multi-select of two topics", m)
	}

	p := discordtest.Choose(discordApp, w.Guild, w.Mentee, discordAnnounce, survey.ID, survey.Menus()[0].CustomID, []string{"0"}).WithLocale("fr")
	answer := c.Send(t, p)
	discordEphemeral(t, answer, bot.T(bot.French, "needs.saved.learn", "value", "go"))
	b, ok := answer.Data.Button(bot.ActionNeedsMentee)
	if !ok {
		t.Fatalf("got %+v, want the sign-up button", answer.Data.Buttons())
	}
	c.Send(t, discordtest.ClickInChannel(discordApp, w.Guild, w.Mentee, discordAnnounce, survey.ID, b.CustomID).WithLocale("fr"))
	w.REST.WaitFor(t, "the proposal", func() bool { return len(w.REST.DMs(w.Mentor1)) > 0 })

	t.Run("SomethingElse", func(t *testing.T) {
		b, _ := survey.Button(bot.ActionNeedsOther)
		form := c.Send(t, discordtest.ClickInChannel(discordApp, w.Guild, w.Mentor1, discordAnnounce, survey.ID, b.CustomID))
		if form.Type != discordtest.Modal || form.Data.CustomID != "mb:"+w.Guild+":form:needs" {
			t.Fatalf("got %d %+v, want the form with the free field", form.Type, form.Data)
		}
		discordEphemeral(t, c.Submit(t, w.Mentor1, form, map[string]string{"program": "Mentorat 2027", "other": "Evenings only"}), "Evenings only")
	})
	t.Run("Campaign", func(t *testing.T) {
		discordEphemeral(t, asManager("admin needs", discordtest.Option{Name: "program", Value: "Mentorat 2027"}, discordtest.Option{Name: "dm", Value: "yes"}), "by direct message")
		progress := c.LastDM(t, manager)
		if !strings.Contains(progress.Text(), "Sent 0 of") {
			t.Fatalf("got %q, want the progress", progress.Text())
		}
		tn := bot.Tenant{Platform: "discord", Workspace: w.Guild}
		for range 10 {
			w.Main.Clock.(*bot.ManualClock).Advance(10 * time.Second)
			if _, err := w.Main.Bot.TickTenants(context.Background(), tn); err != nil {
				t.Fatalf("tick: %v", err)
			}
		}
		edits := w.REST.MessageEdits(progress.ChannelID, progress.ID)
		if len(edits) == 0 || !strings.Contains(edits[len(edits)-1].Text(), "Finished") {
			t.Fatalf("got edits %+v, want the progress finished", edits)
		}
		dm := c.LastDM(t, w.Mentee)
		if len(dm.Menus()) != 4 || !strings.Contains(dm.Text(), "Préparer Mentorat 2027") {
			t.Fatalf("got %q, want the survey in French", dm.Text())
		}
		discordEphemeral(t, c.Choose(t, w.Mentee, dm, false, ":month:", "2"), "mai 2026")
		discordUpdated(t, c.Click(t, w.Mentee, dm, bot.ActionCampaignOptOut), "/mentor campagnes choix:oui")
		discordChecks(t, w)
	})
}
