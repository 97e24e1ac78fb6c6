package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestAnswersOutsidePrograms: /mentor answers from a member in no
// program says so, rather than speaking of "your program"; a member in
// a program is still told that theirs has no questions waiting.
func TestAnswersOutsidePrograms(t *testing.T) {
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		t.Run(string(lang), func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("dan", "lang "+string(lang))
			h.Run("ann", "lang "+string(lang))
			h.Run("alice", `admin program create "Mentorat 2027" start:2026-11-10 end:2026-11-20 questions:What did you learn?`)
			if r := h.Run("dan", "answers first:x"); r.Message.Text != bot.T(lang, "err.answers.no_program") {
				t.Fatalf("in no program: got %q, want %q", r.Message.Text, bot.T(lang, "err.answers.no_program"))
			}
			h.Run("dan", "offer go")
			if r := h.Run("dan", "answers first:x"); r.Message.Text != bot.T(lang, "err.answers.no_program") {
				t.Fatalf("offering outside programs: got %q, want %q", r.Message.Text, bot.T(lang, "err.answers.no_program"))
			}
			h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
			if r := h.Run("ann", "answers first:x"); r.Message.Text != bot.T(lang, "err.answers.none") {
				t.Fatalf("in a program: got %q, want %q", r.Message.Text, bot.T(lang, "err.answers.none"))
			}
		})
	}
}
