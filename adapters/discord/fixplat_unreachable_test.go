package discord_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFixplatDMsClosedUnreachable: Discord's 50007 for a member still in
// the server is EGONE (the send failed, do not retry it) marked
// bot.Unreachable (they did not leave: nothing lasting is to be recorded
// against them); once their DMs are open again, the send goes through.
func TestFixplatDMsClosedUnreachable(t *testing.T) {
	h := MustHarness(t)
	to := bot.MemberID{Platform: "discord", Workspace: h.Guild, User: mentor1}
	h.REST.CloseDMs(mentor1)
	err := h.Adapter.Send(context.Background(), to, bot.Message{Text: "hello"})
	if bot.ErrorCode(err) != bot.EGONE || !bot.UnreachableNow(err) {
		t.Fatalf("got %v (code %q, unreachable %v), want EGONE marked unreachable for now", err, bot.ErrorCode(err), bot.UnreachableNow(err))
	}
	h.REST.OpenDMs(mentor1)
	if err := h.Adapter.Send(context.Background(), to, bot.Message{Text: "hello"}); err != nil {
		t.Fatalf("after the DMs opened: %v", err)
	}
	if bot.UnreachableNow(bot.Errorf(bot.EGONE, "err.gone")) {
		t.Error("a plain EGONE (a member who left) reads as unreachable for now")
	}
}
