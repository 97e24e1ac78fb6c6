package main_test

import (
	"context"
	"testing"

	slackadapter "github.com/mentorbot/mentorbot/adapters/slack"
	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackAdminMatch: a manager's round on Slack. The preview is an
// ephemeral reply; its button works for a workspace admin (whom Slack, not
// the configuration, makes a manager) and not for another member; the
// admin's click replaces the ephemeral preview through its response_url.
func TestSlackAdminMatch(t *testing.T) {
	w := MustStartSlack(t)
	w.MustCommand(alice, "request go")
	// An offer stored without the sweep an offer command runs: the round has work.
	tn := bot.Tenant{Platform: slackadapter.Platform, Workspace: w.team}
	if err := w.m.Store.SaveOffer(context.Background(), bot.Offer{Mentor: tn.Member(bob.ID), Topics: []string{"go"}, Capacity: 1}); err != nil {
		t.Fatal(err)
	}
	preview := w.MustCommand(admin, "admin match")
	if preview.Get("response_type") != "ephemeral" && preview.Method != "inline" {
		t.Fatalf("got %s %v, want an ephemeral reply", preview.Method, preview.Body)
	}
	MustContain(t, preview, en("round.title"), "Send these proposals", "Cancel")
	click := func(user slackfake.User) string { return w.clickEphemeral(user, preview, bot.ActionRoundSend) }
	t.Run("ErrForbidden", func(t *testing.T) {
		MustContain(t, w.reply(click(carol)), en("err.forbidden"))
	})
	t.Run("Send", func(t *testing.T) {
		r := w.reply(click(admin))
		MustContain(t, r, "Sent 1 proposal:")
		if r.Body["replace_original"] != true {
			t.Errorf("got replace_original %v, want the preview replaced", r.Body["replace_original"])
		}
		w.dms(bob, 1, hasButton(bot.ActionProposalAccept))
	})
}
