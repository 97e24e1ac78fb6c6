package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

var candidateTests = []contractTest{
	{"MentorsUnder", testMentorsUnder},
}

// mustReadInTwoSteps fails unless MentorsUnder then OffersOf read what
// OffersFor(keys) read.
func mustReadInTwoSteps(t *testing.T, s bot.Store, tn bot.Tenant, keys []string, want []bot.Offer) {
	t.Helper()
	users, _, err := s.MentorsUnder(ctx(), tn, keys, "nobody")
	MustOK(t, err)
	got, err := s.OffersOf(ctx(), tn, users)
	MustOK(t, err)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("MentorsUnder(%v) then OffersOf: got %+v, want %+v as OffersFor reads them", keys, got, want)
	}
}

// testMentorsUnder: the mentors filed under any of the keys come each
// once, in ID order, with the mentee's history alone; OffersOf leaves
// out a mentor without an offer, and keeps the order it is given.
func testMentorsUnder(t *testing.T, s bot.Store, tn bot.Tenant) {
	for _, o := range []bot.Offer{
		{Mentor: tn.Member("C"), Topics: []string{"Go", "Rust"}, Capacity: 1, Updated: t0, Keys: []string{"go", "rust"}},
		{Mentor: tn.Member("A"), Topics: []string{"Rust"}, Capacity: 2, Updated: t0, Keys: []string{"rust"}},
		{Mentor: tn.Member("B"), Topics: []string{"Python"}, Capacity: 1, Updated: t0, Keys: []string{"python"}},
	} {
		MustOK(t, s.SaveOffer(ctx(), o))
	}
	MustOK(t, s.RememberPair(ctx(), tn, "M", "A", bot.VerdictNever))
	MustOK(t, s.RememberPair(ctx(), tn, "M", "C", bot.VerdictMet))
	MustOK(t, s.RememberPair(ctx(), tn, "N", "B", bot.VerdictMet))

	users, hist, err := s.MentorsUnder(ctx(), tn, []string{"rust", "go", "java"}, "M")
	MustOK(t, err)
	if !slices.Equal(users, []string{"A", "C"}) {
		t.Fatalf("got mentors %v, want [A C]", users)
	}
	if want := map[string]string{"A": bot.VerdictNever, "C": bot.VerdictMet}; fmt.Sprint(hist) != fmt.Sprint(want) {
		t.Fatalf("got history %v, want %v", hist, want)
	}
	users, hist, err = s.MentorsUnder(ctx(), tn, nil, "O")
	MustOK(t, err)
	if len(users) != 0 || len(hist) != 0 {
		t.Fatalf("got %v and %v for no keys and a mentee without history, want nothing", users, hist)
	}

	got, err := s.OffersOf(ctx(), tn, []string{"A", "gone", "C"})
	MustOK(t, err)
	if !slices.Equal(mentors(got), []string{"A", "C"}) || got[0].Capacity != 2 {
		t.Fatalf("got %+v, want A's and C's offers", got)
	}
	if got, err := s.OffersOf(ctx(), tn, nil); err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v for nobody, want nothing", got, err)
	}
	other := Tenant(t, "test")
	if users, hist, _ := s.MentorsUnder(ctx(), other, []string{"rust"}, "M"); len(users) != 0 || len(hist) != 0 {
		t.Fatalf("got %v and %v in another workspace, want nothing", users, hist)
	}
}
