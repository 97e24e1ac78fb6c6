package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// checkinButton returns the button with action of the i-th check-in
// message user received (0: the first), of those that have one.
func checkinButton(tb testing.TB, h *bottest.Harness, user, action string, i int) bot.Button {
	tb.Helper()
	var found []bot.Button
	for _, m := range h.Platform.To(user) {
		for _, b := range m.Buttons {
			if b.ActionID == action {
				found = append(found, b)
			}
		}
	}
	if i >= len(found) {
		tb.Fatalf("%s has %d check-in messages, want a %dth", user, len(found), i+1)
	}
	return found[i]
}

// clickCheckin clicks action in the i-th check-in message user received.
func clickCheckin(tb testing.TB, h *bottest.Harness, user, action string, i int) bot.Reply {
	tb.Helper()
	b := checkinButton(tb, h, user, action, i)
	return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: b.ActionID, Value: b.Value})
}

// mustAnswered fails unless r refuses a second answer to a check-in, in
// lang, with no button, and without replacing the message clicked.
func mustAnswered(tb testing.TB, r bot.Reply, lang bot.Lang) {
	tb.Helper()
	if want := bot.T(lang, "err.checkin_answered"); r.Message.Text != want || len(r.Message.Buttons) != 0 || r.Replace {
		tb.Fatalf("got %q (buttons %s, replace %v), want %q alone", r.Message.Text, labels(r.Message.Buttons), r.Replace, want)
	}
}

// remindedPair makes Bob mentor Dan one-to-one in lang, Dan says "not
// yet" to the first check-in, and the reminder comes to both.
func remindedPair(t *testing.T, b storetest.Backend, lang bot.Lang) *bottest.Harness {
	t.Helper()
	h := MustHarnessOn(t, b)
	h.Run("bob", "lang "+string(lang))
	h.Run("dan", "lang "+string(lang))
	mustOfficial(h, "bob", "offer go", "dan", "request go kind:one-to-one")
	MustTick(t, h, 3*day)
	MustContain(t, clickCheckin(t, h, "dan", bot.ActionCheckinNotYet, 0), bot.T(lang, "checkin.notyet", "days", "4"))
	inbox(h)
	MustTick(t, h, 4*day)
	mustCheckins(t, h, lang, "bob", "dan")
	return h
}

// mustCheckins fails unless exactly users, in order, received a check-in
// (its wording is TestFollowFixReminderSaysSo's).
func mustCheckins(tb testing.TB, h *bottest.Harness, lang bot.Lang, users ...string) {
	tb.Helper()
	got := inbox(h)
	ok := len(got) == len(users)
	for i := 0; ok && i < len(got); i++ {
		ok = strings.HasPrefix(got[i], users[i]+": "+bot.T(lang, "checkin.title", "topic", "go")+" | ")
	}
	if !ok {
		tb.Fatalf("got messages:\n  %s\nwant a check-in to each of %v", strings.Join(got, "\n  "), users)
	}
}

