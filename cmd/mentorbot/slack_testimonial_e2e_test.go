package main_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackTestimonial plays the end of a flash session on Slack, Bob
// mentoring Élise (who reads French): the survey's last answer offers
// "Write a testimonial", whose click opens a modal (views.open with the
// click's trigger_id); an oversized sentence is refused on the field; the
// sentence submitted, the consent buttons come ephemerally and a click
// replaces them; the manager lists the quotes and gets the CSV as a file.
func TestSlackTestimonial(t *testing.T) {
	w := MustStartSlack(t)
	w.MustCommand(bob, "offer go languages:en,fr")
	w.MustCommand(elise, "request go")
	w.click(bob, w.dms(bob, 1, hasButton(bot.ActionProposalAccept))[0], bot.ActionProposalAccept)
	w.click(bob, w.dms(bob, 1, hasButton(bot.ActionCharterAccept))[0], bot.ActionCharterAccept)
	w.click(elise, w.dms(elise, 1, hasButton(bot.ActionCharterAccept))[0], bot.ActionCharterAccept)
	w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return strings.HasPrefix(c.Get("channel"), "G") }, wait)
	clock := w.m.Clock.(*bot.ManualClock)
	tick := func() {
		t.Helper()
		if _, err := w.m.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "slack", Workspace: w.team}); err != nil {
			t.Fatalf("tick: %v", err)
		}
	}
	clock.Advance(3*24*time.Hour + time.Hour)
	tick()
	checkin := w.dms(bob, 1, hasButton(bot.ActionCheckinYes))[0]
	w.click(bob, checkin, bot.ActionCheckinYes)
	w.updated(checkin)
	tick()

	// Each member answers the survey, each answer replacing the question.
	answer := func(user slackfake.User, msg slackfake.Call, answers ...string) slackfake.Call {
		t.Helper()
		first := msg
		for i, a := range answers {
			w.clickValue(user, msg, bot.ActionSurveyAnswer, ":"+a)
			updates := w.fake.WaitCalls(t, "chat.update", i+1, func(c slackfake.Call) bool {
				return c.Get("channel") == first.Get("channel") && c.Get("ts") == first.TS()
			}, wait)
			msg = updates[i]
		}
		return msg
	}
	bobEnd := answer(bob, w.dms(bob, 1, hasButton(bot.ActionSurveyAnswer))[0], "rating:5", "again:yes")
	MustContain(t, bobEnd, en("testimonial.ask", "topic", "go"), en("btn.testimonial_write"))
	eliseEnd := answer(elise, w.dms(elise, 1, hasButton(bot.ActionSurveyAnswer))[0], "rating:4", "answered:yes", "become:yes")
	MustContain(t, eliseEnd, fr("testimonial.ask", "topic", "go"), fr("btn.testimonial_write"))

	// writeAndShare opens the form from the button, submits sentence and
	// clicks the consent whose value ends with share.
	writeAndShare := func(user slackfake.User, end slackfake.Call, sentence, share string) slackfake.Call {
		t.Helper()
		trigger := "trigger-" + strings.TrimPrefix(w.clickValue(user, end, bot.ActionTestimonialWrite, ""), "click-")
		open := w.fake.WaitCalls(t, "views.open", 1, func(c slackfake.Call) bool { return c.Get("trigger_id") == trigger }, wait)[0]
		if open.View()["type"] != "modal" || len(open.Blocks()) != 1 {
			t.Fatalf("got view %v, want a modal with one input", open.View())
		}
		long := w.submit(user, open, map[string]string{"sentence": strings.Repeat("x", bot.MaxTestimonialLen+1)})
		if long.Status != http.StatusOK || !strings.Contains(long.Body, `"response_action":"errors"`) || !strings.Contains(long.Body, `"sentence"`) {
			t.Fatalf("got ack %d %s, want an inline error on the sentence", long.Status, long.Body)
		}
		before := len(w.fake.Calls("response_url"))
		MustAck(t, w.submit(user, open, map[string]string{"sentence": sentence}), "")
		consent := w.fake.WaitCalls(t, "response_url", before+1, nil, wait)[before]
		replaced := w.reply(w.clickValueEphemeral(user, consent, bot.ActionTestimonialShare, ":"+share))
		if replaced.Body["replace_original"] != true {
			t.Fatalf("got %v, want the consent question replaced", replaced.Body)
		}
		return replaced
	}
	MustContain(t, writeAndShare(bob, bobEnd, "Élise asked <great> questions & more.", bot.ShareName), en("testimonial.share.name", "first", "Bob", "name", "Élise Durand"))
	MustContain(t, writeAndShare(elise, eliseEnd, "Bob m'a tout expliqué.", bot.ShareName), fr("testimonial.share.name", "first", "Élise", "name", "Bob Stone"))

	list := w.MustCommand(admin, "admin testimonials")
	MustContain(t, list, "“Élise asked <great> questions & more.” — Bob, mentor (go)", "“Bob m'a tout expliqué.” — Élise, mentee (go)")
	MustContain(t, w.MustCommand(admin, "admin testimonials format:csv"), en("admin.testimonials.done", "n", "2"))
	w.fake.WaitCalls(t, "files.completeUploadExternal", 1, nil, wait)
	if up := w.fake.Calls("upload"); len(up) != 1 || !strings.Contains(string(up[0].Data), "Bob,name,Élise asked <great> questions & more.") {
		t.Fatalf("got %d uploads, want the CSV with Bob's named quote", len(up))
	}
	MustContain(t, w.MustCommand(bob, "admin testimonials"), en("err.forbidden"))
}

// clickValue clicks, as user, the button of a DM message (or of its
// update) with that action whose value ends with suffix, and returns the
// click's response_url name.
func (w *world) clickValue(user slackfake.User, msg slackfake.Call, actionID, suffix string) string {
	w.tb.Helper()
	ts := msg.TS()
	if ts == "" {
		ts = msg.Get("ts")
	}
	return w.clickWhere(user, msg, actionID, suffix, slackfake.Click{Channel: msg.Get("channel"), TS: ts})
}

// clickValueEphemeral is clickValue on an ephemeral reply.
func (w *world) clickValueEphemeral(user slackfake.User, msg slackfake.Call, actionID, suffix string) string {
	w.tb.Helper()
	return w.clickWhere(user, msg, actionID, suffix, slackfake.Click{Channel: "C0GENERAL", Ephemeral: true})
}

func (w *world) clickWhere(user slackfake.User, msg slackfake.Call, actionID, suffix string, c slackfake.Click) string {
	w.tb.Helper()
	for _, b := range msg.Buttons() {
		// A repeated action ID carries a "#n" suffix on Slack.
		if id, _, _ := strings.Cut(b.ActionID, "#"); id == actionID && strings.HasSuffix(b.Value, suffix) {
			n := w.seq.Add(1)
			name := fmt.Sprintf("click-%d", n)
			c.Team, c.User, c.UserName, c.Button = w.team, user.ID, user.Name, b
			c.ResponseURL, c.TriggerID = w.fake.ResponseURL(name), fmt.Sprintf("trigger-%d", n)
			MustAck(w.tb, w.deliver("/slack/interactions", c.Body(), c.Envelope), "")
			return name
		}
	}
	w.tb.Fatalf("no %s button ending %q in %s", actionID, suffix, msg.AllText())
	return ""
}
