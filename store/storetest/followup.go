package storetest

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// followupTests are the contract of jobs, deliveries, check-ins, surveys
// and settings.
var followupTests = []contractTest{
	{"JobsScheduleOnce", testJobsScheduleOnce},
	{"JobsLease", testJobsLease},
	{"JobsWithTransitions", testJobsWithTransitions},
	{"MarkSent", testMarkSent},
	{"FirstSeen", testFirstSeen},
	{"Inbox", testInbox},
	{"InboxRekeptJob", testInboxRekeptJob},
	{"InboxErased", testInboxErased},
	{"InboxHandledNamesNoOne", testInboxHandledNamesNoOne},
	{"Notices", testNotices},
	{"ExpireProposal", testExpireProposal},
	{"CheckinAndEnd", testCheckinAndEnd},
	{"CheckinSchedulesJobs", testCheckinSchedulesJobs},
	{"CheckinAnswers", testCheckinAnswers},
	{"CheckinNotYetAtOnce", testCheckinNotYetAtOnce},
	{"Overview", testOverview},
	{"Survey", testSurvey},
	{"SettingsAndLock", testSettingsAndLock},
}

func testJobsScheduleOnce(t *testing.T, s bot.Store, tn bot.Tenant) {
	MustOK(t, s.ScheduleJobs(ctx(), tn, false, bot.NewJob(t0.Add(time.Hour), "test", "a")))
	MustOK(t, s.ScheduleJobs(ctx(), tn, false, bot.NewJob(t0, "test", "a"))) // no-op: keeps its time
	jobs, err := s.ClaimJobs(ctx(), tn, t0.Add(time.Minute), time.Minute, 10)
	MustOK(t, err)
	if len(jobs) != 0 {
		t.Fatalf("got %v, want nothing due: scheduling twice must keep the first time", jobs)
	}
	MustOK(t, s.ScheduleJobs(ctx(), tn, true, bot.NewJob(t0, "test", "a"))) // earlier wins
	jobs, _ = s.ClaimJobs(ctx(), tn, t0.Add(time.Minute), time.Minute, 10)
	if len(jobs) != 1 || jobs[0].ID != "test:a" || !jobs[0].Due.Equal(t0) {
		t.Fatalf("got %v, want test:a moved earlier, due at %s", jobs, t0)
	}
	tenants, err := s.Tenants(ctx())
	MustOK(t, err)
	found := false
	for _, x := range tenants {
		found = found || x == tn
	}
	if !found {
		t.Fatalf("got tenants %v, want %v among them", tenants, tn)
	}
}

func testJobsLease(t *testing.T, s bot.Store, tn bot.Tenant) {
	for _, id := range []string{"a", "b", "c"} {
		MustOK(t, s.ScheduleJobs(ctx(), tn, false, bot.NewJob(t0, "test", id)))
	}
	first, err := s.ClaimJobs(ctx(), tn, t0, time.Minute, 2)
	MustOK(t, err)
	second, _ := s.ClaimJobs(ctx(), tn, t0, time.Minute, 10)
	if len(first) != 2 || len(second) != 1 {
		t.Fatalf("got claims of %d and %d, want 2 then the 1 left", len(first), len(second))
	}
	MustOK(t, s.FinishJob(ctx(), tn, first[0]))
	// first[1]'s replica dies: after the lease another claims it; the late
	// finish of the dead replica must not remove the new claim.
	again, _ := s.ClaimJobs(ctx(), tn, t0.Add(2*time.Minute), time.Minute, 10)
	if len(again) != 2 {
		t.Fatalf("got %v, want the 2 unfinished jobs back after their lease", again)
	}
	MustOK(t, s.FinishJob(ctx(), tn, first[1]))
	MustOK(t, s.RetryJob(ctx(), tn, again[0], t0.Add(time.Hour)))
	MustOK(t, s.FinishJob(ctx(), tn, again[1]))
	left, _ := s.ClaimJobs(ctx(), tn, t0.Add(2*time.Hour), time.Minute, 10)
	if len(left) != 1 || left[0].ID != again[0].ID {
		t.Fatalf("got %v, want only the retried job %s", left, again[0].ID)
	}
}

