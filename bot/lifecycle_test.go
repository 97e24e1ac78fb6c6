package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

const day = 24 * time.Hour

// inbox formats what each member received since the last call, one line
// per message: "user: title | text", so a test can assert every message
// and its language.
func inbox(h *bottest.Harness) []string { return inboxOf(h.Platform.Take()) }

// inboxOf formats messages taken from the platform as inbox does.
func inboxOf(sent []bottest.Sent) []string {
	var out []string
	for _, s := range sent {
		names := make([]string, len(s.To))
		for i, m := range s.To {
			names[i] = m.User
		}
		line := strings.Join(names, "+") + ": "
		if s.Message.Title != "" {
			line += s.Message.Title + " | "
		}
		out = append(out, line+firstLine(s.Message.Text))
	}
	return out
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// MustInbox fails unless the members received exactly want since the last call.
func MustInbox(tb testing.TB, h *bottest.Harness, want ...string) {
	tb.Helper()
	got := inbox(h)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		tb.Fatalf("got messages:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// MustTick advances the clock and runs the due jobs.
func MustTick(tb testing.TB, h *bottest.Harness, d time.Duration) {
	tb.Helper()
	h.Clock.Advance(d)
	if _, err := h.Bot.TickTenants(context.Background(), h.Tenant); err != nil {
		tb.Fatalf("tick: %v", err)
	}
}

// TestFlashLifecycle follows a flash pair from the request to the survey,
// with the follow-up driven by the clock. Alice reads French, Bob English.
func TestFlashLifecycle(t *testing.T) {
	h := MustHarness(t)
	h.Run("alice", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("alice", "request go goal:apprendre")
	MustInbox(t, h, "bob: Mentoring request: go | Alice would like your help on “go”.")

	MustTick(t, h, 23*time.Hour)
	MustInbox(t, h)
	MustTick(t, h, time.Hour) // halfway through the 48 h proposal timeout
	MustInbox(t, h, "bob: Reminder — Mentoring request: go | Alice would like your help on “go”.")
	MustTick(t, h, time.Hour)
	MustInbox(t, h) // reminded once only

	h.Click("bob", "bob", bot.ActionProposalAccept)
	MustInbox(t, h,
		"alice: Bonne nouvelle : Bob accepte de vous accompagner sur « go ». Dernière étape : la charte du programme.",
		"bob: The mentoring charter | Before your pair on “go” becomes official, please read and accept the program's charter:",
		"alice: La charte du mentorat | Avant que votre binôme sur « go » devienne officiel, merci de lire et d'accepter la charte du programme :")
	h.Click("bob", "bob", bot.ActionCharterAccept)
	MustTick(t, h, 36*time.Hour) // halfway through the 72 h charter timeout
	MustInbox(t, h, "alice: Rappel — La charte du mentorat | Avant que votre binôme sur « go » devienne officiel, merci de lire et d'accepter la charte du programme :")
	h.Click("alice", "alice", bot.ActionCharterAccept)
	MustInbox(t, h, "bob+alice: Mise en relation : go / Introduction: go | Alice, voici Bob : votre mentor sur « go », en mentorat flash (Meet & Share). La charte est acceptée des deux côtés : bienvenue dans le programme !")

	MustTick(t, h, 3*day)
	MustInbox(t, h, "bob: Check-in: go | Have you been in touch with Alice?", "alice: Point d'étape : go | Avez-vous pu échanger avec Bob ?")
	r := h.Click("alice", "alice", bot.ActionCheckinYes)
	MustContain(t, r, "Un court questionnaire arrive")
	MustContain(t, h.Click("alice", "alice", bot.ActionCheckinYes), "Vous avez déjà répondu")
	MustTick(t, h, time.Minute)
	MustInbox(t, h,
		"bob: How was your session with Alice on “go”? | How would you rate it, from 1 (poor) to 5 (excellent)?",
		"alice: Comment s'est passée votre séance avec Bob sur « go » ? | Quelle note donneriez-vous, de 1 (décevant) à 5 (excellent) ?")
	pair := mustOnlyPair(t, h, "alice")
	if pair.State != bot.PairCompleted || pair.Met.IsZero() {
		t.Fatalf("got %s, met %v; want completed after its meeting", pair.State, pair.Met)
	}

	// The survey, one answer per person.
	answer := func(user, value string) bot.Reply {
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(user), ActionID: bot.ActionSurveyAnswer, Value: pair.ID + ":flash:" + value})
	}
	MustContain(t, answer("alice", "rating:5"), "Vos questions ont-elles trouvé réponse auprès de Bob ?")
	MustContain(t, answer("alice", "rating:1"), "Vous avez déjà répondu à cette question")
	MustContain(t, answer("alice", "answered:yes"), "Aimeriez-vous devenir mentor un jour ?")
	MustContain(t, answer("alice", "become:yes"), "Merci pour vos réponses !")
	MustContain(t, answer("bob", "answered:yes"), "meant for someone else") // a mentor has no such question
	MustContain(t, answer("bob", "rating:4"), "Would you mentor again?")
	MustContain(t, answer("bob", "again:yes"), "Thank you for your answers!")
	MustContain(t, h.Run("alice", "comment Très utile"), "votre commentaire est enregistré")
	MustContain(t, h.Run("alice", "comment encore"), "déjà laissé un commentaire")

	MustTick(t, h, 30*day)
	MustInbox(t, h) // the flash survey job was moved earlier, not doubled
}

// TestOneToOneLifecycle follows a relationship over a program: check-ins
// with a "not yet" and its reminder, the mid-program and end surveys, and
// completion. Carol (mentor) reads English, Dan (mentee) French.
func TestOneToOneLifecycle(t *testing.T) {
	h := MustHarness(t)
	h.Run("dan", "lang fr")
	mustOfficial(h, "carol", "offer go capacity:1 languages:en,fr", "dan", "request go kind:one-to-one")
	inbox(h)

	MustTick(t, h, 3*day)
	MustInbox(t, h, "carol: Check-in: go | Have you been in touch with Dan?", "dan: Point d'étape : go | Avez-vous pu échanger avec Carol ?")
	MustContain(t, h.Click("dan", "dan", bot.ActionCheckinNotYet), "je reviens vers vous dans 4 jours")
	MustTick(t, h, 4*day)
	MustInbox(t, h, "carol: Check-in: go | Reminder: have you been in touch with Dan yet?", "dan: Point d'étape : go | Petite relance : avez-vous pu échanger avec Carol ?")
	MustContain(t, h.Click("carol", "carol", bot.ActionCheckinYes), "Great, thanks")

	// Monthly check-ins, then the mid-program survey at day 90.
	MustTick(t, h, 26*day) // day 33: check-in 2
	MustInbox(t, h, "carol: Check-in: go | Have you been in touch with Dan?", "dan: Point d'étape : go | Avez-vous pu échanger avec Carol ?")
	MustTick(t, h, 30*day) // day 63: check-in 3
	inbox(h)
	MustTick(t, h, 27*day) // day 90: check-in 3 unanswered, reminded (day 67); mid survey
	MustInbox(t, h,
		"carol: Check-in: go | Reminder: have you been in touch with Dan yet?",
		"dan: Point d'étape : go | Petite relance : avez-vous pu échanger avec Carol ?",
		"carol: Halfway through your mentoring with Dan on “go” | How would you rate it, from 1 (poor) to 5 (excellent)?",
		"dan: À mi-parcours de votre mentorat avec Carol sur « go » | Quelle note donneriez-vous, de 1 (décevant) à 5 (excellent) ?",
		"carol: Halfway with Dan: your goals for “go” | You are halfway through with Dan, and your pair has no goals yet. Would you like to set some, or to readjust the pair?",
		"dan: Mi-parcours avec Carol : vos objectifs pour « go » | Vous êtes à mi-parcours avec Carol, et votre binôme n'a pas encore d'objectifs. Souhaitez-vous en fixer, ou réajuster le binôme ?")
	MustTick(t, h, 90*day) // day 180: more check-ins, then the end survey
	got := inbox(h)
	last := got[len(got)-2:]
	if !strings.HasPrefix(last[0], "carol: Your mentoring with Dan on “go” is ending") || !strings.HasPrefix(last[1], "dan: Votre mentorat avec Carol sur « go » se termine") {
		t.Fatalf("got %v, want the end survey last", got)
	}
	if p := mustOnlyPair(t, h, "dan"); p.State != bot.PairCompleted {
		t.Fatalf("got %s, want completed at the end of the program", p.State)
	}
	if o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("carol")); o.Active != 0 {
		t.Fatalf("got %d active, want the mentor's slot freed", o.Active)
	}
}

// TestLowMidRatingEndsPair: a low mid-program rating ends nothing on its
// own. It is recorded (the managers' digest flags it), and the rater
// alone is offered to end the pair, with /mentor end's buttons; the other
// member hears nothing. "No, keep it" goes on with the survey; "Yes, end
// the pair" ends it as /mentor end does, the other member told without a
// word of a rating. The mentee asks for a new match and the request goes
// back in the queue, to another mentor.
func TestLowMidRatingEndsPair(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "carol", "offer go", "dan", "request go kind:one-to-one")
	MustTick(t, h, 90*day)
	pair := mustOnlyPair(t, h, "dan")
	inbox(h)
	rate := func(who, answer string) bot.Reply {
		return h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(who), ActionID: bot.ActionSurveyAnswer, Value: pair.ID + ":mid:rating:" + answer})
	}
	offer := rate("dan", "1")
	MustContain(t, offer, "Would you like to end your pair with Carol on “go”?")
	if got := labels(offer.Message.Buttons); got != "Yes, end the pair | No, keep it" || offer.Message.Title != "End this pair?" {
		t.Fatalf("got %q with buttons %s, want /mentor end's confirmation", offer.Message.Title, got)
	}
	MustInbox(t, h) // Carol hears nothing
	if p := mustOnlyPair(t, h, "dan"); p.State != bot.PairActive {
		t.Fatalf("got the pair %s, want it active until Dan confirms", p.State)
	}
	kept := clickIn(h, "dan", offer, bot.ActionSurveyKeep)
	MustContain(t, kept, "Good: your pair on “go” goes on. Nothing was changed.")
	MustContain(t, kept, "Did Carol answer your questions?")
	// The mentor's low rating is offered the same way, to her alone.
	MustContain(t, rate("carol", "2"), "Would you like to end your pair with Dan on “go”?")
	MustInbox(t, h)
	if p := mustOnlyPair(t, h, "dan"); p.State != bot.PairActive {
		t.Fatalf("got the pair %s, want it kept", p.State)
	}

	MustContain(t, clickIn(h, "carol", offer, bot.ActionSurveyEnd), "This button is meant for someone else")
	MustContain(t, clickIn(h, "dan", offer, bot.ActionSurveyEnd), "I've ended your pair with")
	MustInbox(t, h,
		"carol: Your pair with Dan on “go” has ended | Thank you for the time you gave. Would you like to mentor someone else?",
		"dan: Your pair with Carol on “go” has ended | Sorry it didn't work out. Would you like a new match on “go”?")
	if p := mustOnlyPair(t, h, "dan"); p.EndReason != "low-rating" {
		t.Fatalf("got end reason %q, want low-rating for the managers", p.EndReason)
	}
	MustContain(t, clickIn(h, "dan", offer, bot.ActionSurveyEnd), "This pair has already ended")
	h.Run("erin", "offer go")
	MustContain(t, h.Click("dan", "dan", bot.ActionNewMatchYes), "I've asked a mentor")
	MustInbox(t, h, "erin: Mentoring request: go | Dan would like your help on “go”.")
	MustContain(t, h.Click("dan", "dan", bot.ActionNewMatchYes), "You already answered")
	MustContain(t, h.Click("carol", "carol", bot.ActionNewMatchNo), "your offer is paused")
}

