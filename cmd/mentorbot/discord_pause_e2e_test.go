package main_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordAutoPauseResume: on Discord, a mentor who lets a proposal
// expire (unanswered:1) gets the auto-pause DM with a Resume button; the
// click replaces it with what resumed, and a second click on the same
// message says the pause is over.
func TestDiscordAutoPauseResume(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	tenant := bot.Tenant{Platform: "discord", Workspace: w.Guild}
	if err := w.Main.Store.SetSetting(context.Background(), tenant, "unanswered", "1"); err != nil {
		t.Fatal(err)
	}
	discordEphemeral(t, c.Command(t, w.Mentor1, "offer", discordtest.Option{Name: "topics", Value: "go"}), "mentor for: go")
	discordEphemeral(t, c.Command(t, w.Mentee, "request", discordtest.Option{Name: "topic", Value: "go"}), "asked a mentor")
	w.Main.Clock.(*bot.ManualClock).Advance(48*time.Hour + time.Minute)
	discordTick(t, w)

	var paused discordtest.Message
	for _, m := range w.REST.DMs(w.Mentor1) {
		if _, ok := m.Button(bot.ActionPauseResume); ok {
			paused = m
		}
	}
	if !strings.Contains(paused.Text(), "You seem busy, so I've paused your offer.") {
		t.Fatalf("got %q, want the auto-pause DM with its Resume button", paused.Text())
	}
	discordEphemeral(t, c.Command(t, w.Mentor1, "status"), "Mentor for: go (paused)")
	discordUpdated(t, c.Click(t, w.Mentor1, paused, bot.ActionPauseResume), "Welcome back!")
	discordEphemeral(t, c.Command(t, w.Mentor1, "status"), "open to requests")
	// Told to the clicker alone: the message keeps "Welcome back!".
	discordEphemeral(t, c.Click(t, w.Mentor1, paused, bot.ActionPauseResume), "Your pause has already ended")
	discordChecks(t, w)
}
