package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
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

// TestNewTimesRace: both members click "Suggest other times" at the same
// moment: one round of new times goes out, and every other click is told
// that newer times are out, never a vague "no longer waiting".
func TestNewTimesRace(t *testing.T) {
	h := MustHarness(t)
	pair, intro := meetingPair(t, h, "Europe/Paris")
	var other bot.Button
	for _, b := range intro.Buttons {
		if b.ActionID == bot.ActionMeetOther {
			other = b
		}
	}
	replies := make([]string, 8)
	var wg sync.WaitGroup
	for i := range replies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			replies[i] = meetClick(h, []string{"alice", "bob"}[i%2], other).Message.Text
		}()
	}
	wg.Wait()
	m, err := h.Store.GetMeeting(context.Background(), h.Tenant, pair.ID)
	if err != nil || m.Round != 2 {
		t.Fatalf("got round %d (%v), want one round of new times", m.Round, err)
	}
	sent := 0
	for _, r := range replies {
		switch {
		case strings.Contains(r, "three meeting times"):
			sent++
		case r != "These times were replaced by newer ones: use the buttons of the latest message.":
			t.Errorf("got %q, want the new times sent or said newer", r)
		}
	}
	if sent < 1 {
		t.Fatalf("got replies %q, want one sending the new times", replies)
	}
}
