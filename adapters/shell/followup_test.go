package shell_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestFollowupTranscript plays the follow-up of a one-to-one pair in
// English and in French: clicks on the other member's charter and
// check-in (refused), a "yes" and two "not yet" with their reminders (to
// the member who has not said yes only), then the mentee ends the pair
// with /mentor end, says "no" first, then ends it from /mentor status;
// both are asked about a new match. Run with -update to rewrite the
// golden files.
func TestFollowupTranscript(t *testing.T) {
	for _, name := range []string{"followup_en", "followup_fr"} {
		t.Run(name, func(t *testing.T) { playTranscript(t, name, transcript{}) })
	}
}

// mustShellBot is MustShell that also returns the bot, to tick it.
func mustShellBot(tb testing.TB, out *bytes.Buffer) (*shell.Adapter, *bot.Bot, *bot.ManualClock) {
	tb.Helper()
	clock := bot.NewManualClock(start)
	b := bot.New(bot.Config{}, storetest.MustOpen(tb), clock, rand.NewChaCha8([32]byte{1}), nil)
	sh := shell.New(out, clock)
	sh.Tenant = storetest.Tenant(tb, shell.Platform)
	sh.SetHandler(b)
	b.Register(shell.Platform, sh)
	return sh, b, clock
}
