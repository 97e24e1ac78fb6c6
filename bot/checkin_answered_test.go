package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestCheckinAnsweredRefusesEveryButton: once a member answered a
// check-in, each of its buttons, "It's not working out" included, says
// so and changes nothing; the other member's check-in still works.
func TestCheckinAnsweredRefusesEveryButton(t *testing.T) {
	for _, first := range []string{bot.ActionCheckinNotYet, bot.ActionCheckinYes} {
		t.Run(first, func(t *testing.T) {
			h := MustHarness(t)
			mustOfficial(h, "carol", "offer go", "dan", "request go kind:one-to-one")
			MustTick(t, h, 3*day)
			h.Run("dan", "lang fr")
			h.Click("dan", "dan", first)
			for _, action := range []string{bot.ActionCheckinStop, bot.ActionCheckinYes, bot.ActionCheckinNotYet} {
				r := h.Click("dan", "dan", action)
				if want := "Vous avez déjà répondu à ce point d'étape\u202f: rien n'a été modifié. Merci\u202f!"; r.Message.Text != want {
					t.Fatalf("got %q for %s, want %q", r.Message.Text, action, want)
				}
				if len(r.Message.Buttons) != 0 {
					t.Fatalf("got buttons %+v on %s, want none", r.Message.Buttons, action)
				}
			}
			if p := mustOnlyPair(t, h, "dan"); p.State != bot.PairActive {
				t.Fatalf("got pair %s, want it still active", p.State)
			}
			if r := h.Click("carol", "carol", bot.ActionCheckinStop); len(r.Message.Buttons) == 0 {
				t.Fatalf("got %q for carol, who has not answered, want the end question", r.Message.Text)
			}
			h.Run("carol", "lang en")
			if r := h.Click("carol", "carol", bot.ActionCheckinNotYet); r.Message.Text == "" {
				t.Fatal("got no reply to carol's answer")
			}
			if r := h.Click("carol", "carol", bot.ActionCheckinStop); r.Message.Text != "You already answered this check-in, so nothing was changed. Thank you!" {
				t.Fatalf("got %q, want the check-in said answered", r.Message.Text)
			}
		})
	}
}
