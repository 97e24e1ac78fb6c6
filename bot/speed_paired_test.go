package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// speedPairsOf returns the pairs of the mentee that wait for the charter
// or are under way.
func speedPairsOf(t *testing.T, h *adminHarness, mentee string) []bot.Pair {
	t.Helper()
	pairs, err := h.Store.PairsOf(context.Background(), h.Tenant.Member(mentee))
	if err != nil {
		t.Fatal(err)
	}
	var out []bot.Pair
	for _, p := range pairs {
		if p.State == bot.PairCharter || p.State == bot.PairActive {
			out = append(out, p)
		}
	}
	return out
}

// speedMessageTo returns the text and buttons of the newest message to
// user whose text contains part; it fails if none does.
func speedMessageTo(t *testing.T, h *adminHarness, user, part string) bot.Message {
	t.Helper()
	msgs := h.Platform.To(user)
	for i := len(msgs) - 1; i >= 0; i-- {
		if strings.Contains(msgs[i].Text, part) {
			return msgs[i]
		}
	}
	t.Fatalf("%s got no message with %q: %+v", user, part, msgs)
	return bot.Message{}
}

// TestSpeedTryAgainAlreadyPaired: Carol's request is under way with Dan
// when she and Bob both say yes after a round: both get "Try again". Dan
// declines, the request goes to Bob, who accepts it: the pair Bob–Carol on
// “go” waits for its charter. "Try again", Carol's then Bob's, forms no
// second pair on the same topic (as a manager's second pair is refused):
// each reads that they are already paired on “go”, in their language, with
// what the pair waits for; Bob's capacity counts one pair.
func TestSpeedTryAgainAlreadyPaired(t *testing.T) {
	const nb = "\u202f"
	h, reg := speedHarness(t, "")
	h.Run("carol", "lang fr")
	h.Run("dan", "offer go languages:en,fr")
	h.Run("carol", "request go")
	h.Run("bob", "offer go languages:en,fr")
	click(h, "bob", reg, 0)
	click(h, "carol", reg, 1)
	h.At(2, 10, 15)
	h.Platform.Take()

	h.Click("carol", "carol", bot.ActionSpeedContinue)
	r := h.Click("bob", "bob", bot.ActionSpeedContinue)
	MustContain(t, r, "another mentor was asked about it")
	h.Click("dan", "dan", bot.ActionProposalDecline)
	clickAll(h, "dan", bot.ActionProposalDecline) // a reason, if one is asked
	MustContain(t, h.Click("bob", "bob", bot.ActionProposalAccept), "Carol")
	if pairs := speedPairsOf(t, h, "carol"); len(pairs) != 1 || pairs[0].Mentor.User != "bob" || pairs[0].Topic != "go" {
		t.Fatalf("got carol's pairs %+v, want one with bob on go", pairs)
	}
	h.Platform.Take()

	got := h.Click("carol", "carol", "Réessayer")
	MustContain(t, got, "Bob souhaite continuer aussi, et vous formez déjà un binôme sur «"+nb+"go"+nb+"»"+nb+": Bob est votre mentor. Je n'ai donc pas formé de second binôme. Votre binôme attend la charte"+nb+": acceptez-la avec le bouton du message que je vous ai envoyé.")
	if len(got.Message.Buttons) != 0 {
		t.Errorf("got buttons %+v, want none", got.Message.Buttons)
	}
	got = clickIn(h.Harness, "bob", r, "Try again")
	MustContain(t, got, "Carol wants to continue too, and you are already paired on “go”: you are their mentor. So I formed no second pair. Your pair waits for the charter: accept it with the button of the message I sent you.")
	for _, s := range h.Platform.Take() {
		for _, b := range s.Message.Buttons {
			if b.ActionID == bot.ActionCharterAccept {
				t.Errorf("%s was sent a second charter", s.To[0].User)
			}
		}
	}
	if pairs := speedPairsOf(t, h, "carol"); len(pairs) != 1 {
		t.Fatalf("got carol's pairs %+v, want one", pairs)
	}
	mustField(t, h.Run("bob", "status"), "Capacity", "1 of 2 in use")
}

// TestSpeedContinueAlreadyPaired: Bob mentors Carol on “go” since before
// the event (charter accepted); they meet at a round and both say yes.
// Their yeses ask for what they already have: no pair is formed (no
// second one on the event's name), and both are told, the first to say
// yes in a message, each in their language.
func TestSpeedContinueAlreadyPaired(t *testing.T) {
	const nb = "\u202f"
	h, reg := speedHarness(t, "")
	h.Run("carol", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("carol", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	clickAll(h, "bob", bot.ActionCharterAccept)
	clickAll(h, "carol", bot.ActionCharterAccept)
	if pairs := speedPairsOf(t, h, "carol"); len(pairs) != 1 || pairs[0].State != bot.PairActive {
		t.Fatalf("got carol's pairs %+v, want one under way", pairs)
	}
	click(h, "bob", reg, 0)
	click(h, "carol", reg, 1)
	h.At(2, 10, 15)
	h.Platform.Take()

	MustContain(t, h.Click("carol", "carol", bot.ActionSpeedContinue), "Si Bob le souhaite aussi")
	r := h.Click("bob", "bob", bot.ActionSpeedContinue)
	MustContain(t, r, "Carol wants to continue too, and you are already paired on “go”: you are their mentor. So I formed no second pair. Your mentoring goes on as it is.")
	told := speedMessageTo(t, h, "carol", "Bob souhaite continuer aussi")
	if !strings.Contains(told.Text, "Bob souhaite continuer aussi, et vous formez déjà un binôme sur «"+nb+"go"+nb+"»"+nb+": Bob est votre mentor. Je n'ai donc pas formé de second binôme. Votre mentorat se poursuit tel quel.") ||
		len(told.Buttons) != 0 {
		t.Fatalf("got carol told %+v", told)
	}
	if pairs := speedPairsOf(t, h, "carol"); len(pairs) != 1 || pairs[0].Topic != "go" {
		t.Fatalf("got carol's pairs %+v, want the one on go only", pairs)
	}
}
