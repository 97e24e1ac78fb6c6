package shell_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestGoalsTranscript plays a pair's goals in English and in French: the
// request's goal first, the introduction's Set our goals button (the
// shell says what to type), /mentor goals for each side and a mistake,
// the check-in's menu (a goal done, the same choice again, a click from
// outside the pair, the menu kept after "yes"), then the mid-way review:
// keep the goals, and readjust the pair (the managers' channel is told).
// Run with -update to rewrite the golden files.
func TestGoalsTranscript(t *testing.T) {
	for _, name := range []string{"goals_en", "goals_fr"} {
		t.Run(name, func(t *testing.T) {
			playTranscript(t, name, transcript{cfg: bot.Config{Managers: []string{"alice"}}, memory: true, step: 24 * time.Hour})
		})
	}
}
