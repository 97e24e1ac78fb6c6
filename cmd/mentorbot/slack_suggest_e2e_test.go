package main_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackTypoSuggestion: on Slack, a request on a topic one letter away
// from an offered one gets the suggestion with its button; another
// member's click is refused; the mentee's click changes the request and
// the mentor gets the proposal by DM.
func TestSlackTypoSuggestion(t *testing.T) {
	w := MustStartSlack(t)
	w.MustCommand(bob, "offer kubernetes")
	r := w.MustCommand(alice, "request kubernete")
	MustContain(t, r, "Did you mean “kubernetes” (1 mentor)?")
	MustContain(t, w.reply(w.clickEphemeral(carol, r, bot.ActionRequestTopic)), "meant for someone else")
	MustContain(t, w.reply(w.clickEphemeral(alice, r, bot.ActionRequestTopic)), "kubernetes")
	w.dms(bob, 1, hasButton(bot.ActionProposalAccept))
}