func testJobsWithTransitions(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 1)
	r := bot.Request{ID: "r1", Mentee: tn.Member("M"), Topic: "go", State: bot.RequestWaiting, Created: t0}
	MustOK(t, s.CreateRequest(ctx(), r, []bot.Job{bot.NewJob(t0, "escalate", "r1")}))
	MustCode(t, s.CreateRequest(ctx(), bot.Request{ID: "r2", Mentee: r.Mentee, State: bot.RequestWaiting, Created: t0}, []bot.Job{bot.NewJob(t0, "escalate", "r2")}), bot.ECONFLICT)
	p := bot.Proposal{ID: "p1", Request: "r1", Mentor: mentor, Mentee: r.Mentee, State: bot.ProposalPending, Created: t0}
	MustOK(t, s.Propose(ctx(), p, []bot.Job{bot.NewJob(t0, "pexpire", "p1")}))
	pair, err := s.AcceptProposal(ctx(), tn, "p1", mentor, bot.Pair{ID: "x", Created: t0}, []bot.Job{bot.NewJob(t0, "cexpire", "x")})
	MustOK(t, err)
	official := func(p bot.Pair) []bot.Job { return []bot.Job{bot.NewJob(t0, "checkin", p.ID, "1")} }
	_, err = s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentor, 1, t0, official)
	MustOK(t, err)
	_, err = s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentee, 1, t0, official)
	MustOK(t, err)
	jobs, _ := s.ClaimJobs(ctx(), tn, t0, time.Minute, 10)
	got := map[string]bool{}
	for _, j := range jobs {
		got[j.ID] = true
	}
	for _, want := range []string{"escalate:r1", "pexpire:p1", "cexpire:x", "checkin:x:1"} {
		if !got[want] {
			t.Errorf("got jobs %v, want %s", got, want)
		}
	}
	if len(got) != 4 {
		t.Fatalf("got %d jobs %v, want exactly 4 (none from the refused request)", len(got), got)
	}
}

func testFirstSeen(t *testing.T, s bot.Store, tn bot.Tenant) {
	for i, want := range []bool{true, false, false} {
		got, err := s.FirstSeen(ctx(), tn, "in:cmd:trigger-1", time.Minute)
		MustOK(t, err)
		if got != want {
			t.Fatalf("call %d: got first %v, want %v", i+1, got, want)
		}
	}
	if got, _ := s.FirstSeen(ctx(), tn, "in:cmd:trigger-2", time.Minute); !got {
		t.Fatalf("got another key seen, want it first")
	}
}

// testInbox: a delivery is received once, with its data and its job; a
// replay writes nothing; once handled, both are gone, and so is its
// member's index: no key or value names them.
func testInbox(t *testing.T, s bot.Store, tn bot.Tenant) {
	due := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	user := uniqueUser(t)
	job := bot.Job{ID: bot.InboundJobID("i1", user), Due: due}
	fresh, err := s.Receive(ctx(), tn, "in:act:trigger-1", "i1", user, []byte("click"), job, time.Minute, time.Hour)
	MustOK(t, err)
	if !fresh {
		t.Fatal("got the first delivery seen, want it fresh")
	}
	fresh, err = s.Receive(ctx(), tn, "in:act:trigger-1", "i2", user, []byte("replay"), bot.Job{ID: bot.InboundJobID("i2", user), Due: due}, time.Minute, time.Hour)
	MustOK(t, err)
	if fresh {
		t.Fatal("got the replay fresh, want it refused")
	}
	if data, err := s.Inbound(ctx(), tn, "i1"); err != nil || string(data) != "click" {
		t.Fatalf("got %q, %v, want the click", data, err)
	}
	_, err = s.Inbound(ctx(), tn, "i2")
	MustCode(t, err, bot.ENOTFOUND)
	// Its data replaced in place (a handled click's reply kept in its
	// stead): read back, the job still there.
	kept, err := s.Rekeep(ctx(), tn, "i1", []byte("reply"))
	MustOK(t, err)
	if data, err := s.Inbound(ctx(), tn, "i1"); !kept || err != nil || string(data) != "reply" {
		t.Fatalf("got %v, %q, %v, want the reply kept in place", kept, data, err)
	}
	MustOK(t, s.Handled(ctx(), tn, "i1", user))
	_, err = s.Inbound(ctx(), tn, "i1")
	MustCode(t, err, bot.ENOTFOUND)
	if jobs, _ := s.ClaimJobs(ctx(), tn, due, time.Minute, 10); len(jobs) != 0 {
		t.Fatalf("got jobs %v, want none once handled", jobs)
	}
	if hits := Mentions(t, s, user); len(hits) != 0 {
		t.Fatalf("got the member still named once their delivery is handled:\n  %s", strings.Join(hits, "\n  "))
	}
	// Nothing to replace once handled: nothing written.
	kept, err = s.Rekeep(ctx(), tn, "i1", []byte("late"))
	MustOK(t, err)
	if kept {
		t.Fatal("got a handled delivery rekept, want false")
	}
	_, err = s.Inbound(ctx(), tn, "i1")
	MustCode(t, err, bot.ENOTFOUND)
}

