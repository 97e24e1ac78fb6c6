package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/matching"
)

// RunContract runs the behaviour every bot.Store must have against the
// stores that open returns. Each subtest uses a tenant of its own.
func RunContract(t *testing.T, open func(tb testing.TB) bot.Store) {
	tests := []contractTest{
		{"Members", testMembers},
		{"ConcurrentReads", testConcurrentReads},
		{"Offers", testOffers},
		{"Requests", testRequests},
		{"ProposeAcceptDecline", testProposals},
		{"ProposalErrors", testProposalErrors},
		{"ProposalReleased", testProposalReleased},
		{"ProposalFoldedIntoPair", testProposalFolded},
		{"CancelRequest", testCancel},
		{"Charter", testCharter},
		{"DeclineCharter", testDeclineCharter},
		{"CharterText", testCharterText},
		{"ConcurrentAccept", testConcurrentAccept},
		{"ConcurrentCapacity", testConcurrentCapacity},
		{"ConcurrentCharter", testConcurrentCharter},
	}
	for _, tt := range slices.Concat(tests, followupTests, statsTests, topicsTests, capacityTests, indexTests, historyTests, rateTests, privacyTests, testimonialTests, programTests, speedTests, campaignTests, goalTests, pauseTests, homeTests, meetingTests, candidateTests, installTests) {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t), Tenant(t, "test"))
		})
	}
}

// contractTest is one test of the contract, run on a fresh store with a
// tenant of its own.
type contractTest struct {
	name string
	fn   func(t *testing.T, s bot.Store, tn bot.Tenant)
}

var t0 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

func ctx() context.Context { return context.Background() }

// MustCode fails the test unless err carries code.
func MustCode(tb testing.TB, err error, code bot.Code) {
	tb.Helper()
	if got := bot.ErrorCode(err); got != code {
		tb.Fatalf("got error code %q (%v), want %q", got, err, code)
	}
}

// MustOK fails the test on any error.
func MustOK(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatalf("unexpected error: %v", err)
	}
}

func mustOffer(t *testing.T, s bot.Store, tn bot.Tenant, user string, capacity int) bot.MemberID {
	t.Helper()
	id := tn.Member(user)
	MustOK(t, s.SaveOffer(ctx(), bot.Offer{Mentor: id, Topics: []string{"go"}, Capacity: capacity, Languages: []bot.Lang{"en"}, Keys: []string{"go"}}))
	return id
}

func mustRequest(t *testing.T, s bot.Store, tn bot.Tenant, user, id string) bot.Request {
	t.Helper()
	r := bot.Request{ID: id, Mentee: tn.Member(user), Topic: "go", Kind: matching.Flash, State: bot.RequestWaiting, Created: t0, Keys: []string{"go"}}
	MustOK(t, s.CreateRequest(ctx(), r, nil))
	return r
}

// mustPairOf forms the pair id of the mentor and mentee users, each with
// an offer or a request of their own.
func mustPairOf(t *testing.T, s bot.Store, tn bot.Tenant, id, mentor, mentee string) bot.Pair {
	t.Helper()
	m := mustOffer(t, s, tn, mentor, 1)
	p := mustPropose(t, s, mustRequest(t, s, tn, mentee, "r-"+id), m, "p-"+id)
	pair, err := s.AcceptProposal(ctx(), tn, p.ID, m, bot.Pair{ID: id, Created: t0}, nil)
	MustOK(t, err)
	return pair
}

func mustPropose(t *testing.T, s bot.Store, r bot.Request, mentor bot.MemberID, id string) bot.Proposal {
	t.Helper()
	p := bot.Proposal{ID: id, Request: r.ID, Mentor: mentor, Mentee: r.Mentee, Topic: r.Topic, Kind: r.Kind,
		Reasons: []matching.Reason{{Code: matching.ReasonTopic, Detail: "go", Exact: true}}, State: bot.ProposalPending, Created: t0}
	MustOK(t, s.Propose(ctx(), p, nil))
	return p
}

