package shell_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/adapters/shell"
	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestProgramTranscript plays a whole program, in English and in French:
// a manager creates it; mentors and mentees join it before it starts and
// wait; :advance to the start posts the kick-off round in the managers'
// channel, which the manager sends; the pairs form; :advance to the end
// sends the final survey and the thanks, and tells the managers. :advance
// runs the jobs and the sweep, as the running bot does.
//
// whole_program_en plays the guide's five steps end to end: a flash pair
// before any program, the needs survey and its results, the program's
// creation re-inviting the past mentor (who says yes), survey answers
// turned into a request and an offer, the kick-off round sent, charters,
// check-ins, the mid-program survey halfway to the program's end, the end
// with the final survey, a testimonial shared anonymously, and a week
// later the end-of-program report. Run with -update to rewrite the golden
// files.
func TestProgramTranscript(t *testing.T) {
	for _, name := range []string{"program_en", "program_fr", "whole_program_en"} {
		t.Run(name, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("testdata", name+".script"))
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			shell.FileDir = dir
			t.Cleanup(func() { shell.FileDir = "" })
			var out bytes.Buffer
			clock := bot.NewManualClock(start)
			// The in-memory store: these transcripts tick hour by hour
			// through weeks (a thousand ticks and sweeps), which a real
			// Redis makes 30 s long; the store's behaviour is the contract
			// suite's, on every backend.
			b := bot.New(bot.Config{Managers: []string{"alice"}}, storetest.MustMemory(t), clock, rand.NewChaCha8([32]byte{1}), nil)
			sh := shell.New(&out, clock)
			sh.Tenant = storetest.Tenant(t, shell.Platform)
			sh.SetHandler(b)
			b.Register(shell.Platform, sh)
			// Hour by hour, as the running bot ticks and sweeps: what falls
			// due on the way runs in order.
			sh.OnAdvance = func(ctx context.Context, d time.Duration) {
				for d > 0 {
					step := min(d, time.Hour)
					clock.Advance(step)
					d -= step
					if _, err := b.TickTenants(ctx, sh.Tenant); err != nil {
						t.Errorf("tick: %v", err)
					}
					if err := b.Sweep(ctx); err != nil {
						t.Errorf("sweep: %v", err)
					}
				}
			}
			if err := sh.Run(context.Background(), bytes.NewReader(script)); err != nil {
				t.Fatal(err)
			}
			// Files (the report's CSV) by name without their random part,
			// with their contents.
			got := printedPath.ReplaceAllString(out.String(), "$1")
			files, _ := filepath.Glob(filepath.Join(dir, "mentorbot-*.csv"))
			sort.Slice(files, func(i, j int) bool { return files[i] < files[j] })
			if len(files) > 0 {
				data, err := os.ReadFile(files[0])
				if err != nil {
					t.Fatal(err)
				}
				got += "\n==> " + printedPath.ReplaceAllString(files[0], "$1") + " <==\n" + string(data)
			}
			MustGolden(t, name, got)
		})
	}
}
