package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// mustPairOn pairs mentee with mentor (who offers topic, capacity 2) on
// topic: the proposal accepted, and both charters when official is set.
func mustPairOn(t *testing.T, h *bottest.Harness, mentor, mentee, topic string, official bool) {
	t.Helper()
	h.Run(mentor, "offer "+topic+" capacity:2")
	MustContain(t, h.Run(mentee, "request "+topic+" kind:one-to-one"), "I've asked a mentor who fits")
	h.Click(mentor, mentor, "Accept")
	if official {
		h.Click(mentor, mentor, "I accept the charter")
		h.Click(mentee, mentee, "I accept the charter")
	}
	h.Platform.Take()
}

// TestPairedNotProposedAgain: a mentor who has a pair with a mentee on a
// topic, waiting for its charter or under way, is not proposed the same
// mentee on that topic (folded: "Rust" is "rust") by the instant proposal
// nor by the hourly sweep, on every backend; the mentee reads why, in
// their language. Another topic is proposed as before.
func TestPairedNotProposedAgain(t *testing.T) {
	for _, b := range storetest.Backends() {
		for _, official := range []bool{false, true} {
			name := b.Name + "/CharterPending"
			if official {
				name = b.Name + "/Active"
			}
			t.Run(name, func(t *testing.T) {
				h := MustHarnessOn(t, b)
				mustPairOn(t, h, "bob", "ann", "rust", official)
				r := h.Run("ann", "request Rust kind:one-to-one")
				MustContain(t, r, "The mentor for “Rust” already has a pair with you on this topic, and I don't propose the same pair twice.")
				MustInbox(t, h)
				MustTick(t, h, time.Hour) // the sweep
				MustTick(t, h, time.Hour)
				for _, s := range inbox(h) {
					if strings.HasPrefix(s, "bob: Mentoring request") {
						t.Fatalf("got %q, want bob not proposed ann on rust again", s)
					}
				}
				h.Run("ann", "lang fr")
				MustContain(t, h.Run("ann", "statut"), "Le mentor de «\u202fRust\u202f» forme déjà un binôme avec vous sur ce sujet, et je ne propose pas deux fois le même binôme.")
			})
		}
	}
	t.Run("OtherTopic", func(t *testing.T) {
		h := MustHarness(t)
		mustPairOn(t, h, "bob", "ann", "rust", true)
		h.Run("bob", "offer rust, go capacity:2")
		h.Platform.Take()
		MustContain(t, h.Run("ann", "request go kind:one-to-one"), "I've asked a mentor who fits")
		MustInbox(t, h, "bob: Mentoring request: go | Ann would like your help on “go”.")
	})
	t.Run("AnotherMentorOnTheTopic", func(t *testing.T) {
		// Bob is kept out, Carl is proposed: the same request, served.
		h := MustHarness(t)
		mustPairOn(t, h, "bob", "ann", "rust", true)
		h.Run("carl", "offer rust")
		h.Platform.Take()
		MustContain(t, h.Run("ann", "request rust kind:one-to-one"), "I've asked a mentor who fits")
		MustInbox(t, h, "carl: Mentoring request: rust | Ann would like your help on “rust”.")
	})
	t.Run("FreedSlot", func(t *testing.T) {
		// A slot freed (here: a new offer) serves the waiting requests
		// with a round of its own: bob is kept out there too.
		h := MustHarness(t)
		mustPairOn(t, h, "bob", "ann", "rust", true)
		h.Run("ann", "request rust kind:one-to-one")
		h.Run("bob", "offer rust capacity:3")
		MustInbox(t, h)
	})
}

// TestPairedRoundPreview: the defect as found on Slack. Ann and Bob's
// pair on rust is under way; a program is created, Bob joins it, Ann
// files a request on rust in it: the manager's round proposes nobody and
// says why, in English and in French, and the matching never proposes
// Bob to Ann again.
func TestPairedRoundPreview(t *testing.T) {
	h := mustProgramHarness(t)
	mustPairOn(t, h.Harness, "bob", "ann", "rust", true)
	h.Run("bob", "offer rust capacity:2 program:mentorat-2027")
	MustContain(t, h.Run("ann", "request rust kind:one-to-one program:mentorat-2027"), "Mentors are proposed from the program's kick-off")
	r := h.Run("alice", "admin match program:mentorat-2027")
	MustLines(t, r.Message.Text,
		"This round would propose no pair. Waiting (1 request):",
		"• Ann, “rust”, less than a day: The mentor for “rust” already has a pair with them on this topic: the same pair is not proposed twice.")
	if len(r.Message.Buttons) != 0 {
		t.Fatalf("got buttons %+v, want none: nothing to send", r.Message.Buttons)
	}
	h.Run("alice", "lang fr")
	r = h.Run("alice", "admin vague programme:mentorat-2027")
	MustLines(t, r.Message.Text,
		"• Ann, «\u202frust\u202f», moins d'un jour\u202f: le mentor de «\u202frust\u202f» forme déjà un binôme avec cette personne sur ce sujet\u202f: le même binôme n'est pas proposé deux fois.")
	// The kick-off round keeps Bob out too, and so do the sweeps after it.
	h.Run("alice", "lang en")
	h.At(10, 9, 0)
	// Held for the kick-off, it counts its days from then (waitingSince).
	MustLines(t, mustPost(t, h).Text,
		"• Ann, “rust”, less than a day: The mentor for “rust” already has a pair with them on this topic: the same pair is not proposed twice.")
	h.At(11, 9, 0)
	for _, s := range inbox(h.Harness) {
		if strings.HasPrefix(s, "bob: Mentoring request") {
			t.Fatalf("got %q, want bob not proposed ann on rust again", s)
		}
	}
}
