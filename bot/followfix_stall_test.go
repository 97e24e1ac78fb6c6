package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// stalledLine is what a manager reads under "Needs your eye" for the
// silent pair of TestFollowFixSilentPairStalls (its check-in on day 3).
const stalledLine = "• Bob and Dave, “go”: no answer since 5 November 2026"

// TestFollowFixSilentPairStalls: a pair that answers nothing is reminded
// once (the check-in's round, which a click answers once), then, still
// silent and never met, listed by name under "Needs your eye" with its
// true reason, and its mentee asked whether they want a new match; their
// "yes" goes to the free mentor, never to the same one.
func TestFollowFixSilentPairStalls(t *testing.T) {
	h := MustAdminHarness(t)
	mustOfficial(h.Harness, "bob", "offer go", "dave", "request go kind:one-to-one")
	h.Run("erin", "offer go")
	inbox(h.Harness)
	MustTick(t, h.Harness, 3*day)
	MustInbox(t, h.Harness, "bob: Check-in: go | Have you been in touch with Dave?", "dave: Check-in: go | Have you been in touch with Bob?")
	MustTick(t, h.Harness, 4*day)
	MustInbox(t, h.Harness, "bob: Check-in: go | Reminder: have you been in touch with Dave yet?", "dave: Check-in: go | Reminder: have you been in touch with Bob yet?")
	if s := h.Run("alice", "admin stats").Message.Text; strings.Contains(s, "Stalled pairs") {
		t.Fatalf("got %q, want no stalled pair before the reminder had its time", s)
	}
	MustTick(t, h.Harness, 4*day)
	MustInbox(t, h.Harness, "dave: Your pair with Bob on “go” | "+bot.T(bot.English, "stall.mentee_silent", "name", "Bob", "topic", "go", "date", "5 November 2026"))
	MustContain(t, h.Run("alice", "admin stats"), "Stalled pairs, no contact after the check-ins (1):\n"+stalledLine)
	// Once: the next check-in's silence neither moves the date nor asks again.
	MustTick(t, h.Harness, 30*day)
	MustContain(t, h.Run("alice", "admin stats"), stalledLine)
	for _, line := range inbox(h.Harness) {
		if strings.HasPrefix(line, "dave: Your pair with Bob") {
			t.Fatalf("got %q again, want the mentee asked once", line)
		}
	}
	// The mentee's new match: End, confirm, yes: proposed to Erin.
	ask := h.Click("dave", "dave", "End the pair for a new match")
	clickIn(h.Harness, "dave", ask, bot.ActionEndConfirm)
	h.Click("dave", "dave", bot.ActionNewMatchYes)
	MustContain(t, h.Run("alice", "admin stats"), "Needs your eye\nNothing")
	proposed := false
	for _, s := range h.Platform.Take() {
		proposed = proposed || s.To[0].User == "erin" && strings.Contains(s.Message.Text, "Dave would like your help on “go”")
	}
	if !proposed {
		t.Fatal("got no proposal to Erin, want Dave's new request proposed to the free mentor")
	}
}

// TestFollowFixSilentAnsweredNotStalled: a click on the check-in, or on
// the reminder, is a sign of life: no stall; and a reminder stands for the
// check-in, answered once.
func TestFollowFixSilentAnsweredNotStalled(t *testing.T) {
	h := MustAdminHarness(t)
	mustOfficial(h.Harness, "bob", "offer go", "dave", "request go kind:one-to-one")
	MustTick(t, h.Harness, 7*day) // the check-in, then its reminder
	MustContain(t, h.Click("dave", "dave", bot.ActionCheckinYes), "Great, thanks")
	MustContain(t, h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("dave"), ActionID: bot.ActionCheckinYes,
		Value: mustOnlyPair(t, h.Harness, "dave").ID + ":1"}), "You already answered this check-in")
	MustTick(t, h.Harness, 5*day)
	if s := h.Run("alice", "admin stats").Message.Text; strings.Contains(s, "Stalled pairs") {
		t.Fatalf("got %q, want no stalled pair", s)
	}
	for _, line := range inbox(h.Harness) {
		if strings.Contains(line, "Would you like another mentor") {
			t.Fatalf("got %q, want no new-match question", line)
		}
	}
}

