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

// TestSpeedTranscript plays a 3-round speed-mentoring event with 6
// mentors and 9 mentees, some reading French: registration (a double
// click, a mentee clicking the mentor's button), three rounds where 3
// mentees sit out in turn and nobody meets a mentor twice, the continue
// question (two yeses make a pair with its charter; one yes alone tells
// the other nothing), and a mentee who unregisters mid-round, whose mentor
// is paired again. Golden file: testdata/speed.golden (-update rewrites it).
func TestSpeedTranscript(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("testdata", "speed.script"))
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
	sh.OnAdvance = func(ctx context.Context, d time.Duration) {
		clock.Advance(d)
		if _, err := b.TickTenants(ctx, sh.Tenant); err != nil {
			t.Errorf("tick: %v", err)
		}
	}
	if err := sh.Run(context.Background(), bytes.NewReader(script)); err != nil {
		t.Fatal(err)
	}
	MustGolden(t, "speed", out.String())
}
