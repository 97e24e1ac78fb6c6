package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestReinviteNamesTheProgramThatEndedLast: a mentor's latest program is
// the one whose pair ended last, not the one whose pair was made last: a
// flash session paired by hand outside the program just after its
// kick-off, and over long before the program, does not make the
// re-invitation thank the mentor for one person "here".
func TestReinviteNamesTheProgramThatEndedLast(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("alice", "admin settings checkin-after:2d")
	h.Run("bob", "offer go program:mentorat-2027 capacity:2")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	MustContain(t, mustSendKickoff(t, h), "Sent 1 proposal")
	h.At(10, 9, 0)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	mustSayMet(t, h.Harness, "ann")

	h.Run("eve", "request python program:default") // outside the program
	MustContain(t, h.Run("alice", "admin pair @bob @eve confirm:yes"), "Done")
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("eve", "eve", bot.ActionCharterAccept)
	mustSayMet(t, h.Harness, "eve")
	clickIn(h.Harness, "eve", h.Run("eve", "end"), bot.ActionEndConfirm)

	h.At(21, 0, 1) // the program's end closes bob's pair with ann
	h.Platform.Take()
	h.Run("alice", `admin program create "Printemps 2027" start:2027-03-01 end:2027-06-30`)
	MustTick(t, h.Harness, time.Minute)
	var got []string
	for _, s := range h.Platform.Take() {
		if s.To[0].User == "bob" && strings.HasPrefix(s.Message.Title, "Mentor again") {
			got = append(got, s.Message.Text)
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "You mentored 1 person in “Mentorat 2027”") {
		t.Fatalf("got bob's re-invitations %q, want one thanking him for Mentorat 2027", got)
	}
}
