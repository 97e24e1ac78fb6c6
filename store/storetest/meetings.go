package storetest

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/meeting"
)

// meetingTests are the contract of a pair's meeting times (bot's
// MeetingStore) and of a member's working hours.
var meetingTests = []contractTest{
	{"MemberHours", testMemberHours},
	{"MeetingRounds", testMeetingRounds},
	{"MeetingConcurrentPicks", testMeetingConcurrentPicks},
	{"MeetingErased", testMeetingErased},
	{"PairThread", testPairThread},
}

func testMemberHours(t *testing.T, s bot.Store, tn bot.Tenant) {
	for _, text := range []string{"9:30-17", "10-16 mon,tue,wed,thu", "0-24 sat,sun", ""} {
		h, err := meeting.ParseHours(text)
		if text == "" {
			h, err = meeting.Hours{}, nil
		}
		MustOK(t, err)
		m := bot.Member{ID: tn.Member("A"), Name: "Ann", TZ: "Europe/Paris", Hours: h}
		MustOK(t, s.SaveMember(ctx(), m))
		got, err := s.GetMember(ctx(), m.ID)
		MustOK(t, err)
		if got.Hours != h || got.TZ != "Europe/Paris" {
			t.Fatalf("got hours %+v in %q, want %+v (%q) back", got.Hours, got.TZ, h, text)
		}
	}
}

var meetSlots = []bot.MeetingSlot{
	{Start: t0.Add(26 * time.Hour), End: t0.Add(27 * time.Hour)},
	{Start: t0.Add(50 * time.Hour), End: t0.Add(51 * time.Hour)},
	{Start: t0.Add(74 * time.Hour), End: t0.Add(75 * time.Hour)},
}

func testMeetingRounds(t *testing.T, s bot.Store, tn bot.Tenant) {
	p1 := formPair(t, s, tn).ID
	_, err := s.GetMeeting(ctx(), tn, p1)
	MustCode(t, err, bot.ENOTFOUND)
	_, _, err = s.PickSlot(ctx(), tn, p1, 1, 0, "A", "B", t0)
	MustCode(t, err, bot.ENOTFOUND)
	// A pair that is gone (erased, pruned) gets no times.
	_, err = s.OfferSlots(ctx(), tn, "gone", 0, meetSlots, true, t0)
	MustCode(t, err, bot.ENOTFOUND)
	if _, err := s.GetPair(ctx(), tn, "gone"); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v for a pair that is gone after times were offered to it, want it still gone", err)
	}
	m, err := s.OfferSlots(ctx(), tn, p1, 0, meetSlots, true, t0)
	MustOK(t, err)
	if m.Round != 1 || len(m.Slots) != 3 || !m.Slots[1].Start.Equal(meetSlots[1].Start) || !m.Full || !m.Offered.Equal(t0) || !m.Agreed.IsZero() || len(m.Picks) != 0 || len(m.Past) != 0 {
		t.Fatalf("got %+v, want round 1 with the three slots", m)
	}
	_, err = s.OfferSlots(ctx(), tn, p1, 0, meetSlots[:1], false, t0)
	MustCode(t, err, bot.ESTALE)
	_, _, err = s.PickSlot(ctx(), tn, p1, 2, 0, "A", "B", t0)
	MustCode(t, err, bot.ESTALE)
	_, _, err = s.PickSlot(ctx(), tn, p1, 1, 3, "A", "B", t0)
	MustCode(t, err, bot.EINVALID)

	m, agreed, err := s.PickSlot(ctx(), tn, p1, 1, 0, "A", "B", t0)
	MustOK(t, err)
	if agreed || !slices.Equal(m.Picks["A"], []int{0}) || len(m.Picks) != 1 {
		t.Fatalf("got %+v, %v, want A's pick alone", m, agreed)
	}
	m, agreed, err = s.PickSlot(ctx(), tn, p1, 1, 2, "B", "A", t0)
	MustOK(t, err)
	if agreed || !slices.Equal(m.Picks["B"], []int{2}) || !m.Agreed.IsZero() {
		t.Fatalf("got %+v, %v, want two different picks", m, agreed)
	}
	// Picks add up: A's second time keeps the first, and a time picked
	// twice is there once.
	for _, i := range []int{1, 1} {
		m, agreed, err = s.PickSlot(ctx(), tn, p1, 1, i, "A", "B", t0)
		MustOK(t, err)
		if agreed || !slices.Equal(m.Picks["A"], []int{0, 1}) || !m.Agreed.IsZero() {
			t.Fatalf("got %+v, %v, want A's picks 0 and 1, nothing agreed", m, agreed)
		}
	}
	// B picks A's first time: it is agreed, A's later pick
	// notwithstanding.
	m, agreed, err = s.PickSlot(ctx(), tn, p1, 1, 0, "B", "A", t0)
	MustOK(t, err)
	if !agreed || !m.Agreed.Start.Equal(meetSlots[0].Start) || !m.Agreed.End.Equal(meetSlots[0].End) {
		t.Fatalf("got %+v, %v, want slot 0 agreed", m, agreed)
	}
	m, agreed, err = s.PickSlot(ctx(), tn, p1, 1, 1, "B", "A", t0)
	MustOK(t, err)
	if agreed || !m.Agreed.Start.Equal(meetSlots[0].Start) || !slices.Equal(m.Picks["B"], []int{0, 2}) {
		t.Fatalf("got %+v, %v, want a pick after the agreement to change nothing", m, agreed)
	}

	m, err = s.OfferSlots(ctx(), tn, p1, 1, meetSlots[1:], false, t0.Add(time.Hour))
	MustOK(t, err)
	if m.Round != 2 || len(m.Slots) != 2 || m.Full || !m.Agreed.IsZero() || len(m.Picks) != 0 || len(m.Past) != 3 || !m.Past[2].Start.Equal(meetSlots[2].Start) {
		t.Fatalf("got %+v, want round 2, nothing picked or agreed, round 1's slots past", m)
	}
	// The rounds before stay past too, the newest last, up to
	// bot.MaxPastSlots: new times never cycle back to times offered.
	m, err = s.OfferSlots(ctx(), tn, p1, 2, meetSlots[:1], false, t0.Add(2*time.Hour))
	MustOK(t, err)
	if m.Round != 3 || len(m.Past) != 5 || !m.Past[0].Start.Equal(meetSlots[0].Start) || !m.Past[4].Start.Equal(meetSlots[2].Start) {
		t.Fatalf("got past %+v, want round 1's three slots then round 2's two", m.Past)
	}
	// A round without slots (a meeting cancelled) keeps the past as it is.
	m, err = s.OfferSlots(ctx(), tn, p1, 3, nil, true, t0.Add(3*time.Hour))
	MustOK(t, err)
	if m.Round != 4 || len(m.Past) != 6 {
		t.Fatalf("got round %d, past %+v, want round 4 and the six slots before", m.Round, m.Past)
	}
	for round := 4; round < 10; round++ {
		m, err = s.OfferSlots(ctx(), tn, p1, round, meetSlots, false, t0.Add(time.Duration(round)*time.Hour))
		MustOK(t, err)
	}
	if len(m.Past) != bot.MaxPastSlots || !m.Past[bot.MaxPastSlots-1].Start.Equal(meetSlots[2].Start) {
		t.Fatalf("got %d past slots (%+v), want the last %d, the newest last", len(m.Past), m.Past, bot.MaxPastSlots)
	}
	if other, err := s.GetMeeting(ctx(), tn, "p2"); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %+v, %v for another pair, want none", other, err)
	}
}

