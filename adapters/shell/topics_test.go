package shell_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestTopicsTranscript plays, in English and in French, a manager adding,
// listing and removing topic aliases (and being refused one the bot
// already knows), then a mentee's typo: the suggestion, its button clicked
// by someone else (refused), then by the mentee, which sends the request
// to a mentor. Run with -update to rewrite the golden files.
func TestTopicsTranscript(t *testing.T) {
	for _, name := range []string{"topics_en", "topics_fr"} {
		t.Run(name, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata", name+".script"))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			clock := bot.NewManualClock(start)
			b := bot.New(bot.Config{Managers: []string{"alice"}}, storetest.MustOpen(t), clock, rand.NewChaCha8([32]byte{1}), nil)
			sh := shell.New(&out, clock)
			sh.Tenant = storetest.Tenant(t, shell.Platform)
			sh.SetHandler(b)
			b.Register(shell.Platform, sh)
			if err := sh.Run(context.Background(), bytes.NewReader(script)); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got := out.String(); got != string(want) {
				t.Fatalf("transcript differs from %s:\n%s", golden, diff(got, string(want)))
			}
		})
	}
}
