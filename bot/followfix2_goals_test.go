package bot_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mentorbot/mentorbot/bot"
)

// TestGoalsHintTrue: the goals form's placeholder says what the form
// does (an empty field removes its goal), whole; the option's help quotes
// the word that removes a goal, in each language, and that word does.
func TestGoalsHintTrue(t *testing.T) {
	for _, tc := range []struct {
		lang        bot.Lang
		word, empty string
	}{
		{bot.English, "“none”", "empty this field"},
		{bot.French, "«\u202faucun\u202f»", "videz ce champ"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := MustHarness(t)
			h.Run("bob", "lang "+string(tc.lang))
			h.Run("claire", "lang "+string(tc.lang))
			mustOfficial(h, "bob", "offer go", "claire", "request go kind:one-to-one")
			r := h.Click("claire", "claire", bot.ActionGoalsOpen)
			if r.Form == nil || len(r.Form.Fields) == 0 {
				t.Fatalf("got form %+v, want the goals form", r.Form)
			}
			want := bot.T(tc.lang, "form.goals.placeholder")
			if utf8.RuneCountInString(want) > 100 || !strings.Contains(want, tc.empty) {
				t.Fatalf("got placeholder sentence %q, want it whole and saying %q", want, tc.empty)
			}
			for _, f := range r.Form.Fields {
				if f.Placeholder != want {
					t.Fatalf("got placeholder %q, want %q", f.Placeholder, want)
				}
			}
			help := bot.T(tc.lang, "opt.goal_n")
			if !strings.Contains(help, tc.word) {
				t.Fatalf("got help %q, want it to quote %s", help, tc.word)
			}
			h.Run("claire", "goals first:ship a service second:read code")
			word := strings.Trim(tc.word, "“”«»\u202f")
			MustContain(t, h.Run("claire", "goals second:"+word), "read code")
			if r := h.Click("claire", "claire", bot.ActionGoalsOpen); r.Form.Fields[1].Value != "" {
				t.Fatalf("got second goal %q after %s, want it removed", r.Form.Fields[1].Value, word)
			}
		})
	}
}
