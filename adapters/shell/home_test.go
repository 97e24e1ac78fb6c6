package shell_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestHomeTranscript plays, in English and in French, /mentor status as
// the member's home (what Slack's App Home tab shows): empty with the
// buttons to start, a mentor pausing and resuming from its buttons, a
// waiting request with why it waits, then a pair with its next check-in,
// its end button and the forms' buttons, which the shell cannot open.
// Run with -update to rewrite the golden files.
func TestHomeTranscript(t *testing.T) {
	for _, name := range []string{"home_en", "home_fr"} {
		t.Run(name, func(t *testing.T) { playTranscript(t, name, transcript{cfg: bot.Config{Managers: []string{"alice"}}}) })
	}
}
