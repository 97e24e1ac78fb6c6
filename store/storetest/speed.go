package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

var speedTests = []contractTest{
	{"SpeedEvents", testSpeedEvents},
	{"SpeedRegistration", testSpeedRegistration},
	{"SpeedRounds", testSpeedRounds},
	{"SpeedConcurrent", testSpeedConcurrent},
	{"SpeedErase", testSpeedErase},
}

func mustSpeedEvent(t *testing.T, s bot.Store, tn bot.Tenant, id string) bot.SpeedEvent {
	t.Helper()
	e := bot.SpeedEvent{ID: id, Name: "Speed " + id, Rounds: 3, Minutes: 15, Start: t0.Add(time.Hour), By: tn.Member("boss"), Created: t0, Channel: "general"}
	MustOK(t, s.CreateSpeedEvent(ctx(), tn, e, []bot.Job{bot.NewJob(e.Start, bot.JobSpeed, id, "1")}))
	return e
}

// testSpeedEvents: an event is stored once, with its jobs, and listed.
func testSpeedEvents(t *testing.T, s bot.Store, tn bot.Tenant) {
	e := mustSpeedEvent(t, s, tn, "ev1")
	t.Run("OK", func(t *testing.T) {
		got, err := s.GetSpeedEvent(ctx(), tn, "ev1")
		MustOK(t, err)
		if got.Name != e.Name || !got.Start.Equal(e.Start) || got.Rounds != 3 || got.By != e.By {
			t.Fatalf("got %+v, want %+v", got, e)
		}
		jobs, err := s.ClaimJobs(ctx(), tn, e.Start, time.Minute, 10)
		MustOK(t, err)
		if len(jobs) != 1 || jobs[0].ID != "speed:ev1:1" {
			t.Fatalf("got jobs %+v", jobs)
		}
	})
	t.Run("ErrConflict", func(t *testing.T) {
		MustCode(t, s.CreateSpeedEvent(ctx(), tn, e, nil), bot.ECONFLICT)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.GetSpeedEvent(ctx(), tn, "nope")
		MustCode(t, err, bot.ENOTFOUND)
	})
	t.Run("List", func(t *testing.T) {
		e2 := e
		e2.ID, e2.Created = "ev0", t0.Add(time.Minute)
		MustOK(t, s.CreateSpeedEvent(ctx(), tn, e2, nil))
		list, err := s.SpeedEvents(ctx(), tn)
		MustOK(t, err)
		if len(list) != 2 || list[0].ID != "ev1" || list[1].ID != "ev0" {
			t.Fatalf("got %+v", list)
		}
	})
	t.Run("Cancel", func(t *testing.T) {
		c := mustSpeedEvent(t, s, tn, "evc")
		at := t0.Add(10 * time.Minute)
		got, err := s.CancelSpeedEvent(ctx(), tn, "evc", at, []bot.Job{bot.NewJob(at, bot.JobSpeedCancel, "evc")})
		MustOK(t, err)
		if !got.Cancelled.Equal(at) || got.Name != c.Name {
			t.Fatalf("got %+v", got)
		}
		read, err := s.GetSpeedEvent(ctx(), tn, "evc")
		MustOK(t, err)
		if !read.Cancelled.Equal(at) {
			t.Fatalf("read back %+v, want cancelled at %v", read, at)
		}
		jobs, err := s.ClaimJobs(ctx(), tn, at, time.Minute, 10)
		MustOK(t, err)
		if len(jobs) != 1 || jobs[0].ID != "speedcancel:evc" {
			t.Fatalf("got jobs %+v", jobs)
		}
		// A second cancellation, another replica's or a double click,
		// changes nothing and schedules nothing.
		again, err := s.CancelSpeedEvent(ctx(), tn, "evc", at.Add(time.Minute), []bot.Job{bot.NewJob(at, bot.JobSpeedCancel, "evc:2")})
		MustCode(t, err, bot.ESTALE)
		if !again.Cancelled.Equal(at) {
			t.Fatalf("second cancel returned %+v", again)
		}
		jobs, err = s.ClaimJobs(ctx(), tn, at.Add(time.Hour), time.Minute, 10)
		MustOK(t, err)
		for _, j := range jobs {
			if j.ID == "speedcancel:evc:2" {
				t.Fatalf("the refused cancellation scheduled %s", j.ID)
			}
		}
		_, err = s.CancelSpeedEvent(ctx(), tn, "nope", at, nil)
		MustCode(t, err, bot.ENOTFOUND)
		// Registering after the cancellation is refused in the same step.
		_, created, err := s.RegisterSpeed(ctx(), tn, "evc", bot.SpeedEntrant{Member: tn.Member("late"), Role: bot.SpeedMentee, Joined: at})
		MustCode(t, err, bot.ESTALE)
		if created {
			t.Fatal("registered on a cancelled event")
		}
	})
}

