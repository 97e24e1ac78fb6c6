package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestAnnounceReinvitePending: a call for mentors posted right after a
// program's creation, before its re-invitation job has started the
// campaign, does not advise re-inviting the past mentors that job is
// about to message: they are named apart, as being re-invited, and the
// job then messages them once.
func TestAnnounceReinvitePending(t *testing.T) {
	h := runReportedProgram(t)
	MustTick(t, h.Harness, time.Minute)
	h.Platform.Take()
	h.Run("carol", "pause")
	h.Run("carol", "campaigns off") // not re-invited to the next program
	MustContain(t, h.Run("alice", `admin program create "Printemps 2027" start:2027-03-01 end:2027-06-30`), "I am re-inviting 1 mentor")
	// No tick: the re-invitation job, due at once, has not run.
	r := h.Run("alice", "admin announce #general program:printemps-2027")
	MustContain(t, r, "\nPast mentors whose offer is paused, to re-invite: Carol.\nBob has already received, or is receiving now, a personal re-invitation to “Printemps 2027”.")
	MustContain(t, h.Run("alice", "admin announce #general"), "\nBob has already received, or is receiving now, a personal re-invitation to “Printemps 2027”.")
	h.Tick()
	var invites int
	for _, line := range inbox(h.Harness) {
		if strings.HasPrefix(line, "bob: ") && strings.Contains(line, "Printemps 2027") {
			invites++
		}
	}
	if invites != 1 {
		t.Fatalf("got %d re-invitations of Bob, want 1", invites)
	}
}
