package main_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordProgram: a server manager creates a program through its
// modal (a wrong end date comes back as a sentence), lists it; members
// join it with program:, in English and in French, and wait for its
// kick-off; at the start date the kick-off round is posted in the
// managers' channel and sent from there; the manager closes the program
// with the confirmation button, once.
func TestDiscordProgram(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	manager, asManager := discordManager(t, w)
	form := asManager("admin program", discordtest.Option{Name: "action", Value: "create"})
	if form.Type != discordtest.Modal || form.Data.CustomID != "mb:"+w.Guild+":form:admin program" {
		t.Fatalf("got response %d %+v, want the program form", form.Type, form.Data)
	}
	t.Run("ErrInvalid", func(t *testing.T) {
		discordEphemeral(t, c.Submit(t, w.Mentee, form, map[string]string{"name": "X", "start": "2027-01-15", "end": "2027-06-30"}), "only the program's managers")
		r := c.Send(t, discordtest.Submit(discordApp, w.Guild, manager, form.Data.CustomID,
			map[string]string{"name": "Mentorat 2027", "start": "2027-01-15", "end": "2027-01-01"}).AsServerManager())
		discordEphemeral(t, r, "before it starts")
	})
	t.Run("Create", func(t *testing.T) {
		r := c.Send(t, discordtest.Submit(discordApp, w.Guild, manager, form.Data.CustomID,
			map[string]string{"name": "Mentorat 2027", "kind": "one-to-one", "start": "2027-01-15", "end": "2027-06-30"}).AsServerManager())
		discordEphemeral(t, r, "Program “Mentorat 2027” created (`mentorat-2027`)")
		discordEphemeral(t, asManager("admin program", discordtest.Option{Name: "action", Value: "list"}), "Mentorat 2027 (`mentorat-2027`): one-to-one mentoring")
	})
	t.Run("Join", func(t *testing.T) {
		discordEphemeral(t, c.Command(t, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"}, discordtest.Option{Name: "program", Value: "mentorat-2027"}), "mentor for: go")
		discordEphemeral(t, c.Command(t, w.Mentee, "request", discordtest.Option{Name: "topic", Value: "go"}, discordtest.Option{Name: "program", Value: "Mentorat 2027"}),
			"saved in “Mentorat 2027”")
		fr := c.Send(t, discordtest.Command(discordApp, w.Guild, w.Mentor2, "request", discordtest.Option{Name: "topic", Value: "rust"}, discordtest.Option{Name: "program", Value: "nope"}).WithLocale("fr"))
		discordEphemeral(t, fr, "Je ne connais aucun programme «\u202fnope\u202f». Programmes ouverts\u202f: `Mentorat 2027` et le programme par défaut\u202f: `défaut`.")
		if dms := w.REST.DMs(w.Mentor1); len(dms) != 0 {
			t.Fatalf("got %d DMs to the mentor, want none before the kick-off", len(dms))
		}
	})
	t.Run("KickOff", func(t *testing.T) {
		discordEphemeral(t, asManager("admin digest-channel", discordtest.Option{Name: "channel", Value: "<#" + discordAnnounce + ">"}), "")
		clock := w.Main.Clock.(*bot.ManualClock)
		clock.Advance(time.Date(2027, 1, 15, 0, 1, 0, 0, time.UTC).Sub(clock.Now()))
		if _, err := w.Main.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "discord", Workspace: w.Guild}); err != nil {
			t.Fatal(err)
		}
		posts := w.REST.Messages(discordAnnounce)
		if len(posts) != 1 || posts[0].Embeds[0].Title != "“Mentorat 2027” has started" {
			t.Fatalf("got %+v, want the kick-off in the managers' channel", posts)
		}
		send, ok := posts[0].Button(bot.ActionRoundSend)
		if !ok {
			t.Fatalf("got buttons %+v, want Send these proposals", posts[0].Buttons())
		}
		r := c.Send(t, discordtest.ClickInChannel(discordApp, w.Guild, manager, discordAnnounce, posts[0].ID, send.CustomID).AsServerManager())
		discordUpdated(t, r, "Sent 1 proposal:")
		if _, ok := c.LastDM(t, w.Mentor1).Button(bot.ActionProposalAccept); !ok {
			t.Fatalf("got no proposal for the mentor, want one with its buttons")
		}
	})
	t.Run("Close", func(t *testing.T) {
		confirm := asManager("admin program", discordtest.Option{Name: "action", Value: "close mentorat-2027"})
		discordEphemeral(t, confirm, "Closing “Mentorat 2027” ends it now")
		b, _ := confirm.Data.Button(bot.ActionProgramClose)
		click := func() discordtest.Response {
			return c.Send(t, discordtest.ClickInChannel(discordApp, w.Guild, manager, discordCommandChannel, discordGuild(t), b.CustomID).AsServerManager())
		}
		discordUpdated(t, click(), "“Mentorat 2027” is closed.")
		// The second click is told alone; the message keeps "is closed".
		discordEphemeral(t, click(), "already closed")
	})
	discordChecks(t, w)
}