// endByLowRating rates pair 1 at mid-program as who, and ends it when
// offered to.
func endByLowRating(tb testing.TB, h *bottest.Harness, pair bot.Pair, who string) {
	tb.Helper()
	r := h.Bot.HandleAction(context.Background(), bot.Action{Member: h.Tenant.Member(who), ActionID: bot.ActionSurveyAnswer, Value: pair.ID + ":mid:rating:1"})
	MustContain(tb, clickIn(h, who, r, bot.ActionSurveyEnd), "I've ended your pair with")
}

// TestTimeouts: an unanswered proposal passes to the next mentor, and an
// unaccepted charter cancels the pair and requeues the request.
func TestTimeouts(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go years:20")
	h.Run("carol", "offer go years:5")
	h.Run("alice", "request go years:1")
	inbox(h)
	MustTick(t, h, 24*time.Hour)
	MustInbox(t, h, "bob: Reminder — Mentoring request: go | Alice would like your help on “go”.")
	MustTick(t, h, 24*time.Hour)
	MustInbox(t, h,
		"bob: Alice's request on “go” waited too long for an answer, so it went back to the queue for another mentor. No worries!",
		"carol: Mentoring request: go | Alice would like your help on “go”.",
		"alice: The mentor I asked about “go” couldn't answer in time, so I've asked another mentor who fits. I'll tell you as soon as they answer.")
	MustContain(t, h.Click("bob", "bob", bot.ActionProposalAccept), "waited too long for an answer, so it went back to the queue.") // the expired proposal
	h.Click("carol", "carol", bot.ActionProposalAccept)
	h.Click("alice", "alice", bot.ActionCharterAccept)
	inbox(h)
	MustTick(t, h, 72*time.Hour)
	MustInbox(t, h,
		"carol: Reminder — The mentoring charter | Before your pair on “go” becomes official, please read and accept the program's charter:",
		"carol: The charter for your pair with Alice on “go” wasn't accepted in time, so the pair is cancelled. Thank you for offering your time.",
		"alice: The charter for your pair with Carol on “go” wasn't accepted in time, so the pair is cancelled. Your request is back in the queue.",
		"alice: No mentor is available for “go” right now. Your request stays in the queue and I'll propose it as soon as someone fits.")
	r, err := h.Store.OpenRequest(context.Background(), h.Tenant.Member("alice"))
	if err != nil || r.State != bot.RequestWaiting || len(r.Declined) != 2 {
		t.Fatalf("got %+v, %v; want the request waiting, both mentors excluded", r, err)
	}
	MustTick(t, h, 7*24*time.Hour) // escalated: no managers' channel, so only counted
	MustInbox(t, h)
}

