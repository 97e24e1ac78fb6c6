package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestForgetConfirmOnce: "Yes, erase everything" works once. Clicked
// again (a double click), it says the data is already erased, in the
// language the buttons were sent in, and runs no second erasure.
func TestForgetConfirmOnce(t *testing.T) {
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		t.Run(string(lang), func(t *testing.T) {
			h := MustHarness(t)
			h.Run("carol", "lang "+string(lang))
			h.Run("carol", "request go")
			r := h.Run("carol", "forget")
			MustContain(t, clickIn(h, "carol", r, bot.ActionForgetConfirm), bot.T(lang, "forget.done"))
			second := clickIn(h, "carol", r, bot.ActionForgetConfirm)
			if second.Message.Text != bot.T(lang, "forget.already") || second.Lang != lang {
				t.Fatalf("got %q (%s) on the second click, want %q", second.Message.Text, second.Lang, bot.T(lang, "forget.already"))
			}
			if strings.Contains(second.Message.Text, bot.T(lang, "forget.done")) {
				t.Fatalf("got %q, want no second erasure told", second.Message.Text)
			}
		})
	}
}