// testInboxHandledNamesNoOne: a member's index of deliveries kept loses
// each one handled, and goes with the last: a newcomer's /mentor help, or
// a click after their erasure, leaves no key that names them (it stayed
// for its TTL, an hour). While one is left, erasure still finds it. A
// delivery handled without its member (a job of an older version) leaves
// the index to its TTL, and the data and job go all the same.
func testInboxHandledNamesNoOne(t *testing.T, s bot.Store, tn bot.Tenant) {
	due := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	user := uniqueUser(t)
	for _, id := range []string{"h1", "h2", "h3"} {
		fresh, err := s.Receive(ctx(), tn, "in:cmd:"+id, id, user, []byte("help"), bot.Job{ID: bot.InboundJobID(id, user), Due: due}, time.Minute, time.Hour)
		MustOK(t, err)
		if !fresh {
			t.Fatalf("got %s seen, want it fresh", id)
		}
	}
	MustOK(t, s.Handled(ctx(), tn, "h1", user))
	// h2 is erased with the member: the index still holds it.
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: tn.Member(user)}))
	_, err := s.Inbound(ctx(), tn, "h2")
	MustCode(t, err, bot.ENOTFOUND)
	if hits := Mentions(t, s, user); len(hits) != 0 {
		t.Fatalf("got the member still named after their erasure:\n  %s", strings.Join(hits, "\n  "))
	}
	// A click after the erasure ("erase my data" again), handled.
	_, err = s.Receive(ctx(), tn, "in:act:again", "h4", user, []byte("again"), bot.Job{ID: bot.InboundJobID("h4", user), Due: due}, time.Minute, time.Hour)
	MustOK(t, err)
	MustOK(t, s.Handled(ctx(), tn, "h4", user))
	if hits := Mentions(t, s, user); len(hits) != 0 {
		t.Fatalf("got the member named by a delivery handled after their erasure:\n  %s", strings.Join(hits, "\n  "))
	}
	// An older job, without its member: its data and job go.
	_, err = s.Receive(ctx(), tn, "in:cmd:old", "h5", user, []byte("old"), bot.NewJob(due, bot.JobInbound, "h5"), time.Minute, time.Hour)
	MustOK(t, err)
	MustOK(t, s.Handled(ctx(), tn, "h5", ""))
	_, err = s.Inbound(ctx(), tn, "h5")
	MustCode(t, err, bot.ENOTFOUND)
	if jobs, _ := s.ClaimJobs(ctx(), tn, due, time.Minute, 10); len(jobs) != 0 {
		t.Fatalf("got jobs %v, want none once handled", jobs)
	}
}

// uniqueUser returns a user ID that no other test, on a shared Redis,
// writes: Mentions scans every key.
func uniqueUser(tb testing.TB) string {
	return "U" + strings.ToUpper(Tenant(tb, "x").Workspace)
}

// testInboxRekeptJob: a delivery whose data was replaced is still handed
// back when its lease runs out: its job stays.
func testInboxRekeptJob(t *testing.T, s bot.Store, tn bot.Tenant) {
	due := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	_, err := s.Receive(ctx(), tn, "in:act:trigger-9", "i9", "U1", []byte("click"), bot.NewJob(due, bot.JobInbound, "i9"), time.Minute, time.Hour)
	MustOK(t, err)
	kept, err := s.Rekeep(ctx(), tn, "i9", []byte("reply"))
	MustOK(t, err)
	jobs, err := s.ClaimJobs(ctx(), tn, due, time.Minute, 10)
	MustOK(t, err)
	if !kept || len(jobs) != 1 || jobs[0].ID != bot.JobInbound+":i9" {
		t.Fatalf("got kept %v and jobs %v, want the delivery's job due", kept, jobs)
	}
}

