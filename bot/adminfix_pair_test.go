package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestAdminPairReversedIsNoSecondPair: the same two members on the same
// topic, the other way round, are no second pair, whether asked directly
// (confirm:yes) or through a confirmation asked before the first pair was
// formed; cancelling such a question says they are paired already.
func TestAdminPairReversedIsNoSecondPair(t *testing.T) {
	ctx := context.Background()
	h := MustAdminHarness(t)
	h.Run("mia", "offer kubernetes")
	h.Run("ann", "offer go")
	h.Run("ann", "request kubernetes")
	h.Click("mia", "mia", "Decline")
	inbox(h.Harness)
	stale := h.Run("alice", "admin pair @ann @mia kubernetes")
	other := h.Run("alice", "admin pair @ann @mia kubernetes")
	if len(stale.Message.Buttons) != 2 || len(other.Message.Buttons) != 2 {
		t.Fatalf("got %+v, want a question (Ann offers no kubernetes)", stale.Message)
	}
	MustContain(t, h.Run("alice", "admin pair @mia @ann kubernetes confirm:yes"), "Done: Mia will mentor Ann on “kubernetes”.")
	const refused = "Mia and Ann already have a pair on “kubernetes”, waiting for the charter, with Mia as the mentor: the same two on the same topic make no second pair the other way round, so nothing was changed."
	if r := h.ClickReply("alice", stale, "Pair them anyway"); r.Message.Text != refused {
		t.Fatalf("stale confirmation: got %q, want %q", r.Message.Text, refused)
	}
	if r := h.Run("alice", "admin pair @ann @mia Kubernetes confirm:yes"); r.Message.Text != refused {
		t.Fatalf("confirm:yes: got %q, want %q", r.Message.Text, refused)
	}
	if r := h.ClickReply("alice", other, "Cancel"); !strings.HasPrefix(r.Message.Text, "This question is closed, but Mia and Ann are paired already on “kubernetes”") {
		t.Fatalf("cancel: got %q, want the pair formed meanwhile named", r.Message.Text)
	}
	for _, u := range []string{"ann", "mia"} {
		if pairs, _ := h.Store.PairsOf(ctx, h.Tenant.Member(u)); len(pairs) != 1 {
			t.Fatalf("%s has %d pairs, want one", u, len(pairs))
		}
	}
	h.Run("alice", "lang fr")
	if r := h.Run("alice", "admin pair @ann @mia kubernetes confirm:yes"); r.Message.Text != "Mia et Ann forment déjà un binôme sur «\u202fkubernetes\u202f», en attente de la charte, où Mia est le mentor\u202f: les deux mêmes membres ne forment pas de second binôme sur ce sujet dans l'autre sens. Rien n'a été modifié." {
		t.Fatalf("French: got %q", r.Message.Text)
	}
	// Another topic is another pair.
	MustContain(t, h.Run("alice", "admin pair @ann @mia go confirm:yes"), "Ann sera le mentor de Mia sur «\u202fgo\u202f»")
}

// TestSpeedAlreadyPairedReversed: after a round, the session's mentor and
// mentee who both want to continue already have a pair the other way
// round (Carol mentors Bob): no second pair is formed, and each reads
// their true role in the pair they have.
func TestSpeedAlreadyPairedReversed(t *testing.T) {
	h, reg := speedHarness(t, "")
	MustContain(t, h.Run("alice", "admin pair @carol @bob go confirm:yes"), "Done: Carol will mentor Bob on “go”.")
	h.Run("bob", "offer go")
	click(h, "bob", reg, 0)
	click(h, "carol", reg, 1)
	h.At(2, 10, 15)
	h.Platform.Take()
	h.Click("carol", "carol", bot.ActionSpeedContinue)
	r := h.Click("bob", "bob", bot.ActionSpeedContinue)
	MustContain(t, r, "Carol wants to continue too, and you are already paired on “go”: Carol is your mentor. So I formed no second pair.")
	MustContain(t, bot.Reply{Message: speedMessageTo(t, h, "carol", "wants to continue too")}, "Bob wants to continue too, and you are already paired on “go”: you are their mentor.")
	if pairs := speedPairsOf(t, h, "bob"); len(pairs) != 1 || pairs[0].Mentor.User != "carol" {
		t.Fatalf("got bob's pairs %+v, want only Carol's", pairs)
	}
}