// TestFollowFixNeverMetEnd: a one-to-one pair nobody ever said met reaches
// its end as it truly is: no rating of a mentoring that did not happen,
// not completed, both told so with the new-match question, and its mentor
// not re-invited with thanks.
func TestFollowFixNeverMetEnd(t *testing.T) {
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		t.Run(string(lang), func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("dave", "lang "+string(lang))
			mustOfficial(h.Harness, "bob", "offer go languages:en,fr", "dave", "request go kind:one-to-one")
			MustTick(t, h.Harness, 181*day)
			got := strings.Join(inbox(h.Harness), "\n")
			if strings.Contains(got, "is ending") || strings.Contains(got, "se termine") {
				t.Fatalf("got:\n%s\nwant no end survey", got)
			}
			for _, want := range []string{
				"bob: Your pair with Dave on “go” has ended | " + bot.T(bot.English, "ended.never_met_mentor", "topic", "go"),
				"dave: " + bot.T(lang, "ended.title_with", "name", "Bob", "topic", "go") + " | " + bot.T(lang, "ended.never_met_mentee", "topic", "go"),
			} {
				if !strings.Contains(got, want) {
					t.Errorf("got:\n%s\nwant %q", got, want)
				}
			}
			if p := mustOnlyPair(t, h.Harness, "dave"); p.State != bot.PairCancelled {
				t.Fatalf("got %s, want the pair ended, not completed", p.State)
			}
			if r := h.Run("alice", `admin program create "Mentorat 2028" start:2027-09-01 end:2027-12-20`); strings.Contains(r.Message.Text, "re-invit") {
				t.Errorf("got %q, want nobody re-invited for a pair that never met", r.Message.Text)
			}
		})
	}
}

// TestFollowFixNeverMetProgramReport: in a program, a pair that never met
// is neither counted completed in its report nor thanked at its end.
func TestFollowFixNeverMetProgramReport(t *testing.T) {
	h := mustProgramHarness(t) // Mentorat 2027: 10 to 20 November 2026
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	mustSendKickoff(t, h)
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	h.Click("ann", "ann", bot.ActionCharterAccept)
	h.Platform.Take()
	h.At(21, 0, 1)
	if got := strings.Join(inbox(h.Harness), "\n"); strings.Contains(got, "Thank you for the time") || strings.Contains(got, "is ending") {
		t.Fatalf("got:\n%s\nwant no survey nor thanks for a mentoring that never took place", got)
	}
	r, err := h.Bot.ProgramReport(context.Background(), h.Tenant, "mentorat-2027")
	if err != nil {
		t.Fatal(err)
	}
	if r.Figures.Pairs != 1 || r.Figures.Met != 0 || r.Figures.Completed != 0 {
		t.Fatalf("got %+v, want 1 pair, none met, none completed", r.Figures)
	}
}

// TestFollowFixFlashNeverMet: a flash pair that says "Not yet" twice gets
// the check-ins its replies promise, never a rating of a session both said
// did not happen; it is stalled, listed for the managers, and its mentee
// asked about a new match. A flash pair that answers nothing is never
// surveyed either, and stalls after the check-in and its reminder.
func TestFollowFixFlashNeverMet(t *testing.T) {
	for _, answer := range []string{"notyet", "silent"} {
		t.Run(answer, func(t *testing.T) {
			h := MustAdminHarness(t)
			mustOfficial(h.Harness, "bob", "offer go kinds:flash", "dave", "request go kind:flash")
			MustTick(t, h.Harness, 3*day)
			if answer == "notyet" {
				for range 2 {
					MustContain(t, h.Click("bob", "bob", bot.ActionCheckinNotYet), "I'll check in again in 4 days")
					MustContain(t, h.Click("dave", "dave", bot.ActionCheckinNotYet), "I'll check in again in 4 days")
					MustTick(t, h.Harness, 4*day)
				}
			}
			MustTick(t, h.Harness, 30*day)
			got := strings.Join(inbox(h.Harness), "\n")
			if strings.Contains(got, "How was your session") {
				t.Fatalf("got:\n%s\nwant no session survey", got)
			}
			if !strings.Contains(got, "dave: Your pair with Bob on “go” | ") {
				t.Fatalf("got:\n%s\nwant Dave asked about a new match", got)
			}
			if p := mustOnlyPair(t, h.Harness, "dave"); p.State != bot.PairActive {
				t.Fatalf("got %s, want the pair still active, not completed", p.State)
			}
			MustContain(t, h.Run("alice", "admin stats"), "• Bob and Dave, “go”")
		})
	}
}

