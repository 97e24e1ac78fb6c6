package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordTypoSuggestion: on Discord, a request on a topic one letter
// away from an offered one gets the suggestion as an ephemeral reply with
// its button; another member's click is refused; the mentee's click
// changes the request and the mentor gets the proposal by DM.
func TestDiscordTypoSuggestion(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	discordEphemeral(t, c.Command(t, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "kubernetes"}), "kubernetes")
	r := c.Command(t, w.Mentee, "request", discordtest.Option{Name: "topic", Value: "kubernete"})
	discordEphemeral(t, r, "Did you mean “kubernetes” (1 mentor)?")
	b, ok := r.Data.Button(bot.ActionRequestTopic)
	if !ok || len(b.CustomID) > 100 {
		t.Fatalf("got buttons %+v, want the suggestion's, with a custom_id of at most 100 characters", r.Data.Buttons())
	}
	click := func(user string) discordtest.Payload {
		return discordtest.ClickInChannel(discordApp, w.Guild, user, discordCommandChannel, discordGuild(t), b.CustomID)
	}
	discordEphemeral(t, c.Send(t, click(w.Mentor2)), "meant for someone else")
	res := c.Send(t, click(w.Mentee))
	if res.Data == nil || !strings.Contains(res.Data.Text(), "kubernetes") {
		t.Fatalf("got %d %+v, want the request changed to kubernetes", res.Type, res.Data)
	}
	if _, ok := c.LastDM(t, w.Mentor1).Button(bot.ActionProposalAccept); !ok {
		t.Fatalf("got no proposal for the mentor, want one with its buttons")
	}
	discordChecks(t, w)
}
