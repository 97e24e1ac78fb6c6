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

// TestNeedsTranscript plays the needs survey from the terminal, in
// English and in French: the survey in a channel answered with numbered
// menus, a one-click offer and request from the answers, the survey by
// DM as a paced campaign with its progress updated, an opt-out, a second
// campaign refused and then confirmed, and the results. Run with -update
// to rewrite the golden files.
func TestNeedsTranscript(t *testing.T) {
	for _, name := range []string{"needs_en", "needs_fr"} {
		t.Run(name, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata", name+".script"))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			clock := bot.NewManualClock(start)
			b := bot.New(bot.Config{Managers: []string{"alice"}, CampaignRate: 12}, storetest.MustOpen(t), clock, rand.NewChaCha8([32]byte{1}), nil)
			sh := shell.New(&out, clock)
			sh.Tenant = storetest.Tenant(t, shell.Platform)
			sh.SetHandler(b)
			b.Register(shell.Platform, sh)
			sh.OnAdvance = func(ctx context.Context, d time.Duration) {
				// As the running bot: a tick every 10 seconds on the way.
				for step := 10 * time.Second; d > 0; d -= step {
					clock.Advance(min(step, d))
					if _, err := b.TickTenants(ctx, sh.Tenant); err != nil {
						t.Errorf("tick: %v", err)
					}
				}
			}
			if err := sh.Run(context.Background(), bytes.NewReader(script)); err != nil {
				t.Fatal(err)
			}
			MustGolden(t, name, out.String())
		})
	}
}
