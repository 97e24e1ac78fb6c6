package bot_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/bot"
)

// TestNoOfferGivesTheCommandWithItsTopics: /mentor pause with no offer,
// and a "no" to a new match with none, give the offer command with its
// topics as a value ("`/mentor propose <sujets>`"), which each platform
// shows in its own shape (Discord: its "sujets" field), not "followed by
// your topics", which only typed text has.
func TestNoOfferGivesTheCommandWithItsTopics(t *testing.T) {
	span := regexp.MustCompile("`(/mentor [^`]*)`")
	for _, tc := range []struct {
		lang bot.Lang
		key  string
	}{
		{bot.English, "err.no_offer"}, {bot.French, "err.no_offer"},
		{bot.English, "newmatch.no_no_offer"}, {bot.French, "newmatch.no_no_offer"},
	} {
		s := bot.T(tc.lang, tc.key)
		if strings.Contains(s, "suivi de") || strings.Contains(s, "and your topics") {
			t.Errorf("%s %s: got %q, want the topics as the command's value", tc.lang, tc.key, s)
		}
		m := span.FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("%s %s: got %q, want a command", tc.lang, tc.key, s)
		}
		c, ok := bot.ReadTyped(m[1])
		if !ok || c.Spec.Name != "offer" || len(c.Options) != 1 || c.Options[0].Option.Name != "topics" {
			t.Errorf("%s %s: got %q read as %+v, want the offer command with its topics", tc.lang, tc.key, m[1], c)
		}
	}
	h := MustHarness(t)
	h.Run("ines", "lang fr")
	MustContain(t, h.Run("ines", "pause"), "Vous ne proposez pas encore de mentorat. Commencez par `/mentor propose <sujets>`.")
}

// TestNeedsSummaryFrench: the French description of `admin needs`,
// which Discord shows in its command picker, is good French and fits in
// Discord's 100 characters.
func TestNeedsSummaryFrench(t *testing.T) {
	s := bot.T(bot.French, "cmd.admin.needs.summary")
	if strings.Contains(s, "les montre") || !strings.Contains(s, "l'action `résultats` montre les réponses") {
		t.Errorf("got %q, want the results action said in good French", s)
	}
	if n := utf8.RuneCountInString(strings.ReplaceAll(s, "`", "")); n > 100 {
		t.Errorf("got %d characters, want 100 at most: %q", n, s)
	}
}
