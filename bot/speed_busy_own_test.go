package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSpeedBusyProposedToThatMentor: the mentee's request under way is
// proposed to the very mentor she met, and both say yes. No "another
// mentor" and no "wait for that mentor's answer": each reads, in their
// language, that the request waits for this mentor's answer, and that the
// mentor's Accept on it pairs them; no "Try again" button. The mentor's
// Accept then forms the one pair.
func TestSpeedBusyProposedToThatMentor(t *testing.T) {
	const nb = "\u202f"
	tests := []struct {
		name, frUser   string
		mentee, mentor string
	}{
		{"MenteeFrench", "carol",
			"Bob souhaite continuer aussi, et votre demande de mentorat sur «" + nb + "go" + nb + "» est justement celle que j'ai proposée à Bob" + nb + ": elle attend sa réponse. Bob peut l'accepter avec le bouton «" + nb + "Accepter" + nb + "» de cette demande" + nb + ": vous formerez alors un binôme sur «" + nb + "go" + nb + "», et je vous le dirai.",
			"Carol wants to continue too, and Carol's mentoring request on “go” is the one I proposed to you, still waiting for your answer. To pair with Carol, click “Accept” on that request, in the message I sent you: you will then be Carol's mentor on “go”."},
		{"MentorFrench", "bob",
			"Bob wants to continue too, and your mentoring request on “go” is the one I proposed to Bob, still waiting for their answer. Bob can accept it with its “Accept” button: you will then be paired on “go”, and I will tell you.",
			"Carol souhaite continuer aussi, et sa demande de mentorat sur «" + nb + "go" + nb + "» est justement celle que je vous ai proposée" + nb + ": elle attend votre réponse. Pour former votre binôme avec Carol, cliquez sur «" + nb + "Accepter" + nb + "» dans le message de cette demande" + nb + ": vous deviendrez alors son mentor sur «" + nb + "go" + nb + "»."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, reg := speedHarness(t, "")
			h.Run(tt.frUser, "lang fr")
			h.Run("bob", "offer go languages:en,fr")
			h.Run("carol", "request go languages:en,fr")
			click(h, "bob", reg, 0)
			click(h, "carol", reg, 1)
			h.At(2, 10, 15)
			h.Platform.Take()

			// The mentor first: the mentee reads it in her reply.
			h.Click("bob", "bob", bot.ActionSpeedContinue)
			r := h.Click("carol", "carol", bot.ActionSpeedContinue)
			MustContain(t, r, tt.mentee)
			if len(r.Message.Buttons) != 0 {
				t.Errorf("got buttons %+v, want none", r.Message.Buttons)
			}
			told := speedMessageTo(t, h, "bob", "Carol")
			if told.Text != tt.mentor || len(told.Buttons) != 0 {
				t.Fatalf("got bob told %q %+v, want %q and no button", told.Text, told.Buttons, tt.mentor)
			}

			h.Click("bob", "bob", bot.ActionProposalAccept)
			if pairs := speedPairsOf(t, h, "carol"); len(pairs) != 1 || pairs[0].Mentor.User != "bob" || pairs[0].Topic != "go" {
				t.Fatalf("got carol's pairs %+v, want one with bob on go", pairs)
			}
		})
	}
}
