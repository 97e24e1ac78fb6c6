package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// pauseTests are the contract of members' pauses and their counts of
// unanswered prompts (bot.PauseStore).
var pauseTests = []contractTest{
	{"PauseRoundTrip", testPauseRoundTrip},
	{"EndPauseOnce", testEndPauseOnce},
	{"Unanswered", testUnanswered},
	{"PauseErased", testPauseErased},
}

// testPauseRoundTrip: a pause reads back as written, to the millisecond,
// replaces the member's previous one, and is listed by workspace.
func testPauseRoundTrip(t *testing.T, s bot.Store, tn bot.Tenant) {
	ann, bob := tn.Member("ann"), tn.Member("bob")
	if _, err := s.GetPause(ctx(), ann); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want ENOTFOUND before any pause", err)
	}
	if all, err := s.Pauses(ctx(), tn); err != nil || len(all) != 0 {
		t.Fatalf("got %v, %v, want no pauses", all, err)
	}
	p := bot.Pause{Member: ann, Until: t0.Add(21 * 24 * time.Hour), Offer: true, At: t0.Add(1234567 * time.Microsecond)}
	MustOK(t, s.SetPause(ctx(), p))
	want := p
	want.At = time.UnixMilli(p.At.UnixMilli()).UTC()
	got, err := s.GetPause(ctx(), ann)
	MustOK(t, err)
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	unreachable := bot.Pause{Member: ann, Offer: true, Auto: true, Unreachable: true, At: t0.Add(time.Minute)}
	MustOK(t, s.SetPause(ctx(), unreachable))
	if got, _ := s.GetPause(ctx(), ann); got != unreachable {
		t.Fatalf("got %+v, want %+v", got, unreachable)
	}
	auto := bot.Pause{Member: ann, Auto: true, At: t0.Add(time.Hour)}
	MustOK(t, s.SetPause(ctx(), auto))
	MustOK(t, s.SetPause(ctx(), bot.Pause{Member: bob, At: t0}))
	if got, _ := s.GetPause(ctx(), ann); got != auto {
		t.Fatalf("got %+v, want the later pause %+v", got, auto)
	}
	all, err := s.Pauses(ctx(), tn)
	MustOK(t, err)
	if len(all) != 2 || all["ann"] != auto || !all["bob"].Until.IsZero() || all["bob"].Member != bob {
		t.Fatalf("got %+v, want ann's and bob's pauses", all)
	}
	if other, _ := s.Pauses(ctx(), Tenant(t, "other")); len(other) != 0 {
		t.Fatalf("got %+v in another workspace, want none", other)
	}
}

// testEndPauseOnce: a pause ends once, and only the one named by its
// At; a zero At ends whichever there is.
func testEndPauseOnce(t *testing.T, s bot.Store, tn bot.Tenant) {
	ann := tn.Member("ann")
	p := bot.Pause{Member: ann, Until: t0.Add(48 * time.Hour), At: t0}
	MustOK(t, s.SetPause(ctx(), p))
	if ok, err := s.EndPause(ctx(), ann, t0.Add(time.Second)); err != nil || ok {
		t.Fatalf("got %v, %v, want another pause's end refused", ok, err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ended := 0
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := s.EndPause(ctx(), ann, t0)
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				ended++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if ended != 1 {
		t.Fatalf("got %d ends, want 1", ended)
	}
	if _, err := s.GetPause(ctx(), ann); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want the pause gone", err)
	}
	MustOK(t, s.SetPause(ctx(), p))
	if ok, err := s.EndPause(ctx(), ann, time.Time{}); err != nil || !ok {
		t.Fatalf("got %v, %v, want any pause ended", ok, err)
	}
}

// testUnanswered: the count goes up by one per call, per member, and
// back to zero when cleared.
func testUnanswered(t *testing.T, s bot.Store, tn bot.Tenant) {
	ann, bob := tn.Member("ann"), tn.Member("bob")
	for want := 1; want <= 3; want++ {
		if n, err := s.AddUnanswered(ctx(), ann); err != nil || n != want {
			t.Fatalf("got %d, %v, want %d", n, err, want)
		}
	}
	if n, _ := s.AddUnanswered(ctx(), bob); n != 1 {
		t.Fatalf("got %d for bob, want 1", n)
	}
	MustOK(t, s.ClearUnanswered(ctx(), ann))
	MustOK(t, s.ClearUnanswered(ctx(), ann))
	if n, _ := s.AddUnanswered(ctx(), ann); n != 1 {
		t.Fatalf("got %d after clearing, want 1", n)
	}
}

// testPauseErased: erasing a member forgets their pause and count.
func testPauseErased(t *testing.T, s bot.Store, tn bot.Tenant) {
	ann := tn.Member("ann")
	MustOK(t, s.SaveMember(ctx(), bot.Member{ID: ann, Name: "Ann"}))
	MustOK(t, s.SetPause(ctx(), bot.Pause{Member: ann, At: t0}))
	_, err := s.AddUnanswered(ctx(), ann)
	MustOK(t, err)
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: ann}))
	if _, err := s.GetPause(ctx(), ann); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v, want the pause erased", err)
	}
	if n, _ := s.AddUnanswered(ctx(), ann); n != 1 {
		t.Fatalf("got %d, want the count erased", n)
	}
}
