package main_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
	main "github.com/mentorbot/mentorbot/cmd/mentorbot"
)

// TestDiscordStatusHome: Discord has no home tab, so /mentor status shows
// the home as an ephemeral message with the same buttons as Slack's App
// Home: a pair's next check-in and its end button, the forms that open
// from it, and a mentor pausing and resuming with a click.
func TestDiscordStatusHome(t *testing.T) {
	w := MustStartDiscord(t, true, func(c *main.DiscordConfig) { c.IntroChannelID = discordIntro })
	pair := playDiscordFlow(t, w)
	mentor, mentee := pair[0], pair[1]
	c := w.Client

	status := c.Command(t, mentee, "status")
	discordEphemeral(t, status, "Your mentoring")
	for _, want := range []string{
		"on “go”: active",
		en("home.no_meeting"), en("home.checkin", "date", "5 March 2026"),
	} {
		if !strings.Contains(status.Data.Text(), want) {
			t.Fatalf("got status %q, want %q", status.Data.Text(), want)
		}
	}
	mustDiscordButtons(t, *status.Data, bot.ActionOfferOpen, bot.ActionHomeProfile, bot.ActionEndAsk)

	// The forms open as modals; the end asks for a confirmation.
	if r := c.Click(t, mentee, *status.Data, bot.ActionOfferOpen); r.Type != discordtest.Modal || !strings.HasSuffix(r.Data.CustomID, ":form:offer") {
		t.Fatalf("got response %d %+v, want the offer form", r.Type, r.Data)
	}
	discordEphemeral(t, c.Click(t, mentee, *status.Data, bot.ActionEndAsk), en("end.confirm_title"))

	// The mentor pauses and resumes from their status.
	status = c.Command(t, mentor, "status")
	discordEphemeral(t, status, en("status.offer", "topics", "go and kubernetes", "state", en("status.offer_open")))
	mustDiscordButtons(t, *status.Data, bot.ActionHomePause, bot.ActionEndAsk)
	discordEphemeral(t, c.Click(t, mentor, *status.Data, bot.ActionHomePause), en("offer.paused")[:20])
	discordEphemeral(t, c.Click(t, mentee, *status.Data, bot.ActionHomePause), en("err.not_your_button"))
	status = c.Command(t, mentor, "status")
	discordEphemeral(t, status, en("status.offer_paused"))
	discordEphemeral(t, c.Click(t, mentor, *status.Data, bot.ActionHomeResume), en("offer.resumed"))
}

// mustDiscordButtons checks that a message has a button of each action.
func mustDiscordButtons(tb testing.TB, m discordtest.Message, actions ...string) {
	tb.Helper()
	for _, a := range actions {
		if _, ok := m.Button(a); !ok {
			tb.Fatalf("got buttons %+v, want one %s", m.Buttons(), a)
		}
	}
}