func testMembers(t *testing.T, s bot.Store, tn bot.Tenant) {
	id := tn.Member("U1")
	_, err := s.GetMember(ctx(), id)
	MustCode(t, err, bot.ENOTFOUND)
	m := bot.Member{ID: id, Name: "Ada", Lang: bot.French, LangChosen: true, Languages: []bot.Lang{"fr", "de"}, TZ: "Europe/Paris", Years: 12, Joined: t0}
	MustOK(t, s.SaveMember(ctx(), m))
	got, err := s.GetMember(ctx(), id)
	MustOK(t, err)
	if !reflect.DeepEqual(got, m) {
		t.Fatalf("got %+v, want %+v", got, m)
	}
	// A language inferred, saved over a chosen one, reads inferred.
	inferred := m
	inferred.LangChosen = false
	MustOK(t, s.SaveMember(ctx(), inferred))
	if got, err := s.GetMember(ctx(), id); err != nil || got.LangChosen {
		t.Fatalf("got %+v (%v), want the language inferred", got, err)
	}
	MustOK(t, s.SaveMember(ctx(), m))
	all, err := s.Members(ctx(), tn, []string{"U1", "nobody"})
	MustOK(t, err)
	if len(all) != 1 || !reflect.DeepEqual(all["U1"], m) {
		t.Fatalf("got %+v, want only U1 as saved", all)
	}
	mustOffer(t, s, tn, "U2", 1) // an offer, but no record: not listed
	// A past pairing remembered, but no record: neither found nor listed.
	MustOK(t, s.RememberPair(ctx(), tn, "U3", "U2", bot.VerdictMet))
	if _, err := s.GetMember(ctx(), tn.Member("U3")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v for a member with a history and no record, want ENOTFOUND", err)
	}
	users, err := s.MembersWithRecord(ctx(), tn)
	MustOK(t, err)
	if len(users) != 1 || users[0] != "U1" {
		t.Fatalf("got members with a record %v, want [U1]", users)
	}
}

func testOffers(t *testing.T, s bot.Store, tn bot.Tenant) {
	_, err := s.GetOffer(ctx(), tn.Member("U1"))
	MustCode(t, err, bot.ENOTFOUND)
	o := bot.Offer{Mentor: tn.Member("U2"), Topics: []string{"go", "k8s"}, Capacity: 3, Languages: []bot.Lang{"fr"},
		TZ: "Europe/Paris", Years: 10, Kinds: []bot.Kind{matching.Peer}, Paused: true, Active: 7, Updated: t0}
	MustOK(t, s.SaveOffer(ctx(), o))
	mustOffer(t, s, tn, "U1", 1)
	got, err := s.GetOffer(ctx(), o.Mentor)
	MustOK(t, err)
	o.Active = 0 // kept by the store, not by SaveOffer
	if fmt.Sprint(got) != fmt.Sprint(o) {
		t.Fatalf("got %+v, want %+v", got, o)
	}
	all, err := s.Offers(ctx(), tn)
	MustOK(t, err)
	if len(all) != 2 || all[0].Mentor.User != "U1" || all[1].Mentor.User != "U2" {
		t.Fatalf("got %d offers %v, want U1 and U2 in order", len(all), all)
	}
}

func testRequests(t *testing.T, s bot.Store, tn bot.Tenant) {
	r := mustRequest(t, s, tn, "M1", "r1")
	MustCode(t, s.CreateRequest(ctx(), bot.Request{ID: "r2", Mentee: r.Mentee, State: bot.RequestWaiting, Created: t0}, nil), bot.ECONFLICT)
	// A request's ID is made once: a command redelivered finds it made.
	MustCode(t, s.CreateRequest(ctx(), bot.Request{ID: "r1", Mentee: tn.Member("M9"), Topic: "rust", State: bot.RequestWaiting, Created: t0}, nil), bot.ECONFLICT)
	if _, err := s.OpenRequest(ctx(), tn.Member("M9")); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Fatalf("got %v for a request whose ID exists, want nothing stored", err)
	}
	got, err := s.OpenRequest(ctx(), r.Mentee)
	MustOK(t, err)
	if got.ID != "r1" || got.State != bot.RequestWaiting || !got.Created.Equal(t0) {
		t.Fatalf("got %+v, want r1 waiting", got)
	}
	later := bot.Request{ID: "r3", Mentee: tn.Member("M2"), Topic: "go", State: bot.RequestWaiting, Created: t0.Add(time.Hour)}
	MustOK(t, s.CreateRequest(ctx(), later, nil))
	w, err := s.Waiting(ctx(), tn)
	MustOK(t, err)
	if len(w) != 2 || w[0].ID != "r1" || w[1].ID != "r3" {
		t.Fatalf("got waiting %v, want r1 then r3", w)
	}
	_, err = s.GetRequest(ctx(), tn, "nope")
	MustCode(t, err, bot.ENOTFOUND)
}

