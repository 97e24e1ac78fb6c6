package main_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackButtonOwner: on Slack, a click on a button sent to the other
// member of one's pair (the charter, the check-in, the confirmation of
// /mentor end) gets an ephemeral “meant for someone else” and leaves the
// clicked message as it was; its own member's click still works.
func TestSlackButtonOwner(t *testing.T) {
	w := MustStartSlack(t)
	w.MustCommand(bob, "offer go")
	w.MustCommand(alice, "request go kind:one-to-one")
	proposal := w.dms(bob, 1, hasButton(bot.ActionProposalAccept))[0]
	w.click(bob, proposal, bot.ActionProposalAccept)
	w.updated(proposal)
	charterBob := w.dms(bob, 1, hasButton(bot.ActionCharterAccept))[0]
	charterAlice := w.dms(alice, 1, hasButton(bot.ActionCharterAccept))[0]

	refused := func(t *testing.T, name string) {
		t.Helper()
		r := w.reply(name)
		if r.Body["replace_original"] != false || r.Body["response_type"] != "ephemeral" {
			t.Fatalf("got response %v, want ephemeral without replace_original", r.Body)
		}
		MustContain(t, r, en("err.not_your_button"))
	}
	mustRefused := func(t *testing.T, by slackfake.User, msg slackfake.Call, action string) {
		t.Helper()
		updates := len(w.fake.Calls("chat.update"))
		refused(t, w.click(by, msg, action))
		if got := len(w.fake.Calls("chat.update")); got != updates {
			t.Fatalf("got %d chat.update calls after a foreign click, want %d", got, updates)
		}
	}

	t.Run("Charter", func(t *testing.T) {
		mustRefused(t, alice, charterBob, bot.ActionCharterAccept)
		w.click(bob, charterBob, bot.ActionCharterAccept)
		MustContain(t, w.updated(charterBob), "You accepted the charter")
		w.click(alice, charterAlice, bot.ActionCharterAccept)
		MustContain(t, w.updated(charterAlice), en("charter.both"))
	})
	t.Run("Checkin", func(t *testing.T) {
		w.m.Clock.(*bot.ManualClock).Advance(3*24*time.Hour + time.Hour)
		if _, err := w.m.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "slack", Workspace: w.team}); err != nil {
			t.Fatalf("tick: %v", err)
		}
		checkin := w.dms(bob, 1, hasButton(bot.ActionCheckinStop))[0]
		mustRefused(t, alice, checkin, bot.ActionCheckinStop)
		w.click(bob, checkin, bot.ActionCheckinYes)
		MustContain(t, w.updated(checkin), en("checkin.yes"))
	})
	t.Run("End", func(t *testing.T) {
		confirm := w.MustCommand(alice, "end")
		MustContain(t, confirm, en("end.confirm_title"))
		refused(t, w.clickEphemeral(bob, confirm, bot.ActionEndConfirm))
		MustContain(t, w.reply(w.clickEphemeral(alice, confirm, bot.ActionEndConfirm)), en("checkin.stopped", "name", "Bob Stone"))
		w.dms(bob, 1, hasButton(bot.ActionNewMatchYes))
		w.dms(alice, 1, hasButton(bot.ActionNewMatchYes))
	})
}
