package main_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordForgetTwiceInFrench: a member who reads French, on a Discord
// client in English, double-clicks « Oui, tout effacer ». The first click
// erases their record, their language with it; the second still answers
// in French, not in the client's English.
func TestDiscordForgetTwiceInFrench(t *testing.T) {
	w := MustStartDiscord(t, false)
	c, ann := w.Client, w.Mentee
	discordEphemeral(t, c.Command(t, ann, "lang", discordtest.Option{Name: "lang", Value: "fr"}), "français")
	discordEphemeral(t, c.Command(t, ann, "offer", discordtest.Option{Name: "topics", Value: "go"}), "mentor pour")
	r := c.Command(t, ann, "forget")
	discordEphemeral(t, r, "Cela efface votre profil")
	b, ok := r.Data.Button(bot.ActionForgetConfirm)
	if !ok {
		t.Fatalf("got buttons %+v, want the confirmation's", r.Data.Buttons())
	}
	click := func() discordtest.Response {
		return c.Send(t, discordtest.ClickInChannel(discordApp, w.Guild, ann, discordCommandChannel, discordGuild(t), b.CustomID).WithLocale("en-US"))
	}
	// The second click erases nothing more, and says so.
	for i, want := range []string{bot.T(bot.French, "forget.done"), bot.T(bot.French, "forget.already")} {
		if res := click(); res.Data == nil || res.Data.Text() != want {
			t.Fatalf("click %d: got %+v, want %q", i+1, res.Data, want)
		}
	}
}