// testInboxErased: erasing a member deletes their deliveries kept and not
// yet handled, and the jobs that would hand them to a replica again (their
// record would come back after they were told it was erased); another
// member's, and a delivery of no member, stay. Jobs name their member
// (bot.InboundJobID), or, from an older version, do not.
func testInboxErased(t *testing.T, s bot.Store, tn bot.Tenant) {
	due := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for _, d := range []struct{ key, id, user string }{
		{"in:cmd:1", "e1", "UZED"}, {"in:cmd:2", "e2", "UZED"}, {"in:cmd:3", "e3", "UKEEP"}, {"in:cmd:4", "e4", ""},
	} {
		job := bot.Job{ID: bot.InboundJobID(d.id, d.user), Due: due}
		if d.id == "e2" {
			job = bot.NewJob(due, bot.JobInbound, d.id) // an older version's
		}
		fresh, err := s.Receive(ctx(), tn, d.key, d.id, d.user, []byte("offer go"), job, time.Minute, time.Hour)
		MustOK(t, err)
		if !fresh {
			t.Fatalf("got %s seen, want it fresh", d.key)
		}
	}
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: tn.Member("UZED")}))
	for _, id := range []string{"e1", "e2"} {
		_, err := s.Inbound(ctx(), tn, id)
		MustCode(t, err, bot.ENOTFOUND)
	}
	for _, id := range []string{"e3", "e4"} {
		if _, err := s.Inbound(ctx(), tn, id); err != nil {
			t.Fatalf("got %v for %s, want another member's delivery kept", err, id)
		}
	}
	jobs, err := s.ClaimJobs(ctx(), tn, due, time.Minute, 10)
	MustOK(t, err)
	var ids []string
	for _, j := range jobs {
		ids = append(ids, j.ID)
	}
	slices.Sort(ids)
	if want := []string{bot.InboundJobID("e3", "UKEEP"), bot.InboundJobID("e4", "")}; !slices.Equal(ids, want) {
		t.Fatalf("got jobs %v, want %v: the erased member's redeliveries gone", ids, want)
	}
}

// testMarkSent: a delivery mark is free, then pending, free again once
// unmarked, done once confirmed; a pending mark whose ttl ran out (its
// holder died mid-send) is taken over and reported "retry", in real time
// (a Redis TTL).
func testMarkSent(t *testing.T, s bot.Store, tn bot.Tenant) {
	MustOK(t, firstErr(s.MarkSent(ctx(), tn, "short", 50*time.Millisecond)))
	time.Sleep(60 * time.Millisecond)
	if prev, _ := s.MarkSent(ctx(), tn, "short", time.Minute); prev != "retry" {
		t.Fatalf("got %q for a pending mark past its ttl, want retry", prev)
	}
	if prev, _ := s.MarkSent(ctx(), tn, "short", time.Minute); prev != "pending" {
		t.Fatalf("got %q once taken over, want pending", prev)
	}
	prev, err := s.MarkSent(ctx(), tn, "k", time.Minute)
	MustOK(t, err)
	if prev != "" {
		t.Fatalf("got %q, want a free mark", prev)
	}
	if prev, _ = s.MarkSent(ctx(), tn, "k", time.Minute); prev != "pending" {
		t.Fatalf("got %q, want pending", prev)
	}
	MustOK(t, s.UnmarkSent(ctx(), tn, "k"))
	if prev, _ = s.MarkSent(ctx(), tn, "k", time.Minute); prev != "" {
		t.Fatalf("got %q after an unmark, want a free mark", prev)
	}
	MustOK(t, s.ConfirmSent(ctx(), tn, "k", "done", time.Hour))
	if prev, _ = s.MarkSent(ctx(), tn, "k", time.Minute); prev != "done" {
		t.Fatalf("got %q, want done", prev)
	}
}

func firstErr(_ string, err error) error { return err }

