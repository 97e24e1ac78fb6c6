package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

var candidateTests = []contractTest{
	{"Candidates", testCandidates},
	{"CandidatesFresh", testCandidatesFresh},
	{"Mentees", testMentees},
}

// mustReadCandidates fails unless Candidates(keys) reads the offers that
// OffersFor(keys) read, with their counters as slots taken: their sum, or
// the capacity for a mentor at capacity.
func mustReadCandidates(t *testing.T, s bot.Store, tn bot.Tenant, keys []string, want []bot.Offer) {
	t.Helper()
	c, err := s.Candidates(ctx(), tn, keys, "nobody")
	MustOK(t, err)
	var wantOffers []bot.Offer
	var wantTaken []int
	for _, o := range want {
		wantTaken = append(wantTaken, min(o.Active+o.Pending, o.Capacity))
		o.Active, o.Pending = 0, 0
		wantOffers = append(wantOffers, o)
	}
	if fmt.Sprint(c.Offers) != fmt.Sprint(wantOffers) || !slices.Equal(c.Taken, wantTaken) {
		t.Fatalf("Candidates(%v): got %+v taken %v, want %+v taken %v as OffersFor reads them", keys, c.Offers, c.Taken, wantOffers, wantTaken)
	}
}

// mustTaken fails unless Candidates(keys) reads the mentors users, in
// order, with these slots taken.
func mustTaken(t *testing.T, s bot.Store, tn bot.Tenant, keys []string, users []string, taken ...int) bot.Candidates {
	t.Helper()
	c, err := s.Candidates(ctx(), tn, keys, "nobody")
	MustOK(t, err)
	if !slices.Equal(mentors(c.Offers), users) || !slices.Equal(c.Taken, taken) {
		t.Fatalf("Candidates(%v): got %v taken %v, want %v taken %v", keys, mentors(c.Offers), c.Taken, users, taken)
	}
	return c
}

// testCandidates: the mentors filed under any of the keys come each once,
// in ID order, with the mentee's history alone; nothing from another
// workspace.
func testCandidates(t *testing.T, s bot.Store, tn bot.Tenant) {
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

	c, err := s.Candidates(ctx(), tn, []string{"rust", "go", "java"}, "M")
	MustOK(t, err)
	if !slices.Equal(mentors(c.Offers), []string{"A", "C"}) || c.Offers[0].Capacity != 2 || !slices.Equal(c.Taken, []int{0, 0}) {
		t.Fatalf("got mentors %v taken %v, want [A C], A's capacity 2, nothing taken", mentors(c.Offers), c.Taken)
	}
	if want := map[string]string{"A": bot.VerdictNever, "C": bot.VerdictMet}; fmt.Sprint(c.History) != fmt.Sprint(want) {
		t.Fatalf("got history %v, want %v", c.History, want)
	}
	c, err = s.Candidates(ctx(), tn, nil, "O")
	MustOK(t, err)
	if len(c.Offers) != 0 || len(c.History) != 0 {
		t.Fatalf("got %v and %v for no keys and a mentee without history, want nothing", c.Offers, c.History)
	}
	other := Tenant(t, "test")
	if c, _ := s.Candidates(ctx(), other, []string{"rust"}, "M"); len(c.Offers) != 0 || len(c.History) != 0 {
		t.Fatalf("got %v and %v in another workspace, want nothing", c.Offers, c.History)
	}
}

// testCandidatesFresh: read again and again, the candidates follow every
// change at once: a profile saved, a mentor filed under other keys, a
// proposal that fills a mentor and its decline, a pair, a member erased.
func testCandidatesFresh(t *testing.T, s bot.Store, tn bot.Tenant) {
	a := mustOffer(t, s, tn, "A", 2)
	mustOffer(t, s, tn, "B", 1)
	mustTaken(t, s, tn, []string{"go"}, []string{"A", "B"}, 0, 0)

	// B's last slot goes to a proposal: B is full, A has 1 of 2 taken.
	p1 := mustPropose(t, s, mustRequest(t, s, tn, "M1", "r1"), tn.Member("B"), "p1")
	mustPropose(t, s, mustRequest(t, s, tn, "M2", "r2"), a, "p2")
	mustTaken(t, s, tn, []string{"go"}, []string{"A", "B"}, 1, 1)
	// Declined, the slot is free again.
	_, err := s.DeclineProposal(ctx(), tn, p1.ID, tn.Member("B"))
	MustOK(t, err)
	mustTaken(t, s, tn, []string{"go"}, []string{"A", "B"}, 1, 0)

	// A profile saved: read as saved, not as it was.
	o, err := s.GetOffer(ctx(), a)
	MustOK(t, err)
	o.Languages, o.Capacity = []bot.Lang{"fr"}, 1
	MustOK(t, s.SaveOffer(ctx(), o))
	c := mustTaken(t, s, tn, []string{"go"}, []string{"A", "B"}, 1, 0)
	if fmt.Sprint(c.Offers[0].Languages) != "[fr]" || c.Offers[0].Capacity != 1 {
		t.Fatalf("got A's offer %+v, want French and capacity 1 as saved", c.Offers[0])
	}
	o.Paused = true
	MustOK(t, s.SaveOffer(ctx(), o))
	if c := mustTaken(t, s, tn, []string{"go"}, []string{"A", "B"}, 1, 0); !c.Offers[0].Paused {
		t.Fatalf("got A's offer %+v, want it paused as saved", c.Offers[0])
	}
	// Filed under another key: gone from this one, found under the new.
	o.Topics, o.Keys = []string{"Rust"}, []string{"rust"}
	MustOK(t, s.SaveOffer(ctx(), o))
	mustTaken(t, s, tn, []string{"go"}, []string{"B"}, 0)
	mustTaken(t, s, tn, []string{"rust"}, []string{"A"}, 1)
	// A new mentor: found at once.
	mustOffer(t, s, tn, "C", 3)
	mustTaken(t, s, tn, []string{"go"}, []string{"B", "C"}, 0, 0)
	// An erased member: gone at once.
	MustOK(t, s.Erase(ctx(), bot.Erasure{Member: tn.Member("C")}))
	mustTaken(t, s, tn, []string{"go"}, []string{"B"}, 0)
}