func testProposals(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 2)
	r := mustRequest(t, s, tn, "M", "r1")
	p := mustPropose(t, s, r, mentor, "p1")
	MustCode(t, s.Propose(ctx(), bot.Proposal{ID: "p2", Request: r.ID, Mentor: mentor, Mentee: r.Mentee}, nil), bot.ESTALE)
	if o, _ := s.GetOffer(ctx(), mentor); o.Pending != 1 {
		t.Fatalf("got pending %d, want 1", o.Pending)
	}
	if w, _ := s.Waiting(ctx(), tn); len(w) != 0 {
		t.Fatalf("got %d waiting, want 0 while proposed", len(w))
	}
	// Decline: back to waiting, mentor remembered.
	_, err := s.DeclineProposal(ctx(), tn, p.ID, mentor)
	MustOK(t, err)
	got, _ := s.GetRequest(ctx(), tn, r.ID)
	if got.State != bot.RequestWaiting || len(got.Declined) != 1 || got.Declined[0] != "A" {
		t.Fatalf("got %+v, want waiting with A declined", got)
	}
	// A second mentor accepts.
	b := mustOffer(t, s, tn, "B", 1)
	p2 := mustPropose(t, s, got, b, "p2")
	pair, err := s.AcceptProposal(ctx(), tn, p2.ID, b, bot.Pair{ID: "pair1", Room: "https://meet/x", Created: t0}, nil)
	MustOK(t, err)
	if pair.State != bot.PairCharter || pair.Mentor != b || pair.Mentee != r.Mentee || pair.Topic != "go" || pair.Request != r.ID {
		t.Fatalf("got %+v, want a charter pair of B and M", pair)
	}
	if o, _ := s.GetOffer(ctx(), b); o.Active != 1 || o.Pending != 0 {
		t.Fatalf("got active %d pending %d, want 1 and 0", o.Active, o.Pending)
	}
	_, err = s.OpenRequest(ctx(), r.Mentee)
	MustCode(t, err, bot.ENOTFOUND)
	pairs, err := s.PairsOf(ctx(), r.Mentee)
	MustOK(t, err)
	if len(pairs) != 1 || pairs[0].ID != "pair1" || pairs[0].Room != "https://meet/x" {
		t.Fatalf("got pairs %+v, want pair1", pairs)
	}
}

// testProposalReleased: a proposal that could not reach its mentor is
// released: its slot is free, its request waits again, filed under its
// topic, and the mentor is not counted as having declined it; a second
// release, a decline or an accept of it is stale.
func testProposalReleased(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 1)
	r := mustRequest(t, s, tn, "M", "r1")
	p := mustPropose(t, s, r, mentor, "p1")
	mustTaken(t, s, tn, []string{"go"}, []string{"A"}, 1)
	got, err := s.ReleaseProposal(ctx(), tn, p.ID)
	MustOK(t, err)
	if got.State != bot.ProposalUndelivered {
		t.Fatalf("got state %q, want undelivered", got.State)
	}
	if stored, _ := s.GetProposal(ctx(), tn, p.ID); stored.State != bot.ProposalUndelivered {
		t.Fatalf("got stored state %q, want undelivered", stored.State)
	}
	req, err := s.GetRequest(ctx(), tn, r.ID)
	MustOK(t, err)
	if req.State != bot.RequestWaiting || len(req.Declined) != 0 {
		t.Fatalf("got %+v, want waiting with nobody declined", req)
	}
	if o, _ := s.GetOffer(ctx(), mentor); o.Pending != 0 {
		t.Fatalf("got pending %d, want the slot free", o.Pending)
	}
	mustTaken(t, s, tn, []string{"go"}, []string{"A"}, 0)
	if w, _ := s.WaitingFor(ctx(), tn, []string{"go"}); len(w) != 1 || w[0].ID != r.ID {
		t.Fatalf("got waiting on go %+v, want r1 filed again", w)
	}
	_, err = s.ReleaseProposal(ctx(), tn, p.ID)
	MustCode(t, err, bot.ESTALE)
	_, err = s.DeclineProposal(ctx(), tn, p.ID, mentor)
	MustCode(t, err, bot.ESTALE)
	_, err = s.ReleaseProposal(ctx(), tn, "missing")
	MustCode(t, err, bot.ENOTFOUND)
	// It may go to the same mentor again.
	mustPropose(t, s, req, mentor, "p2")
}