// testNotices: a kept notice and its job are saved together; the job is
// due when asked, the notice reads back whole, and is gone once deleted.
func testNotices(t *testing.T, s bot.Store, tn bot.Tenant) {
	n := bot.Notice{ID: "n1", To: tn.Member("U1"), Message: bot.Message{
		Title: "T", Text: "Bob accepted", Fields: []bot.Field{{Label: "Topic", Value: "go"}},
		Mentions: []bot.MemberID{tn.Member("U2")},
	}}
	MustOK(t, s.SaveNotice(ctx(), n, bot.NewJob(t0.Add(time.Minute), bot.JobNotice, "n1"), time.Hour))
	if jobs, _ := s.ClaimJobs(ctx(), tn, t0, time.Minute, 10); len(jobs) != 0 {
		t.Fatalf("got %v claimed before the notice's time, want none", jobs)
	}
	jobs, err := s.ClaimJobs(ctx(), tn, t0.Add(time.Minute), time.Minute, 10)
	MustOK(t, err)
	if len(jobs) != 1 || jobs[0].ID != "notice:n1" {
		t.Fatalf("got jobs %v, want notice:n1", jobs)
	}
	got, err := s.GetNotice(ctx(), tn, "n1")
	MustOK(t, err)
	if !reflect.DeepEqual(got, n) {
		t.Fatalf("got notice %+v, want %+v", got, n)
	}
	MustOK(t, s.DeleteNotice(ctx(), tn, "n1"))
	_, err = s.GetNotice(ctx(), tn, "n1")
	MustCode(t, err, bot.ENOTFOUND)
	tenants, err := s.Tenants(ctx())
	MustOK(t, err)
	if !slices.Contains(tenants, tn) {
		t.Fatalf("got tenants %v, want %v among them, for its job to run", tenants, tn)
	}
}

func testExpireProposal(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 1)
	r := mustRequest(t, s, tn, "M", "r1")
	p := mustPropose(t, s, r, mentor, "p1")
	due := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	outbox := func(id string) bot.Outbox {
		return bot.Outbox{
			Notices: []bot.Notice{{ID: id, To: tn.Member("M"), Message: bot.Message{Text: "expired " + id}}},
			Jobs:    []bot.Job{bot.NewJob(due, bot.JobNotice, id), bot.NewJob(due, bot.JobRequeue, r.ID, "A")},
			TTL:     time.Hour,
		}
	}
	got, err := s.ExpireProposal(ctx(), tn, p.ID, outbox("n1"))
	MustOK(t, err)
	if got.State != bot.ProposalExpired {
		t.Fatalf("got %s, want expired", got.State)
	}
	_, err = s.ExpireProposal(ctx(), tn, p.ID, outbox("n2"))
	MustCode(t, err, bot.ESTALE)
	// The outbox was written with the expiry, and only then.
	if n, err := s.GetNotice(ctx(), tn, "n1"); err != nil || n.Message.Text != "expired n1" {
		t.Fatalf("got notice %+v, %v, want the outbox's", n, err)
	}
	_, err = s.GetNotice(ctx(), tn, "n2")
	MustCode(t, err, bot.ENOTFOUND)
	jobs, err := s.ClaimJobs(ctx(), tn, due, time.Minute, 10)
	MustOK(t, err)
	var ids []string
	for _, j := range jobs {
		ids = append(ids, j.ID)
	}
	if want := "notice:n1 requeue:r1:A"; strings.Join(ids, " ") != want {
		t.Fatalf("got due jobs %v, want %s", ids, want)
	}
	req, _ := s.GetRequest(ctx(), tn, r.ID)
	if req.State != bot.RequestWaiting || len(req.Declined) != 1 {
		t.Fatalf("got %+v, want waiting without the silent mentor", req)
	}
}

// stallAt2 is a rule given to RecordCheckin: the store writes the
// Stalled it decides (the core's rule is bot.Stalled).
func stallAt2(p bot.Pair) (bot.Pair, []bot.Job) {
	p.Stalled = p.NotYet >= 2
	return p, nil
}

