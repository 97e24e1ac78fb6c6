package bot_test

import (
	"testing"
)

// TestKeepAfterConfirmedSaysSo: "No, keep it open" on a program closed
// meanwhile, and "Keep it" on an event cancelled meanwhile, say it is
// closed or cancelled already, not that it stays open or goes ahead.
func TestKeepAfterConfirmedSaysSo(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", `admin program create "P" start:2027-01-15 end:2027-06-30`)
	ask := h.Run("alice", "admin program close p")
	if r := h.ClickReply("alice", ask, "No, keep it open"); r.Message.Text != "Fine: “P” stays open." {
		t.Fatalf("keep before: got %q", r.Message.Text)
	}
	MustContain(t, h.ClickReply("alice", ask, "Yes, close it"), "“P”")
	if r := h.ClickReply("alice", ask, "No, keep it open"); r.Message.Text != "The program “P” is already closed." || r.Replace {
		t.Fatalf("keep after: got %+v", r)
	}

	h2, _ := speedHarness(t, "")
	confirm := h2.Run("alice", `admin events cancel "Speed test"`)
	MustContain(t, h2.ClickReply("alice", confirm, "Cancel the event"), "is cancelled")
	if r := h2.ClickReply("alice", confirm, "Keep it"); r.Message.Text != "The event “Speed test” is already cancelled." || r.Replace {
		t.Fatalf("keep after cancel: got %+v", r)
	}
	h2.Run("alice", "lang fr")
	if r := h2.ClickReply("alice", confirm, "Keep it"); r.Message.Text != "L'événement «\u202fSpeed test\u202f» est déjà annulé." {
		t.Fatalf("French: got %q", r.Message.Text)
	}

	h3, _ := speedHarness(t, "")
	over := h3.Run("alice", `admin events cancel "Speed test"`)
	h3.At(3, 0, 0) // the event's two rounds are over
	if r := h3.ClickReply("alice", over, "Keep it"); r.Message.Text != "The event “Speed test” is over." {
		t.Fatalf("keep after the end: got %q", r.Message.Text)
	}
}