func testProposalErrors(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 1)
	r := mustRequest(t, s, tn, "M", "r1")
	p := mustPropose(t, s, r, mentor, "p1")
	pair := bot.Pair{ID: "x", Created: t0}
	_, err := s.AcceptProposal(ctx(), tn, "missing", mentor, pair, nil)
	MustCode(t, err, bot.ENOTFOUND)
	_, err = s.AcceptProposal(ctx(), tn, p.ID, tn.Member("intruder"), pair, nil)
	MustCode(t, err, bot.EFORBIDDEN)
	_, err = s.DeclineProposal(ctx(), tn, p.ID, r.Mentee)
	MustCode(t, err, bot.EFORBIDDEN)
	_, err = s.AcceptProposal(ctx(), tn, p.ID, mentor, pair, nil)
	MustOK(t, err)
	_, err = s.AcceptProposal(ctx(), tn, p.ID, mentor, bot.Pair{ID: "y", Created: t0}, nil)
	MustCode(t, err, bot.ESTALE)
	_, err = s.DeclineProposal(ctx(), tn, p.ID, mentor)
	MustCode(t, err, bot.ESTALE)
	// A mentor who lowered their capacity since the proposal: it stays pending.
	mustOffer(t, s, tn, "A", 2)
	r2 := mustRequest(t, s, tn, "M2", "r2")
	p2 := mustPropose(t, s, r2, mentor, "p2")
	mustOffer(t, s, tn, "A", 1)
	_, err = s.AcceptProposal(ctx(), tn, p2.ID, mentor, bot.Pair{ID: "z", Created: t0}, nil)
	MustCode(t, err, bot.ECAPACITY)
	if got, _ := s.GetProposal(ctx(), tn, p2.ID); got.State != bot.ProposalPending {
		t.Fatalf("got %s, want pending after a capacity refusal", got.State)
	}
}

// testProposalFolded: a pair that takes its proposal's ID, as the core's
// pairs do, still answers for the accepted proposal, in full, through a
// double click, a charter declined and the member's data.
func testProposalFolded(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 1)
	r := mustRequest(t, s, tn, "M", "r1")
	p := bot.Proposal{ID: "p1", Request: r.ID, Mentor: mentor, Mentee: r.Mentee, Topic: r.Topic, Kind: r.Kind, Goal: "ship my first service",
		Reasons: []matching.Reason{{Code: matching.ReasonTopic, Detail: "go", Exact: true}}, Score: 0.875, State: bot.ProposalPending, Created: t0}
	MustOK(t, s.Propose(ctx(), p, nil))
	_, err := s.AcceptProposal(ctx(), tn, p.ID, mentor, bot.Pair{ID: p.ID, Created: t0.Add(time.Hour)}, nil)
	MustOK(t, err)
	want := p
	want.State = bot.ProposalAccepted
	check := func(when string) {
		t.Helper()
		got, err := s.GetProposal(ctx(), tn, p.ID)
		MustOK(t, err)
		if got.ID != want.ID || got.Request != want.Request || got.Mentor != want.Mentor || got.Mentee != want.Mentee || got.Topic != want.Topic ||
			got.Kind != want.Kind || got.Goal != want.Goal || got.State != want.State || !got.Created.Equal(want.Created) || got.Score != want.Score ||
			len(got.Reasons) != 1 || got.Reasons[0] != want.Reasons[0] {
			t.Fatalf("%s: got %+v, want %+v", when, got, want)
		}
	}
	check("accepted")
	_, err = s.AcceptProposal(ctx(), tn, p.ID, mentor, bot.Pair{ID: p.ID, Created: t0}, nil)
	MustCode(t, err, bot.ESTALE)
	_, err = s.DeclineProposal(ctx(), tn, p.ID, mentor)
	MustCode(t, err, bot.ESTALE)
	_, err = s.AcceptProposal(ctx(), tn, p.ID, tn.Member("intruder"), bot.Pair{ID: p.ID, Created: t0}, nil)
	MustCode(t, err, bot.EFORBIDDEN)
	check("clicked again")
	for _, who := range []bot.MemberID{mentor, r.Mentee} {
		d, err := s.MemberData(ctx(), who)
		MustOK(t, err)
		if len(d.Proposals) != 1 || d.Proposals[0].ID != p.ID || d.Proposals[0].State != bot.ProposalAccepted || !d.Proposals[0].Created.Equal(t0) {
			t.Fatalf("got proposals %+v in %s's data, want p1 accepted", d.Proposals, who.User)
		}
	}
	_, err = s.DeclineCharter(ctx(), tn, p.ID, r.Mentee, bot.Outbox{})
	MustOK(t, err)
	check("charter declined")
}

