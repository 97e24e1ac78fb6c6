package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestHeldRequestEscalatedOnce: a held request has two escalation jobs,
// the one made at filing and the one its program's release moved it to;
// a scheduler that runs both at once (it catches up after the replicas
// were down, or the shell's :advance) posts the escalation once.
func TestHeldRequestEscalatedOnce(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #managers")
	MustContain(t, h.Run("alice", `admin program create "Spring" kind:one-to-one start:2026-11-20 end:2027-03-31`), "Program “Spring” created")
	h.Run("bob", "offer go program:spring")
	h.Run("dan", "request go program:spring")
	MustContain(t, h.Run("ann", "request rust program:spring"), "Mentors are proposed from the program's kick-off")
	h.Clock.Advance(time.Minute)
	preview := h.Run("alice", "admin match program:spring")
	MustContain(t, h.ClickReply("alice", preview, "Send these proposals"), "Sent 1 proposal")
	h.Posting.Posts()
	MustTick(t, h.Harness, 8*24*time.Hour)
	n := 0
	for _, p := range h.Posting.Posts() {
		if p.Message.Title == "A request is waiting for a mentor" && strings.HasPrefix(p.Message.Text, "Ann's") {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("got %d escalations of Ann's request, want 1", n)
	}
}