// TestFollowFixMentorAgainNo: "No" to "Would you mentor again?" pauses
// the mentor's offer and says so, with the way back; the next request
// does not go to them, and a re-invitation skips them.
func TestFollowFixMentorAgainNo(t *testing.T) {
	for _, lang := range []bot.Lang{bot.English, bot.French} {
		t.Run(string(lang), func(t *testing.T) {
			h := MustAdminHarness(t)
			h.Run("bob", "lang "+string(lang))
			mustOfficial(h.Harness, "bob", "offer go languages:en,fr", "dave", "request go kind:flash")
			MustTick(t, h.Harness, 3*day)
			h.Click("dave", "dave", bot.ActionCheckinYes)
			MustTick(t, h.Harness, time.Minute) // the session's survey
			pair := mustOnlyPair(t, h.Harness, "dave")
			answer := func(value string) bot.Reply {
				return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member("bob"), ActionID: bot.ActionSurveyAnswer, Value: pair.ID + ":flash:" + value})
			}
			answer("rating:4")
			r := answer("again:no")
			MustContain(t, r, bot.T(lang, "survey.again_no_paused"))
			MustContain(t, r, bot.T(lang, "survey.thanks"))
			if o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("bob")); !o.Paused {
				t.Fatal("got the offer open, want it paused")
			}
			h.Run("gus", "request go kind:flash")
			for _, s := range h.Platform.Take() {
				if s.To[0].User == "bob" && strings.Contains(s.Message.Text, "Gus") {
					t.Fatalf("got %q to Bob, want no request to a mentor who said no", s.Message.Text)
				}
			}
			if r := h.Run("alice", `admin program create "Mentorat 2028" start:2027-09-01 end:2027-12-20`); strings.Contains(r.Message.Text, "re-invit") {
				t.Errorf("got %q, want Bob not re-invited", r.Message.Text)
			}
		})
	}
}

// TestFollowFixCharterDateInReaderZone: the date a member accepted the
// charter is the date in their time zone: 03:32 on 8 December in Tokyo
// is the 8th, not the 7th (UTC).
func TestFollowFixCharterDateInReaderZone(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{{"en", "on 8 December 2026"}, {"fr", "le 8 décembre 2026"}} {
		t.Run(tc.lang, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("bob", "offer go")
			h.Run("carol", "request go tz:Asia/Tokyo")
			h.Run("carol", "lang "+tc.lang)
			h.Click("bob", "bob", bot.ActionProposalAccept)
			h.Clock.Advance(time.Date(2026, 12, 7, 18, 32, 0, 0, time.UTC).Sub(h.Clock.Now()))
			MustContain(t, h.Click("carol", "carol", bot.ActionCharterAccept), tc.want)
		})
	}
}

// TestFollowFixNeverMetMidSurvey: halfway through a pair nobody said met,
// no rating of the mentoring is asked, only the review of its goals
// (whose "Readjust the pair" offers a new match); a pair that met gets
// both.
func TestFollowFixNeverMetMidSurvey(t *testing.T) {
	for _, met := range []bool{false, true} {
		h := MustHarness(t)
		mustOfficial(h, "bob", "offer go", "dave", "request go kind:one-to-one")
		if met {
			mustSayMet(t, h, "dave")
		}
		MustTick(t, h, 91*day)
		got := strings.Join(inbox(h), "\n")
		if rated := strings.Contains(got, "Halfway through your mentoring with Dave on “go” | How would you rate it"); rated != met {
			t.Errorf("met %v: got a rating asked %v, want %v:\n%s", met, rated, met, got)
		}
		if !strings.Contains(got, "bob: Halfway with Dave: your goals for “go”") {
			t.Errorf("met %v: got:\n%s\nwant the review of the goals", met, got)
		}
	}
}

// TestFollowFixHeldRequestWaitsFromKickoff: a program's request held for
// its kick-off is not "waiting for 8 days, so first in line" when the
// kick-off proposes it: its days count from the kick-off, as its
// escalation's do.
func TestFollowFixHeldRequestWaitsFromKickoff(t *testing.T) {
	h := mustProgramHarness(t) // Mentorat 2027: 10 to 20 November 2026; filed on the 2nd
	h.Run("bob", "offer go program:mentorat-2027")
	h.Run("ann", "request go kind:one-to-one program:mentorat-2027")
	h.At(10, 0, 1)
	mustSendKickoff(t, h)
	var text string
	for _, m := range h.Platform.To("bob") {
		text += m.Text + "\n"
		for _, f := range m.Fields {
			text += f.Value + "\n"
		}
	}
	if !strings.Contains(text, "Ann would like your help") || strings.Contains(text, "waiting for") {
		t.Fatalf("got:\n%s\nwant the proposal without 8 days of waiting", text)
	}
}
