package bot_test

import (
	"strings"
	"testing"
)

// TestSpeedMentorSatOutReason: a mentor who sits out is told the true
// reason, from the mentees left free: every mentee is with another mentor
// (round 1); the one left free speaks none of their languages (Bob, round
// 2), or has met them already (Gaëlle, round 2).
func TestSpeedMentorSatOutReason(t *testing.T) {
	h, reg := speedHarness(t, "")
	h.Run("gaelle", "lang fr")
	h.Run("farid", "lang fr")
	h.Run("bob", "lang en")
	click(h, "bob", reg, 0)
	click(h, "gaelle", reg, 0)
	click(h, "farid", reg, 1)
	h.Platform.Take()
	h.At(2, 10, 0)
	together, alone := rooms(h)
	if _, ok := together["gaelle+farid"]; !ok || len(together) != 1 {
		t.Fatalf("round 1: got rooms %v, want Gaëlle and Farid", together)
	}
	if len(alone["bob"]) != 1 || !strings.HasPrefix(alone["bob"][0].Text, "No mentee for you in round 1: there are more mentors than mentees, and every mentee present is with another mentor.") {
		t.Fatalf("round 1: Bob got %+v", alone["bob"])
	}
	h.At(2, 10, 15)
	together, alone = rooms(h)
	if len(together) != 0 {
		t.Fatalf("round 2: got rooms %v, want none", together)
	}
	if len(alone["bob"]) != 1 || !strings.HasPrefix(alone["bob"][0].Text, "No mentee for you in round 2: no mentee still free speaks one of your languages.") {
		t.Fatalf("round 2: Bob got %+v", alone["bob"])
	}
	if n := len(alone["gaelle"]); n == 0 || !strings.HasPrefix(alone["gaelle"][n-1].Text, "Pas de personne mentorée pour vous au tour 2\u202f: chaque personne mentorée encore libre a déjà échangé avec vous.") {
		t.Fatalf("round 2: Gaëlle got %+v", alone["gaelle"])
	}
	if n := len(alone["farid"]); n == 0 || !strings.Contains(alone["farid"][n-1].Text, "ne parle l'une de vos langues") {
		t.Fatalf("round 2: Farid got %+v", alone["farid"])
	}
}

// TestSpeedContinueAgainSaysAlready: "Yes, continue" clicked again once
// the pair is formed says they form one already, not "now"; the question
// says the answer stays between them, as the French does.
func TestSpeedContinueAgainSaysAlready(t *testing.T) {
	h, reg := speedHarness(t, "")
	click(h, "max", reg, 0)
	click(h, "ema", reg, 1)
	h.Platform.Take()
	h.At(2, 10, 15)
	q := speedMessageTo(t, h, "max", "Want to continue")
	if want := "Want to continue with Ema, as their mentor, in one-to-one mentoring? Your answer stays between us: Ema will only learn it if you both say yes."; !strings.HasPrefix(q.Text, want) {
		t.Fatalf("got %q, want %q", q.Text, want)
	}
	h.Click("ema", "ema", "Yes, continue")
	MustContain(t, h.Click("max", "max", "Yes, continue"), "Ema wants to continue too: you are now a one-to-one pair.")
	if r := h.Click("max", "max", "Yes, continue"); r.Message.Text != "You already form a one-to-one pair with Ema, from this round: nothing more to do here." {
		t.Fatalf("again: got %q", r.Message.Text)
	}
	h.Run("ema", "lang fr")
	if r := h.Click("ema", "ema", "Yes, continue"); r.Message.Text != "Vous formez déjà un binôme de mentorat individuel avec Max, issu de ce tour\u202f: rien de plus à faire ici." {
		t.Fatalf("again, in French: got %q", r.Message.Text)
	}
	if pairs := speedPairsOf(t, h, "ema"); len(pairs) != 1 {
		t.Fatalf("got %d pairs, want one", len(pairs))
	}
}

// TestSpeedEventInManagersChannel: an event opened with no channel: is
// posted in the managers' channel, and the reply says members may not see
// it there, and how to post it where they are.
func TestSpeedEventInManagersChannel(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("alice", "admin digest-channel #managers")
	r := h.Run("alice", `admin event "Speed A" rounds:2 minutes:15 start:2026-11-02T10:00`)
	MustContain(t, r, "the registration message is in #managers.")
	MustContain(t, r, "With no `channel:`, it went to the managers' channel, which members may not see. To post it where they are, cancel this event (`/mentor admin events cancel \"Speed A\"`) and open it again with a channel, such as `channel:#general`.")
	r = h.Run("alice", `admin event "Speed B" rounds:2 minutes:15 start:2026-11-02T10:00 channel:#general`)
	if strings.Contains(r.Message.Text, "managers' channel") {
		t.Fatalf("got %q, want no word of the managers' channel", r.Message.Text)
	}
}
