package schedule_test

import (
	"context"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/schedule"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// TestFireOncePerActivation: two replicas fire the same activation; the
// Redis lock lets one run it. The next activation runs again.
func TestFireOncePerActivation(t *testing.T) {
	st := storetest.MustOpen(t)
	var runs atomic.Int32
	e := schedule.Entry{Name: "sweep-" + storetest.Tenant(t, "x").Workspace, Spec: "@hourly", Run: func(context.Context, time.Time) error {
		runs.Add(1)
		return nil
	}}
	a := &schedule.Runner{Lock: st, Log: slog.New(slog.DiscardHandler)}
	b := &schedule.Runner{Lock: st, Log: slog.New(slog.DiscardHandler)}
	at := time.Date(2026, 11, 2, 9, 0, 10, 0, time.UTC)
	ranA, ranB := a.Fire(context.Background(), e, at), b.Fire(context.Background(), e, at.Add(20*time.Second))
	if ranA == ranB || runs.Load() != 1 {
		t.Fatalf("got ran %v and %v, %d runs; want exactly one", ranA, ranB, runs.Load())
	}
	if !b.Fire(context.Background(), e, at.Add(time.Hour)) || runs.Load() != 2 {
		t.Fatalf("got %d runs, want the next activation to run", runs.Load())
	}
}

// TestLast: the last activation of a spec in an interval, none at its
// start; a day's look back finds the morning's activation in the
// afternoon.
func TestLast(t *testing.T) {
	monday9 := "CRON_TZ=Europe/Paris 0 9 * * 1"
	// Monday 2 November 2026, 09:00 in Paris is 08:00 UTC.
	at := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		spec       string
		since, now time.Time
		want       time.Time
	}{
		{"Due", monday9, at.Add(-time.Minute), at, at},
		{"NotYet", monday9, at.Add(-2 * time.Minute), at.Add(-time.Minute), time.Time{}},
		{"AlreadyPast", monday9, at, at.Add(time.Hour), time.Time{}},
		{"LookedBackOverADay", monday9, at.Add(6*time.Hour - 24*time.Hour), at.Add(6 * time.Hour), at},
		{"TheLastOfSeveral", "CRON_TZ=Europe/Paris 0 9 * * *", at.Add(-24 * time.Hour), at.Add(time.Hour), at},
		{"Bounded", "* * * * *", at.Add(-30 * 24 * time.Hour), at, at.Add(-30*24*time.Hour + 10_000*time.Minute)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := schedule.Last(tt.spec, tt.since, tt.now)
			if err != nil || !got.Equal(tt.want) {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if _, err := schedule.Last("every monday", at, at); err == nil {
		t.Fatal("got no error for a bad spec, want one")
	}
}

// TestBetween: the activations inside an interval, in time order, the
// entries' order kept at the same time; none at the interval's start.
func TestBetween(t *testing.T) {
	at := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC) // Monday
	entries := []schedule.Entry{
		{Name: "sweep", Spec: "@hourly"},
		{Name: "digest", Spec: "0 9 * * 1"},
	}
	acts, err := schedule.Between(entries, at, at.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range acts {
		got = append(got, a.Entry.Name+"@"+a.At.Format("15:04"))
	}
	if want := "sweep@09:00 digest@09:00 sweep@10:00"; strings.Join(got, " ") != want {
		t.Fatalf("got %v, want %s", got, want)
	}
	if _, err := schedule.Between([]schedule.Entry{{Name: "bad", Spec: "every monday"}}, at, at); err == nil {
		t.Fatal("got no error for a bad spec, want one")
	}
}
