package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestRenderfixAgainKeepsOutcome: a click that finds its work done
// already (a double click, a stale copy of the message) answers without
// Replace, so that adapters show it to the clicker alone and the message
// keeps what the first click wrote there ("Sent 2 proposals: …",
// "Done: …"). The first click still replaces the message.
func TestRenderfixAgainKeepsOutcome(t *testing.T) {
	press := func(h *adminHarness, by string, b bot.Button) bot.Reply {
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(by), ActionID: b.ActionID, Value: b.Value})
	}
	mustReply := func(t *testing.T, r bot.Reply, replace bool, want string) {
		t.Helper()
		MustContain(t, r, want)
		if r.Replace != replace {
			t.Fatalf("got Replace %v for %q, want %v", r.Replace, r.Message.Text, replace)
		}
	}
	t.Run("RoundSentTwice", func(t *testing.T) {
		h := mustRoundPool(t)
		preview := h.Run("alice", "admin match")
		send, cancel := preview.Message.Buttons[0], preview.Message.Buttons[1]
		mustReply(t, press(h, "alice", send), true, "Sent 2 proposals")
		mustReply(t, press(h, "alice", send), false, "This round was already sent.")
		mustReply(t, press(h, "alice", cancel), false, "This round was already sent.")
	})
	t.Run("RoundCancelledTwice", func(t *testing.T) {
		h := mustRoundPool(t)
		preview := h.Run("alice", "admin match")
		send, cancel := preview.Message.Buttons[0], preview.Message.Buttons[1]
		mustReply(t, press(h, "alice", cancel), true, "Preview discarded: nothing was sent.")
		mustReply(t, press(h, "alice", cancel), false, "This preview was already discarded")
		mustReply(t, press(h, "alice", send), false, "This preview was discarded, so nothing was sent.")
	})
	t.Run("ForgetTwice", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("carol", "request go")
		ask := h.Run("carol", "forget")
		mustReply(t, clickIn(h, "carol", ask, bot.ActionForgetConfirm), true, "Done: everything I kept about you is erased.")
		mustReply(t, clickIn(h, "carol", ask, bot.ActionForgetConfirm), false, "Your data is already erased")
		mustReply(t, clickIn(h, "carol", ask, bot.ActionForgetKeep), false, "there is nothing to erase")
	})
}
