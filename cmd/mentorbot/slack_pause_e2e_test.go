package main_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackAutoPauseResume: on Slack, a mentor who lets a proposal expire
// (unanswered:1, set by a workspace admin) gets the auto-pause message in
// a DM with a Resume button; their click replaces the message with what
// resumed, and a second click on the same message says it is over, to the
// clicker alone: the message keeps what resumed.
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
	// A double click (the same message, clicked again): an ephemeral
	// reply says the pause is over, nothing more is resumed, and the
	// message is left as the first click made it.
	again := w.reply(w.click(bob, paused, bot.ActionPauseResume))
	MustContain(t, again, en("pause.resumed_already"))
	if again.Body["response_type"] != "ephemeral" || again.Body["replace_original"] != false {
		t.Fatalf("got response_type %v, replace_original %v, want an ephemeral reply that replaces nothing", again.Body["response_type"], again.Body["replace_original"])
	}
	n := 0
	for _, c := range w.fake.Calls("chat.update") {
		if c.Get("ts") == paused.TS() {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("got %d chat.update of the pause's message, want 1: the second click leaves the message as it is", n)
	}
}
