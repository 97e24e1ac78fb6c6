package bot_test

import (
	"strings"
	"testing"
)

// TestFixstatsStatsRetentionNotLive: /mentor admin stats never shows a
// live retention total under the last complete week's title. In runProgram
// Ann became a mentor in W47; Eve does on Tuesday of W48, after its
// digest. The stats read on that Tuesday give W47 its own figure, as its
// digest had it, and the total since the beginning (2, counting Eve)
// under "Right now" only. In English and French.
func TestFixstatsStatsRetentionNotLive(t *testing.T) {
	for _, c := range []struct {
		lang, now, last string
		week, all       []string
	}{
		{"en", "*Right now*", "*The last complete week:",
			[]string{"Mentors back for a new mentee after finishing with one: 1 in the week.", "Mentees who became mentors: 1 in the week."},
			[]string{"Retention since the beginning, up to now", "Mentors back for a new mentee after finishing with one: 1.", "Mentees who became mentors: 2."}},
		{"fr", "*En ce moment*", "*La dernière semaine complète\u202f:",
			[]string{"Mentors revenus accompagner une nouvelle personne\u202f: 1 dans la semaine.", "Personnes mentorées devenues mentors\u202f: 1 dans la semaine."},
			[]string{"Fidélité depuis le début, jusqu'à maintenant", "Mentors revenus accompagner une nouvelle personne\u202f: 1.", "Personnes mentorées devenues mentors\u202f: 2."}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			h := runProgram(t)
			h.At(24, 10, 0)                      // Tuesday of W48
			h.Run("eve", "offer python, career") // a mentee becomes a mentor, after W47
			h.Run("alice", "lang "+c.lang)
			text := h.Run("alice", "admin stats").Message.Text
			now, last := strings.Index(text, c.now), strings.Index(text, c.last)
			if now < 0 || last < 0 || now > last {
				t.Fatalf("got %q, want %q before %q", text, c.now, c.last)
			}
			MustLines(t, text[now:last], c.all...)
			MustLines(t, text[last:], c.week...)
			for _, live := range []string{"in all", "en tout", "mentors: 2", "mentors\u202f: 2"} {
				if strings.Contains(text[last:], live) {
					t.Errorf("the last week's section says %q: %q", live, text[last:])
				}
			}
		})
	}
}
