package main_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackGoals sets a pair's goals on Slack and answers their progress:
// the introduction's Set our goals button (in the group DM) opens a modal
// with the request's goal first, its submission saves the goals, and the
// check-in's static_select records a goal done, once; a repeat is told.
func TestSlackGoals(t *testing.T) {
	w := MustStartSlack(t)
	w.MustCommand(bob, "offer go")
	w.MustCommand(alice, "request go kind:one-to-one goal:ship a Go service")
	proposal := w.dms(bob, 1, hasButton(bot.ActionProposalAccept))[0]
	w.click(bob, proposal, bot.ActionProposalAccept)
	w.click(bob, w.dms(bob, 1, hasButton(bot.ActionCharterAccept))[0], bot.ActionCharterAccept)
	w.click(alice, w.dms(alice, 1, hasButton(bot.ActionCharterAccept))[0], bot.ActionCharterAccept)
	intro := w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return strings.HasPrefix(c.Get("channel"), "G") }, wait)[0]

	name := w.click(alice, intro, bot.ActionGoalsOpen)
	trigger := "trigger-" + strings.TrimPrefix(name, "click-")
	open := w.fake.WaitCalls(t, "views.open", 1, func(c slackfake.Call) bool { return c.Get("trigger_id") == trigger }, wait)[0]
	MustContain(t, open, en("form.goals.title"))
	if view, _ := json.Marshal(open.View()); !strings.Contains(string(view), `"initial_value":"ship a Go service"`) {
		t.Errorf("got view %s, want the request's goal prefilled", view)
	}
	MustAck(t, w.submit(alice, open, map[string]string{"first": "ship a Go service", "second": "review a PR"}), "")
	// Bob is told, with the pair's goals.
	MustContain(t, w.dms(bob, 1, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), "review a PR") })[0], "Goals: go")

	w.m.Clock.(*bot.ManualClock).Advance(3*24*time.Hour + time.Hour)
	if _, err := w.m.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "slack", Workspace: w.team}); err != nil {
		t.Fatalf("tick: %v", err)
	}
	checkin := w.dms(alice, 1, hasButton(bot.ActionCheckinYes))[0]
	menus := checkin.Menus()
	if len(menus) != 1 || menus[0].Type != "static_select" || len(menus[0].Options) != 6 {
		t.Fatalf("got menus %+v, want one static_select of 2 goals × 3", menus)
	}
	var done string
	for _, o := range menus[0].Options {
		if strings.HasPrefix(o.Text, "1. ship a Go service: done") {
			done = o.Value
		}
	}
	MustContain(t, w.reply(w.choose(alice, checkin, menus[0], done)), en("goals.progress_done", "goal", "ship a Go service"))
	MustContain(t, w.reply(w.choose(alice, checkin, menus[0], done)), "already marked done")
	// Someone outside the pair is refused.
	MustContain(t, w.reply(w.choose(carol, checkin, menus[0], done)), en("err.not_your_button"))
	w.click(alice, checkin, bot.ActionCheckinYes)
	MustContain(t, w.updated(checkin), en("checkin.yes"))
}
