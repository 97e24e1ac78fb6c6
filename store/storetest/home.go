package storetest

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// homeTests are the contract of bot.HomeStore: who opened their home,
// and when a pair's jobs are due.
var homeTests = []contractTest{
	{"HomeOpened", testHomeOpened},
	{"JobsDue", testJobsDue},
}

func testHomeOpened(t *testing.T, s bot.Store, tn bot.Tenant) {
	ann, bob := tn.Member("ann"), tn.Member("bob")
	if ok, err := s.HasOpenedHome(ctx(), ann); err != nil || ok {
		t.Fatalf("got %v, %v before any opening, want false", ok, err)
	}
	MustOK(t, s.OpenedHome(ctx(), ann))
	MustOK(t, s.OpenedHome(ctx(), ann)) // twice: the same
	if ok, err := s.HasOpenedHome(ctx(), ann); err != nil || !ok {
		t.Fatalf("got %v, %v after opening, want true", ok, err)
	}
	if ok, err := s.HasOpenedHome(ctx(), bob); err != nil || ok {
		t.Fatalf("got %v, %v for another member, want false", ok, err)
	}
	other := Tenant(t, "other").Member("ann")
	if ok, err := s.HasOpenedHome(ctx(), other); err != nil || ok {
		t.Fatalf("got %v, %v in another workspace, want false", ok, err)
	}
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: ann}))
	if ok, err := s.HasOpenedHome(ctx(), ann); err != nil || ok {
		t.Fatalf("got %v, %v after erasure, want false", ok, err)
	}
}

func testJobsDue(t *testing.T, s bot.Store, tn bot.Tenant) {
	if due, err := s.JobsDue(ctx(), tn, nil); err != nil || len(due) != 0 {
		t.Fatalf("got %v, %v for no IDs, want none", due, err)
	}
	a := bot.NewJob(t0.Add(72*time.Hour), bot.JobCheckin, "p1", "1")
	b := bot.NewJob(t0.Add(96*time.Hour), bot.JobCheckinRemind, "p1", "1")
	MustOK(t, s.ScheduleJobs(ctx(), tn, false, a, b))
	due, err := s.JobsDue(ctx(), tn, []string{a.ID, b.ID, "checkin:p1:2"})
	MustOK(t, err)
	if len(due) != 2 || !due[a.ID].Equal(a.Due) || !due[b.ID].Equal(b.Due) {
		t.Fatalf("got %v, want %s at %v and %s at %v", due, a.ID, a.Due, b.ID, b.Due)
	}
	// A claimed job is due at the end of its lease; a finished one is gone.
	jobs, err := s.ClaimJobs(ctx(), tn, a.Due, time.Minute, 1)
	MustOK(t, err)
	if len(jobs) != 1 || jobs[0].ID != a.ID {
		t.Fatalf("claimed %v, want %s", jobs, a.ID)
	}
	if due, _ := s.JobsDue(ctx(), tn, []string{a.ID}); !due[a.ID].Equal(a.Due.Add(time.Minute)) {
		t.Fatalf("got %v for a claimed job, want its lease end %v", due, a.Due.Add(time.Minute))
	}
	MustOK(t, s.FinishJob(ctx(), tn, jobs[0]))
	if due, _ := s.JobsDue(ctx(), tn, []string{a.ID, b.ID}); len(due) != 1 || !due[b.ID].Equal(b.Due) {
		t.Fatalf("got %v after finishing %s, want only %s", due, a.ID, b.ID)
	}
	if due, _ := s.JobsDue(ctx(), Tenant(t, "other"), []string{b.ID}); len(due) != 0 {
		t.Fatalf("got %v in another workspace, want none", due)
	}
}
