package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFairnessKickoffSentEarly: a program's requests, held for its
// kick-off, count in the fairness report from their release, each once,
// matched ones as matched, even when their mentors accept before the
// kick-off job that counts the released requests has run. Here the
// round of Mentorat 2027 is sent early, a week before its start; Bob
// and Dina accept Claire's and Farid's requests (the pairs introduced)
// before any job runs, Gil declines Emma's. The report, read before and
// after that job, counts the three requests, and the two matches.
func TestFairnessKickoffSentEarly(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("alice", "admin digest-channel #managers")
	h.Run("alice", `admin program create "Mentorat 2027" kind:one-to-one start:2026-11-16 end:2027-03-31`)
	h.Run("bob", "offer go program:mentorat-2027 languages:fr")
	h.Run("dina", "offer design program:mentorat-2027 languages:fr")
	h.Run("gil", "offer python program:mentorat-2027 languages:en")
	h.At(3, 9, 0) // Tuesday of W45
	h.Run("claire", "request go program:mentorat-2027 languages:fr")
	h.Run("farid", "request design program:mentorat-2027 languages:fr")
	h.Run("emma", "request python program:mentorat-2027 languages:en")
	h.At(9, 10, 0) // Monday of W46: the round, sent early
	MustContain(t, h.ClickReply("alice", h.Run("alice", "admin match program:mentorat-2027"), "Send these proposals"), "Sent 3 proposals")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("dina", "dina", bot.ActionProposalAccept)
	h.Click("gil", "gil", bot.ActionProposalDecline)
	for _, m := range []string{"bob", "claire", "dina", "farid"} {
		h.Click(m, m, bot.ActionCharterAccept)
	}
	h.Run("hugo", "request rust languages:en") // the default program: never matched
	h.Run("alice", "admin stats")              // read before the kick-off job: counts nothing twice
	h.At(30, 9, 0)                             // Monday of W49: the report of W48 reads W44 to W47
	for range 2 {
		r, err := h.Bot.Report(ctx, h.Tenant, h.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		f := r.Fairness
		if f.All != (bot.FairGroup{Dim: "all", Asked: 4, Matched: 2}) || f.Held != 3 || f.Released != 3 {
			t.Fatalf("got all %+v, held %d, released %d; want 2 of 4 (Claire's and Farid's matched, Emma's and Hugo's not), 3 held, 3 released", f.All, f.Held, f.Released)
		}
	}
	h.Run("alice", "lang fr")
	MustLines(t, h.Run("alice", "admin stats").Message.Text,
		"Qui la mise en relation laisse de côté",
		"• Toutes les demandes\u202f: 2 sur 4 (50\u00a0%)",
		"• Par langue\u202f: anglais 0 sur 2 (0\u00a0%), français 2 sur 2 (100\u00a0%)",
	)
}

// TestFairnessPairedBeforeRelease: a held request that a manager paired
// before its program's kick-off stays out of the shares, as before: it
// was never released to the matching. One the kick-off round proposed,
// accepted before the kick-off job ran, counts; unmatched, since its pair
// was never introduced.
func TestFairnessPairedBeforeRelease(t *testing.T) {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("alice", `admin program create "Mentorat 2027" kind:one-to-one start:2026-11-16 end:2027-03-31`)
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "offer design program:mentorat-2027")
	h.At(3, 9, 0)
	h.Run("claire", "request go program:mentorat-2027")
	h.Run("farid", "request design program:mentorat-2027")
	MustContain(t, h.Run("alice", "admin pair @bob @claire confirm:yes"), "Claire")
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("claire", "claire", bot.ActionCharterAccept)
	h.At(9, 10, 0)
	h.ClickReply("alice", h.Run("alice", "admin match program:mentorat-2027"), "Send these proposals")
	h.Click("ann", "ann", bot.ActionProposalAccept)
	h.At(30, 9, 0)
	r, err := h.Bot.Report(ctx, h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Fairness.All; got != (bot.FairGroup{Dim: "all", Asked: 1, Matched: 0}) {
		t.Errorf("got all %+v, want Farid's request alone (accepted, never introduced), not Claire's, paired by hand before the kick-off", got)
	}
}
