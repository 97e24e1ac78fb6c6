package bot_test

import (
	"context"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
)

// mustSayMet records, straight in the store, that user said "yes" to the
// check-in "round 0" of their only pair (before the check-ins under test), without the jobs a click would
// schedule: the pair has met, and its own jobs (the flash survey, the end
// survey) run at their time, as in a pair that met before the follow-up
// under test. Pairs that nobody ever said met are not surveyed.
func mustSayMet(tb testing.TB, h *bottest.Harness, user string) {
	tb.Helper()
	pair := mustOnlyPair(tb, h, user)
	_, err := h.Store.RecordCheckin(context.Background(), h.Tenant, pair.ID, "0", h.Tenant.Member(user), "yes", h.Clock.Now(),
		func(p bot.Pair) (bot.Pair, []bot.Job) { return p, nil })
	if err != nil {
		tb.Fatalf("record met: %v", err)
	}
}
