package schedule_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/schedule"
)

// TestNext: the first activation after a time, in the spec's zone (UTC
// without CRON_TZ=), none at the time itself; none for a spec that never
// falls due; an error for a spec the parser refuses.
func TestNext(t *testing.T) {
	// Wednesday 4 November 2026, 10:20:30 UTC (11:20:30 in Paris).
	at := time.Date(2026, 11, 4, 10, 20, 30, 0, time.UTC)
	tests := []struct {
		name string
		spec string
		at   time.Time
		want time.Time
	}{
		{"EveryMinute", "* * * * *", at, time.Date(2026, 11, 4, 10, 21, 0, 0, time.UTC)},
		{"NotAtTheTimeItself", "* * * * *", at.Truncate(time.Minute), time.Date(2026, 11, 4, 10, 21, 0, 0, time.UTC)},
		{"WeeklyInItsZone", "CRON_TZ=Europe/Paris 0 9 * * 1", at, time.Date(2026, 11, 9, 8, 0, 0, 0, time.UTC)},
		{"WeeklyInUTC", "0 9 * * 1", at.In(time.FixedZone("UTC+9", 9*3600)), time.Date(2026, 11, 9, 9, 0, 0, 0, time.UTC)},
		{"Never", "0 0 30 2 *", at, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := schedule.NextIn(tt.spec, time.UTC, tt.at)
			if err != nil || !got.Equal(tt.want) {
				t.Fatalf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if _, err := schedule.NextIn("0 25 * * 1", time.UTC, at); err == nil {
		t.Fatal("got no error for a bad spec, want one")
	}
}
