package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// TestFlashNotYetAfterPartnerMet: in a flash pair whose other member said
// they met, a "not yet" promises no check-in that cannot come (the survey
// follows and completes the pair): it says who reported the session, and
// no reminder is sent. Clicked once the survey came, it says the same
// rather than only that the pair has ended.
func TestFlashNotYetAfterPartnerMet(t *testing.T) {
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		t.Run("BeforeSurvey/"+string(lang), func(t *testing.T) {
			h := flashAtCheckin(t, lang)
			clickCheckin(t, h, "claire", bot.ActionCheckinYes, 0)
			r := clickCheckin(t, h, "bob", bot.ActionCheckinNotYet, 0)
			if want := bot.T(lang, "checkin.notyet_met", "name", "Claire"); r.Message.Text != want {
				t.Fatalf("got %q, want %q", r.Message.Text, want)
			}
			h.Platform.Take()
			MustTick(t, h, 10*day)
			for _, s := range h.Platform.Take() {
				if s.To[0].User == "bob" && len(s.Message.Buttons) > 0 && s.Message.Buttons[0].ActionID == bot.ActionCheckinYes {
					t.Fatalf("got a check-in %q after the survey, want none", s.Message.Text)
				}
			}
		})
		t.Run("AfterSurvey/"+string(lang), func(t *testing.T) {
			h := flashAtCheckin(t, lang)
			clickCheckin(t, h, "claire", bot.ActionCheckinYes, 0)
			MustTick(t, h, 0)
			r := clickCheckin(t, h, "bob", bot.ActionCheckinNotYet, 0)
			if want := bot.T(lang, "err.checkin_notyet_met_survey", "name", "Claire"); r.Message.Text != want {
				t.Fatalf("got %q, want %q", r.Message.Text, want)
			}
			if p := mustOnlyPair(t, h, "bob"); p.State != bot.PairCompleted || p.NotYet != 0 {
				t.Fatalf("got pair %s with %d not yet, want completed, unchanged", p.State, p.NotYet)
			}
		})
	}
}

// TestFlashNotYetAlone: a "not yet" that nobody contradicts still
// promises the reminder.
func TestFlashNotYetAlone(t *testing.T) {
	h := flashAtCheckin(t, bot.English)
	r := clickCheckin(t, h, "bob", bot.ActionCheckinNotYet, 0)
	if !strings.Contains(r.Message.Text, "check in again in 4 days") {
		t.Fatalf("got %q, want the reminder promised", r.Message.Text)
	}
}

// TestFlashPartnerMetAfterNotYet: in a flash pair, a "not yet" promised
// a check-in; when the other member then says they met, the survey comes
// instead, and the first member is told so, before it, in their language.
func TestFlashPartnerMetAfterNotYet(t *testing.T) {
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		t.Run(string(lang), func(t *testing.T) {
			h := flashAtCheckin(t, lang)
			clickCheckin(t, h, "bob", bot.ActionCheckinNotYet, 0)
			h.Platform.Take()
			clickCheckin(t, h, "claire", bot.ActionCheckinYes, 0)
			want := bot.T(lang, "checkin.partner_met", "name", "Claire", "topic", "go")
			sent := h.Platform.Take()
			if len(sent) == 0 || sent[0].To[0].User != "bob" || sent[0].Message.Text != want {
				t.Fatalf("got %+v, want bob told first: %q", sent, want)
			}
		})
	}
}

// flashAtCheckin is a flash pair, Bob mentoring Claire on go, both
// reading lang, at its first check-in.
func flashAtCheckin(t *testing.T, lang bot.Lang) *bottest.Harness {
	h := MustHarness(t)
	h.Run("bob", "lang "+string(lang))
	h.Run("claire", "lang "+string(lang))
	mustOfficial(h, "bob", "offer go kinds:flash", "claire", "request go kind:flash")
	MustTick(t, h, 3*day)
	return h
}
