package bot_test

import (
	"testing"
)

// TestTrialfixGoalsOwnersAndForm: /mentor status names who set each goal
// of a pair, as the check-in does; /mentor goals alone says "one per
// field". In English and French.
func TestTrialfixGoalsOwnersAndForm(t *testing.T) {
	h := MustHarness(t)
	h.Run("frank", "lang fr")
	mustOfficial(h, "bob", "offer go languages:en,fr", "frank", "request go kind:one-to-one")
	h.Run("frank", "goals first:ship a Go service")
	h.Run("bob", "goals first:review code")
	r := h.Run("bob", "status")
	MustContain(t, r, "• ship a Go service (Frank): not started")
	MustContain(t, r, "• review code (Bob): not started")
	r = h.Run("frank", "status")
	MustContain(t, r, "• ship a Go service (Frank)\u202f: pas commencé")
	MustContain(t, r, "• review code (Bob)\u202f: pas commencé")
	MustContain(t, h.Run("bob", "goals"), "up to 3, one per field.")
	MustContain(t, h.Run("frank", "goals"), "jusqu'à 3, un par champ.")
}
