package schedule

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"testing"
	"time"
)

// tzChild marks the copy of the test binary that TestSpecsInUTC runs
// with TZ=Asia/Tokyo.
const tzChild = "SCHEDULE_TEST_TZ_CHILD"

// TestSpecsInUTC: in a process whose local time is Tokyo's (TZ, as a
// replica may have it), a spec without CRON_TZ= is still read in UTC:
// the daily retention entry "17 3 * * *" comes next at 03:17 UTC, not
// 03:17 in Tokyo (18:17 UTC), under Run and under CatchUp. The check
// runs in a copy of the test binary started with TZ=Asia/Tokyo, since
// time.Local is read once per process.
func TestSpecsInUTC(t *testing.T) {
	if os.Getenv(tzChild) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSpecsInUTC$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "TZ=Asia/Tokyo", tzChild+"=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("with TZ=Asia/Tokyo: %v\n%s", err, out)
		}
		return
	}
	if _, off := time.Now().Zone(); off != 9*3600 {
		t.Fatalf("got local offset %ds, want Tokyo's 32400s (TZ=Asia/Tokyo)", off)
	}
	noop := func(context.Context, time.Time) error { return nil }
	r := &Runner{Entries: []Entry{{Name: "retention", Spec: "17 3 * * *", Run: noop}}, Lock: freeLocks{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}

	t.Run("Run", func(t *testing.T) {
		c, err := r.newCron(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		c.Start()
		defer c.Stop()
		next := c.Entries()[0].Next
		if got := next.UTC().Format("15:04"); got != "03:17" {
			t.Fatalf("got next run at %s UTC (%s), want 03:17 UTC", got, next)
		}
	})
	t.Run("CatchUp", func(t *testing.T) {
		from := time.Date(2026, 11, 2, 0, 0, 0, 0, time.Local) // 15:00 UTC the day before
		var at []time.Time
		step := func(_ context.Context, a time.Time) { at = append(at, a) }
		if err := r.CatchUp(context.Background(), from, from.Add(24*time.Hour), step); err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2026, 11, 2, 3, 17, 0, 0, time.UTC); len(at) != 1 || !at[0].Equal(want) {
			t.Fatalf("got activations %v, want one at %s", at, want)
		}
	})
}

// freeLocks is a Locker whose every lock is free: one replica.
type freeLocks struct{}

func (freeLocks) TryLock(context.Context, string, time.Duration) (bool, error) { return true, nil }
