package bot_test

import (
	"testing"
)

// TestProgramKickoffTellsPaused: a member paused until a date whose
// request was held for the kick-off is told that it stays paused until
// then and is proposed after, in their language: not that no mentor can
// take it, nor that it was just saved.
func TestProgramKickoffTellsPaused(t *testing.T) {
	for _, tc := range []struct{ name, lang, pause, want string }{
		{"English", "en", "pause until:2026-11-15",
			"“Mentorat 2027” has started. Your request on “go” stays paused until 15 November 2026, as you asked: I'll propose it to a mentor after that. To look for a mentor now, type `/mentor resume`."},
		{"French", "fr", "pause jusqu'au:15/11/2026",
			"«\u202fMentorat 2027\u202f» a commencé. Votre demande sur «\u202fgo\u202f» reste en pause jusqu'au 15 novembre 2026, comme vous l'avez demandé\u202f: je la proposerai à un mentor ensuite. Pour chercher un mentor dès maintenant, tapez `/mentor reprendre`."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := mustProgramHarness(t)
			h.Run("bob", "offer go program:mentorat-2027")
			h.Run("jules", "lang "+tc.lang)
			h.Run("jules", "request go program:mentorat-2027")
			MustContain(t, h.Run("jules", tc.pause), "15")
			h.Platform.Take()
			h.At(10, 0, 1)
			h.At(11, 0, 2) // released by the grace: the kick-off tells
			msg := lastTo(t, h.Harness, "jules")
			if msg.Text != tc.want || len(msg.Buttons) != 0 {
				t.Fatalf("got %q with buttons %+v, want %q", msg.Text, msg.Buttons, tc.want)
			}
		})
	}
}
