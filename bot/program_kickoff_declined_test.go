package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestKickoffTellSkipsDeclined: a held request that a round sent early
// proposed, and whose mentor then declined, was told so at the decline,
// with the reason it waits; the kick-off's "no mentor can take your
// request yet" does not tell it again.
func TestKickoffTellSkipsDeclined(t *testing.T) {
	h := mustProgramHarness(t)
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go program:mentorat-2027")
	h.Clock.Advance(time.Minute)
	preview := h.Run("alice", "admin match program:mentorat-2027")
	MustContain(t, h.ClickReply("alice", preview, "Send these proposals"), "Sent 1 proposal")
	MustContain(t, h.Click("bob", "bob", "Decline"), "You declined the request on “go”.")
	var told []string
	for _, line := range inbox(h.Harness) {
		if strings.HasPrefix(line, "ann:") {
			told = append(told, line)
		}
	}
	if len(told) != 2 || !strings.Contains(told[1], "No mentor is available for “go” right now.") {
		t.Fatalf("got %q, want ann told of the proposal, then of the decline", told)
	}
	for range 10 * 24 {
		MustTick(t, h.Harness, time.Hour)
		for _, line := range inbox(h.Harness) {
			if strings.HasPrefix(line, "ann:") {
				t.Fatalf("got %q at %s, want ann not told again", line, h.Clock.Now())
			}
		}
	}
}