// testMentees: Candidates counts the mentee's pairs, every state;
// Mentees reads the records, histories and pairs of several members at
// once, as Members, Histories and PairsOf read each, and leaves out
// those with none of the three.
func testMentees(t *testing.T, s bot.Store, tn bot.Tenant) {
	if c, err := s.Candidates(ctx(), tn, []string{"go"}, "M"); err != nil || c.MenteePairs != 0 {
		t.Fatalf("got %d pairs, %v before any pair, want 0", c.MenteePairs, err)
	}
	mentor := mustOffer(t, s, tn, "A", 2)
	MustOK(t, s.SaveMember(ctx(), bot.Member{ID: tn.Member("M"), Name: "Mia", Lang: bot.French, TZ: "Europe/Paris"}))
	r := mustRequest(t, s, tn, "M", "r1")
	_, err := s.FormPair(ctx(), r, "", bot.Pair{ID: "pair1", Mentor: mentor, Mentee: r.Mentee, Topic: "go", Created: t0}, nil)
	MustOK(t, err)
	r2 := bot.Request{ID: "r2", Mentee: tn.Member("M"), Topic: "rust", State: bot.RequestPaired, Created: t0}
	_, err = s.FormPair(ctx(), r2, "", bot.Pair{ID: "pair2", Mentor: mentor, Mentee: r2.Mentee, Topic: "rust", Created: t0.Add(time.Minute)}, nil)
	MustOK(t, err)
	_, err = s.DeclineCharter(ctx(), tn, "pair2", r2.Mentee, bot.Outbox{}) // cancelled: still the mentee's
	MustOK(t, err)
	MustOK(t, s.RememberPair(ctx(), tn, "M", "A", bot.VerdictMet))
	MustOK(t, s.RememberPair(ctx(), tn, "H", "A", bot.VerdictNever)) // a history alone
	c, err := s.Candidates(ctx(), tn, []string{"go"}, "M")
	MustOK(t, err)
	if c.MenteePairs != 2 {
		t.Fatalf("got %d pairs for M, want 2 (one under way, one cancelled)", c.MenteePairs)
	}
	users := []string{"M", "A", "H", "nobody"}
	got, err := s.Mentees(ctx(), tn, users)
	MustOK(t, err)
	members, err := s.Members(ctx(), tn, users)
	MustOK(t, err)
	hist, err := s.Histories(ctx(), tn, users)
	MustOK(t, err)
	for _, u := range []string{"M", "A", "H"} {
		want, err := s.PairsOf(ctx(), tn.Member(u))
		MustOK(t, err)
		g, ok := got[u]
		if !ok {
			t.Errorf("Mentees: %s left out", u)
			continue
		}
		if fmt.Sprint(g.Pairs) != fmt.Sprint(want) {
			t.Errorf("Mentees: got %s's pairs %+v, want the %d PairsOf reads: %+v", u, g.Pairs, len(want), want)
		}
		m, known := members[u]
		if g.Known != known || (known && fmt.Sprint(g.Member) != fmt.Sprint(m)) || g.Member.ID != tn.Member(u) {
			t.Errorf("Mentees: got %s's record %+v (known %v), want %+v (known %v), as Members reads it", u, g.Member, g.Known, m, known)
		}
		if fmt.Sprint(g.History) != fmt.Sprint(hist[u]) {
			t.Errorf("Mentees: got %s's history %v, want %v, as Histories reads it", u, g.History, hist[u])
		}
	}
	if len(got["M"].Pairs) != 2 || len(got["A"].Pairs) != 2 || !got["M"].Known || got["M"].Member.Name != "Mia" || got["H"].History["A"] != bot.VerdictNever {
		t.Errorf("Mentees: got %+v, want M's record and two pairs, A's two pairs, H's history", got)
	}
	if _, ok := got["nobody"]; ok || len(got) != 3 {
		t.Errorf("got %v, want M's, A's and H's alone", got)
	}
	if got, err := s.Mentees(ctx(), tn, nil); err != nil || len(got) != 0 {
		t.Errorf("got %v, %v for nobody, want nothing", got, err)
	}
	if got, _ := s.Mentees(ctx(), Tenant(t, "test"), []string{"M"}); len(got) != 0 {
		t.Errorf("got %v in another workspace, want nothing", got)
	}
}
