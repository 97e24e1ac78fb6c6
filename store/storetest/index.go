package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

var indexTests = []contractTest{
	{"OffersFor", testOffersFor},
	{"OffersForReadAgain", testOffersForReadAgain},
	{"IndexOffer", testIndexOffer},
	{"WaitingFor", testWaitingFor},
	{"WaitingForCharter", testWaitingForCharter},
	{"IndexRequest", testIndexRequest},
}

// mentors returns the user IDs of offers, in order.
func mentors(os []bot.Offer) []string {
	out := make([]string, len(os))
	for i, o := range os {
		out[i] = o.Mentor.User
	}
	return out
}

// mustOffersFor fails unless OffersFor(keys) returns the offers of users, in order.
func mustOffersFor(t *testing.T, s bot.Store, tn bot.Tenant, keys []string, users ...string) []bot.Offer {
	t.Helper()
	got, err := s.OffersFor(ctx(), tn, keys)
	MustOK(t, err)
	if !slices.Equal(mentors(got), users) {
		t.Fatalf("OffersFor(%v): got %v, want %v", keys, mentors(got), users)
	}
	mustReadCandidates(t, s, tn, keys, got)
	return got
}

// mustWaitingFor fails unless WaitingFor(keys) returns the requests ids, in order.
func mustWaitingFor(t *testing.T, s bot.Store, tn bot.Tenant, keys []string, want ...string) {
	t.Helper()
	got, err := s.WaitingFor(ctx(), tn, keys)
	MustOK(t, err)
	if !slices.Equal(ids(got), want) {
		t.Fatalf("WaitingFor(%v): got %v, want %v", keys, ids(got), want)
	}
}

func testOffersFor(t *testing.T, s bot.Store, tn bot.Tenant) {
	a := bot.Offer{Mentor: tn.Member("A"), Topics: []string{"Go", "K8s"}, Capacity: 3, Languages: []bot.Lang{"fr", "en"},
		TZ: "Europe/Paris", Years: 10, Kinds: []bot.Kind{matching.Peer, matching.Flash}, Updated: t0, Keys: []string{"go", "kubernetes"}}
	b := bot.Offer{Mentor: tn.Member("B"), Topics: []string{"Python"}, Capacity: 1, Languages: []bot.Lang{"en"}, Updated: t0, Keys: []string{"python"}}
	c := bot.Offer{Mentor: tn.Member("C"), Topics: []string{"golang"}, Capacity: 2, Paused: true, Updated: t0, Keys: []string{"go"}}
	for _, o := range []bot.Offer{c, b, a} {
		MustOK(t, s.SaveOffer(ctx(), o))
	}
	got := mustOffersFor(t, s, tn, []string{"go"}, "A", "C")
	for i, want := range []bot.Offer{a, c} {
		stored, _ := s.GetOffer(ctx(), want.Mentor)
		if fmt.Sprint(got[i]) != fmt.Sprint(want) || fmt.Sprint(got[i]) != fmt.Sprint(stored) {
			t.Fatalf("got %+v, want %+v as saved and as GetOffer reads it (%+v)", got[i], want, stored)
		}
	}
	mustOffersFor(t, s, tn, []string{"python", "kubernetes", "go"}, "A", "B", "C")
	mustOffersFor(t, s, tn, []string{"rust"})
	mustOffersFor(t, s, tn, nil)

	// Changed topics: filed under the new keys, off the old ones.
	a.Topics, a.Keys = []string{"Rust"}, []string{"rust"}
	MustOK(t, s.SaveOffer(ctx(), a))
	mustOffersFor(t, s, tn, []string{"go"}, "C")
	mustOffersFor(t, s, tn, []string{"kubernetes"})
	if got := mustOffersFor(t, s, tn, []string{"rust"}, "A"); got[0].Topics[0] != "Rust" {
		t.Fatalf("got topics %v, want the new ones", got[0].Topics)
	}

	// The counters are current.
	r := mustRequest(t, s, tn, "M", "r1")
	mustPropose(t, s, r, b.Mentor, "p1")
	if got := mustOffersFor(t, s, tn, []string{"python"}, "B"); got[0].Pending != 1 || got[0].Active != 0 {
		t.Fatalf("got active %d pending %d, want 0 and 1", got[0].Active, got[0].Pending)
	}
	_, err := s.AcceptProposal(ctx(), tn, "p1", b.Mentor, bot.Pair{ID: "pair1", Created: t0}, nil)
	MustOK(t, err)
	b.Capacity = 4
	MustOK(t, s.SaveOffer(ctx(), b)) // saving keeps the counters
	if got := mustOffersFor(t, s, tn, []string{"python"}, "B"); got[0].Pending != 0 || got[0].Active != 1 || got[0].Capacity != 4 {
		t.Fatalf("got active %d pending %d capacity %d, want 1, 0 and 4", got[0].Active, got[0].Pending, got[0].Capacity)
	}
}

