package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFixstatsFirstMeetingIsTheMeeting: a program report's time to a first
// meeting runs to the meeting time the pair confirmed, not to their "yes"
// at the check-in sent a day after it. Bob and Ann, paired on 10
// November at 09:00, both pick the first time offered; the check-in comes
// a day after it and Ann answers "yes" later still. A pair that never
// confirmed a time (Carol and Dan) is timed to its "yes", as before.
func TestFixstatsFirstMeetingIsTheMeeting(t *testing.T) {
	h := mustProgramHarness(t)
	ctx := context.Background()
	h.Run("alice", "admin settings checkin-after:2d")
	h.Run("bob", "profile tz:Europe/Paris hours:9-17")
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
	pairs, err := h.Store.PairsOf(ctx, h.Tenant.Member("ann"))
	if err != nil || len(pairs) != 1 {
		t.Fatalf("got pairs %+v, %v, want Ann's", pairs, err)
	}
	pair := pairs[0]
	h.Click("ann", "ann", bot.ActionMeetPick)
	h.Click("bob", "bob", bot.ActionMeetPick)
	m, err := h.Store.GetMeeting(ctx, h.Tenant, pair.ID)
	if err != nil || m.Agreed.IsZero() {
		t.Fatalf("got meeting %+v, %v, want a time agreed", m, err)
	}
	if !m.Agreed.End.Before(time.Date(2026, 11, 11, 12, 0, 0, 0, time.UTC)) {
		t.Fatalf("got the meeting agreed at %v, want it before 11 November 11:00", m.Agreed)
	}
	h.At(12, 10, 0)                             // the check-ins: Bob and Ann's a day after their meeting, Carol and Dan's two days on
	h.Click("dan", "dan", bot.ActionCheckinYes) // 2 days 1 hour after the pair formed
	h.At(12, 15, 0)
	h.Click("ann", "ann", bot.ActionCheckinYes) // after the meeting: met then
	if p, err := h.Store.GetPair(ctx, h.Tenant, pair.ID); err != nil || !p.Met.After(m.Agreed.End.Add(24*time.Hour)) {
		t.Fatalf("got pair %+v, %v, want met after the check-in", p, err)
	}
	r, err := h.Bot.ProgramReport(ctx, h.Tenant, "mentorat-2027")
	if err != nil {
		t.Fatal(err)
	}
	toMeeting, toYes := m.Agreed.Start.Sub(pair.Created), 49*time.Hour
	if want := (toMeeting + toYes) / 2; r.Figures.Met != 2 || r.Figures.FirstMeeting != want {
		t.Errorf("got %d met, median %v to a first meeting; want 2, %v (the median of %v to Bob and Ann's meeting and %v to Dan's yes)",
			r.Figures.Met, r.Figures.FirstMeeting, want, toMeeting, toYes)
	}
}