func testCheckinAndEnd(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := formPair(t, s, tn)
	s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentor, 1, t0, nil)
	s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentee, 1, t0, nil)
	_, err := s.RecordCheckin(ctx(), tn, pair.ID, "1", tn.Member("intruder"), "yes", t0, stallAt2)
	MustCode(t, err, bot.EFORBIDDEN)
	p, err := s.RecordCheckin(ctx(), tn, pair.ID, "1", pair.Mentor, "notyet", t0, stallAt2)
	MustOK(t, err)
	p, _ = s.RecordCheckin(ctx(), tn, pair.ID, "1", pair.Mentee, "notyet", t0, stallAt2)
	if p.NotYet != 1 || p.Stalled {
		t.Fatalf("got %d not-yets, stalled %v; want 1 for the round, not stalled", p.NotYet, p.Stalled)
	}
	_, err = s.RecordCheckin(ctx(), tn, pair.ID, "1", pair.Mentor, "yes", t0, stallAt2)
	MustCode(t, err, bot.ESTALE)
	p, _ = s.RecordCheckin(ctx(), tn, pair.ID, "1r", pair.Mentee, "notyet", t0, stallAt2)
	if p.NotYet != 2 || !p.Stalled {
		t.Fatalf("got %d not-yets, stalled %v; want stalled as the rule says, after 2", p.NotYet, p.Stalled)
	}
	met := t0.Add(time.Hour)
	// The rule no longer says stalled: a stalled pair stays flagged.
	p, _ = s.RecordCheckin(ctx(), tn, pair.ID, "2", pair.Mentee, "yes", met, func(p bot.Pair) (bot.Pair, []bot.Job) {
		p.Stalled = false
		return p, nil
	})
	if !p.Met.Equal(met) {
		t.Fatalf("got met %v, want %v", p.Met, met)
	}
	ended, err := s.EndPair(ctx(), tn, pair.ID, bot.PairCompleted, "end", met)
	MustOK(t, err)
	if ended.State != bot.PairCompleted {
		t.Fatalf("got %s, want completed", ended.State)
	}
	_, err = s.EndPair(ctx(), tn, pair.ID, bot.PairCancelled, "x", met)
	MustCode(t, err, bot.ESTALE)
	if o, _ := s.GetOffer(ctx(), pair.Mentor); o.Active != 0 {
		t.Fatalf("got active %d, want the slot freed", o.Active)
	}
	stored, _ := s.GetPair(ctx(), tn, pair.ID)
	if stored.State != bot.PairCompleted || !stored.Met.Equal(met) || !stored.Stalled || stored.EndReason != "end" {
		t.Fatalf("got %+v, want completed, met, stalled, reason end", stored)
	}
}

func testSurvey(t *testing.T, s bot.Store, tn bot.Tenant) {
	id, m := bot.SurveyID("pair1:mid"), tn.Member("M")
	MustOK(t, s.AnswerSurvey(ctx(), tn, id, m, "rating", "4", t0))
	MustCode(t, s.AnswerSurvey(ctx(), tn, id, m, "rating", "1", t0), bot.ESTALE)
	MustOK(t, s.AnswerSurvey(ctx(), tn, id, m, "answered", "yes", t0))
	got, err := s.Survey(ctx(), tn, id, m)
	MustOK(t, err)
	if got["rating"] != "4" || got["answered"] != "yes" {
		t.Fatalf("got %v, want the first answers kept", got)
	}
}

func testSettingsAndLock(t *testing.T, s bot.Store, tn bot.Tenant) {
	MustOK(t, s.SetSetting(ctx(), tn, "checkin-after", "5d"))
	got, err := s.Settings(ctx(), tn)
	MustOK(t, err)
	if got["checkin-after"] != "5d" {
		t.Fatalf("got %v, want checkin-after 5d", got)
	}
	name := "test-" + tn.Workspace
	ok, err := s.TryLock(ctx(), name, time.Minute)
	MustOK(t, err)
	again, _ := s.TryLock(ctx(), name, time.Minute)
	if !ok || again {
		t.Fatalf("got %v then %v, want the lock once", ok, again)
	}
}

// testCheckinSchedulesJobs: the jobs implied by an answer are scheduled in
// the same step, and not at all when the answer is refused.
func testCheckinSchedulesJobs(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := formPair(t, s, tn)
	s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentor, 1, t0, nil)
	s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentee, 1, t0, nil)
	then := func(p bot.Pair) (bot.Pair, []bot.Job) {
		return p, []bot.Job{bot.NewJob(t0, "test", p.ID, p.Met.Format("15:04"))}
	}
	_, err := s.RecordCheckin(ctx(), tn, pair.ID, "1", pair.Mentee, "yes", t0.Add(time.Hour), then)
	MustOK(t, err)
	_, err = s.RecordCheckin(ctx(), tn, pair.ID, "1", pair.Mentee, "yes", t0, func(p bot.Pair) (bot.Pair, []bot.Job) {
		return p, []bot.Job{bot.NewJob(t0, "test", "refused")}
	})
	MustCode(t, err, bot.ESTALE)
	jobs, _ := s.ClaimJobs(ctx(), tn, t0, time.Minute, 10)
	if len(jobs) != 1 || jobs[0].ID != "test:"+pair.ID+":10:00" {
		t.Fatalf("got %v, want only the job of the accepted answer, built from the updated pair", jobs)
	}
}