// testOffersForReadAgain: offers read again after a change are the
// changed ones, and mentors whose offers are alike but for the mentor
// each come back as themselves (a store may keep decoded offers).
func testOffersForReadAgain(t *testing.T, s bot.Store, tn bot.Tenant) {
	d := bot.Offer{Mentor: tn.Member("D"), Topics: []string{"Go"}, Capacity: 2, Languages: []bot.Lang{"en"},
		TZ: "Europe/Paris", Years: 3, Updated: t0, Keys: []string{"go"}}
	e := d
	e.Mentor = tn.Member("E")
	MustOK(t, s.SaveOffer(ctx(), d))
	MustOK(t, s.SaveOffer(ctx(), e))
	for range 2 {
		got := mustOffersFor(t, s, tn, []string{"go"}, "D", "E")
		for i, want := range []bot.Offer{d, e} {
			if fmt.Sprint(got[i]) != fmt.Sprint(want) {
				t.Fatalf("got %+v, want %+v", got[i], want)
			}
		}
	}
	d.Paused, d.Languages, d.Capacity = true, []bot.Lang{"fr"}, 3
	MustOK(t, s.SaveOffer(ctx(), d))
	got := mustOffersFor(t, s, tn, []string{"go"}, "D", "E")
	if fmt.Sprint(got[0]) != fmt.Sprint(d) || fmt.Sprint(got[1]) != fmt.Sprint(e) {
		t.Fatalf("got %+v and %+v, want %+v and %+v", got[0], got[1], d, e)
	}
}

func testIndexOffer(t *testing.T, s bot.Store, tn bot.Tenant) {
	MustCode(t, s.IndexOffer(ctx(), tn.Member("nobody"), []string{"go"}, []string{"go"}), bot.ENOTFOUND)
	o := bot.Offer{Mentor: tn.Member("A"), Topics: []string{"Go"}, Capacity: 2, Updated: t0} // no keys yet
	MustOK(t, s.SaveOffer(ctx(), o))
	mustOffersFor(t, s, tn, []string{"go"})
	MustCode(t, s.IndexOffer(ctx(), o.Mentor, []string{"Rust"}, []string{"rust"}), bot.ESTALE)
	MustOK(t, s.IndexOffer(ctx(), o.Mentor, []string{"Go"}, []string{"go", "golang"}))
	mustOffersFor(t, s, tn, []string{"golang"}, "A")
	MustOK(t, s.IndexOffer(ctx(), o.Mentor, []string{"Go"}, []string{"go"}))
	mustOffersFor(t, s, tn, []string{"golang"})
	got, err := s.GetOffer(ctx(), o.Mentor)
	MustOK(t, err)
	o.Keys = []string{"go"}
	if fmt.Sprint(got) != fmt.Sprint(o) {
		t.Fatalf("got %+v, want %+v: indexing changes only the keys", got, o)
	}
}

