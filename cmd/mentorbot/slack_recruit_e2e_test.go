package main_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackInviteMentors: a manager invites a member to mentor in a
// program; the invitation arrives by DM as a campaign; its "Yes, I'll
// mentor" opens the offer form, whose offer joins the program (kept in the
// modal's private_metadata); another member's click is refused; the
// French member reads it in French.
func TestSlackInviteMentors(t *testing.T) {
	w := MustStartSlack(t)
	MustContain(t, w.MustCommand(admin, `admin program create "Mentorat 2027" start:2027-01-15 end:2027-06-30`), "Program “Mentorat 2027” created")
	w.MustCommand(elise, "lang fr")
	MustContain(t, w.MustCommand(admin, "admin invite-mentors program:mentorat-2027 members:<@UCAROL|carol> <@UELISE|elise>"), "I am inviting 2 members to mentor in “Mentorat 2027”")
	tn := bot.Tenant{Platform: "slack", Workspace: w.team}
	for range 3 {
		w.m.Clock.(*bot.ManualClock).Advance(10 * time.Second)
		if _, err := w.m.Bot.TickTenants(context.Background(), tn); err != nil {
			t.Fatalf("tick: %v", err)
		}
	}
	dm := w.dms(carol, 1, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), "Mentor in turn in Mentorat 2027?") })[0]
	MustContain(t, dm, "Ada Admin thinks you would make a good mentor.")
	fr := w.dms(elise, 1, func(c slackfake.Call) bool {
		return strings.Contains(c.AllText(), "Devenir mentor à votre tour dans Mentorat 2027")
	})[0]
	MustContain(t, fr, "Oui, je serai mentor")

	MustContain(t, w.reply(w.click(bob, dm, bot.ActionGiveBackYes)), "meant for someone else")
	name := w.click(carol, dm, bot.ActionGiveBackYes)
	trigger := "trigger-" + strings.TrimPrefix(name, "click-")
	open := w.fake.WaitCalls(t, "views.open", 1, func(c slackfake.Call) bool { return c.Get("trigger_id") == trigger }, wait)[0]
	if meta, _ := open.View()["private_metadata"].(string); !strings.Contains(meta, `"f":{"program":"mentorat-2027"}`) {
		t.Fatalf("got private_metadata %q, want the program fixed", meta)
	}
	MustAck(t, w.submit(carol, open, map[string]string{"topics": "design"}), "")
	MustContain(t, w.reply(name), "Mentorat 2027")
	MustContain(t, w.MustCommand(carol, "status"), "You mentor in: “Mentorat 2027”.")
}