// TestFollowFixReminderAnsweredOnce: a member who had not answered a
// check-in when its reminder came answers once, whichever message they
// click: the reminder first, then the check-in (the tester's report), or
// the check-in first, then the reminder. The second click is refused in
// their language, privately, and changes nothing; "It's not working out"
// too. The member who had answered the check-in answers the reminder, a
// round of its own. A round still counts one "not yet", and a "not yet"
// on the older message keeps its promise: the check-in comes 4 days later.
func TestFollowFixReminderAnsweredOnce(t *testing.T) {
	for _, b := range storetest.Backends() {
		for _, lang := range []bot.Lang{bot.English, bot.French} {
			t.Run(b.Name+"/"+string(lang)+"/reminder first", func(t *testing.T) {
				h := remindedPair(t, b, lang)
				MustContain(t, clickCheckin(t, h, "bob", bot.ActionCheckinNotYet, 1), bot.T(lang, "checkin.notyet", "days", "4"))
				for _, action := range []string{bot.ActionCheckinNotYet, bot.ActionCheckinYes, bot.ActionCheckinStop} {
					mustAnswered(t, clickCheckin(t, h, "bob", action, 0), lang)
				}
				p := mustOnlyPair(t, h, "dan")
				if p.NotYet != 2 || !p.Met.IsZero() || p.State != bot.PairActive {
					t.Fatalf("got %d not yet, met %v, %s; want 2 (one per round), not met, active", p.NotYet, p.Met, p.State)
				}
			})
			t.Run(b.Name+"/"+string(lang)+"/check-in first", func(t *testing.T) {
				h := remindedPair(t, b, lang)
				MustContain(t, clickCheckin(t, h, "bob", bot.ActionCheckinNotYet, 0), bot.T(lang, "checkin.notyet", "days", "4"))
				// Two "not yet" (one per round): stalled, and Dan is asked
				// whether he wants a new match.
				MustInbox(t, h, "dan: "+bot.T(lang, "stall.title", "name", "Bob", "topic", "go")+" | "+bot.T(lang, "stall.mentee_notyet", "name", "Bob", "topic", "go"))
				for _, action := range []string{bot.ActionCheckinYes, bot.ActionCheckinNotYet, bot.ActionCheckinStop} {
					mustAnswered(t, clickCheckin(t, h, "bob", action, 1), lang)
				}
				if p := mustOnlyPair(t, h, "dan"); p.NotYet != 2 || !p.Met.IsZero() {
					t.Fatalf("got %d not yet, met %v; want 2, not met", p.NotYet, p.Met)
				}
				// Dan answered the check-in before the reminder: the
				// reminder is a round of its own for him, once.
				MustContain(t, clickCheckin(t, h, "dan", bot.ActionCheckinYes, 1), bot.T(lang, "checkin.yes"))
				mustAnswered(t, clickCheckin(t, h, "dan", bot.ActionCheckinYes, 1), lang)
				mustAnswered(t, clickCheckin(t, h, "dan", bot.ActionCheckinYes, 0), lang)
				// Bob's "not yet" promised a check-in in 4 days: it comes,
				// once, to him alone (Dan said yes).
				MustTick(t, h, 4*day)
				mustCheckins(t, h, lang, "bob")
				MustContain(t, clickCheckin(t, h, "bob", bot.ActionCheckinYes, 2), bot.T(lang, "checkin.yes"))
				mustAnswered(t, clickCheckin(t, h, "bob", bot.ActionCheckinYes, 0), lang)
				mustAnswered(t, clickCheckin(t, h, "bob", bot.ActionCheckinYes, 1), lang)
			})
		}
	}
}

// TestFollowFixReminderEndsOnce: "It's not working out" on the reminder,
// confirmed, ends the pair; the check-in's buttons then say the pair has
// ended, and a stop confirmed on the older message changes nothing more.
func TestFollowFixReminderEndsOnce(t *testing.T) {
	h := remindedPair(t, storetest.Backends()[0], bot.French)
	r := clickCheckin(t, h, "bob", bot.ActionCheckinStop, 1)
	MustContain(t, clickIn(h, "bob", r, bot.ActionCheckinStopConfirm), "J'ai mis fin à votre binôme avec Dan")
	MustContain(t, clickCheckin(t, h, "bob", bot.ActionCheckinNotYet, 0), "Ce binôme est déjà terminé")
	p := mustOnlyPair(t, h, "dan")
	if p.State != bot.PairCancelled {
		t.Fatalf("got %s, want cancelled", p.State)
	}
	// A value that is not a check-in's is refused as an unknown button.
	for _, v := range []string{p.ID, p.ID + ":1r:2", p.ID + ":1:1r", p.ID + ":1rr:1x", p.ID + ":1r:1:1"} {
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: bot.ActionCheckinYes, Value: v})
		if r.Message.Text != bot.T(bot.French, "err.unknown_button") {
			t.Fatalf("got %q for %q, want an unknown button", r.Message.Text, v)
		}
	}
}

// TestFollowFixReminderConcurrentClicks: the original check-in and its
// reminder clicked at once, many times, by the member who had answered
// neither: one answer is recorded, every other click is refused.
func TestFollowFixReminderConcurrentClicks(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			h := remindedPair(t, b, bot.English)
			buttons := []bot.Button{checkinButton(t, h, "bob", bot.ActionCheckinYes, 0), checkinButton(t, h, "bob", bot.ActionCheckinYes, 1)}
			var wg sync.WaitGroup
			replies := make(chan bot.Reply, 16)
			for i := range 16 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					b := buttons[i%2]
					replies <- h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: b.ActionID, Value: b.Value})
				}()
			}
			wg.Wait()
			close(replies)
			accepted := 0
			for r := range replies {
				if r.Message.Text != bot.T(bot.English, "err.checkin_answered") {
					accepted++
				}
			}
			if accepted != 1 {
				t.Fatalf("got %d answers accepted, want 1", accepted)
			}
		})
	}
}