func testWaitingFor(t *testing.T, s bot.Store, tn bot.Tenant) {
	create := func(id, user string, at time.Duration, keys ...string) bot.Request {
		r := bot.Request{ID: id, Mentee: tn.Member(user), Topic: "t " + id, Kind: matching.Flash, State: bot.RequestWaiting, Created: t0.Add(at), Keys: keys}
		MustOK(t, s.CreateRequest(ctx(), r, nil))
		return r
	}
	create("r3", "M3", 2*time.Hour, "go", "kubernetes")
	create("r1", "M1", 0, "go")
	create("r2", "M2", time.Hour, "python")
	create("r0", "M0", 0, "kubernetes")
	mustWaitingFor(t, s, tn, []string{"kubernetes", "go"}, "r0", "r1", "r3")
	mustWaitingFor(t, s, tn, []string{"python", "rust"}, "r2")
	mustWaitingFor(t, s, tn, nil)
	got, err := s.WaitingFor(ctx(), tn, []string{"go"})
	MustOK(t, err)
	if got[0].Topic != "t r1" || !got[0].Created.Equal(t0) || !slices.Equal(got[0].Keys, []string{"go"}) {
		t.Fatalf("got %+v, want r1 as created", got[0])
	}

	mentor := mustOffer(t, s, tn, "A", 3)
	r1, _ := s.GetRequest(ctx(), tn, "r1")
	mustPropose(t, s, r1, mentor, "p1")
	mustWaitingFor(t, s, tn, []string{"go"}, "r3") // proposed: off the index
	_, err = s.DeclineProposal(ctx(), tn, "p1", mentor)
	MustOK(t, err)
	mustWaitingFor(t, s, tn, []string{"go"}, "r1", "r3") // back, in its place
	r1, _ = s.GetRequest(ctx(), tn, "r1")
	mustPropose(t, s, r1, mentor, "p2")
	_, err = s.ExpireProposal(ctx(), tn, "p2", bot.Outbox{})
	MustOK(t, err)
	mustWaitingFor(t, s, tn, []string{"go"}, "r1", "r3")

	_, err = s.CancelRequest(ctx(), tn.Member("M3"), "")
	MustOK(t, err)
	mustWaitingFor(t, s, tn, []string{"kubernetes", "go"}, "r0", "r1") // cancelled: gone
	r1, _ = s.GetRequest(ctx(), tn, "r1")
	mustPropose(t, s, r1, mentor, "p3")
	_, err = s.CancelRequest(ctx(), tn.Member("M1"), "")
	MustOK(t, err)
	mustWaitingFor(t, s, tn, []string{"go"})
}

// testWaitingForCharter: a manager's pair takes the request off the index;
// a declined charter puts it back.
func testWaitingForCharter(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 1)
	r := mustRequest(t, s, tn, "M", "r1")
	pair, err := s.FormPair(ctx(), r, "", bot.Pair{ID: "pair1", Mentor: mentor, Mentee: r.Mentee, Topic: "go", Created: t0}, nil)
	MustOK(t, err)
	mustWaitingFor(t, s, tn, []string{"go"})
	_, err = s.DeclineCharter(ctx(), tn, pair.ID, pair.Mentee, bot.Outbox{})
	MustOK(t, err)
	mustWaitingFor(t, s, tn, []string{"go"}, "r1")
	if o, _ := s.GetOffer(ctx(), mentor); o.Active != 0 {
		t.Fatalf("got active %d, want the slot freed", o.Active)
	}
	if got := mustOffersFor(t, s, tn, []string{"go"}, "A"); got[0].Active != 0 {
		t.Fatalf("OffersFor: got active %d, want 0", got[0].Active)
	}
}

func testIndexRequest(t *testing.T, s bot.Store, tn bot.Tenant) {
	MustCode(t, s.IndexRequest(ctx(), tn, "nope", "go", []string{"go"}), bot.ENOTFOUND)
	r := bot.Request{ID: "r1", Mentee: tn.Member("M"), Topic: "Go", State: bot.RequestWaiting, Created: t0} // no keys yet
	MustOK(t, s.CreateRequest(ctx(), r, nil))
	mustWaitingFor(t, s, tn, []string{"go"})
	MustCode(t, s.IndexRequest(ctx(), tn, "r1", "Rust", []string{"rust"}), bot.ESTALE)
	MustOK(t, s.IndexRequest(ctx(), tn, "r1", "Go", []string{"go", "golang"}))
	mustWaitingFor(t, s, tn, []string{"golang"}, "r1")
	MustOK(t, s.IndexRequest(ctx(), tn, "r1", "Go", []string{"go"}))
	mustWaitingFor(t, s, tn, []string{"golang"})
	mustWaitingFor(t, s, tn, []string{"go"}, "r1")

	// A proposed request gets its keys, and is filed under them when it is back.
	mentor := mustOffer(t, s, tn, "A", 1)
	r, _ = s.GetRequest(ctx(), tn, "r1")
	mustPropose(t, s, r, mentor, "p1")
	MustOK(t, s.IndexRequest(ctx(), tn, "r1", "Go", []string{"golang"}))
	mustWaitingFor(t, s, tn, []string{"go", "golang"})
	_, err := s.DeclineProposal(ctx(), tn, "p1", mentor)
	MustOK(t, err)
	mustWaitingFor(t, s, tn, []string{"go"})
	mustWaitingFor(t, s, tn, []string{"golang"}, "r1")

	_, err = s.CancelRequest(ctx(), r.Mentee, "")
	MustOK(t, err)
	MustCode(t, s.IndexRequest(ctx(), tn, "r1", "Go", []string{"go"}), bot.ESTALE)
}
