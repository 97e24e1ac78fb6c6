package bot_test

import (
	"strings"
	"testing"
	"time"
)

// escalation is one escalation of Ann's request posted in the managers'
// channel, with the time of the tick that posted it.
type escalation struct {
	At   time.Time
	Text string
}

// stepTo moves the clock hour by hour to November day, hour:00 (2026,
// UTC), running the jobs due at each step, and returns the escalations
// of Ann's request posted on the way.
func stepTo(t *testing.T, h *adminHarness, day, hour int) []escalation {
	t.Helper()
	to := time.Date(2026, 11, day, hour, 0, 0, 0, time.UTC)
	var got []escalation
	for h.Clock.Now().Before(to) {
		step := min(time.Hour, to.Sub(h.Clock.Now()))
		MustTick(t, h.Harness, step)
		for _, p := range h.Posting.Posts() {
			if p.Message.Title == "A request is waiting for a mentor" && strings.HasPrefix(p.Message.Text, "Ann's") {
				got = append(got, escalation{h.Clock.Now(), p.Message.Text})
			}
		}
	}
	return got
}

// TestHeldRequestEscalatedFromRelease: a request filed for a program
// before its start has waited for a mentor only from the program's
// kick-off, which releases it; its escalation is due escalate-after (7
// days) past the release, and says so, never counted from the day it
// was filed: not on the start day (filed 7 days before), not as "18
// days" (filed 10 days before), not before 7 days after a round a
// manager sent early, and not a day late when a manager sent it on the
// start day, after the job first due was moved.
func TestHeldRequestEscalatedFromRelease(t *testing.T) {
	const want = "Ann's request on “rust” in “Spring” has waited 7 days without a mentor. Could you find someone who offers this topic?\nWhy it waits: Nobody offers “rust” yet."
	for _, tc := range []struct {
		name  string
		start string // the program's first day; today is 2 November, 9:00
		send  int    // the day of November a manager sends the round, 0 for none
		due   int    // the day of November the escalation is due, at 0:00
	}{
		{"OKStartsInSevenDays", "2026-11-09", 0, 16},
		{"OKStartsInTenDays", "2026-11-12", 0, 19},
		{"OKRoundSentEarly", "2026-11-20", 5, 12},
		// Held on 9 November, when it was first due, and sent on the
		// start day, before kickoffGrace would have released it.
		{"OKRoundSentOnStartDay", "2026-11-12", 12, 19},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("alice", "admin digest-channel #managers")
			MustContain(t, h.Run("alice", `admin program create "Spring" kind:one-to-one start:`+tc.start+` end:2027-03-31`), "Program “Spring” created")
			if tc.send != 0 {
				// A pair for the round to send.
				h.Run("bob", "offer go program:spring")
				h.Run("dan", "request go program:spring")
			}
			MustContain(t, h.Run("ann", "request rust program:spring"), "Mentors are proposed from the program's kick-off")
			h.Platform.Take()
			h.Posting.Posts()
			if tc.send != 0 {
				if got := stepTo(t, h, tc.send, 0); len(got) != 0 {
					t.Fatalf("got escalations %+v before the round is sent", got)
				}
				preview := h.Run("alice", "admin match program:spring")
				MustContain(t, h.ClickReply("alice", preview, "Send these proposals"), "Sent 1 proposal")
			}
			if got := stepTo(t, h, tc.due-1, 23); len(got) != 0 {
				t.Fatalf("got escalations %+v, want none before 7 days after the kick-off", got)
			}
			got := stepTo(t, h, tc.due, 1)
			if len(got) != 1 || got[0].Text != want {
				t.Fatalf("got escalations %+v, want one on %d November: %q", got, tc.due, want)
			}
			if got := stepTo(t, h, tc.due+2, 0); len(got) != 0 {
				t.Fatalf("got escalations %+v, want one only", got)
			}
		})
	}
}
