package main_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestDiscordFollowUp goes on after the introduction: the check-in DM,
// the flash survey whose questions replace each other in the same DM,
// and the comment form opened by a button in a DM and submitted there,
// where Discord sends no server at all.
func TestDiscordFollowUp(t *testing.T) {
	w := MustStartDiscord(t, true)
	c := w.Client
	pair := playDiscordFlow(t, w)
	mentee := pair[1]
	clock := w.Main.Clock.(*bot.ManualClock)

	clock.Advance(3*24*time.Hour + time.Hour)
	discordTick(t, w)
	checkin := c.LastDM(t, mentee)
	if !strings.HasPrefix(checkin.Embeds[0].Title, "Check-in: go") {
		t.Fatalf("got %q, want the check-in", checkin.Text())
	}
	discordUpdated(t, c.Click(t, mentee, checkin, bot.ActionCheckinYes), "survey is on its way")

	discordTick(t, w)
	survey := c.LastDM(t, mentee)
	first := survey
	for _, q := range []struct{ answer, next string }{
		{":rating:5", "answer your questions?"},
		{":answered:yes", "mentor others one day?"},
		{":become:yes", "add a comment"},
	} {
		r := c.ClickWith(t, mentee, survey, q.answer)
		if r.Type != discordtest.UpdateMessage || !strings.Contains(r.Data.Text(), q.next) || len(r.Data.Buttons()) == 0 {
			t.Fatalf("after %s: got %d %q, want the message replaced by %q with its buttons", q.answer, r.Type, r.Data.Text(), q.next)
		}
		survey = discordtest.Updated(survey, r)
	}
	discordEphemeral(t, c.ClickWith(t, mentee, first, ":rating:5"), "already answered") // a stale copy of the message

	form := c.Click(t, mentee, survey, bot.ActionSurveyComment)
	if form.Type != discordtest.Modal || form.Data.CustomID != "mb:"+w.Guild+":form:comment" {
		t.Fatalf("got %d %+v, want the comment form opened from the DM", form.Type, form.Data)
	}
	submit := discordtest.Submit(discordApp, w.Guild, mentee, form.Data.CustomID, map[string]string{"text": "Very helpful " + discordHostile}).WithoutGuild()
	discordEphemeral(t, c.Send(t, submit), "comment is saved")
	discordChecks(t, w)
}

// discordTick runs the follow-up jobs that are due, as the scheduler would,
// in this world's server only: other tests on the same Redis keep theirs.
func discordTick(t *testing.T, w *discordWorld) {
	t.Helper()
	if _, err := w.Main.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "discord", Workspace: w.Guild}); err != nil {
		t.Fatalf("tick: %v", err)
	}
}
