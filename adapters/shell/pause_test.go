package shell_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestPauseTranscript plays pauses on the shell clock, in English and in
// French: a mentor pauses for three weeks (and the dates that are
// refused), a mentee until a date, which a manager's preview and the
// digest give as the reason their request waits; the mentee's pause ends
// by itself, the mentor resumes early (their job then does nothing), lets
// two proposals expire with unanswered:2, is paused and told once with a
// Resume button, and clicks it (twice: the second says it is done).
// Run with -update to rewrite the golden files.
func TestPauseTranscript(t *testing.T) {
	for _, name := range []string{"pause_en", "pause_fr"} {
		t.Run(name, func(t *testing.T) {
			playTranscript(t, name, transcript{cfg: bot.Config{Managers: []string{"alice"}}, memory: true, step: time.Hour, sweep: true})
		})
	}
}