// mustOfficial makes a pair official: the mentor offers, the mentee
// requests, the mentor accepts, and both accept the charter.
func mustOfficial(h *bottest.Harness, mentor, offer, mentee, request string) {
	h.TB.Helper()
	h.Run(mentor, offer)
	h.Run(mentee, request)
	h.Click(mentor, mentor, bot.ActionProposalAccept)
	h.Click(mentor, mentor, bot.ActionCharterAccept)
	h.Click(mentee, mentee, bot.ActionCharterAccept)
}

func mustOnlyPair(tb testing.TB, h *bottest.Harness, user string) bot.Pair {
	tb.Helper()
	pairs, err := h.Store.PairsOf(context.Background(), h.Tenant.Member(user))
	if err != nil || len(pairs) != 1 {
		tb.Fatalf("got %d pairs (%v), want 1", len(pairs), err)
	}
	return pairs[0]
}

// TestIntroRetried: when the platform is down as the pair becomes
// official, the introduction is not lost: its job sends it once the
// platform is back, and only once.
func TestIntroRetried(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("alice", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("bob", "bob", bot.ActionCharterAccept)
	inbox(h)
	h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	h.Click("alice", "alice", bot.ActionCharterAccept)
	MustTick(t, h, time.Minute)
	MustInbox(t, h)
	h.Platform.Fail = nil
	MustTick(t, h, 10*time.Minute) // the job's retry
	MustInbox(t, h, "bob+alice: Introduction: go | Alice, meet Bob: your mentor on “go”, for flash mentoring (Meet & Share). You have both accepted the charter: welcome to the program!")
	MustTick(t, h, time.Hour)
	MustInbox(t, h)
}

// TestJobRetryConfigured: a job that failed because the platform did not
// answer waits Config.JobRetry (MENTORBOT_JOB_RETRY), not the default
// five minutes, before its next try.
func TestJobRetryConfigured(t *testing.T) {
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustOpen(t), tn, bot.Config{JobRetry: 30 * time.Second})
	h.Run("bob", "offer go")
	h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	MustContain(t, h.Run("alice", "request go"), "I've asked a mentor")
	MustTick(t, h, time.Minute) // the send job runs, and fails again
	h.Platform.Fail = nil
	MustTick(t, h, 20*time.Second)
	MustInbox(t, h)
	MustTick(t, h, 15*time.Second)
	MustInbox(t, h, "bob: Mentoring request: go | Alice would like your help on “go”.")
}

