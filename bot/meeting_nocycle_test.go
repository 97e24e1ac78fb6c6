package bot_test

import (
	"context"
	"testing"
	"time"
)

// TestNewTimesNeverCycle: asking for new times again and again never
// offers again a time offered in the last rounds (the Discord trial saw
// round 4 offer round 1's times again), while free times remain.
func TestNewTimesNeverCycle(t *testing.T) {
	h := MustHarness(t)
	pair, _ := meetingPair(t, h, "Europe/Paris")
	seen := map[time.Time]int{}
	for round := 1; round <= 4; round++ {
		if round > 1 {
			h.Run("alice", "meet")
		}
		m, err := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID)
		if err != nil || m.Round != round || len(m.Slots) == 0 {
			t.Fatalf("round %d: got %+v, %v", round, m, err)
		}
		for _, s := range m.Slots {
			if r, ok := seen[s.Start]; ok {
				t.Fatalf("round %d offers %v again, offered in round %d", round, s.Start, r)
			}
			seen[s.Start] = round
		}
	}
}
