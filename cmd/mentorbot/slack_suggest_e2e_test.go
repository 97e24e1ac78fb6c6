package main_test

import (
	"fmt"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
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
	b, ok := r.Button(bot.ActionRequestTopic)
	if !ok {
		t.Fatalf("no suggestion button in %s", r.AllText())
	}
	click := func(user slackfake.User) string {
		n := w.seq.Add(1)
		name := fmt.Sprintf("click-%d", n)
		c := slackfake.Click{Team: w.team, User: user.ID, UserName: user.Name, Channel: "C0GENERAL", Ephemeral: true,
			ResponseURL: w.fake.ResponseURL(name), TriggerID: fmt.Sprintf("trigger-%d", n), Button: b}
		MustAck(t, w.deliver("/slack/interactions", c.Body(), c.Envelope), "")
		return name
	}
	MustContain(t, w.reply(click(carol)), "meant for someone else")
	MustContain(t, w.reply(click(alice)), "kubernetes")
	w.dms(bob, 1, hasButton(bot.ActionProposalAccept))
}
