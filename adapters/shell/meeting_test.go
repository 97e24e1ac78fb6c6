package shell_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestMeetingTranscript plays a pair's first meeting in English and in
// French: hours set with /mentor profile and refused when nonsense, the
// introduction's three times in each member's zone, different picks,
// then the same (agreed once, a double click included), each member's
// .ics written and its path printed, the first check-in held back from
// its fixed day (74h) to a day after the meeting (only after 102h), then new times with /mentor meet, and a stale
// button of the old round. Run with -update to rewrite the golden files.
func TestMeetingTranscript(t *testing.T) {
	for _, name := range []string{"meeting_en", "meeting_fr"} {
		t.Run(name, func(t *testing.T) {
			playTranscript(t, name, transcript{files: "*.ics", cfg: bot.Config{CharterURL: "https://example.org/charter"}})
		})
	}
}
