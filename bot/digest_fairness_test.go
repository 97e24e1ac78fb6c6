package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// runFairness plays two weeks: in W45 ann (French, Paris) is matched the
// same day, ben (English, New York) never is, cat's pair is formed by a
// manager after nine days; repeat avoidance prevents one re-pairing in
// W45 and two in W46. The digest of Monday 16 November reports W46, and
// the requests of the four weeks before it.
func runFairness(t *testing.T) *adminHarness {
	h := MustAdminHarness(t)
	ctx := context.Background()
	h.Run("mia", "offer go capacity:3 languages:en,fr tz:Europe/Paris")
	h.Run("ann", "lang fr")
	h.Run("ann", "request go tz:Europe/Paris")
	h.Click("mia", "mia", bot.ActionProposalAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	h.Click("mia", "mia", bot.ActionCharterAccept)
	h.Run("ben", "request python tz:America/New_York")
	h.Run("cat", "request go kind:one-to-one")
	h.Click("mia", "mia", bot.ActionProposalDecline)
	h.Bot.RecordRepeatAvoided(ctx, h.Tenant, "r1")
	h.At(10, 9, 0)
	h.Bot.RecordRepeatAvoided(ctx, h.Tenant, "r2")
	h.Bot.RecordRepeatAvoided(ctx, h.Tenant, "r3")
	h.At(11, 10, 0)
	h.Run("alice", "admin pair @mia @cat confirm:yes") // mia declined cat; nine days after cat's request: not within 7
	h.Click("cat", "cat", bot.ActionCharterAccept)
	h.At(15, 9, 0)
	h.Run("dan", "request rust")
	h.At(16, 9, 0)
	return h
}

func TestDigestFairness(t *testing.T) {
	h := runFairness(t)
	r, err := h.Bot.Report(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	f := r.Fairness
	if got, want := f.From.Format("2006-01-02")+" "+f.To.Format("2006-01-02"), "2026-10-12 2026-11-08"; got != want {
		t.Errorf("got window %s, want %s", got, want)
	}
	if f.All != (bot.FairGroup{Dim: "all", Asked: 3, Matched: 1}) {
		t.Errorf("got all %+v, want 1 of 3", f.All)
	}
	if r.Week.RepeatAvoided != 2 || r.Before.RepeatAvoided != 1 {
		t.Errorf("got repeats avoided %d (week before %d), want 2 (1)", r.Week.RepeatAvoided, r.Before.RepeatAvoided)
	}
	t.Run("English", func(t *testing.T) {
		msg, _, err := h.Bot.Digest(context.Background(), h.Tenant, h.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		MustLines(t, msg.Text,
			"Requests waiting for a mentor (2), longest wait first:",
			"• Ben, “python”, 14 days: Nobody offers “python” yet.",
			"• Dan, “rust”, 1 day: Nobody offers “rust” yet.",
			"Who the matching leaves out",
			"Requests made from 12 October 2026 to 8 November 2026 (4 weeks), matched within 7 days:",
			"• All requests: 1 of 3 (33%)",
			"• By language: English 0 of 2 (0%), French 1 of 1 (100%)",
			"• By time zone: Americas (UTC−12 to −3) 0 of 1 (0%), time zone unknown 0 of 1 (0%), Europe and Africa (UTC−2 to +3) 1 of 1 (100%)",
			"• By kind: one-to-one mentoring 0 of 1 (0%), flash mentoring (Meet & Share) 1 of 2 (50%)",
			"• Proposals skipped by repeat avoidance (a past mentor, or one who had declined): 2 (week before: 1)",
		)
	})
	t.Run("French", func(t *testing.T) {
		h.Run("alice", "lang fr")
		msg := h.Run("alice", "admin stats").Message
		MustLines(t, msg.Text,
			"• Dan, «\u202frust\u202f», 1 jour\u202f: personne ne propose encore « rust ».",
			"Qui la mise en relation laisse de côté",
			"Demandes faites du 12 octobre 2026 au 8 novembre 2026 (4 semaines), avec un binôme formé sous 7 jours\u202f:",
			"• Toutes les demandes : 1 sur 3 (33\u00a0%)",
			"• Par langue : anglais 0 sur 2 (0\u00a0%), français 1 sur 1 (100\u00a0%)",
			"• Par forme de mentorat : mentorat individuel 0 sur 1 (0\u00a0%), mentorat flash (Meet & Share) 1 sur 2 (50\u00a0%)",
		)
	})
}

// TestDigestFairnessEmpty: no request in the weeks read, said plainly.
func TestDigestFairnessEmpty(t *testing.T) {
	h := MustAdminHarness(t)
	msg := h.Run("alice", "admin stats").Message
	MustLines(t, msg.Text, "Who the matching leaves out", "• No requests in these weeks.", "• Proposals skipped by repeat avoidance (a past mentor, or one who had declined): 0 (week before: 0)")
}

// TestFairnessCountsIntroducedPairs: a request counts as matched once its
// pair is introduced, both having accepted the charter. Eve's proposal is
// accepted but her charter times out, which sends her request back to
// wait: she is not matched. Fay's pair is chartered by both: she is.
func TestFairnessCountsIntroducedPairs(t *testing.T) {
	h := MustAdminHarness(t)
	h.Run("mia", "offer go capacity:1")
	h.Run("eve", "request go")
	h.Click("mia", "mia", bot.ActionProposalAccept)
	h.Run("noa", "offer python capacity:1")
	h.Run("fay", "request python")
	h.Click("noa", "noa", bot.ActionProposalAccept)
	h.Click("fay", "fay", bot.ActionCharterAccept)
	h.Click("noa", "noa", bot.ActionCharterAccept)
	h.At(16, 9, 0) // eve's charter timed out long before
	r, err := h.Bot.Report(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Fairness.All; got != (bot.FairGroup{Dim: "all", Asked: 2, Matched: 1}) {
		t.Errorf("got all %+v, want 1 of 2: a charter that timed out is no match", got)
	}
}