// TestProposalRetried: a proposal the platform failed to deliver is sent
// by its job once the platform is back, once; the charter and the news
// to the mentee likewise.
func TestProposalRetried(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	MustContain(t, h.Run("alice", "request go"), "I've asked a mentor")
	MustTick(t, h, 2*time.Minute) // the send job runs, and fails again
	h.Platform.Fail = nil
	MustInbox(t, h)
	MustTick(t, h, 10*time.Minute)
	MustInbox(t, h, "bob: Mentoring request: go | Alice would like your help on “go”.")

	h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Platform.Fail = nil
	MustTick(t, h, 2*time.Minute)
	MustInbox(t, h,
		"bob: The mentoring charter | Before your pair on “go” becomes official, please read and accept the program's charter:",
		"alice: The mentoring charter | Before your pair on “go” becomes official, please read and accept the program's charter:",
		"alice: Good news: Bob agreed to mentor you on “go”. One last step: the program charter.")
	MustTick(t, h, time.Hour)
	MustInbox(t, h)
}

// TestNoticeRetried: a plain notice (news that needs no answer) that the
// platform cannot take is kept and sent again by a job until it is
// delivered, once, in the language it was written in; a notice to a
// member who has left since is dropped.
func TestNoticeRetried(t *testing.T) {
	h := MustHarness(t)
	h.Run("alice", "lang fr")
	h.Run("bob", "offer go languages:en,fr")
	h.Run("carol", "offer rust")
	h.Run("alice", "request go")
	h.Run("dave", "request rust")
	inbox(h)

	h.Platform.Fail = bot.Errorf(bot.EUNAVAILABLE, "err.unavailable")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	h.Click("carol", "carol", bot.ActionProposalAccept)
	MustTick(t, h, 2*time.Minute) // the platform is still down: every retry fails
	MustInbox(t, h)
	h.Platform.Fail = nil
	h.Platform.Gone["dave"] = true // dave leaves before his news can reach him
	MustTick(t, h, 10*time.Minute)
	got := inbox(h)
	want := "alice: Bonne nouvelle : Bob accepte de vous accompagner sur « go ». Dernière étape : la charte du programme."
	if n := countLines(got, want); n != 1 {
		t.Fatalf("got alice's news %d times in:\n  %s\nwant once", n, strings.Join(got, "\n  "))
	}
	for _, line := range got {
		if strings.HasPrefix(line, "dave:") {
			t.Fatalf("got %q, want nothing sent to a member who left", line)
		}
	}
	h.Platform.Gone["dave"] = false
	MustTick(t, h, 24*time.Hour)
	for _, line := range inbox(h) {
		if strings.Contains(line, "Carol accepted") || line == want {
			t.Fatalf("got %q again, want each notice sent or dropped once", line)
		}
	}
}

