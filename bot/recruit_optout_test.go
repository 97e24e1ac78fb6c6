package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestReinviteLeavesOptedOut: the reply to a program's creation counts
// only the past mentors who will get the re-invitation, and says how many
// asked for no such messages, so that it agrees with the progress
// message; when all of them did, it says so, in both languages.
func TestReinviteLeavesOptedOut(t *testing.T) {
	h := runReportedProgram(t) // bob and carol mentored in Mentorat 2027
	h.Run("bob", "campaigns off")
	r := h.Run("alice", `admin program create "Printemps 2027" start:2027-03-01 end:2027-06-30`)
	MustLines(t, r.Message.Text[strings.Index(r.Message.Text, "\n")+1:],
		"I am re-inviting 1 mentor of earlier pairs to “Printemps 2027”, by a personal message each. I will show you the progress in a direct message. I am not re-inviting 1 other mentor of earlier pairs, who asked for no such messages.")
	MustTick(t, h.Harness, time.Minute)
	got := strings.Join(inboxOf(h.Platform.Take()), "\n")
	if !strings.Contains(got, "alice: Re-invitations of past mentors to Printemps 2027 | Sent 1 of 1\n") || strings.Contains(got, "no such messages") {
		t.Errorf("got %s\nwant alice's progress: 1 of 1 sent, none skipped", got)
	}
	h.Run("carol", "campaigns off")
	MustContain(t, h.Run("alice", `admin program create "Été 2027" start:2027-07-01 end:2027-08-30`),
		"No mentor of earlier pairs to re-invite: 2 mentors of earlier pairs asked for no such messages, and there is no other.")
	h.Run("alice", "lang fr")
	MustContain(t, h.Run("alice", `admin programme créer "Automne 2027" début:01/09/2027 fin:30/11/2027`),
		"Aucun mentor des binômes précédents à réinviter\u202f: 2 mentors ont refusé ces messages, et il n'y en a pas d'autre.")
	h.Run("carol", "campaigns on")
	MustContain(t, h.Run("alice", `admin programme créer "Hiver 2027" début:01/12/2027 fin:30/12/2027`),
		"Je réinvite 1 mentor des binômes précédents à rejoindre «\u202fHiver 2027\u202f», chacun par un message personnel. Je vous montre l'avancement dans un message privé. Je ne réinvite pas 1 autre mentor des binômes précédents, qui a refusé ces messages.")
}