func testMeetingConcurrentPicks(t *testing.T, s bot.Store, tn bot.Tenant) {
	p1 := formPair(t, s, tn).ID
	_, err := s.OfferSlots(ctx(), tn, p1, 0, meetSlots, true, t0)
	MustOK(t, err)
	var wg sync.WaitGroup
	var mu sync.Mutex
	agreements := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			by, other := "A", "B"
			if i%2 == 1 {
				by, other = "B", "A"
			}
			_, agreed, err := s.PickSlot(ctx(), tn, p1, 1, 1, by, other, t0)
			if err != nil {
				t.Error(err)
			}
			if agreed {
				mu.Lock()
				agreements++
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	if agreements != 1 {
		t.Fatalf("got %d agreements from racing picks, want exactly 1", agreements)
	}
	var rounds, stale int
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.OfferSlots(ctx(), tn, p1, 1, meetSlots, true, t0)
			mu.Lock()
			defer mu.Unlock()
			switch bot.ErrorCode(err) {
			case "":
				rounds++
			case bot.ESTALE:
				stale++
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if rounds != 1 || stale != 5 {
		t.Fatalf("got %d new rounds and %d stale from racing offers, want 1 and 5", rounds, stale)
	}
}

func testMeetingErased(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := mustOfficialPair(t, s, tn)
	_, err := s.OfferSlots(ctx(), tn, pair.ID, 0, meetSlots, true, t0)
	MustOK(t, err)
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: pair.Mentee, Pairs: []string{pair.ID}}))
	_, err = s.GetMeeting(ctx(), tn, pair.ID)
	MustCode(t, err, bot.ENOTFOUND)

	// A pair kept for the other member loses its times, and the erased
	// member's picks with them.
	tn = Tenant(t, "other")
	other := mustOfficialPair(t, s, tn)
	_, err = s.OfferSlots(ctx(), tn, other.ID, 0, meetSlots, true, t0)
	MustOK(t, err)
	_, _, err = s.PickSlot(ctx(), tn, other.ID, 1, 0, other.Mentee.User, other.Mentor.User, t0)
	MustOK(t, err)
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: other.Mentee, Blank: []string{other.ID}}))
	_, err = s.GetMeeting(ctx(), tn, other.ID)
	MustCode(t, err, bot.ENOTFOUND)
}

// testPairThread: the conversation a pair's messages go on in is kept on
// the pair, never on a pair that is gone (nor made again by it), and
// goes with a member erased from a pair kept for the other.
func testPairThread(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := mustOfficialPair(t, s, tn)
	MustOK(t, s.SetPairThread(ctx(), pair, "1300000000000000001"))
	got, err := s.GetPair(ctx(), tn, pair.ID)
	MustOK(t, err)
	if got.Thread != "1300000000000000001" || got.Mentor != pair.Mentor || got.Mentee != pair.Mentee {
		t.Fatalf("got %+v, want the pair with its thread", got)
	}
	gone := pair
	gone.ID = "nopair"
	MustCode(t, s.SetPairThread(ctx(), gone, "1300000000000000002"), bot.ENOTFOUND)
	_, err = s.GetPair(ctx(), tn, "nopair")
	MustCode(t, err, bot.ENOTFOUND)
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: pair.Mentee, Blank: []string{pair.ID}}))
	got, err = s.GetPair(ctx(), tn, pair.ID)
	MustOK(t, err)
	if got.Thread != "" {
		t.Fatalf("got thread %q after the mentee's erasure, want none", got.Thread)
	}
	erased := pair
	erased.Mentor.User = ""
	MustCode(t, s.SetPairThread(ctx(), erased, "1300000000000000003"), bot.ENOTFOUND)
}