// testCheckinAnswers: each member's answer to each round, as recorded,
// and nothing else (not the mark of a round's counted "not yet").
func testCheckinAnswers(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := formPair(t, s, tn)
	s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentor, 1, t0, nil)
	s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentee, 1, t0, nil)
	got, err := s.CheckinAnswers(ctx(), tn, pair.ID)
	MustOK(t, err)
	if len(got) != 0 {
		t.Fatalf("got %v, want no answers yet", got)
	}
	s.RecordCheckin(ctx(), tn, pair.ID, "1", pair.Mentor, "yes", t0, nil)
	s.RecordCheckin(ctx(), tn, pair.ID, "1", pair.Mentee, "notyet", t0, nil)
	s.RecordCheckin(ctx(), tn, pair.ID, "1r", pair.Mentee, "notyet", t0, nil)
	got, err = s.CheckinAnswers(ctx(), tn, pair.ID)
	MustOK(t, err)
	want := map[string]map[string]string{
		"1":  {pair.Mentor.User: "yes", pair.Mentee.User: "notyet"},
		"1r": {pair.Mentee.User: "notyet"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// testCheckinNotYetAtOnce: both members answering "not yet" to the same
// rounds at once count one "not yet" per round, and each answer is
// recorded as given.
func testCheckinNotYetAtOnce(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := formPair(t, s, tn)
	s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentor, 1, t0, nil)
	s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentee, 1, t0, nil)
	const rounds = 8
	for i := range rounds {
		var wg sync.WaitGroup
		for _, by := range []bot.MemberID{pair.Mentor, pair.Mentee} {
			wg.Go(func() {
				_, err := s.RecordCheckin(ctx(), tn, pair.ID, strconv.Itoa(i), by, "notyet", t0, nil)
				MustOK(t, err)
			})
		}
		wg.Wait()
	}
	p, err := s.GetPair(ctx(), tn, pair.ID)
	MustOK(t, err)
	if p.NotYet != rounds {
		t.Errorf("got %d not-yets, want %d: one per round", p.NotYet, rounds)
	}
	got, err := s.CheckinAnswers(ctx(), tn, pair.ID)
	MustOK(t, err)
	for i := range rounds {
		round := got[strconv.Itoa(i)]
		if len(round) != 2 || round[pair.Mentor.User] != "notyet" || round[pair.Mentee.User] != "notyet" {
			t.Errorf("got round %d answers %v, want both \"notyet\"", i, round)
		}
	}
}

// testOverview: what /mentor status shows, for a newcomer and for a member
// who mentors, asks and is paired.
func testOverview(t *testing.T, s bot.Store, tn bot.Tenant) {
	ov, err := s.Overview(ctx(), tn.Member("nobody"))
	MustOK(t, err)
	if ov.Offer != nil || ov.Request != nil || len(ov.Pairs) != 0 {
		t.Fatalf("got %+v, want nothing for a newcomer", ov)
	}
	pair := formPair(t, s, tn) // A mentors M
	MustOK(t, s.SaveMember(ctx(), bot.Member{ID: pair.Mentee, Name: "Mia"}))
	MustOK(t, s.CreateRequest(ctx(), bot.Request{ID: "r9", Mentee: pair.Mentor, Topic: "rust", State: bot.RequestWaiting, Created: t0}, nil))
	ov, err = s.Overview(ctx(), pair.Mentor)
	MustOK(t, err)
	if ov.Offer == nil || ov.Offer.Active != 1 || ov.Request == nil || ov.Request.Topic != "rust" ||
		len(ov.Pairs) != 1 || ov.Pairs[0].ID != pair.ID || ov.Names["M"] != "Mia" {
		t.Fatalf("got %+v, want A's offer (1 active), request on rust, the pair with Mia", ov)
	}
}
