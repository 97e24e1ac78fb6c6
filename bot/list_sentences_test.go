package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestSentencesJoinListsWithAnd: a sentence that lists topics joins its
// last two with "and", « et » in French, with no comma before it
// (FRENCH.md): the offer's reply, its "no longer offered" note (whose
// command keeps the typed list), and the needs survey's answers.
func TestSentencesJoinListsWithAnd(t *testing.T) {
	t.Run("Offer", func(t *testing.T) {
		h := MustAdminHarness(t)
		h.Run("fay", "lang fr")
		for _, tc := range []struct{ user, text, want string }{
			{"bob", "offer go, kubernetes", "Thank you! You are now a mentor for: go and kubernetes."},
			{"bob", "offer add:python", "Your offer is updated: go, kubernetes and python."},
			{"bob", "offer", "Your offer: go, kubernetes and python."},
			{"bob", "offer topics:rust", "No longer offered: go, kubernetes and python (a list of topics replaces the one before). To keep them too: `/mentor offer add:go, kubernetes, python`."},
			{"fay", "offer go, kubernetes", "Merci\u202f! Vous êtes maintenant mentor pour\u202f: go et kubernetes."},
			{"fay", "offer ajouter:python", "Votre offre est mise à jour\u202f: go, kubernetes et python."},
			{"fay", "offer sujets:rust", "Vous ne proposez plus\u202f: go, kubernetes et python (une liste de sujets remplace la précédente). Pour les garder aussi\u202f: `/mentor propose ajouter:go, kubernetes, python`."},
		} {
			if got := h.Run(tc.user, tc.text).Message.Text; !strings.Contains(got, tc.want) {
				t.Errorf("%s: got %q, want it to contain %q", tc.text, got, tc.want)
			}
		}
	})
	t.Run("Needs", func(t *testing.T) {
		h, _ := needsHarness(t, 2)
		h.Run("m01", "lang fr")
		h.Run("alice", `admin needs "Mentorat 2027" channel:#general topics:go, kubernetes, réseaux`)
		survey := h.Posting.Posts()[0].Message
		for _, tc := range []struct {
			user, field string
			choices     []string
			want        string
		}{
			{"m00", bot.NeedsLearn, []string{"0", "1"}, "You would like to be mentored on: go and kubernetes."},
			{"m00", bot.NeedsTeach, []string{"0", "1", "2"}, "You could mentor on: go, kubernetes and réseaux."},
			{"m01", bot.NeedsLearn, []string{"0", "2"}, "Vous aimeriez un accompagnement sur\u202f: go et réseaux."},
			{"m01", bot.NeedsTeach, []string{"0", "1"}, "Vous pourriez accompagner sur\u202f: go et kubernetes."},
		} {
			if got := choose(t, h, tc.user, survey, tc.field, tc.choices...).Message.Text; !strings.Contains(got, tc.want) {
				t.Errorf("%s %s: got %q, want it to contain %q", tc.user, tc.field, got, tc.want)
			}
		}
	})
}
