package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestIndexRoundTrips: OffersFor and WaitingFor take two round trips and
// Histories one, however many offers, requests and mentees they read.
func TestIndexRoundTrips(t *testing.T) {
	ctx := context.Background()
	st := storetest.MustOpen(t)
	rt := &roundTrips{}
	st.Client().AddHook(rt)
	tn := storetest.Tenant(t, "test")
	const n = 300
	users, mentees := make([]string, n), make([]string, n)
	for i := range n {
		users[i] = fmt.Sprintf("U%03d", i)
		keys := []string{"go", fmt.Sprintf("t%d", i%7)}
		storetest.MustOK(t, st.SaveOffer(ctx, bot.Offer{Mentor: tn.Member(users[i]), Topics: []string{"go"}, Capacity: 2, Keys: keys}))
		storetest.MustOK(t, st.CreateRequest(ctx, bot.Request{ID: fmt.Sprintf("r%03d", i), Mentee: tn.Member("M" + users[i]),
			Topic: "go", State: bot.RequestWaiting, Created: bottest.Start, Keys: keys}, nil))
		mentees[i] = "M" + users[i]
		storetest.MustOK(t, st.RememberPair(ctx, tn, mentees[i], users[i], bot.VerdictMet))
	}
	for _, c := range []struct {
		name string
		want int64
		call func() int
	}{
		{"OffersFor", 2, func() int { o, _ := st.OffersFor(ctx, tn, []string{"go", "t1", "t2"}); return len(o) }},
		{"WaitingFor", 2, func() int { w, _ := st.WaitingFor(ctx, tn, []string{"t3", "go"}); return len(w) }},
		{"Histories", 1, func() int { h, _ := st.Histories(ctx, tn, mentees); return len(h) }},
		// Records, histories, pair indexes: one round trip; their pairs
		// (none here) a second.
		{"Mentees", 1, func() int { m, _ := st.Mentees(ctx, tn, mentees); return len(m) }},
	} {
		c.call() // warms the connection pool: a new connection's handshake goes through the hook too
		before := rt.n.Load()
		if got := c.call(); got != n {
			t.Fatalf("%s: got %d records, want %d", c.name, got, n)
		}
		if got := rt.n.Load() - before; got != c.want {
			t.Errorf("%s: got %d round trips, want %d", c.name, got, c.want)
		}
	}
}

// TestIndexOfferOldCounters: an offer stored before the index (counters in
// its hash only, no keys) gets its counters into the index when it is
// filed, so that OffersFor and Propose agree on its free slots.
func TestIndexOfferOldCounters(t *testing.T) {
	ctx := context.Background()
	st := storetest.MustOpen(t)
	tn := storetest.Tenant(t, "test")
	mentor := tn.Member("A")
	storetest.MustOK(t, st.SaveOffer(ctx, bot.Offer{Mentor: mentor, Topics: []string{"go"}, Capacity: 3}))
	prefix := "mb:{" + tn.Platform + ":" + tn.Workspace + "}:"
	storetest.MustOK(t, st.Client().HSet(ctx, prefix+"offer:A", "active", 2, "pending", 1).Err())
	storetest.MustOK(t, st.Client().HDel(ctx, prefix+"load", "A:active", "A:pending").Err())

	storetest.MustOK(t, st.IndexOffer(ctx, mentor, []string{"go"}, []string{"go"}))
	got, err := st.OffersFor(ctx, tn, []string{"go"})
	storetest.MustOK(t, err)
	if len(got) != 1 || got[0].Active != 2 || got[0].Pending != 1 {
		t.Fatalf("got %+v, want A with 2 active and 1 pending", got)
	}
}

// TestOffersRepairsIndex: what a replica of an older version writes into
// an offer without the index (a new capacity, a counter moved) reaches
// OffersFor once Offers has read it; and an index in order costs Offers no
// write.
func TestOffersRepairsIndex(t *testing.T) {
	ctx := context.Background()
	st := storetest.MustOpen(t)
	rt := &roundTrips{}
	st.Client().AddHook(rt)
	tn := storetest.Tenant(t, "test")
	for _, u := range []string{"A", "B"} {
		storetest.MustOK(t, st.SaveOffer(ctx, bot.Offer{Mentor: tn.Member(u), Topics: []string{"go"}, Capacity: 3, Keys: []string{"go"}}))
	}
	_, err := st.Offers(ctx, tn) // warms the pool
	storetest.MustOK(t, err)
	before := rt.n.Load()
	_, err = st.Offers(ctx, tn)
	storetest.MustOK(t, err)
	if got := rt.n.Load() - before; got != 2 {
		t.Fatalf("got %d round trips, want 2 and no repair", got)
	}

	prefix := "mb:{" + tn.Platform + ":" + tn.Workspace + "}:"
	storetest.MustOK(t, st.Client().HSet(ctx, prefix+"offer:A", "capacity", 5, "active", 1).Err())
	_, err = st.Offers(ctx, tn)
	storetest.MustOK(t, err)
	got, err := st.OffersFor(ctx, tn, []string{"go"})
	storetest.MustOK(t, err)
	if len(got) != 2 || got[0].Capacity != 5 || got[0].Active != 1 || got[1].Capacity != 3 {
		t.Fatalf("got %+v, want A with capacity 5 and 1 active, B as saved", got)
	}
}
