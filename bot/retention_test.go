package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestRetention: the daily job deletes the pairs closed, surveys answered
// and requests cancelled more than the retention ago, and nothing younger:
// a pair in progress, a waiting request and the counters stay.
func TestRetention(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) { testRetention(t, MustHarnessOn(t, b)) })
	}
}

func testRetention(t *testing.T, h *bottest.Harness) {
	ctx := context.Background()
	const year = 365 * day
	h.Run("fred", "request python")
	h.Run("fred", "cancel")
	h.Run("erin", "offer sql kinds:flash")
	h.Run("dan", "request sql kind:flash")
	h.Click("erin", "erin", bot.ActionProposalAccept)
	h.Click("erin", "erin", bot.ActionCharterAccept)
	h.Click("dan", "dan", bot.ActionCharterAccept)
	MustTick(t, h, 3*day)
	h.Click("dan", "dan", bot.ActionCheckinYes)
	MustTick(t, h, time.Minute)
	h.Click("dan", "dan", "4")
	flash := mustOnlyPair(t, h, "dan")
	if flash.State != bot.PairCompleted {
		t.Fatalf("got %s, want the flash pair completed", flash.State)
	}
	survey := bot.SurveyID(flash.ID + ":" + bot.SurveyFlash)
	fred, err := h.Store.MemberData(ctx, h.Tenant.Member("fred"))
	if err != nil || len(fred.Requests) != 1 {
		t.Fatalf("got %+v (%v), want fred's cancelled request", fred.Requests, err)
	}
	cancelled := fred.Requests[0].ID
	mustOfficial(h, "bob", "offer go", "carol", "request go kind:one-to-one")
	active := mustOnlyPair(t, h, "carol")
	h.Run("gus", "request rust")
	stats, _ := h.Store.Stats(ctx, h.Tenant, []string{bot.AllTime})

	h.Clock.Advance(year)
	if err := h.Bot.Prune(ctx, 2*year); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Store.GetPair(ctx, h.Tenant, flash.ID); err != nil {
		t.Fatalf("got %v after a year, want the closed pair kept for two", err)
	}
	h.Clock.Advance(year + 30*day)
	if err := h.Bot.Prune(ctx, 0); err != nil { // the default: two years
		t.Fatal(err)
	}
	if _, err := h.Store.GetPair(ctx, h.Tenant, flash.ID); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got %v, want the pair closed over two years ago deleted", err)
	}
	if s, _ := h.Store.Survey(ctx, h.Tenant, survey, h.Tenant.Member("dan")); len(s) != 0 {
		t.Errorf("got survey %v, want it deleted", s)
	}
	if _, err := h.Store.GetRequest(ctx, h.Tenant, cancelled); bot.ErrorCode(err) != bot.ENOTFOUND {
		t.Errorf("got %v, want the request cancelled over two years ago deleted", err)
	}
	if pairs, _ := h.Store.PairsOf(ctx, h.Tenant.Member("erin")); len(pairs) != 0 {
		t.Errorf("got erin's pairs %+v, want the deleted pair out of her list", pairs)
	}
	if _, err := h.Store.GetPair(ctx, h.Tenant, active.ID); err != nil {
		t.Errorf("got %v, want the pair in progress kept", err)
	}
	if _, err := h.Store.OpenRequest(ctx, h.Tenant.Member("gus")); err != nil {
		t.Errorf("got %v, want the waiting request kept", err)
	}
	after, _ := h.Store.Stats(ctx, h.Tenant, []string{bot.AllTime})
	for k, n := range stats[0].Counts {
		if after[0].Counts[k] != n {
			t.Errorf("got %s = %d after pruning, want %d", k, after[0].Counts[k], n)
		}
	}
}
