package slack_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/adapters/slack"
)

// TestIsAdminCommand: the commands for which Slack is asked whether the
// member administers the workspace: the admin commands, and the managers'
// help, which a workspace administrator reads as a manager.
func TestIsAdminCommand(t *testing.T) {
	for text, want := range map[string]bool{
		"admin stats":         true,
		"/mentor Admin":       true,
		"help admin":          true,
		"  HELP   admin ":     true,
		"aide admin":          true,
		"help command:admin":  true,
		"aide commande:Admin": true,
		"help offer":          false,
		"aide offrir":         false,
		"help":                false,
		"offer admin skills":  false,
		"":                    false,
	} {
		if got := slack.IsAdminCommand(text); got != want {
			t.Errorf("%q: got %v, want %v", text, got, want)
		}
	}
}
