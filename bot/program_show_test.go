package bot_test

import (
	"strings"
	"testing"
)

// TestProgramShowNoKickoff: a program created on or after its first day
// had no kick-off round, as its creation said: showing it says so, in
// both languages, rather than that a round was answered.
func TestProgramShowNoKickoff(t *testing.T) {
	for _, tc := range []struct{ name, lang, create, show, want, bad string }{
		{"TodayEnglish", "en", `admin program create "Mentoring 2027" kind:peer start:2026-11-02 end:2027-06-30`, "admin program show mentoring-2027",
			"No kick-off round: the program had already started when it was created, on 2 November 2026, so its requests are matched as they come.", "Kick-off round answered"},
		{"EarlierFrench", "fr", `admin programme créer "Mentorat 2027" début:01/11/2026 fin:30/06/2027`, "admin programme voir mentorat-2027",
			"Pas de vague de lancement\u202f: le programme avait déjà commencé à sa création, le 2 novembre 2026, ses demandes sont donc mises en relation au fil de l'eau.", "Vague de lancement traitée"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", "lang "+tc.lang)
			h.Run("alice", tc.create)
			r := h.Run("alice", tc.show)
			MustContain(t, r, tc.want)
			if strings.Contains(r.Message.Text, tc.bad) {
				t.Errorf("got %q, want no %q", r.Message.Text, tc.bad)
			}
		})
	}
}