func testCancel(t *testing.T, s bot.Store, tn bot.Tenant) {
	_, err := s.CancelRequest(ctx(), tn.Member("M"), "")
	MustCode(t, err, bot.ENOTFOUND)
	mentor := mustOffer(t, s, tn, "A", 1)
	r := mustRequest(t, s, tn, "M", "r1")
	p := mustPropose(t, s, r, mentor, "p1")
	got, err := s.CancelRequest(ctx(), r.Mentee, "")
	MustOK(t, err)
	if got.ID != r.ID || got.Proposal != p.ID {
		t.Fatalf("got %+v, want r1 with proposal p1", got)
	}
	if pp, _ := s.GetProposal(ctx(), tn, p.ID); pp.State != bot.ProposalWithdrawn {
		t.Fatalf("got proposal %s, want withdrawn", pp.State)
	}
	if o, _ := s.GetOffer(ctx(), mentor); o.Pending != 0 {
		t.Fatalf("got pending %d, want 0", o.Pending)
	}
	_, err = s.AcceptProposal(ctx(), tn, p.ID, mentor, bot.Pair{ID: "x", Created: t0}, nil)
	MustCode(t, err, bot.ESTALE)
	mustRequest(t, s, tn, "M", "r2") // a new request is possible again
	// Withdrawing r1 by its ID (a button of before) leaves r2 open.
	_, err = s.CancelRequest(ctx(), r.Mentee, "r1")
	MustCode(t, err, bot.ESTALE)
	if open, err := s.OpenRequest(ctx(), r.Mentee); err != nil || open.ID != "r2" || open.State != bot.RequestWaiting {
		t.Fatalf("got %+v, %v, want r2 still open", open, err)
	}
	got, err = s.CancelRequest(ctx(), r.Mentee, "r2")
	MustOK(t, err)
	if got.ID != "r2" {
		t.Fatalf("got %+v, want r2 withdrawn by its ID", got)
	}
}

func formPair(t *testing.T, s bot.Store, tn bot.Tenant) bot.Pair {
	t.Helper()
	mentor := mustOffer(t, s, tn, "A", 1)
	r := mustRequest(t, s, tn, "M", "r1")
	p := mustPropose(t, s, r, mentor, "p1")
	pair, err := s.AcceptProposal(ctx(), tn, p.ID, mentor, bot.Pair{ID: "pair1", Created: t0}, nil)
	MustOK(t, err)
	return pair
}

