package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackLanguageAsk: on Slack, a request in languages no mentor of
// the topic speaks gets the question with its button; another member's
// click is refused; the mentee's click widens the request and the mentor
// gets the proposal by DM.
func TestSlackLanguageAsk(t *testing.T) {
	w := MustStartSlack(t)
	w.MustCommand(bob, "offer kubernetes")
	r := w.MustCommand(alice, "request kubernetes languages:de")
	MustContain(t, r, "No German-speaking mentor offers “kubernetes” yet; 1 English-speaking mentor does.")
	MustContain(t, w.reply(w.clickEphemeral(carol, r, bot.ActionRequestLanguages)), "meant for someone else")
	MustContain(t, w.reply(w.clickEphemeral(alice, r, bot.ActionRequestLanguages)), "now also accepts mentors who speak English")
	w.dms(bob, 1, hasButton(bot.ActionProposalAccept))
}

// TestDiscordLanguageAsk: the same on Discord, with a custom_id that
// fits Discord's 100 characters.
func TestDiscordLanguageAsk(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	discordEphemeral(t, c.Command(t, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "kubernetes"}), "kubernetes")
	r := c.Command(t, w.Mentee, "request", discordtest.Option{Name: "topic", Value: "kubernetes"}, discordtest.Option{Name: "languages", Value: "de"})
	discordEphemeral(t, r, "No German-speaking mentor offers “kubernetes” yet; 1 English-speaking mentor does.")
	b, ok := r.Data.Button(bot.ActionRequestLanguages)
	if !ok || len(b.CustomID) > 100 {
		t.Fatalf("got buttons %+v, want the question's, with a custom_id of at most 100 characters", r.Data.Buttons())
	}
	click := func(user string) discordtest.Payload {
		return discordtest.ClickInChannel(discordApp, w.Guild, user, discordCommandChannel, discordGuild(t), b.CustomID)
	}
	discordEphemeral(t, c.Send(t, click(w.Mentor2)), "meant for someone else")
	res := c.Send(t, click(w.Mentee))
	if res.Data == nil || !strings.Contains(res.Data.Text(), "English") {
		t.Fatalf("got %d %+v, want the request widened to English", res.Type, res.Data)
	}
	if _, ok := c.LastDM(t, w.Mentor1).Button(bot.ActionProposalAccept); !ok {
		t.Fatalf("got no proposal for the mentor, want one with its buttons")
	}
	discordChecks(t, w)
}