func countLines(lines []string, want string) int {
	n := 0
	for _, l := range lines {
		if l == want {
			n++
		}
	}
	return n
}

// TestCharterAskedOncePerVersion: a member who accepted the current
// charter is not asked again for a new pair; a newcomer is.
func TestCharterAskedOncePerVersion(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "bob", "offer go capacity:2", "alice", "request go")
	inbox(h)
	h.Run("carol", "request go")
	h.Click("bob", "bob", bot.ActionProposalAccept)
	MustInbox(t, h,
		"bob: Mentoring request: go | Carol would like your help on “go”.",
		"carol: Good news: Bob agreed to mentor you on “go”. One last step: the program charter.",
		"carol: The mentoring charter | Before your pair on “go” becomes official, please read and accept the program's charter:")
	h.Click("carol", "carol", bot.ActionCharterAccept)
	MustInbox(t, h, "bob+carol: Introduction: go | Carol, meet Bob: your mentor on “go”, for flash mentoring (Meet & Share). You have both accepted the charter: welcome to the program!")
}

// TestNewMatchWaitsWithTheTruth: a mentee whose pair ended early asks for
// a new match on a topic whose only mentor is the one it ended with: the
// reply says the request waits and why, truthfully (not "already asked
// about this request": it is a new one), and so does /mentor status.
func TestNewMatchWaitsWithTheTruth(t *testing.T) {
	h := MustHarness(t)
	mustOfficial(h, "carol", "offer go capacity:2", "dan", "request go kind:one-to-one")
	MustTick(t, h, 90*day)
	endByLowRating(t, h, mustOnlyPair(t, h, "dan"), "dan")
	inbox(h)
	why := "The mentor for “go” is someone with whom a proposal or a pair of yours did not work out before, and I don't pair you with them again on my own. A manager can still pair you by hand."
	r := h.Click("dan", "dan", bot.ActionNewMatchYes)
	MustContain(t, r, why)
	MustContain(t, h.Run("dan", "status"), why)
	MustInbox(t, h) // carol is not proposed again
	// Counted once as a re-pairing that repeat avoidance prevented,
	// however often the request is looked at again.
	MustTick(t, h, 8*day)
	rep, err := h.Bot.Report(context.Background(), h.Tenant, h.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if n := rep.Week.RepeatAvoided + rep.Before.RepeatAvoided; n != 1 {
		t.Fatalf("got %d re-pairings prevented, want 1", n)
	}
}

// TestWaitNotSharedAcrossHistories: the explanation shared between alike
// requests on a topic whose mentors are all full is never one read for a
// mentee with a history: Ben, who never met Carol, is told she has no
// free slot, not what Dan, who ended a pair with her, was told.
func TestWaitNotSharedAcrossHistories(t *testing.T) {
	// On the Redis store, which versions a topic's offers: the in-memory
	// one shares no explanation at all.
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	h := bottest.New(t, storetest.MustOpen(t), tn, bot.Config{})
	mustOfficial(h, "carol", "offer go capacity:2", "dan", "request go kind:one-to-one")
	MustTick(t, h, 90*day)
	endByLowRating(t, h, mustOnlyPair(t, h, "dan"), "dan")
	h.Run("erin", "request go")
	h.Click("carol", "carol", bot.ActionProposalAccept) // carol: one pair in charter
	h.Run("fay", "request go")                          // and one open proposal: full
	MustContain(t, h.Click("dan", "dan", bot.ActionNewMatchYes), "did not work out before")
	MustContain(t, h.Run("ben", "request go kind:one-to-one"), "The mentor for “go” who could take it has no free slot right now.")
}

// TestExpiryNoOtherMentor: when the only mentor lets a proposal expire,
// the mentee gets one message, in their language, which says so and why
// the request now waits: no promise of a next mentor, no second notice
// in another order.
func TestExpiryNoOtherMentor(t *testing.T) {
	h := MustHarness(t)
	h.Run("bob", "offer go")
	h.Run("alice", "request go")
	h.Run("luc", "lang fr")
	h.Run("luc", "offer rust")
	h.Run("ann", "lang fr")
	h.Run("ann", "request rust")
	MustTick(t, h, 24*time.Hour)
	inbox(h) // the reminders
	MustTick(t, h, 24*time.Hour)
	got := map[string][]string{}
	for _, s := range h.Platform.Take() {
		got[s.To[0].User] = append(got[s.To[0].User], s.Message.Text)
	}
	want := map[string][]string{
		"alice": {"The mentor I asked about “go” couldn't answer in time. No other mentor can take your request right now: it stays in the queue, and I'll propose it as soon as one can.\n" +
			"The mentor for “go” has already been asked about this request. Only a new mentor of this topic can take it now; meanwhile a manager can pair you by hand, or you can ask on a nearby topic after `/mentor cancel`."},
		"ann": {"Le mentor sollicité pour «\u202frust\u202f» n'a pas pu répondre à temps. Aucun autre mentor ne peut prendre votre demande pour le moment\u202f: elle reste dans la file, et je la proposerai dès que l'un d'eux le pourra.\n" +
			"Le mentor de «\u202frust\u202f» a déjà été sollicité pour cette demande. Seul un nouveau mentor de ce sujet peut désormais la prendre\u202f; d'ici là, une personne responsable peut vous mettre en relation à la main, ou vous pouvez demander un sujet voisin après `/mentor annuler`."},
	}
	for _, who := range []string{"alice", "ann"} {
		if !slices.Equal(got[who], want[who]) {
			t.Errorf("%s got %q\nwant %q", who, got[who], want[who])
		}
	}
}
