package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestProposalRetracted: a proposal whose request is withdrawn, or that
// expires, is replaced on platforms that can (Retracter), so that its
// Accept and Decline no longer invite an answer that would be refused;
// the mentor's notice goes out as before.
func TestProposalRetracted(t *testing.T) {
	proposal := func(h interface {
		Button(owner, label string) bot.Button
	}, mentor string) string {
		return h.Button(mentor, bot.ActionProposalAccept).Value
	}
	t.Run("Withdrawn", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "offer go")
		h.Run("ann", "request go")
		id := proposal(h, "bob")
		h.Run("ann", "cancel")
		got, ok := h.Platform.Retracted("psend:" + id + ":bob")
		if !ok || got.Text != "This request on “go” was withdrawn: no need to answer it." || len(got.Buttons) != 0 {
			t.Fatalf("got %+v, %v; want bob's proposal replaced, without buttons", got, ok)
		}
	})
	t.Run("Expired", func(t *testing.T) {
		h := MustHarness(t)
		h.Run("bob", "lang fr")
		h.Run("bob", "offer go languages:fr,en")
		h.Run("ann", "request go")
		id := proposal(h, "bob")
		MustTick(t, h, 49*time.Hour)
		got, ok := h.Platform.Retracted("psend:" + id + ":bob")
		if !ok || got.Text != "Cette demande sur «\u202fgo\u202f» a attendu trop longtemps une réponse et est retournée dans la file\u202f: inutile d'y répondre." {
			t.Fatalf("got %+v, %v; want bob's proposal replaced, in French", got, ok)
		}
		r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: bot.ActionProposalAccept, Value: id})
		if r.Message.Text == "" {
			t.Fatal("got no answer to the old button")
		}
	})
}