// TestFollowFixReminderSaysSo: a check-in's reminder says it is one, in
// each member's language; the first check-in asks as before.
func TestFollowFixReminderSaysSo(t *testing.T) {
	h := MustHarness(t)
	h.Run("dan", "lang fr")
	mustOfficial(h, "carol", "offer go languages:en,fr", "dan", "request go kind:one-to-one")
	inbox(h)
	MustTick(t, h, 3*day)
	MustInbox(t, h,
		"carol: Check-in: go | Have you been in touch with Dan?",
		"dan: Point d'étape\u202f: go | Avez-vous pu échanger avec Carol\u202f?")
	h.Click("dan", "dan", bot.ActionCheckinNotYet)
	MustTick(t, h, 4*day)
	MustInbox(t, h,
		"carol: Check-in: go | Reminder: have you been in touch with Dan yet?",
		"dan: Point d'étape\u202f: go | Petite relance\u202f: avez-vous pu échanger avec Carol\u202f?")
	// The reminder of a reminder says so too. (Two "not yet": the pair
	// is stalled, and Dan asked whether he wants a new match.)
	MustContain(t, h.Click("dan", "dan", bot.ActionCheckinNotYet), bot.T(bot.French, "stall.mentee_notyet", "name", "Carol", "topic", "go"))
	MustInbox(t, h)
	MustTick(t, h, 4*day)
	MustInbox(t, h,
		"carol: Check-in: go | Reminder: have you been in touch with Dan yet?",
		"dan: Point d'étape\u202f: go | Petite relance\u202f: avez-vous pu échanger avec Carol\u202f?")
}

// TestFollowFixLateYesFlash: a flash mentee or mentor who says yes to the
// check-in after the session's survey completed the pair is thanked and
// told the session is complete, with its survey just below, or answered
// already; never that the pair "has ended" as if it were bad news. A
// one-to-one pair completed at its end keeps the old sentence.
func TestFollowFixLateYesFlash(t *testing.T) {
	h := MustHarness(t)
	h.Run("carol", "lang fr")
	mustOfficial(h, "carol", "offer go languages:en,fr", "dan", "request go kind:flash")
	mustSayMet(t, h, "dan") // said before: the session took place
	MustTick(t, h, 8*day)   // the check-in (3 days), then the flash survey (7 days)
	pair := mustOnlyPair(t, h, "dan")
	if pair.State != bot.PairCompleted {
		t.Fatalf("got %s, want completed by the survey", pair.State)
	}
	r := h.Click("dan", "dan", bot.ActionCheckinYes)
	if want := "Thanks, noted that you met. Your session is complete: the short survey is just below."; r.Message.Text != want || !r.Replace {
		t.Fatalf("got %q, want %q", r.Message.Text, want)
	}
	mustAnswered(t, h.Click("dan", "dan", bot.ActionCheckinYes), bot.English)
	// Carol answers her survey first.
	answer := func(user, value string) bot.Reply {
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: bot.ActionSurveyAnswer, Value: pair.ID + ":flash:" + value})
	}
	answer("carol", "rating:5")
	answer("carol", "again:yes")
	if want := "Merci, j'ai noté que la rencontre a eu lieu. Votre séance est terminée, et vous avez déjà répondu à son questionnaire."; h.Click("carol", "carol", bot.ActionCheckinYes).Message.Text != want {
		t.Fatalf("want %q", want)
	}
	if p := mustOnlyPair(t, h, "dan"); p.Met.IsZero() {
		t.Fatal("the late yes was not kept")
	}

	h2 := MustHarness(t)
	h2.Run("dan", "lang fr")
	mustOfficial(h2, "carol", "offer go languages:en,fr", "dan", "request go kind:flash")
	mustSayMet(t, h2, "dan")
	MustTick(t, h2, 8*day)
	if got, want := h2.Click("dan", "dan", bot.ActionCheckinYes).Message.Text, "Merci, j'ai noté que la rencontre a eu lieu. Votre séance est terminée\u202f: le court questionnaire se trouve juste en dessous."; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}

	h3 := MustHarness(t)
	mustOfficial(h3, "carol", "offer go", "dan", "request go kind:one-to-one")
	mustSayMet(t, h3, "carol")
	MustTick(t, h3, 181*day)
	if p := mustOnlyPair(t, h3, "dan"); p.State != bot.PairCompleted || p.EndReason != bot.SurveyEnd {
		t.Fatalf("got %s (%s), want completed at the end", p.State, p.EndReason)
	}
	MustContain(t, h3.Click("dan", "dan", bot.ActionCheckinYes), "Thank you: I have noted that you met, although this pair has ended.")
}

