package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// TestRankSlotsBySize: requests on small topics rank together in the room
// of one request on a large topic; a request larger than a slot takes
// one slot; a request that waits is not passed over by smaller ones that
// come after it; one that gives up gives its place back.
func TestRankSlotsBySize(t *testing.T) {
	ctx := context.Background()
	s := bot.NewRankSlots(2)
	size := 2 * bot.RankedPerSlot
	var releases []func()
	for range 2 * bot.RankedPerSlot / 250 {
		r, err := s.Acquire(ctx, 250)
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, r)
	}
	if s.Free() != 0 {
		t.Fatalf("got %d free, want none after %d requests of 250", s.Free(), len(releases))
	}
	for _, r := range releases {
		r()
	}
	if s.Free() != size {
		t.Fatalf("got %d free after the releases, want %d", s.Free(), size)
	}

	// Larger than a slot: takes one; no less than one candidate's worth
	// for none.
	all, err := s.Acquire(ctx, 10*size)
	if err != nil || s.Free() != size-bot.RankedPerSlot {
		t.Fatalf("got %v, %d free; want one slot taken", err, s.Free())
	}
	all()
	one, _ := s.Acquire(ctx, 0)
	if s.Free() != size-1 {
		t.Fatalf("got %d free, want %d: a request without candidates takes one", s.Free(), size-1)
	}

	// A large request waits for the room the small ones hold; a small one
	// arriving after it waits behind it, though it would fit.
	other, _ := s.Acquire(ctx, bot.RankedPerSlot)
	bigDone := make(chan func())
	go func() {
		r, err := s.Acquire(ctx, bot.RankedPerSlot)
		if err != nil {
			t.Error(err)
		}
		bigDone <- r
	}()
	waitFor(t, func() bool { return queued(s) })
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := s.Acquire(short, 1); err == nil {
		t.Fatal("a small request passed the large one waiting before it")
	}
	one()
	big := <-bigDone
	if s.Free() != 0 {
		t.Fatalf("got %d free, want the two large requests to hold all", s.Free())
	}
	big()
	other()

	// One that gives up while waiting lets those behind it in.
	hold, _ := s.Acquire(ctx, bot.RankedPerSlot)
	hold2, _ := s.Acquire(ctx, bot.RankedPerSlot-10)
	giveUp, cancelBig := context.WithCancel(ctx)
	gaveUp := make(chan error)
	go func() {
		_, err := s.Acquire(giveUp, bot.RankedPerSlot)
		gaveUp <- err
	}()
	waitFor(t, func() bool { return queued(s) })
	smallDone := make(chan func())
	go func() {
		r, _ := s.Acquire(ctx, 5)
		smallDone <- r
	}()
	time.Sleep(10 * time.Millisecond)
	cancelBig()
	if err := <-gaveUp; err == nil {
		t.Fatal("a cancelled wait got its slots")
	}
	(<-smallDone)()
	hold()
	hold2()
	if s.Free() != size {
		t.Fatalf("got %d free at the end, want %d", s.Free(), size)
	}
}

// queued reports whether a request waits: a request of one does not get in.
func queued(s bot.RankSlots) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	r, err := s.Acquire(ctx, 1)
	if err == nil {
		r()
		return false
	}
	return true
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for range 500 {
		if ok() {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("timed out")
}

// TestProposingCountsAsLoad: a proposal being recorded counts as a taken
// slot of its mentor, in its workspace only, until it is done.
func TestProposingCountsAsLoad(t *testing.T) {
	p := bot.NewProposing()
	t1, t2 := bot.Tenant{Platform: "slack", Workspace: "T1"}, bot.Tenant{Platform: "slack", Workspace: "T2"}
	done1 := p.Start(t1.Member("ann"))
	done2 := p.Start(t1.Member("ann"))
	mentors := func() []matching.Mentor {
		return []matching.Mentor{{ID: "ann", Capacity: 3, Active: 1}, {ID: "bob", Capacity: 1}}
	}
	m := mentors()
	p.Count(t1, m)
	if m[0].Active != 3 || m[1].Active != 0 {
		t.Fatalf("got load %d and %d, want 3 (1 and 2 in flight) and 0", m[0].Active, m[1].Active)
	}
	m = mentors()
	p.Count(t2, m)
	if m[0].Active != 1 {
		t.Fatalf("got load %d in another workspace, want 1", m[0].Active)
	}
	done1()
	done2()
	m = mentors()
	p.Count(t1, m)
	if m[0].Active != 1 {
		t.Fatalf("got load %d once recorded, want 1 (the store's counters count it then)", m[0].Active)
	}
}
