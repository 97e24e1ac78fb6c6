package bot_test

import (
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestDigestCountsCharterCancelled: a pair whose charter is declined was
// formed, and is counted in the week's pairs, but never started: the
// managers' figures say how many, where "Pairs formed" alone overstated
// the pairs under way. A week without any shows no such line.
func TestDigestCountsCharterCancelled(t *testing.T) {
	h := MustAdminHarness(t)
	label := bot.T(bot.English, "digest.charter_cancelled")
	if r := h.Run("alice", "admin stats"); strings.Contains(r.Message.Text, label) {
		t.Fatalf("got %q, want no line for a week without any", r.Message.Text)
	}
	h.Run("bob", "offer go")
	h.Run("ann", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("ann", "ann", bot.ActionCharterDecline)
	r := h.Run("alice", "admin stats")
	MustContain(t, r, "• Pairs formed: 1")
	MustContain(t, r, "• "+label+": 1")
}
