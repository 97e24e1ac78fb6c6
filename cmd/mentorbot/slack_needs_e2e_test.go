package main_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackNeeds runs the needs survey on Slack: posted in a channel with
// a multi_static_select per question, answered by a French-speaking member
// through a signed block_actions choice, turned into a request with one
// click; then sent by DM as a paced campaign whose progress DM is edited
// with chat.update, with the opt-out button on each DM.
func TestSlackNeeds(t *testing.T) {
	w := MustStartSlack(t)
	for _, u := range []slackfake.User{alice, bob, carol} {
		w.MustCommand(u, "lang en")
	}
	w.MustCommand(elise, "lang fr")
	w.MustCommand(bob, "offer go languages:en,fr")
	MustContain(t, w.MustCommand(admin, `admin needs "Mentorat 2027" channel:<#C0GENERAL|general> topics:go, kubernetes`), "Mentorat 2027")
	post := w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return c.Get("channel") == "C0GENERAL" }, wait)[0]
	menus := post.Menus()
	if len(menus) != 4 || menus[0].Type != "multi_static_select" || menus[2].Type != "static_select" || len(menus[0].Options) != 2 {
		t.Fatalf("got menus %+v, want two multi-selects of two topics, then two selects", menus)
	}

	name := w.choose(elise, post, menus[0], menus[0].Options[0].Value)
	answer := w.reply(name)
	MustContain(t, answer, fr("needs.saved.learn", "value", "go"))
	// A multi-select emptied sends no option: the answer is cleared.
	MustContain(t, w.reply(w.choose(alice, post, menus[1])), en("needs.saved.none.teach"))
	mentee := w.clickEphemeral(elise, answer, bot.ActionNeedsMentee)
	MustContain(t, w.reply(mentee), "go")
	w.dms(bob, 1, hasButton(bot.ActionProposalAccept))

	t.Run("SomethingElse", func(t *testing.T) {
		name := w.click(carol, post, bot.ActionNeedsOther)
		trigger := "trigger-" + strings.TrimPrefix(name, "click-")
		open := w.fake.WaitCalls(t, "views.open", 1, func(c slackfake.Call) bool { return c.Get("trigger_id") == trigger }, wait)[0]
		MustContain(t, open, en("label.other"))
		MustAck(t, w.submit(carol, open, map[string]string{"program": "Mentorat 2027", "other": "Evenings only"}), "")
		MustContain(t, w.reply(name), en("needs.saved.other", "value", "Evenings only"))
	})
	t.Run("Campaign", func(t *testing.T) {
		MustContain(t, w.MustCommand(admin, `admin needs "Mentorat 2027" dm:yes`), "by direct message")
		progress := w.dms(admin, 1, func(c slackfake.Call) bool { return strings.Contains(c.AllText(), "Sent 0 of") })[0]
		tn := bot.Tenant{Platform: "slack", Workspace: w.team}
		for range 10 {
			w.m.Clock.(*bot.ManualClock).Advance(10 * time.Second)
			if _, err := w.m.Bot.TickTenants(context.Background(), tn); err != nil {
				t.Fatalf("tick: %v", err)
			}
		}
		dm := w.dms(carol, 1, func(c slackfake.Call) bool { return len(c.Menus()) == 4 })[0]
		if _, ok := dm.Button(bot.ActionCampaignOptOut); !ok {
			t.Fatalf("got %s, want the opt-out button", dm.AllText())
		}
		updates := w.fake.WaitCalls(t, "chat.update", 1, func(c slackfake.Call) bool {
			return c.Get("ts") == progress.TS() && strings.Contains(c.AllText(), "Finished")
		}, wait)
		// Posts to carol's DM grow no more. Only hers are counted: the bot
		// ticks every workspace of the shared Redis, whose jobs post too.
		toCarol := func() int {
			n := 0
			for _, c := range w.fake.Calls("chat.postMessage") {
				if c.Get("channel") == dm.Get("channel") {
					n++
				}
			}
			return n
		}
		total := toCarol()
		MustContain(t, updates[0], "Sent ")
		// The opt-out replaces the survey's message: its buttons go.
		w.click(carol, dm, bot.ActionCampaignOptOut)
		MustContain(t, w.updated(dm), "/mentor campaigns on")
		if got := toCarol(); got != total {
			t.Errorf("got %d posts to carol after the opt-out, want %d", got, total)
		}
	})
}

// choose chooses values in a menu of a message the bot posted, as user,
// and returns the name of the choice's response_url.
func (w *world) choose(user slackfake.User, msg slackfake.Call, menu slackfake.Menu, values ...string) string {
	w.tb.Helper()
	n := w.seq.Add(1)
	name := fmt.Sprintf("choose-%d", n)
	c := slackfake.Choice{Menu: menu, Values: values, Click: slackfake.Click{
		Team: w.team, User: user.ID, UserName: user.Name, Channel: msg.Get("channel"), TS: msg.TS(),
		ResponseURL: w.fake.ResponseURL(name), TriggerID: fmt.Sprintf("trigger-%d", n),
	}}
	MustAck(w.tb, w.deliver("/slack/interactions", c.Body(), c.Envelope), "")
	return name
}