// testSpeedRegistration: a member registers once, on one side; the second
// registration returns the first; unregistering removes it once.
func testSpeedRegistration(t *testing.T, s bot.Store, tn bot.Tenant) {
	mustSpeedEvent(t, s, tn, "ev1")
	ada := bot.SpeedEntrant{Member: tn.Member("ada"), Role: bot.SpeedMentor, Joined: t0}
	got, created, err := s.RegisterSpeed(ctx(), tn, "ev1", ada)
	MustOK(t, err)
	if !created || got != ada {
		t.Fatalf("got %+v, %v", got, created)
	}
	t.Run("Again", func(t *testing.T) {
		again := ada
		again.Role, again.Joined = bot.SpeedMentee, t0.Add(time.Minute)
		got, created, err := s.RegisterSpeed(ctx(), tn, "ev1", again)
		MustOK(t, err)
		if created || got.Role != bot.SpeedMentor || !got.Joined.Equal(t0) {
			t.Fatalf("got %+v, %v", got, created)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, _, err := s.RegisterSpeed(ctx(), tn, "nope", ada)
		MustCode(t, err, bot.ENOTFOUND)
	})
	t.Run("Entrants", func(t *testing.T) {
		bob := bot.SpeedEntrant{Member: tn.Member("bob"), Role: bot.SpeedMentee, Topic: "go", Joined: t0.Add(-time.Minute)}
		_, _, err := s.RegisterSpeed(ctx(), tn, "ev1", bob)
		MustOK(t, err)
		list, err := s.SpeedEntrants(ctx(), tn, "ev1")
		MustOK(t, err)
		if len(list) != 2 || list[0] != bob || list[1] != ada {
			t.Fatalf("got %+v", list)
		}
		one, err := s.SpeedEntrant(ctx(), tn, "ev1", "bob")
		MustOK(t, err)
		if one != bob {
			t.Fatalf("got %+v, want bob's registration alone", one)
		}
		_, err = s.SpeedEntrant(ctx(), tn, "ev1", "cy")
		MustCode(t, err, bot.ENOTFOUND)
		_, err = s.SpeedEntrant(ctx(), tn, "nope", "bob")
		MustCode(t, err, bot.ENOTFOUND)
	})
	t.Run("Unregister", func(t *testing.T) {
		got, err := s.UnregisterSpeed(ctx(), tn, "ev1", "ada")
		MustOK(t, err)
		if got != ada {
			t.Fatalf("got %+v", got)
		}
		_, err = s.UnregisterSpeed(ctx(), tn, "ev1", "ada")
		MustCode(t, err, bot.ENOTFOUND)
		list, _ := s.SpeedEntrants(ctx(), tn, "ev1")
		if len(list) != 1 {
			t.Fatalf("got %+v", list)
		}
	})
}

func speedRound(tn bot.Tenant, n int, mentee string) bot.SpeedRound {
	return bot.SpeedRound{Event: "ev1", N: n, Paired: t0,
		Sessions: []bot.SpeedSession{{Mentor: tn.Member("ada"), Mentee: tn.Member(mentee), Topic: "go", Room: "https://meet.example/" + mentee}},
		SatOut:   map[string]string{"cy": bot.SatOutBusy}}
}

// testSpeedRounds: the first pairing of a round wins; a change applies to
// the round as stored, and a change that fails stores nothing.
func testSpeedRounds(t *testing.T, s bot.Store, tn bot.Tenant) {
	mustSpeedEvent(t, s, tn, "ev1")
	_, err := s.GetSpeedRound(ctx(), tn, "ev1", 1)
	MustCode(t, err, bot.ENOTFOUND)
	first := speedRound(tn, 1, "bob")
	got, created, err := s.SaveSpeedRound(ctx(), tn, first)
	MustOK(t, err)
	if !created || len(got.Sessions) != 1 {
		t.Fatalf("got %+v, %v", got, created)
	}
	t.Run("FirstWins", func(t *testing.T) {
		got, created, err := s.SaveSpeedRound(ctx(), tn, speedRound(tn, 1, "cy"))
		MustOK(t, err)
		if created || got.Sessions[0].Mentee.User != "bob" {
			t.Fatalf("got %+v, %v", got, created)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		r := first
		r.Event = "nope"
		_, _, err := s.SaveSpeedRound(ctx(), tn, r)
		MustCode(t, err, bot.ENOTFOUND)
		_, err = s.UpdateSpeedRound(ctx(), tn, "ev1", 2, func(*bot.SpeedRound) error { return nil })
		MustCode(t, err, bot.ENOTFOUND)
	})
	t.Run("Update", func(t *testing.T) {
		got, err := s.UpdateSpeedRound(ctx(), tn, "ev1", 1, func(r *bot.SpeedRound) error {
			r.Sessions[0].MenteeYes = "yes"
			delete(r.SatOut, "cy")
			return nil
		})
		MustOK(t, err)
		read, err := s.GetSpeedRound(ctx(), tn, "ev1", 1)
		MustOK(t, err)
		if got.Sessions[0].MenteeYes != "yes" || read.Sessions[0].MenteeYes != "yes" || len(read.SatOut) != 0 {
			t.Fatalf("got %+v, read %+v", got, read)
		}
	})
	t.Run("UpdateFails", func(t *testing.T) {
		boom := errors.New("boom")
		_, err := s.UpdateSpeedRound(ctx(), tn, "ev1", 1, func(r *bot.SpeedRound) error {
			r.Sessions[0].MentorYes = "yes"
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("got %v", err)
		}
		read, _ := s.GetSpeedRound(ctx(), tn, "ev1", 1)
		if read.Sessions[0].MentorYes != "" {
			t.Fatalf("a failed change was stored: %+v", read)
		}
	})
}

// testSpeedConcurrent: many replicas registering the same member, saving
// the same round and answering in the same round at once: one
// registration, one round, every answer kept.
func testSpeedConcurrent(t *testing.T, s bot.Store, tn bot.Tenant) {
	mustSpeedEvent(t, s, tn, "ev1")
	const n = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	registered, saved := 0, 0
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			role := bot.SpeedMentor
			if i%2 == 1 {
				role = bot.SpeedMentee
			}
			_, created, err := s.RegisterSpeed(ctx(), tn, "ev1", bot.SpeedEntrant{Member: tn.Member("ada"), Role: role, Joined: t0})
			r := speedRound(tn, 1, fmt.Sprintf("m%d", i))
			for j := range n {
				r.Sessions = append(r.Sessions, bot.SpeedSession{Mentor: tn.Member(fmt.Sprintf("x%d", j)), Mentee: tn.Member(fmt.Sprintf("e%d", j))})
			}
			_, first, err2 := s.SaveSpeedRound(ctx(), tn, r)
			mu.Lock()
			defer mu.Unlock()
			if err != nil || err2 != nil {
				t.Errorf("got %v, %v", err, err2)
			}
			if created {
				registered++
			}
			if first {
				saved++
			}
		}()
	}
	wg.Wait()
	if registered != 1 || saved != 1 {
		t.Fatalf("registered %d, saved %d, want 1 and 1", registered, saved)
	}
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.UpdateSpeedRound(ctx(), tn, "ev1", 1, func(r *bot.SpeedRound) error {
				r.Sessions[1+i].MenteeYes = "yes"
				return nil
			})
			if err != nil {
				t.Errorf("update %d: %v", i, err)
			}
		}()
	}
	wg.Wait()
	r, err := s.GetSpeedRound(ctx(), tn, "ev1", 1)
	MustOK(t, err)
	for i := range n {
		if r.Sessions[1+i].MenteeYes != "yes" {
			t.Fatalf("answer %d lost: %+v", i, r.Sessions)
		}
	}
}

