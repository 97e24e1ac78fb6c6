package shell_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

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
		t.Run(name, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata", name+".script"))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			sh, b, clock := mustShellBot(t, &out)
			sh.OnAdvance = func(ctx context.Context, d time.Duration) {
				clock.Advance(d)
				if _, err := b.TickTenants(ctx, sh.Tenant); err != nil {
					t.Errorf("tick: %v", err)
				}
			}
			if err := sh.Run(context.Background(), bytes.NewReader(script)); err != nil {
				t.Fatal(err)
			}
			MustGolden(t, name, out.String())
		})
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
