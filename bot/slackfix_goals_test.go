package bot_test

import (
	"context"
	"strings"
	"testing"
)

// TestGoalFiguresFromIntroduction: the goal: of a request becomes the
// mentee's first goal at the introduction, and the managers' figures
// (admin stats, the digest) count it from then on, before either member
// opens their status; opening it later counts it once still. In French
// too.
func TestGoalFiguresFromIntroduction(t *testing.T) {
	h := MustAdminHarness(t)
	mustOfficial(h.Harness, "bob", "offer go", "ann", "request go kind:one-to-one goal:ship a Go service")
	h.Platform.Take()
	const line = "• Outside programs: 1 goal set in 1 pair, 0 done"
	MustContain(t, h.Run("alice", "admin stats"), line)
	msg, _, err := h.Bot.Digest(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil || !strings.Contains(msg.Text, line) {
		t.Fatalf("got digest %q (%v), want %q", msg.Text, err, line)
	}
	MustContain(t, h.Run("ann", "status"), "ship a Go service")
	MustContain(t, h.Run("bob", "goals"), "1. ship a Go service (Ann)")
	MustContain(t, h.Run("alice", "admin stats"), line)
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", "admin stats"), "• Hors programme\u202f: 1 objectif fixé dans 1 binôme, 0 atteint")

	t.Run("NoGoal", func(t *testing.T) {
		h := MustAdminHarness(t)
		mustOfficial(h.Harness, "bob", "offer go", "ann", "request go kind:one-to-one")
		if s := h.Run("alice", "admin stats").Message.Text; strings.Contains(s, "goal set") || strings.Contains(s, "goals set") {
			t.Errorf("got %q, want no goals counted: the request had none", s)
		}
	})
	t.Run("Replaced", func(t *testing.T) {
		// The mentee replaces their goals: the request's is not added
		// back, neither by their status nor to the figures.
		h := MustAdminHarness(t)
		mustOfficial(h.Harness, "bob", "offer go", "ann", "request go kind:one-to-one goal:ship a Go service")
		h.Run("ann", "goals first:write tests first")
		if s := h.Run("ann", "status").Message.Text; strings.Contains(s, "ship a Go service") || !strings.Contains(s, "write tests first") {
			t.Errorf("got %q, want ann's own goal alone", s)
		}
		MustContain(t, h.Run("alice", "admin stats"), "• Outside programs: 1 goal set in 1 pair, 0 done")
	})
}