// testSpeedErase: a member's registrations and their IDs in the rounds go;
// the others' stay.
func testSpeedErase(t *testing.T, s bot.Store, tn bot.Tenant) {
	mustSpeedEvent(t, s, tn, "ev1")
	for _, u := range []string{"ada", "bob"} {
		_, _, err := s.RegisterSpeed(ctx(), tn, "ev1", bot.SpeedEntrant{Member: tn.Member(u), Role: bot.SpeedMentee, Joined: t0})
		MustOK(t, err)
	}
	r := speedRound(tn, 1, "bob")
	r.SatOut["ada"] = bot.SatOutNoMentee
	_, _, err := s.SaveSpeedRound(ctx(), tn, r)
	MustOK(t, err)
	MustOK(t, s.EraseSpeedMember(ctx(), tn.Member("ada")))
	list, _ := s.SpeedEntrants(ctx(), tn, "ev1")
	if len(list) != 1 || list[0].Member.User != "bob" {
		t.Fatalf("got %+v", list)
	}
	got, err := s.GetSpeedRound(ctx(), tn, "ev1", 1)
	MustOK(t, err)
	if got.Sessions[0].Mentor.User != "" || got.Sessions[0].Mentee.User != "bob" || got.SatOut["ada"] != "" || got.SatOut["cy"] != bot.SatOutBusy {
		t.Fatalf("got %+v", got)
	}
	if where := Mentions(t, s, tn.Member("ada").String()); len(where) != 0 {
		t.Fatalf("ada is still in %v", where)
	}
}
