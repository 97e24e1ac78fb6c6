// This test needs intro.go to time an introduction with introTimedFrom
// (see the fixstats report); remove the build constraint above with that
// change.

package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFixstatsIntroMedianFromKickoff: the digest's median time to an
// introduction does not count the wait a program chose. Ann and Dan file
// their requests on 2 November for "Mentorat 2027" (from 10 November);
// alice sends the kick-off round on 10 November at 00:01, and both pairs
// are introduced at 09:00: 8 h 59 min from the kick-off, not 8 days from
// the requests.
func TestFixstatsIntroMedianFromKickoff(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("carol", "offer design program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.Run("dan", "request design kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	MustContain(t, mustSendKickoff(t, h), "Sent 2 proposals")
	h.At(10, 9, 0)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("carol", "carol", bot.ActionProposalAccept)
	for _, m := range []string{"bob", "ann", "carol", "dan"} {
		h.Click(m, m, bot.ActionCharterAccept)
	}
	h.At(16, 9, 0) // the digest of W46
	r, err := h.Bot.Report(ctx, h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if want := 8*time.Hour + 59*time.Minute; r.Week.Intros != 2 || r.Week.IntroRequests != 2 || r.Week.MedianIntro != want {
		t.Errorf("got %d introductions, %d timed, median %v; want 2, 2, %v from the kick-off", r.Week.Intros, r.Week.IntroRequests, r.Week.MedianIntro, want)
	}
	msg, _, err := h.Bot.Digest(ctx, h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	MustLines(t, msg.Text, "• Introductions: 2, median 8 h 59 min from request, or from the kick-off for a request held for its program (week before: 0)")
}