// TestFollowFixMidSurvey: the mid-program survey asks a mentor for the
// rating only: "would you mentor again?" is a question of the final
// survey, asked there. A comment after the rating is saved, not told a
// question is left; an "again" of a mid-program survey sent before this
// is still answered.
func TestFollowFixMidSurvey(t *testing.T) {
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		t.Run(string(lang), func(t *testing.T) {
			h := MustHarness(t)
			h.Run("carol", "lang "+string(lang))
			mustOfficial(h, "carol", "offer go languages:en,fr", "dan", "request go kind:one-to-one")
			MustTick(t, h, 90*day)
			pair := mustOnlyPair(t, h, "dan")
			answer := func(stage, value string) bot.Reply {
				return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("carol"), ActionID: bot.ActionSurveyAnswer, Value: pair.ID + ":" + stage + ":" + value})
			}
			again := bot.T(lang, "survey.q.again")
			r := answer("mid", "rating:4")
			if !strings.HasPrefix(r.Message.Text, bot.T(lang, "survey.thanks")) || strings.Contains(r.Message.Text, again) || labels(r.Message.Buttons) != bot.T(lang, "btn.comment") {
				t.Fatalf("got %q with %s, want the thanks and the comment button", r.Message.Text, labels(r.Message.Buttons))
			}
			// Sent before the question was kept for the end, it is
			// answered still, and thanked.
			MustContain(t, answer("mid", "again:yes"), bot.T(lang, "survey.thanks"))
			MustContain(t, h.Run("carol", "comment Bien"), bot.T(lang, "survey.comment_thanks"))
			MustTick(t, h, 91*day)
			MustContain(t, answer("end", "rating:5"), again)
			MustContain(t, answer("end", "again:yes"), bot.T(lang, "survey.thanks"))
		})
	}
}

// TestFollowFixBecomeNextStep: a mentee who would like to mentor one day
// is told how, with the offer command as their language writes it; not
// one who says no, nor one who offers already. The French command works.
func TestFollowFixBecomeNextStep(t *testing.T) {
	for _, tt := range []struct {
		lang        bot.Lang
		next, offer string
	}{
		{bot.English, "To mentor others, whenever you like: `/mentor offer <topics>`.", "offer rust"},
		{bot.French, "Pour devenir mentor, quand vous voudrez\u202f: `/mentor propose <sujets>`.", "propose rust"},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			h := MustHarness(t)
			for _, u := range []string{"dan", "erin", "fay"} {
				h.Run(u, "lang "+string(tt.lang))
			}
			h.Run("fay", "offer python")
			mustOfficial(h, "carol", "offer go capacity:3 languages:en,fr", "dan", "request go kind:flash")
			mustOfficial(h, "carol", "offer go capacity:3 languages:en,fr", "erin", "request go kind:flash")
			mustOfficial(h, "carol", "offer go capacity:3 languages:en,fr", "fay", "request go kind:flash")
			MustTick(t, h, 8*day)
			survey := func(user, become string) bot.Reply {
				t.Helper()
				pair := mustOnlyPair(t, h, user)
				var r bot.Reply
				for _, v := range []string{"rating:5", "answered:yes", "become:" + become} {
					r = h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: bot.ActionSurveyAnswer, Value: pair.ID + ":flash:" + v})
				}
				return r
			}
			r := survey("dan", "yes")
			MustContain(t, r, bot.T(tt.lang, "survey.thanks")+"\n"+tt.next+"\n\n")
			if strings.Count(r.Message.Text, tt.next) != 1 {
				t.Fatalf("got %q, want the next step once", r.Message.Text)
			}
			if r := survey("erin", "no"); strings.Contains(r.Message.Text, tt.next) {
				t.Fatalf("got %q after no, want no next step", r.Message.Text)
			}
			if r := survey("fay", "yes"); strings.Contains(r.Message.Text, tt.next) {
				t.Fatalf("got %q for a mentee who offers already, want no next step", r.Message.Text)
			}
			h.Run("dan", tt.offer)
			if _, err := h.Store.GetOffer(context.Background(), h.Tenant.Member("dan")); err != nil {
				t.Fatalf("the command of the next step made no offer: %v", err)
			}
		})
	}
}
