package main_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackAutoPauseResume: on Slack, a mentor who lets a proposal expire
// (unanswered:1, set by a workspace admin) gets the auto-pause message in
// a DM with a Resume button; their click replaces the message with what
// resumed, and a second click on the same message says it is over.
func TestSlackAutoPauseResume(t *testing.T) {
	w := MustStartSlack(t)
	MustContain(t, w.MustCommand(admin, "admin settings unanswered:1"), "unanswered")
	w.MustCommand(bob, "offer go")
	w.MustCommand(alice, "request go")
	w.dms(bob, 1, hasButton(bot.ActionProposalAccept))
	w.m.Clock.(*bot.ManualClock).Advance(48*time.Hour + time.Minute)
	if _, err := w.m.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "slack", Workspace: w.team}); err != nil {
		t.Fatalf("tick: %v", err)
	}
	paused := w.dms(bob, 1, hasButton(bot.ActionPauseResume))[0]
	MustContain(t, paused, mrkdwn(en("pause.auto", "what", en("pause.what_offer"))))
	MustContain(t, w.MustCommand(bob, "status"), en("status.offer_paused"))

	w.click(bob, paused, bot.ActionPauseResume)
	MustContain(t, w.updated(paused), en("offer.resumed"))
	MustContain(t, w.MustCommand(bob, "status"), en("status.offer_open"))
	// A double click (the same message, clicked again): the message says
	// the pause is over, and nothing more is resumed.
	w.click(bob, paused, bot.ActionPauseResume)
	updates := w.fake.WaitCalls(t, "chat.update", 2, func(c slackfake.Call) bool {
		return c.Get("channel") == paused.Get("channel") && c.Get("ts") == paused.TS()
	}, wait)
	MustContain(t, updates[1], en("pause.resumed_already"))
}
