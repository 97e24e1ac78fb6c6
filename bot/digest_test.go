package bot_test

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/chart"
)

// runProgram plays three weeks of a program on the fake clock, from
// Monday 2 November 2026 (W45) to Monday 23 November 09:00 (W48). The
// comments say which figure of the digest each step makes.
func runProgram(t *testing.T) *adminHarness {
	h := MustAdminHarness(t)
	// W45: three mentors; follow-up delays shortened by a manager.
	h.Run("alice", "admin settings checkin-after:1d checkin-reminder:1d")
	h.Run("alice", "admin digest-channel #managers")
	h.Run("mia", "offer go capacity:3")
	h.Run("max", "offer python capacity:1")
	h.Run("mo", "offer design capacity:1")

	// W46: ann's flash pair with mia, from request to survey.
	h.At(9, 9, 0)
	h.Run("ann", "request go") // request 1 (W46)
	h.At(9, 11, 0)
	h.Click("mia", "mia", bot.ActionProposalAccept) // pair 1, accepted 1
	h.At(9, 13, 0)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	h.At(9, 15, 0)
	h.Click("mia", "mia", bot.ActionCharterAccept) // intro 1: 6 h after the request
	h.At(10, 9, 0)
	h.Run("ben", "request python")                   // request 2
	h.Click("max", "max", bot.ActionProposalDecline) // declined 1: ben waits from now
	h.At(10, 15, 0)                                  // the check-in
	h.Click("ann", "ann", bot.ActionCheckinYes)      // meeting 1
	h.Tick()                                         // the flash survey; the pair completes
	h.At(10, 16, 0)
	r := h.Click("ann", "ann", "5") // survey 1, rating 5
	h.ClickReply("ann", r, "Yes")   // answered: yes
	h.Click("mia", "mia", "4")      // survey 2, rating 4

	// W47.
	h.At(16, 9, 0)
	h.Run("ann", "offer career change")        // new mentor 1; a mentee became a mentor
	h.Run("cat", "request go kind:one-to-one") // request 3, to mia
	h.At(16, 10, 0)
	h.Run("eve", "request python")                  // request 4, to max
	h.Click("mia", "mia", bot.ActionProposalAccept) // pair 2; mia returns after finishing with ann
	h.At(16, 11, 0)
	h.Click("max", "max", bot.ActionProposalAccept) // pair 3
	h.At(16, 12, 0)
	h.Click("eve", "eve", bot.ActionCharterAccept)
	h.Click("max", "max", bot.ActionCharterAccept) // intro 2: 2 h
	h.At(16, 13, 0)
	h.Click("cat", "cat", bot.ActionCharterAccept) // intro 3: 4 h (mia had accepted the charter)
	h.At(17, 10, 0)
	h.Run("dan", "request rust") // request 5: nobody offers rust
	h.At(17, 12, 0)
	h.Click("eve", "eve", bot.ActionCheckinYes) // meeting 2
	h.Tick()
	h.At(17, 12, 30)
	r = h.Click("eve", "eve", "2")   // survey 3, rating 2: a low rating
	h.ClickReply("eve", r, "Partly") // answered: partly
	h.Click("max", "max", "3")       // survey 4, rating 3
	h.At(17, 13, 0)
	h.Click("cat", "cat", bot.ActionCheckinNotYet)
	h.At(18, 9, 0)
	h.Run("fay", "request design") // request 6, to mo, who never answers
	h.At(18, 13, 0)
	h.Click("mia", "mia", bot.ActionCheckinNotYet) // second "not yet": stalled
	h.At(20, 9, 0)                                 // fay's proposal expires: expired 1
	h.At(23, 9, 0)                                 // Monday of W48: the digest reports W47
	return h
}