func testCharter(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := formPair(t, s, tn)
	_, err := s.AcceptCharter(ctx(), tn, pair.ID, tn.Member("intruder"), 1, t0, nil)
	MustCode(t, err, bot.EFORBIDDEN)
	got, err := s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentee, 1, t0.Add(time.Minute), nil)
	MustOK(t, err)
	if got.State != bot.PairCharter || got.MenteeAck != 1 {
		t.Fatalf("got %s ack %d, want charter with the mentee's ack", got.State, got.MenteeAck)
	}
	_, err = s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentee, 1, t0, nil)
	MustCode(t, err, bot.ESTALE)
	at := t0.Add(time.Hour)
	got, err = s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentor, 1, at, nil)
	MustOK(t, err)
	if got.State != bot.PairActive || !got.Official.Equal(at) {
		t.Fatalf("got %s at %v, want active at %v", got.State, got.Official, at)
	}
	m, err := s.GetMember(ctx(), pair.Mentor)
	MustOK(t, err)
	if m.CharterVersion != 1 || !m.CharterAccepted.Equal(at) {
		t.Fatalf("got charter %d at %v, want 1 at %v", m.CharterVersion, m.CharterAccepted, at)
	}
	_, err = s.DeclineCharter(ctx(), tn, pair.ID, pair.Mentor, bot.Outbox{})
	MustCode(t, err, bot.ESTALE)
}

func testDeclineCharter(t *testing.T, s bot.Store, tn bot.Tenant) {
	pair := formPair(t, s, tn)
	got, err := s.DeclineCharter(ctx(), tn, pair.ID, pair.Mentee, bot.Outbox{})
	MustOK(t, err)
	if got.State != bot.PairCancelled {
		t.Fatalf("got %s, want cancelled", got.State)
	}
	if o, _ := s.GetOffer(ctx(), pair.Mentor); o.Active != 0 {
		t.Fatalf("got active %d, want the slot freed", o.Active)
	}
	r, err := s.OpenRequest(ctx(), pair.Mentee)
	MustOK(t, err)
	if r.State != bot.RequestWaiting || len(r.Declined) != 1 || r.Declined[0] != pair.Mentor.User {
		t.Fatalf("got %+v, want waiting without the mentor", r)
	}
	_, err = s.AcceptCharter(ctx(), tn, pair.ID, pair.Mentor, 1, t0, nil)
	MustCode(t, err, bot.ESTALE)
}

func testCharterText(t *testing.T, s bot.Store, tn bot.Tenant) {
	_, err := s.GetCharter(ctx(), tn)
	MustCode(t, err, bot.ENOTFOUND)
	c, err := s.SetCharter(ctx(), tn, bot.French, "Soyons bienveillants.", t0)
	MustOK(t, err)
	if c.Version != 2 || c.Text[bot.French] != "Soyons bienveillants." {
		t.Fatalf("got %+v, want version 2 with the French text", c)
	}
	c, err = s.SetCharter(ctx(), tn, bot.English, "Be kind.", t0)
	MustOK(t, err)
	if c.Version != 3 || c.Text[bot.English] != "Be kind." || c.Text[bot.French] == "" {
		t.Fatalf("got %+v, want version 3 with both texts", c)
	}
}

// testConcurrentAccept: 50 goroutines click Accept on the same proposal;
// exactly one pair is formed.
func testConcurrentAccept(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 5)
	r := mustRequest(t, s, tn, "M", "r1")
	p := mustPropose(t, s, r, mentor, "p1")
	codes := concurrently(50, func(i int) error {
		_, err := s.AcceptProposal(ctx(), tn, p.ID, mentor, bot.Pair{ID: fmt.Sprintf("pair%d", i), Created: t0}, nil)
		return err
	})
	if codes[""] != 1 || codes[bot.ESTALE] != 49 {
		t.Fatalf("got %v, want 1 success and 49 ESTALE", codes)
	}
	pairs, _ := s.PairsOf(ctx(), mentor)
	o, _ := s.GetOffer(ctx(), mentor)
	if len(pairs) != 1 || o.Active != 1 {
		t.Fatalf("got %d pairs and active %d, want 1 and 1", len(pairs), o.Active)
	}
}

