package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// privacyTests are the contract of a member's data, its erasure and the
// retention. That an erased member is nowhere in the store at all is
// proven through the core (bot's TestForget), by a walk of everything the
// backend holds.
var privacyTests = []contractTest{
	{"MemberData", testMemberData},
	{"Erase", testErase},
	{"Prune", testPrune},
}

// mustOfficialPair is formPair (A mentors M) with both charters accepted
// at t0, M's "yes" to round 1 and M's rating of 4 in the mid survey.
func mustOfficialPair(t *testing.T, s bot.Store, tn bot.Tenant) bot.Pair {
	t.Helper()
	pair := formPair(t, s, tn)
	for _, m := range []bot.MemberID{pair.Mentee, pair.Mentor} {
		_, err := s.AcceptCharter(ctx(), tn, pair.ID, m, 1, t0, nil)
		MustOK(t, err)
	}
	_, err := s.RecordCheckin(ctx(), tn, pair.ID, "1", pair.Mentee, "yes", t0, nil)
	MustOK(t, err)
	MustOK(t, s.AnswerSurvey(ctx(), tn, bot.SurveyID(pair.ID+":mid"), pair.Mentee, "rating", "4", t0))
	return pair
}

func testMemberData(t *testing.T, s bot.Store, tn bot.Tenant) {
	if d, err := s.MemberData(ctx(), tn.Member("nobody")); err != nil || !d.Empty() {
		t.Fatalf("got %+v, %v for an unknown member, want nothing", d, err)
	}
	pair := mustOfficialPair(t, s, tn)
	MustOK(t, s.SaveMember(ctx(), bot.Member{ID: pair.Mentee, Name: "Mia"}))
	MustOK(t, s.RememberPair(ctx(), tn, "M", "A", bot.VerdictMet))
	MustOK(t, s.AddManager(ctx(), pair.Mentee))
	d, err := s.MemberData(ctx(), pair.Mentee)
	MustOK(t, err)
	if d.Member.Name != "Mia" || d.Member.CharterVersion != 1 || !d.Manager || d.Offer != nil {
		t.Errorf("got member %+v, manager %v, offer %v; want Mia, charter 1, a manager without an offer", d.Member, d.Manager, d.Offer)
	}
	if len(d.Requests) != 1 || d.Requests[0].ID != "r1" || len(d.Proposals) != 1 || d.Proposals[0].ID != "p1" ||
		len(d.Pairs) != 1 || d.Pairs[0].ID != pair.ID {
		t.Errorf("got requests %v, proposals %v, pairs %v; want r1, p1 and %s", d.Requests, d.Proposals, d.Pairs, pair.ID)
	}
	wantCheckins := []bot.CheckinAnswer{{Pair: pair.ID, Round: "1", Answer: "yes"}}
	wantSurveys := []bot.SurveyAnswer{{Survey: bot.SurveyID(pair.ID + ":mid"), Member: pair.Mentee, Question: "rating", Answer: "4", At: t0}}
	wantCharters := []bot.CharterAcceptance{{Pair: pair.ID, Version: 1, At: t0}}
	if !slices.Equal(d.Checkins, wantCheckins) || !slices.Equal(d.Surveys, wantSurveys) || !slices.Equal(d.Charters, wantCharters) {
		t.Errorf("got check-ins %v, surveys %v, charters %v; want %v, %v, %v", d.Checkins, d.Surveys, d.Charters, wantCheckins, wantSurveys, wantCharters)
	}
	if len(d.History) != 1 || d.History["A"] != bot.VerdictMet {
		t.Errorf("got history %v, want A met", d.History)
	}
	mentor, err := s.MemberData(ctx(), pair.Mentor)
	MustOK(t, err)
	if mentor.Offer == nil || mentor.Offer.Active != 1 || len(mentor.Proposals) != 1 || len(mentor.Checkins) != 0 || len(mentor.Surveys) != 0 {
		t.Errorf("got %+v, want the mentor's offer (1 active) and proposal, and none of the mentee's answers", mentor)
	}
}

