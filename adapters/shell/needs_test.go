package shell_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestNeedsTranscript plays the needs survey from the terminal, in
// English and in French: the survey in a channel answered with numbered
// menus, a one-click offer and request from the answers, the survey by
// DM as a paced campaign with its progress updated, an opt-out, a second
// campaign refused and then confirmed, and the results. Run with -update
// to rewrite the golden files.
func TestNeedsTranscript(t *testing.T) {
	for _, name := range []string{"needs_en", "needs_fr"} {
		t.Run(name, func(t *testing.T) {
			// As the running bot: a tick every 10 seconds on the way.
			playTranscript(t, name, transcript{cfg: bot.Config{Managers: []string{"alice"}, CampaignRate: 12}, step: 10 * time.Second})
		})
	}
}
