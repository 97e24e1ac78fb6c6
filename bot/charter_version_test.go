package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestCharterAcceptsTheVersionShown: a charter's Accept button accepts
// the version its message showed. Clicked after a manager set a new
// version, it records nothing: the member reads, in their language, that
// the charter changed, then the current text with a fresh Accept button,
// which records the version it shows. A button sent before buttons
// carried their version accepts the current one, as it did.
func TestCharterAcceptsTheVersionShown(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("dan", "lang fr")
	h.Run("carol", "offer go languages:en,fr")
	h.Run("dan", "request go kind:one-to-one")
	h.Click("carol", "carol", bot.ActionProposalAccept)
	carolOld, danOld := h.Button("carol", bot.ActionCharterAccept), h.Button("dan", bot.ActionCharterAccept)
	pair := mustOnlyPair(t, h.Harness, "dan")
	if carolOld.Value != "@carol:"+pair.ID+":1" {
		t.Fatalf("got Accept value %q, want the pair and the version shown, 1", carolOld.Value)
	}
	h.Run("alice", "admin charter lang:en text:Rule one: always pay the mentor 100 dollars.")
	click := func(by string, value string) bot.Reply {
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(by), ActionID: bot.ActionCharterAccept, Value: value})
	}
	acks := func() (int, int) {
		t.Helper()
		p := mustOnlyPair(t, h.Harness, "dan")
		return p.MentorAck, p.MenteeAck
	}

	// Carol read version 1: nothing is recorded, she is shown version 2.
	r := click("carol", carolOld.Value)
	MustContain(t, r, "The charter was updated after this message was sent, so nothing was recorded. Here is its current version.\n\nBefore your pair on “go” becomes official")
	MustContain(t, r, "Rule one: always pay the mentor 100 dollars.")
	if !r.Replace || len(r.Message.Fields) != 1 || r.Message.Fields[0].Value != "2" || len(r.Message.Buttons) != 2 ||
		r.Message.Buttons[0].Value != "@carol:"+pair.ID+":2" || r.Message.Buttons[1].ActionID != bot.ActionCharterDecline {
		t.Fatalf("got %+v, want the clicked message replaced by version 2 with fresh buttons", r)
	}
	if m, e := acks(); m != 0 || e != 0 {
		t.Fatalf("got acks %d/%d, want nothing recorded", m, e)
	}
	// The fresh button records the version it shows.
	MustContain(t, click("carol", r.Message.Buttons[0].Value), "You accepted the charter (version 2)")
	if m, _ := acks(); m != 2 {
		t.Fatalf("got Carol's ack %d, want 2", m)
	}
	// Her old button now says she answered.
	MustContain(t, click("carol", carolOld.Value), "You have already answered for this pair")

	// Dan, in French: told the same, with the text in French.
	r = click("dan", danOld.Value)
	MustContain(t, r, "La charte a été modifiée après l'envoi de ce message\u202f: rien n'a été enregistré. En voici la version actuelle.\n\nAvant que votre binôme sur «\u202fgo\u202f» devienne officiel")
	MustContain(t, r, bot.T(bot.French, "charter.default"))
	if _, e := acks(); e != 0 {
		t.Fatalf("got Dan's ack %d, want nothing recorded", e)
	}
	MustContain(t, click("dan", "@dan:"+pair.ID+":x"), bot.T(bot.French, "err.unknown_button"))
	// A button without a version accepts the current one.
	MustContain(t, click("dan", "@dan:"+pair.ID), "Vous avez accepté la charte (version 2)")
	if _, e := acks(); e != 2 {
		t.Fatalf("got Dan's ack %d, want 2", e)
	}
	if p := mustOnlyPair(t, h.Harness, "dan"); p.State != bot.PairActive {
		t.Fatalf("got %s, want the pair official", p.State)
	}
}

// TestCharterAcceptedOnceForEveryPair: a mentor who accepts two
// proposals before either charter accepts the charter once; the
// acceptance counts for the other pair waiting for it, which the
// mentor reads, and that pair is introduced when its mentee accepts,
// instead of being cancelled for the mentor's charter.
func TestCharterAcceptedOnceForEveryPair(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("carol", "offer go, rust kinds:one-to-one capacity:2")
	h.Run("dan", "request go kind:one-to-one")
	h.Click("carol", "carol", bot.ActionProposalAccept)
	h.Run("erin", "request rust kind:one-to-one")
	h.Click("carol", "carol", bot.ActionProposalAccept)
	h.Click("erin", "erin", bot.ActionCharterAccept)
	r := h.Click("carol", "carol", bot.ActionCharterAccept) // the rust pair's
	MustContain(t, r, "You both accepted: I'm putting you in touch in a separate message.")
	MustContain(t, r, "It counts for your pair with Dan on “go” too: now waiting for Dan to accept it.")
	MustContain(t, h.Click("dan", "dan", bot.ActionCharterAccept), "You both accepted")
	pairs, err := h.Store.PairsOf(context.Background(), h.Tenant.Member("carol"))
	if err != nil || len(pairs) != 2 {
		t.Fatalf("got %d pairs (%v), want 2", len(pairs), err)
	}
	for _, p := range pairs {
		if p.State != bot.PairActive {
			t.Errorf("got the %s pair %s, want it active", p.Topic, p.State)
		}
	}
}