// testErase: the erased mentee is gone from their own data and from the
// pair kept for the mentor, and from other members' records of them.
func testErase(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := mustOfficialPair(t, s, tn)
	MustOK(t, s.SaveMember(ctx(), bot.Member{ID: pair.Mentee, Name: "Mia"}))
	MustOK(t, s.RememberPair(ctx(), tn, "M", "A", bot.VerdictMet))
	MustOK(t, s.RememberPair(ctx(), tn, "N", "M", bot.VerdictNever))
	MustOK(t, s.AddManager(ctx(), pair.Mentee))
	MustOK(t, s.SaveDraft(ctx(), tn, "d1", "pair with Mia", time.Hour))
	MustOK(t, s.SaveDraft(ctx(), tn, "d2", "pair with Bob", time.Hour))
	MustOK(t, s.ScheduleJobs(ctx(), tn, false, bot.NewJob(t0, "test", "M"), bot.NewJob(t0, "test", "p1"), bot.NewJob(t0, "test", "other")))
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: pair.Mentee, Names: []string{"Mia"}, Requests: []string{"r1"}, Proposals: []string{"p1"}, Blank: []string{pair.ID}}))
	if d, err := s.MemberData(ctx(), pair.Mentee); err != nil || !d.Empty() {
		t.Fatalf("got %+v, %v after the erasure, want nothing", d, err)
	}
	kept, err := s.GetPair(ctx(), tn, pair.ID)
	MustOK(t, err)
	if kept.Mentee.User != "" || kept.Mentor != pair.Mentor || kept.State != bot.PairActive {
		t.Errorf("got pair %+v, want it kept for the mentor without the mentee", kept)
	}
	if answers, _ := s.CheckinAnswers(ctx(), tn, pair.ID); len(answers["1"]) != 0 {
		t.Errorf("got check-in answers %v, want the mentee's gone", answers)
	}
	if h, _ := s.Histories(ctx(), tn, []string{"M", "N"}); len(h) != 0 {
		t.Errorf("got histories %v, want none naming M", h)
	}
	if ok, _ := s.IsManager(ctx(), pair.Mentee); ok {
		t.Error("got the erased member still a manager")
	}
	if _, err := s.Draft(ctx(), tn, "d1"); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got %v for a draft naming Mia, want ENOTFOUND", err)
	}
	if v, _ := s.Draft(ctx(), tn, "d2"); v != "pair with Bob" {
		t.Errorf("got %q, want the other draft kept", v)
	}
	jobs, _ := s.ClaimJobs(ctx(), tn, t0, time.Minute, 10)
	if len(jobs) != 1 || jobs[0].ID != "test:other" {
		t.Errorf("got jobs %v, want only test:other: the member's and the erased proposal's gone", jobs)
	}
	if users, _ := s.MembersWithRecord(ctx(), tn); !slices.Equal(users, []string{"A"}) {
		t.Errorf("got members with a record %v, want [A]", users)
	}
}

// testPrune: a pair closed before the cut goes with its request,
// proposal, answers and jobs, and a request cancelled before the cut;
// what is younger or open stays.
func testPrune(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := mustOfficialPair(t, s, tn)
	_, err := s.EndPair(ctx(), tn, pair.ID, bot.PairCompleted, "", t0)
	MustOK(t, err)
	mustRequest(t, s, tn, "N", "r2")
	_, err = s.CancelRequest(ctx(), tn.Member("N"), "")
	MustOK(t, err)
	mustRequest(t, s, tn, "W", "r3")
	MustOK(t, s.AnswerSurvey(ctx(), tn, "other:mid", tn.Member("W"), "rating", "3", t0.Add(48*time.Hour)))
	MustOK(t, s.ScheduleJobs(ctx(), tn, false, bot.NewJob(t0, "test", pair.ID), bot.NewJob(t0, "test", "r3")))
	cut := t0.Add(24 * time.Hour)
	got, err := s.Prune(ctx(), tn, cut)
	MustOK(t, err)
	if got != (bot.Pruned{Pairs: 1, Requests: 1}) {
		t.Fatalf("got %+v, want 1 pair and 1 request pruned", got)
	}
	_, err = s.GetPair(ctx(), tn, pair.ID)
	MustCode(t, err, bot.ENOTFOUND)
	for _, id := range []string{"r1", "r2"} {
		_, err = s.GetRequest(ctx(), tn, id)
		MustCode(t, err, bot.ENOTFOUND)
	}
	_, err = s.GetProposal(ctx(), tn, "p1")
	MustCode(t, err, bot.ENOTFOUND)
	if r, err := s.GetRequest(ctx(), tn, "r3"); err != nil || r.State != bot.RequestWaiting {
		t.Errorf("got %+v, %v, want the waiting request kept", r, err)
	}
	if pairs, _ := s.PairsOf(ctx(), pair.Mentor); len(pairs) != 0 {
		t.Errorf("got pairs %v, want none left", pairs)
	}
	if a, _ := s.Survey(ctx(), tn, bot.SurveyID(pair.ID+":mid"), pair.Mentee); len(a) != 0 {
		t.Errorf("got the pruned pair's survey %v, want it gone", a)
	}
	if a, _ := s.Survey(ctx(), tn, "other:mid", tn.Member("W")); a["rating"] != "3" {
		t.Errorf("got %v, want the younger survey kept", a)
	}
	if d, _ := s.MemberData(ctx(), pair.Mentee); len(d.Charters) != 0 || len(d.Checkins) != 0 {
		t.Errorf("got charters %v and check-ins %v, want the pruned pair's gone", d.Charters, d.Checkins)
	}
	jobs, _ := s.ClaimJobs(ctx(), tn, t0, time.Minute, 10)
	if len(jobs) != 1 || jobs[0].ID != "test:r3" {
		t.Errorf("got jobs %v, want only test:r3", jobs)
	}
	if again, _ := s.Prune(ctx(), tn, cut); again != (bot.Pruned{}) {
		t.Errorf("got %+v pruned again, want nothing", again)
	}
}