// TestDigest checks every figure of the digest against runProgram.
func TestDigest(t *testing.T) {
	h := runProgram(t)
	ctx := context.Background()
	r, err := h.Bot.Report(ctx, h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Weeks", func(t *testing.T) {
		w46 := bot.WeekFigures{Week: "2026-W46", Requests: 2, Pairs: 1, Accepted: 1, Declined: 1, Intros: 1, Meetings: 1, Surveys: 2, RatingSum: 9,
			MedianIntro: 6 * time.Hour, IntroRequests: 1, AnsweredYes: 1, Completed: 1}
		w47 := bot.WeekFigures{Week: "2026-W47", Requests: 4, Offers: 1, Pairs: 2, Accepted: 2, Expired: 1, Intros: 2, Meetings: 1, Surveys: 2, RatingSum: 5,
			MedianIntro: 3 * time.Hour, IntroRequests: 2, AnsweredPartly: 1, Returned: 1, Became: 1, Stalled: 1, Completed: 1, Escalated: 1}
		if r.Before != w46 {
			t.Errorf("got W46 %+v, want %+v", r.Before, w46)
		}
		if r.Week != w47 {
			t.Errorf("got W47 %+v, want %+v", r.Week, w47)
		}
		if len(r.Weeks) != 12 || r.Weeks[0].Week != "2026-W36" || r.Weeks[9].Offers != 3 {
			t.Errorf("got %d weeks from %s with %d offers in W45, want 12 from 2026-W36 with 3", len(r.Weeks), r.Weeks[0].Week, r.Weeks[9].Offers)
		}
		if r.Returned != 1 || r.Became != 1 {
			t.Errorf("got %d returned and %d became in all, want 1 and 1", r.Returned, r.Became)
		}
	})
	t.Run("Topics", func(t *testing.T) {
		want := []bot.TopicCount{{Topic: "design", Count: 1}, {Topic: "go", Count: 1}, {Topic: "python", Count: 1}, {Topic: "rust", Count: 1}}
		if !slices.Equal(r.Demand, want) {
			t.Errorf("got demand %+v, want %+v", r.Demand, want)
		}
		want = []bot.TopicCount{{Topic: "career change", Count: 1}, {Topic: "design", Count: 1}, {Topic: "go", Count: 1}, {Topic: "python", Count: 1}}
		if !slices.Equal(r.Supply, want) {
			t.Errorf("got supply %+v, want %+v", r.Supply, want)
		}
		if want := []bot.TopicCount{{Topic: "rust", Count: 1, Waiting: 1}}; !slices.Equal(r.Unmet, want) {
			t.Errorf("got unmet %+v, want %+v", r.Unmet, want)
		}
	})
	t.Run("Eye", func(t *testing.T) {
		var waiting []string
		for _, w := range r.Waiting {
			waiting = append(waiting, w.Mentee.ID.User+":"+w.Request.Topic)
		}
		if want := []string{"ben:python", "dan:rust", "fay:design"}; !slices.Equal(waiting, want) {
			t.Errorf("got waiting %v, want %v, oldest first", waiting, want)
		}
		if len(r.Stalled) != 1 || r.Stalled[0].Mentee.ID.User != "cat" || !r.Stalled[0].Flag.At.Equal(time.Date(2026, 11, 18, 13, 0, 0, 0, time.UTC)) {
			t.Errorf("got stalled %+v, want cat's pair since 18 Nov 13:00", r.Stalled)
		}
		if len(r.LowRatings) != 1 || r.LowRatings[0].Mentee.ID.User != "eve" || r.LowRatings[0].Flag.Rating != 2 {
			t.Errorf("got low ratings %+v, want eve's 2", r.LowRatings)
		}
	})
	t.Run("Message", func(t *testing.T) {
		msg, _, err := h.Bot.Digest(ctx, h.Tenant, h.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if want := "Weekly mentoring digest: week of 16 November 2026 (2026-W47)"; msg.Title != want {
			t.Errorf("got title %q, want %q", msg.Title, want)
		}
		MustLines(t, msg.Text,
			"• Requests: 4 (week before: 2)",
			"• New mentors: 1 (week before: 0)",
			"• Pairs formed: 2 (week before: 1)",
			"• Proposals: 2 accepted, 0 declined, 1 expired (week before: 1 accepted, 1 declined, 0 expired)",
			"• Introductions: 2, median 3 h from request (week before: 1, median 6 h from request)",
			"• First meetings (reported at check-ins): 1 (week before: 1)",
			"• Surveys answered: 2 (week before: 2)",
			"• Average rating: 2.5/5 (week before: 4.5/5)",
			"• “My mentor answered my questions”: 0% yes, 100% partly (answers: 1) (week before: 100% yes, 0% partly (answers: 1))",
			"Requested in the week: design (1), go (1), python (1), rust (1)",
			"On offer (mentors per topic): career change (1), design (1), go (1), python (1)",
			"Requested, but nobody offers them: rust (1 in the week, 1 waiting now)",
			"Requests waiting for a mentor (3), longest wait first:",
			"• Ben, “python”, 13 days: The mentor for “python” has already been asked about this request.",
			"• Dan, “rust”, 5 days: Nobody offers “rust” yet.",
			"• Fay, “design”, 5 days: The mentor for “design” has already been asked about this request.",
			"Stalled pairs, no contact after the check-ins (1):",
			"• Mia and Cat, “go”, since 18 November 2026",
			"Low ratings to look at (1):",
			"• Max and Eve, “python”: rated 2/5 on 17 November 2026",
			"Mentors back for a new mentee after finishing with one: 1 in the week (1 in all).",
			"Mentees who became mentors: 1 in the week (1 in all).",
		)
	})
	t.Run("Chart", func(t *testing.T) {
		h.DrawCharts()
		_, data, err := h.Bot.Digest(ctx, h.Tenant, h.Clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("got an invalid PNG: %v", err)
		}
		if b := img.Bounds(); b.Dx() != chart.Width || b.Dy() != chart.Height {
			t.Fatalf("got %dx%d, want %dx%d", b.Dx(), b.Dy(), chart.Width, chart.Height)
		}
		charts := h.Charts()
		c := charts[len(charts)-1]
		if len(c.Weeks) != 12 || c.Weeks[0] != "W36" || c.Weeks[11] != "W47" {
			t.Errorf("got weeks %v, want W36 to W47", c.Weeks)
		}
		pairs, meetings, rating := c.Counts[0].Values, c.Counts[1].Values, c.Rating.Values
		if pairs[10] != 1 || pairs[11] != 2 || meetings[10] != 1 || meetings[11] != 1 || rating[10] != 4.5 || rating[11] != 2.5 || !math.IsNaN(rating[9]) {
			t.Errorf("got pairs %v, meetings %v, rating %v; want 1, 2 / 1, 1 / 4.5, 2.5 for W46 and W47, no rating before", pairs, meetings, rating)
		}
	})
}
