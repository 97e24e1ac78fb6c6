package discord_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/discord"
	"github.com/mentorbot/mentorbot/adapters/discord/discordtest"
	"github.com/mentorbot/mentorbot/bot"
)

// TestGoals sets a pair's goals in Discord and answers their progress:
// the introduction's Set our goals button opens a modal prefilled with
// the request's goal, its submission saves the goals, and the check-in's
// menu records a goal done, once.
func TestGoals(t *testing.T) {
	h := MustHarness(t)
	c := h.Client
	h.MustOffer(t, mentor1, "go")
	MustEphemeral(t, c.Command(t, mentee, "request", discordtest.Option{Name: "topic", Value: "go"},
		discordtest.Option{Name: "kind", Value: "one-to-one"}, discordtest.Option{Name: "goal", Value: "ship a Go service"}), "asked a mentor")
	MustUpdate(t, c.Click(t, mentor1, c.LastDM(t, mentor1), "proposal.accept"), "You accepted")
	MustUpdate(t, c.Click(t, mentee, c.LastDM(t, mentee), "charter.accept"), "waiting for")
	MustUpdate(t, c.Click(t, mentor1, c.LastDM(t, mentor1), "charter.accept"), "both accepted")

	intro, mentorIntro := c.LastDM(t, mentee), c.LastDM(t, mentor1)
	form := c.Click(t, mentee, intro, bot.ActionGoalsOpen)
	if form.Type != discordtest.Modal || len(form.Data.Inputs()) != 3 || form.Data.Inputs()[0].Value != "ship a Go service" {
		t.Fatalf("got response %d %+v, want the goals modal, the request's goal first", form.Type, form.Data)
	}
	MustEphemeral(t, c.Submit(t, mentee, form, map[string]string{"first": "ship a Go service", "second": "review a PR"}),
		"Your goals for your pair with")
	// The mentor's click on the shared introduction opens their own form.
	form = c.Click(t, mentor1, mentorIntro, bot.ActionGoalsOpen)
	MustEphemeral(t, c.Submit(t, mentor1, form, map[string]string{"first": "listen"}), "2. review a PR")

	h.Clock.Advance(3*24*time.Hour + time.Minute)
	if _, err := h.Bot.TickTenants(context.Background(), bot.Tenant{Platform: discord.Platform, Workspace: h.Guild}); err != nil {
		t.Fatal(err)
	}
	checkin, mentorCheckin := c.LastDM(t, mentee), c.LastDM(t, mentor1)
	menus := checkin.Menus()
	if !strings.Contains(checkin.Text(), "Have you been in touch") || len(menus) != 1 || len(menus[0].Options) != 9 {
		t.Fatalf("got %q with menus %+v, want the check-in with a menu of 3 goals × 3", checkin.Text(), menus)
	}
	var done string
	for _, o := range menus[0].Options {
		if strings.HasPrefix(o.Label, "1. ship a Go service: done") {
			done = o.Value
		}
	}
	MustEphemeral(t, c.Choose(t, mentee, checkin, false, bot.ActionGoalProgress, done), "Well done: “ship a Go service” is done!")
	MustEphemeral(t, c.Choose(t, mentee, checkin, false, bot.ActionGoalProgress, done), "already marked done")
	// The mentor's menu was sent before: its "not started" is refused,
	// with the goals now and a fresh menu, and the mentee's done stays.
	var notStarted string
	for _, o := range mentorCheckin.Menus()[0].Options {
		if strings.HasPrefix(o.Label, "1. ship a Go service: not started") {
			notStarted = o.Value
		}
	}
	refused := MustEphemeral(t, c.Choose(t, mentor1, mentorCheckin, false, bot.ActionGoalProgress, notStarted),
		"marked “ship a Go service” done since this message: it stays done. Choose again in the menu if it has changed.")
	if !strings.Contains(refused.Text(), "ship a Go service") || len(refused.Menus()) != 1 || len(refused.Menus()[0].Options) != 9 {
		t.Fatalf("got %q with menus %+v, want the goals now and a fresh menu", refused.Text(), refused.Menus())
	}
	MustEphemeral(t, c.Choose(t, mentee, checkin, false, bot.ActionGoalProgress, done), "already marked done")
	MustUpdate(t, c.Click(t, mentee, checkin, bot.ActionCheckinYes), "Great")
}
