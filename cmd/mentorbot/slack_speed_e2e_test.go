package main_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/slack/slackfake"
	"github.com/mentorbot/mentorbot/bot"
)

// TestSlackSpeedEvent plays a 2-round speed-mentoring event on Slack: a
// workspace admin opens it in #general, members register with the
// message's buttons (a double click is answered politely, in each one's
// language), each round's room is a group DM with the video link, the
// mentee left out of round 1 is told why and paired in round 2, Élise,
// who speaks only French, is told in French that no mentor speaks her
// language, and after round 1 two "Yes, continue" form a pair that starts
// with the charter.
func TestSlackSpeedEvent(t *testing.T) {
	t.Run("HTTP", func(t *testing.T) { testSlackSpeed(t, MustStartSlack(t)) })
	t.Run("SocketMode", func(t *testing.T) { testSlackSpeed(t, MustStartSlackSocket(t)) })
}

func testSlackSpeed(t *testing.T, w *world) {
	MustContainLink(t, w.MustCommand(admin, `admin event "Speed test" rounds:2 minutes:15 start:2026-03-02T10:00 channel:<#C0GENERAL|general>`),
		en("event.opened", "name", "Speed test", "channel", "#C0GENERAL", "rounds", "2", "minutes", "15", "when", "2 March 2026 at 10:00 (UTC)"), "C0GENERAL")
	post := w.fake.WaitCalls(t, "chat.postMessage", 1, func(c slackfake.Call) bool { return c.Get("channel") == "C0GENERAL" }, wait)[0]
	MustContain(t, post, en("event.title", "name", "Speed test"), en("btn.speed_mentor"), en("btn.speed_mentee"))

	MustContain(t, w.reply(w.click(bob, post, bot.ActionSpeedMentor)), "You are registered for “Speed test” as a mentor.")
	MustContain(t, w.reply(w.click(alice, post, bot.ActionSpeedMentee)), "You are registered for “Speed test” as a mentee.")
	MustContain(t, w.reply(w.click(carol, post, bot.ActionSpeedMentee)), "You are registered for “Speed test” as a mentee.")
	MustContain(t, w.reply(w.click(elise, post, bot.ActionSpeedMentee)), "Votre inscription à «\u202fSpeed test\u202f» comme personne mentorée est enregistrée.")
	t.Run("DoubleClick", func(t *testing.T) {
		r := w.reply(w.click(bob, post, bot.ActionSpeedMentor))
		if r.Body["replace_original"] != false || r.Body["response_type"] != "ephemeral" {
			t.Fatalf("got response %v, want ephemeral without replace_original", r.Body)
		}
		MustContain(t, r, en("event.already_mentor", "name", "Speed test"))
	})

	tick := func(d time.Duration) {
		t.Helper()
		w.m.Clock.(*bot.ManualClock).Advance(d)
		if _, err := w.m.Bot.TickTenants(context.Background(), bot.Tenant{Platform: "slack", Workspace: w.team}); err != nil {
			t.Fatalf("tick: %v", err)
		}
	}
	isRoom := func(n string) func(slackfake.Call) bool {
		return func(c slackfake.Call) bool {
			return strings.HasPrefix(c.Get("channel"), "G") && strings.Contains(c.AllText(), "round "+n+" of 2")
		}
	}
	tick(time.Hour)
	room1 := w.fake.WaitCalls(t, "chat.postMessage", 1, isRoom("1"), wait)[0]
	MustContain(t, room1, "Bob Stone (mentor)", "https://meet.jit.si/mentorbot-")
	first, second := alice, carol
	if strings.Contains(room1.AllText(), "Carol") {
		first, second = carol, alice
	}
	t.Run("RoomIsOneGroupDM", func(t *testing.T) {
		opens := w.fake.WaitCalls(t, "conversations.open", 1, func(c slackfake.Call) bool { return strings.Contains(c.Get("users"), ",") }, wait)
		users := strings.Split(opens[0].Get("users"), ",")
		if len(users) != 2 || !contains(users, bob.ID) || !contains(users, first.ID) {
			t.Fatalf("got group DM with %v, want Bob and %s", users, first.Name)
		}
	})
	t.Run("SatOutIsTold", func(t *testing.T) {
		w.dms(second, 1, func(c slackfake.Call) bool {
			return strings.Contains(c.AllText(), "You sit out round 1: there are more mentees than mentors")
		})
		w.dms(elise, 1, func(c slackfake.Call) bool {
			return strings.Contains(c.AllText(), "Vous ne participez pas au tour 1\u202f: aucun des mentors que vous n'avez pas encore rencontrés ne parle l'une de vos langues.")
		})
	})

	tick(15 * time.Minute)
	room2 := w.fake.WaitCalls(t, "chat.postMessage", 1, isRoom("2"), wait)[0]
	if !strings.Contains(room2.AllText(), second.RealName) {
		t.Fatalf("round 2 room without %s:\n%s", second.Name, room2.AllText())
	}
	askBob := w.dms(bob, 1, hasButton(bot.ActionSpeedContinue))[0]
	askFirst := w.dms(first, 1, hasButton(bot.ActionSpeedContinue))[0]
	t.Run("ForeignClickIsRefused", func(t *testing.T) {
		MustContain(t, w.reply(w.click(second, askBob, bot.ActionSpeedContinue)), bot.T(langOf(second), "err.not_your_button"))
	})
	t.Run("TwoYeses", func(t *testing.T) {
		w.click(first, askFirst, bot.ActionSpeedContinue)
		w.updated(askFirst)
		w.click(bob, askBob, bot.ActionSpeedContinue)
		MustContain(t, w.updated(askBob), "wants to continue too: you are now a one-to-one pair")
		w.dms(bob, 1, hasButton(bot.ActionCharterAccept))
		w.dms(first, 1, hasButton(bot.ActionCharterAccept))
	})
}

// langOf is the language a test member reads: their Slack locale's.
func langOf(u slackfake.User) bot.Lang {
	if strings.HasPrefix(u.Locale, "fr") {
		return bot.French
	}
	return bot.English
}
