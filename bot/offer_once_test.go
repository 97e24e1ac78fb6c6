package bot_test

import (
	"context"
	"sync"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
)

// TestFirstOfferCountedOnce sends one mentor's first offer from several
// replicas at once (D6): each sees no offer yet, yet the digest's new
// mentors figure counts them once, in the week and in all time.
func TestFirstOfferCountedOnce(t *testing.T) {
	h := MustAdminHarness(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { h.Run("mia", "offer go") })
	}
	wg.Wait()
	h.Run("max", "offer python")
	week := bot.WeekOf(h.Clock.Now())
	got, err := h.Store.Stats(context.Background(), h.Tenant, []string{week, bot.AllTime})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range got {
		if n := w.Counts[bot.EventOffer]; n != 2 {
			t.Errorf("got %d new mentors in %s, want 2 (mia once, max once)", n, w.Week)
		}
	}
}