// concurrently runs fn(0..n-1) in n goroutines released at the same
// moment, and counts the error codes they return ("" for success).
// testConcurrentReads: 300 members read at the same moment (reads that a
// store may batch together) each get their own record, and unknown
// members ENOTFOUND.
func testConcurrentReads(t *testing.T, s bot.Store, tn bot.Tenant) {
	const n = 300
	for i := range n {
		if i%3 != 0 {
			MustOK(t, s.SaveMember(ctx(), bot.Member{ID: tn.Member(fmt.Sprintf("U%d", i)), Name: fmt.Sprintf("Member %d", i), Years: i % 50, Joined: t0}))
		}
	}
	var mu sync.Mutex
	var wrong []string
	codes := concurrently(n, func(i int) error {
		id := tn.Member(fmt.Sprintf("U%d", i))
		m, err := s.GetMember(ctx(), id)
		if err == nil && (m.ID != id || m.Name != fmt.Sprintf("Member %d", i) || m.Years != i%50) {
			mu.Lock()
			wrong = append(wrong, fmt.Sprintf("%s got %+v", id.User, m))
			mu.Unlock()
		}
		return err
	})
	if len(wrong) > 0 {
		t.Fatalf("got %d members read wrong, first: %s", len(wrong), wrong[0])
	}
	if codes[""] != n-n/3 || codes[bot.ENOTFOUND] != n/3 {
		t.Fatalf("got outcomes %v, want %d found and %d ENOTFOUND", codes, n-n/3, n/3)
	}
}

func concurrently(n int, fn func(i int) error) map[bot.Code]int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[bot.Code]int{}
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := fn(i)
			mu.Lock()
			codes[bot.ErrorCode(err)]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return codes
}

// testConcurrentCapacity: a mentor with capacity 2 is proposed 20
// requests at the same moment; exactly 2 proposals are recorded, and
// accepting them all at once forms 2 pairs.
func testConcurrentCapacity(t *testing.T, s bot.Store, tn bot.Tenant) {
	mentor := mustOffer(t, s, tn, "A", 2)
	var props []bot.Proposal
	for i := range 20 {
		r := mustRequest(t, s, tn, fmt.Sprintf("M%d", i), fmt.Sprintf("r%d", i))
		props = append(props, bot.Proposal{ID: fmt.Sprintf("p%d", i), Request: r.ID, Mentor: mentor, Mentee: r.Mentee,
			Topic: r.Topic, Kind: r.Kind, State: bot.ProposalPending, Created: t0})
	}
	codes := concurrently(len(props), func(i int) error { return s.Propose(ctx(), props[i], nil) })
	if o, _ := s.GetOffer(ctx(), mentor); codes[""] != 2 || codes[bot.ECAPACITY] != 18 || o.Pending != 2 {
		t.Fatalf("got %v, pending %d; want 2 proposals, 18 ECAPACITY", codes, o.Pending)
	}
	codes = concurrently(len(props), func(i int) error {
		_, err := s.AcceptProposal(ctx(), tn, props[i].ID, mentor, bot.Pair{ID: fmt.Sprintf("pair%d", i), Created: t0}, nil)
		return err
	})
	o, _ := s.GetOffer(ctx(), mentor)
	pairs, _ := s.PairsOf(ctx(), mentor)
	if codes[""] != 2 || codes[bot.ENOTFOUND] != 18 || o.Active != 2 || len(pairs) != 2 || o.Pending != 0 {
		t.Fatalf("got %v, active %d, %d pairs, pending %d; want 2 pairs, 18 ENOTFOUND (never proposed), 0 pending", codes, o.Active, len(pairs), o.Pending)
	}
}

// testConcurrentCharter: both members accept at the same moment; the pair
// becomes active once, with both acceptances.
func testConcurrentCharter(t *testing.T, s bot.Store, tn bot.Tenant) {
	for round := range 10 {
		tr := bot.Tenant{Platform: tn.Platform, Workspace: fmt.Sprintf("%s-%d", tn.Workspace, round)}
		pair := formPair(t, s, tr)
		var wg sync.WaitGroup
		results := make([]bot.Pair, 2)
		for i, m := range []bot.MemberID{pair.Mentor, pair.Mentee} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p, err := s.AcceptCharter(ctx(), tr, pair.ID, m, 1, t0, nil)
				MustOK(t, err)
				results[i] = p
			}()
		}
		wg.Wait()
		active := 0
		for _, p := range results {
			if p.State == bot.PairActive {
				active++
			}
		}
		got, _ := s.GetPair(ctx(), tr, pair.ID)
		if active != 1 || got.State != bot.PairActive || got.MentorAck != 1 || got.MenteeAck != 1 {
			t.Fatalf("round %d: %d callers saw it become active, stored %+v; want exactly 1 and both acks", round, active, got)
		}
	}
}
