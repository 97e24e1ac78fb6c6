package bot_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestCapacityCountsProposals: an open proposal takes a mentor's slot, so
// a second mentee waits instead of being proposed a mentor with no room;
// when the proposal is declined or expires, the freed slot goes to the
// waiting mentee.
func TestCapacityCountsProposals(t *testing.T) {
	for name, free := range map[string]func(h *bottest.Harness){
		"Declined": func(h *bottest.Harness) { h.Click("mia", "mia", bot.ActionProposalDecline) },
		"Expired":  func(h *bottest.Harness) { MustTick(t, h, 48*time.Hour) },
	} {
		t.Run(name, func(t *testing.T) {
			h := MustHarness(t)
			h.Run("mia", "offer go capacity:1")
			MustContain(t, h.Run("bob", "request go"), "I've asked a mentor")
			MustContain(t, h.Run("ann", "request golang"), "The mentor for “golang” who could take it has no free slot right now.")
			MustInbox(t, h, "mia: Mentoring request: go | Bob would like your help on “go”.")
			if o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("mia")); o.Pending != 1 {
				t.Fatalf("got %d pending, want 1", o.Pending)
			}
			free(h)
			var toMia []string
			for _, line := range inbox(h) {
				if line[:4] == "mia:" {
					toMia = append(toMia, line)
				}
			}
			if want := "mia: Mentoring request: golang | Ann would like your help on “golang”."; len(toMia) == 0 || toMia[len(toMia)-1] != want {
				t.Fatalf("got mia's messages %q, want the freed slot proposed to Ann last", toMia)
			}
			if o, _ := h.Store.GetOffer(context.Background(), h.Tenant.Member("mia")); o.Pending != 1 {
				t.Fatalf("got %d pending, want 1", o.Pending)
			}
		})
	}
}

// TestNeverProposedAgain: a mentor who declined a mentee is not proposed
// to them again, even for a new request; another mentor who offers later
// is.
func TestNeverProposedAgain(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	h.Run("mia", "offer go")
	h.Run("bob", "request go")
	h.Click("mia", "mia", bot.ActionProposalDecline)
	h.Run("bob", "cancel")
	inbox(h)
	MustContain(t, h.Run("bob", "request go"), "No mentor can take it right now")
	MustInbox(t, h)
	h.Run("zoe", "offer go")
	MustInbox(t, h, "zoe: Mentoring request: go | Bob would like your help on “go”.",
		"bob: Good news: a mentor who fits your request on “go” can take it now, and I've asked them. I'll tell you as soon as they answer.")
	hist, err := h.Store.Histories(ctx, h.Tenant, []string{"bob"})
	storetest.MustOK(t, err)
	if want := map[string]string{"mia": bot.VerdictNever}; fmt.Sprint(hist["bob"]) != fmt.Sprint(want) {
		t.Fatalf("got %v, want %v", hist["bob"], want)
	}
}

// TestHistoryOfPairs: a check-in answered yes is remembered as met; a pair
// stopped as not working out, as never.
func TestHistoryOfPairs(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	mustOfficial(h, "carol", "offer go capacity:1", "dan", "request go kind:one-to-one")
	MustTick(t, h, 3*day)
	h.Click("dan", "dan", bot.ActionCheckinYes)
	hist, _ := h.Store.Histories(ctx, h.Tenant, []string{"dan"})
	if hist["dan"]["carol"] != bot.VerdictMet {
		t.Fatalf("got %v, want carol met", hist["dan"])
	}
	clickStop(t, h, "carol")
	hist, _ = h.Store.Histories(ctx, h.Tenant, []string{"dan"})
	if hist["dan"]["carol"] != bot.VerdictNever {
		t.Fatalf("got %v, want carol never after the pair stopped", hist["dan"])
	}
}

// TestReindexOldData: offers and requests stored before the topic indexes
// are filed under their keys on the first tick, so that a request then
// finds the mentor at once.
func TestReindexOldData(t *testing.T) {
	h := MustHarness(t)
	ctx := context.Background()
	mia := h.Tenant.Member("mia")
	storetest.MustOK(t, h.Store.SaveOffer(ctx, bot.Offer{Mentor: mia, Topics: []string{"Kubernetes"}, Capacity: 2, Languages: []bot.Lang{bot.English}}))
	old := bot.Request{ID: "old1", Mentee: h.Tenant.Member("eve"), Topic: "python", State: bot.RequestWaiting, Created: bottest.Start}
	storetest.MustOK(t, h.Store.CreateRequest(ctx, old, nil))
	MustContain(t, h.Run("bob", "request k8s"), "No mentor can take it right now")

	MustTick(t, h, 0)
	MustContain(t, h.Run("ann", "request kubernetes"), "I've asked a mentor")
	if w, _ := h.Store.WaitingFor(ctx, h.Tenant, []string{"python"}); len(w) != 1 || w[0].ID != "old1" {
		t.Fatalf("got %d requests waiting on python, want the old one filed", len(w))
	}
	if w, _ := h.Store.WaitingFor(ctx, h.Tenant, []string{"kubernetes"}); len(w) != 1 || w[0].Mentee.User != "bob" {
		t.Fatalf("got %d requests waiting on kubernetes, want bob's", len(w))
	}
}

