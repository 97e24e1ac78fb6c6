package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestAdminCommandSuggestion: a misspelled or untranslated managers'
// command gets the closest one, in the reader's words first, as the
// members' commands do; « vague » (a round, in the French catalog) and
// « apparier » run admin match.
func TestAdminCommandSuggestion(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "lang fr")
	for _, tc := range []struct{ text, want string }{
		{"admin statistique", "Je ne connais pas la commande des responsables «\u202fadmin statistique\u202f». Vouliez-vous dire `/mentor admin statistiques`\u202f?"},
		{"admin témoignage", "Vouliez-vous dire `/mentor admin témoignages`\u202f?"},
		{"admin temoignage", "Vouliez-vous dire `/mentor admin témoignages`\u202f?"},
		{"admin reglage", "Vouliez-vous dire `/mentor admin réglages`\u202f?"},
		{"admin aide statistique", "Vouliez-vous dire `/mentor admin statistiques`\u202f?"},
	} {
		if got := h.Run("alice", tc.text).Message.Text; !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want it to contain %q", tc.text, got, tc.want)
		}
	}
	for _, typed := range []string{"admin vague", "admin apparier", "admin Vague"} {
		if got := h.Run("alice", typed).Message.Text; !strings.Contains(got, "Personne n'attend de mentor") {
			t.Errorf("%s: got %q, want the round of admin match", typed, got)
		}
	}
	h.Run("alice", "lang en")
	for _, tc := range []struct{ text, want string }{
		{"admin stat", "Did you mean `/mentor admin stats`?"},
		{"admin statistique", "Did you mean `/mentor admin stats`?"}, // the English name: the French one would switch them to French
		{"admin testimonial", "Did you mean `/mentor admin testimonials`?"},
		{"admin matches", "Did you mean `/mentor admin match`?"},
	} {
		if got := h.Run("alice", tc.text).Message.Text; !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want it to contain %q", tc.text, got, tc.want)
		}
	}
	b := bot.New(bot.Config{}, nil, bot.SystemClock{}, nil, nil)
	if spec, _, err := b.ParseIn(bot.French, "admin vague"); spec.Name != "admin match" {
		t.Errorf("admin vague: got %q (%v), want admin match", spec.Name, err)
	}
}
