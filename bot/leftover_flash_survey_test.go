package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// surveysTo counts the first questions of a survey each member received
// in sent.
func surveysTo(sent []bottest.Sent) map[string]int {
	n := map[string]int{}
	for _, s := range sent {
		if strings.Contains(s.Message.Text, "How would you rate it") || strings.Contains(s.Message.Text, "Quelle note donneriez-vous") {
			for _, m := range s.To {
				n[m.User]++
			}
		}
	}
	return n
}

// mustFlashMet makes a flash pair of erin (mentor) and gaby (mentee),
// sends its check-in, and has gaby say they met: "A short survey is on
// its way", whose job has not run yet.
func mustFlashMet(t *testing.T) *bottest.Harness {
	t.Helper()
	h := MustHarness(t)
	mustOfficial(h, "erin", "offer kubernetes kinds:flash", "gaby", "request kubernetes kind:flash")
	MustTick(t, h, 3*day)
	h.Platform.Take()
	MustContain(t, h.Click("gaby", "gaby", bot.ActionCheckinYes), "A short survey is on its way.")
	return h
}

// TestLeftoverFlashMetThenNotWorking: a flash pair whose member said
// they met, and was promised its survey, gets that survey once, to both
// members, when a member then ends the pair as not working out, by
// /mentor end or by the check-in's button, before the survey's job ran:
// the job found the pair ended and sent nothing. The pair stays ended as
// not working out (not completed), and its survey asks for no
// testimonial. A member who said "not yet", told by the other's "we met"
// that the survey comes to both, gets it too.
func TestLeftoverFlashMetThenNotWorking(t *testing.T) {
	for _, c := range []struct {
		name, by string
		end      func(h *bottest.Harness) bot.Reply
	}{
		{"EndCommand", "erin", func(h *bottest.Harness) bot.Reply {
			return clickIn(h, "erin", h.Run("erin", "end"), bot.ActionEndConfirm)
		}},
		{"CheckinButton", "erin", func(h *bottest.Harness) bot.Reply {
			return clickIn(h, "erin", h.Click("erin", "erin", bot.ActionCheckinStop), bot.ActionCheckinStopConfirm)
		}},
		{"TheOneWhoMet", "gaby", func(h *bottest.Harness) bot.Reply {
			return clickIn(h, "gaby", h.Run("gaby", "end"), bot.ActionEndConfirm)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := mustFlashMet(t)
			r := c.end(h)
			MustContain(t, r, "I've ended your pair with")
			MustContain(t, r, "The short survey on your session still comes to you both")
			sent := h.Platform.Take()
			if got := surveysTo(sent); got["erin"] != 1 || got["gaby"] != 1 {
				t.Fatalf("got surveys %v, want one to erin and one to gaby:\n%s", got, strings.Join(inboxOf(sent), "\n"))
			}
			MustTick(t, h, day) // the survey's job, and its retries
			if got := surveysTo(h.Platform.Take()); len(got) != 0 {
				t.Fatalf("got surveys %v after the job, want none: sent once", got)
			}
			p := mustOnlyPair(t, h, "gaby")
			if p.State != bot.PairCancelled || p.EndReason == bot.SurveyFlash {
				t.Errorf("got the pair %s (%s), want it cancelled as not working out", p.State, p.EndReason)
			}
			// Answered to the end: thanks and a comment, no testimonial.
			r = h.Click("gaby", "gaby", "5")
			r = clickIn(h, "gaby", r, "Yes")
			r = clickIn(h, "gaby", r, "No")
			MustContain(t, r, "Thank you")
			for _, b := range r.Message.Buttons {
				if b.ActionID == bot.ActionTestimonialWrite {
					t.Errorf("got a testimonial button after the survey of a pair that did not work out: %q", r.Message.Text)
				}
			}
		})
	}
	t.Run("PartnerSaidNotYet", func(t *testing.T) {
		h := MustHarness(t)
		mustOfficial(h, "erin", "offer kubernetes kinds:flash", "gaby", "request kubernetes kind:flash")
		MustTick(t, h, 3*day)
		h.Click("gaby", "gaby", bot.ActionCheckinNotYet)
		h.Click("erin", "erin", bot.ActionCheckinYes)
		h.Platform.Take()
		MustContain(t, clickIn(h, "gaby", h.Run("gaby", "end"), bot.ActionEndConfirm), "still comes to you both")
		MustTick(t, h, day)
		if got := surveysTo(h.Platform.Take()); got["erin"] != 1 || got["gaby"] != 1 {
			t.Fatalf("got surveys %v, want one to erin and one to gaby", got)
		}
	})
	t.Run("French", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("gaby", "lang fr")
		mustOfficial(h, "erin", "offer kubernetes kinds:flash languages:en,fr", "gaby", "demande kubernetes type:flash")
		MustTick(t, h, 3*day)
		MustContain(t, h.Click("gaby", "gaby", bot.ActionCheckinYes), "Un court questionnaire arrive.")
		r := clickIn(h, "gaby", h.Run("gaby", "terminer"), bot.ActionEndConfirm)
		MustContain(t, r, "J'ai mis fin à votre binôme avec Erin\u202f: cela arrive, et ce n'est la faute de personne. "+
			"Le court questionnaire sur votre séance vous parvient tout de même, à vous et à Erin\u202f: vos réponses aident le programme à s'améliorer.")
	})
}

// TestLeftoverFlashSurveyRetried: a survey owed to a pair ended as not
// working out, which the platform could not take at the end, comes with
// the survey's job once the platform is back, once.
func TestLeftoverFlashSurveyRetried(t *testing.T) {
	h := mustFlashMet(t)
	h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	clickIn(h, "erin", h.Run("erin", "end"), bot.ActionEndConfirm)
	h.Platform.Fail = nil
	if p := mustOnlyPair(t, h, "gaby"); p.State != bot.PairCancelled {
		t.Fatalf("got the pair %s, want it ended", p.State)
	}
	MustTick(t, h, 0)
	MustTick(t, h, day)
	if got := surveysTo(h.Platform.Take()); got["erin"] != 1 || got["gaby"] != 1 {
		t.Fatalf("got surveys %v, want one to erin and one to gaby", got)
	}
}

// TestLeftoverFlashNoSurveyOwed: a flash pair nobody said met is sent no
// survey when it ends as not working out; nor is one whose member erased
// their data (the pair, ended, is about someone gone).
func TestLeftoverFlashNoSurveyOwed(t *testing.T) {
	t.Run("NotMet", func(t *testing.T) {
		h := MustHarness(t)
		mustOfficial(h, "erin", "offer kubernetes kinds:flash", "gaby", "request kubernetes kind:flash")
		MustTick(t, h, 3*day)
		r := clickIn(h, "erin", h.Run("erin", "end"), bot.ActionEndConfirm)
		if strings.Contains(r.Message.Text, "survey") {
			t.Errorf("got %q, want no survey promised", r.Message.Text)
		}
		MustTick(t, h, 10*day)
		if got := surveysTo(h.Platform.Take()); len(got) != 0 {
			t.Fatalf("got surveys %v, want none", got)
		}
	})
	t.Run("Erased", func(t *testing.T) {
		h := mustFlashMet(t)
		r := h.Run("erin", "forget")
		clickIn(h, "erin", r, bot.ActionForgetConfirm)
		MustTick(t, h, day)
		if got := surveysTo(h.Platform.Take()); len(got) != 0 {
			t.Fatalf("got surveys %v, want none about a member erased", got)
		}
	})
}
