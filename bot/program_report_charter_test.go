package bot_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestProgramReportSkipsCharterDeclined: a pair whose charter a member
// declined never started: the report counts it neither as formed nor in
// the topic balance.
func TestProgramReportSkipsCharterDeclined(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("carol", "offer career change program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.Run("dan", "request career change kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	MustContain(t, mustSendKickoff(t, h), "Sent 2 proposals")
	h.At(10, 9, 0)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("carol", "carol", bot.ActionProposalAccept)
	for _, m := range []string{"bob", "ann", "carol"} {
		h.Click(m, m, bot.ActionCharterAccept)
	}
	h.Click("dan", "dan", bot.ActionCharterDecline)
	r := h.Run("alice", `admin report program:"Mentorat 2027"`)
	MustContain(t, r, "• Pairs formed: 1")
	MustContain(t, r, "• Topic balance: go 1 (100%)")
}