// TestConcurrentReplicasPropose: 8 replicas of the bot share one store and
// serve 200 requests at once, against 20 mentors of capacity 1 to 3. No
// mentor is ever proposed more requests than their capacity; the loser of
// a race for a last slot proposes the next mentor, so every slot is used.
func TestConcurrentReplicasPropose(t *testing.T) {
	const replicas, mentors, requests = 8, 20, 200
	ctx := context.Background()
	st := storetest.MustMemory(t)
	tn := storetest.Tenant(t, "test")
	tn.Platform = "test-" + tn.Workspace
	platform := &bottest.Platform{Gone: map[string]bool{}, Locales: map[string]string{}}
	bots := make([]*bot.Bot, replicas)
	for i := range bots {
		bots[i] = bot.New(bot.Config{}, st, bot.NewManualClock(bottest.Start), rand.NewChaCha8([32]byte{byte(i + 1)}), nil)
		bots[i].Register(tn.Platform, platform)
	}
	run := func(b *bot.Bot, user, text string) bot.Reply {
		return b.HandleCommand(ctx, bot.Command{Member: tn.Member(user), Text: text})
	}
	capacity, slots := map[string]int{}, 0
	for i := range mentors {
		user := fmt.Sprintf("m%02d", i)
		capacity[user] = 1 + i%3
		slots += capacity[user]
		run(bots[0], user, fmt.Sprintf("offer go capacity:%d", capacity[user]))
	}

	stop := storetest.WatchCapacity(st, tn, []string{"go"})
	var wg sync.WaitGroup
	for r := range replicas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := r; i < requests; i += replicas {
				run(bots[r], fmt.Sprintf("e%03d", i), "request go")
			}
		}()
	}
	wg.Wait()
	if over := stop(); len(over) > 0 {
		t.Fatalf("got %d over-booked readings, first: %s", len(over), over[0])
	}

	total := 0
	for user, c := range capacity {
		pending := 0
		for _, m := range platform.To(user) {
			for _, b := range m.Buttons {
				if b.ActionID != bot.ActionProposalAccept {
					continue
				}
				if p, err := st.GetProposal(ctx, tn, b.Value); err == nil && p.State == bot.ProposalPending {
					pending++
				}
			}
		}
		o, _ := st.GetOffer(ctx, tn.Member(user))
		if pending > c || o.Pending != pending {
			t.Errorf("%s: got %d proposals pending, counter %d; want at most %d, and the counter equal", user, pending, o.Pending, c)
		}
		total += pending
	}
	waiting, _ := st.WaitingFor(ctx, tn, []string{"go"})
	if total != slots || len(waiting) != requests-slots {
		t.Fatalf("got %d proposals and %d requests waiting, want %d and %d", total, len(waiting), slots, requests-slots)
	}
	if !slices.IsSortedFunc(waiting, func(a, b bot.Request) int { return a.Created.Compare(b.Created) }) {
		t.Fatalf("got waiting requests out of order")
	}
}

// TestOfferTellsProposalsJustMade: a new mentor whose offer a waiting
// request takes at once reads their slots as they now are, the proposal
// just sent to them counted (it said "0 of 2 in use" before).
func TestOfferTellsProposalsJustMade(t *testing.T) {
	h := MustHarness(t)
	MustContain(t, h.Run("ann", "request go"), "No mentor can take it right now")
	r := h.Run("mia", "offer go capacity:2")
	found := false
	for _, f := range r.Message.Fields {
		if f.Value == "1 of 2 in use (1 awaiting your answer)" {
			found = true
		}
	}
	if !found {
		t.Fatalf("got fields %+v, want the capacity with the proposal just made", r.Message.Fields)
	}
}

// TestOfferUnderWhatIsTaken: a capacity lowered under what is taken says
// that nothing is withdrawn and that no request comes meanwhile, in both
// languages (it showed "2 of 1 in use" and nothing more).
func TestOfferUnderWhatIsTaken(t *testing.T) {
	h := MustHarness(t)
	h.Run("mia", "offer go capacity:2")
	h.Run("ann", "request go")
	h.Run("bob", "request go")
	MustContain(t, h.Run("mia", "offer capacity:1"), "no new request comes to you until you are under it")
	h.Run("mia", "lang fr")
	MustContain(t, h.Run("mia", "offer capacité:1"), "votre nouveau nombre de places (1)\u202f: tout est conservé")
}
