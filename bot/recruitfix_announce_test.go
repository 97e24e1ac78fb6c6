package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestAnnounceLeavesOutReinvited: the call for mentors of a program does
// not advise re-inviting a paused past mentor whom that program's
// re-invitation reached at its creation: they are named apart, as
// re-invited already. The call of another program, whose re-invitation
// did not target them, still names them to re-invite; a call for no
// program counts the re-invitations of the open programs.
func TestAnnounceLeavesOutReinvited(t *testing.T) {
	h := runReportedProgram(t) // "Mentorat 2028" created: bob and carol re-invited to it
	MustTick(t, h.Harness, time.Minute)
	h.Platform.Take()
	h.Run("carol", "pause")
	h.Run("carol", "campaigns off") // not re-invited to the next program
	h.Run("alice", `admin program create "Printemps 2027" start:2027-03-01 end:2027-06-30`)
	h.Tick() // its re-invitation job, due at once, starts the campaign
	h.Platform.Take()

	// Bob's offer, like Carol's, was paused at the end of Mentorat 2027:
	// both were re-invited to Mentorat 2028, Bob alone to Printemps 2027.
	r := h.Run("alice", "admin announce #general program:mentorat-2028")
	if strings.Contains(r.Message.Text, "to re-invite:") {
		t.Errorf("got %q, want Bob and Carol, re-invited to Mentorat 2028 already, not advised", r.Message.Text)
	}
	MustContain(t, r, "\nBob and Carol have already received, or are receiving now, a personal re-invitation to “Mentorat 2028”.")

	r = h.Run("alice", "admin announce #general program:printemps-2027")
	MustContain(t, r, "\nPast mentors whose offer is paused, to re-invite: Carol.\nBob has already received, or is receiving now, a personal re-invitation to “Printemps 2027”.")
	r = h.Run("alice", "admin announce #general")
	MustContain(t, r, "\nBob has already received, or is receiving now, a personal re-invitation to “Printemps 2027”.")
	MustContain(t, r, "\nCarol has already received, or is receiving now, a personal re-invitation to “Mentorat 2028”.")

	h.Run("alice", "lang fr")
	r = h.Run("alice", "admin annonce #general programme:mentorat-2028")
	if strings.Contains(r.Message.Text, "à réinviter") {
		t.Errorf("got %q, want no past mentor to re-invite", r.Message.Text)
	}
	MustContain(t, r, "Bob et Carol ont déjà reçu, ou reçoivent en ce moment, une réinvitation personnelle à rejoindre «\u202fMentorat 2028\u202f».")
	MustContain(t, h.Run("alice", "admin annonce #general programme:printemps-2027"), "Bob a déjà reçu, ou reçoit en ce moment, une réinvitation personnelle à rejoindre «\u202fPrintemps 2027\u202f».")
}
