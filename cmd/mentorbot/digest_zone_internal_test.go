package main

import (
	"testing"
	"time"
)

// TestDigestFixedOffsetZone: a workspace whose time zone is a fixed
// offset ("UTC+2", "UTC-5:30", as /mentor admin settings tz: stores them)
// gets its digest at its own 9:00. CRON_TZ= cannot name such a zone, and
// its digest was never due.
func TestDigestFixedOffsetZone(t *testing.T) {
	since := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC) // Monday
	until := since.Add(24 * time.Hour)
	for _, tt := range []struct {
		tz   string
		want time.Time
	}{
		{"UTC+2", time.Date(2026, 11, 30, 7, 0, 0, 0, time.UTC)},
		{"UTC-5:30", time.Date(2026, 11, 30, 14, 30, 0, 0, time.UTC)},
		{"Europe/Paris", time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)},
		{"UTC", time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)},
	} {
		got, err := digestDue("0 9 * * 1", tt.tz, since, until)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%s: got due %v, %v, want %v", tt.tz, got, err, tt.want)
		}
		next, err := digestNext("0 9 * * 1", tt.tz, since)
		if err != nil || !next.Equal(tt.want) {
			t.Errorf("%s: got next %v, %v, want %v", tt.tz, next, err, tt.want)
		}
	}
	// A schedule that names its own zone keeps it.
	got, err := digestDue("CRON_TZ=Asia/Tokyo 0 9 * * 1", "UTC+2", since.Add(-24*time.Hour), until)
	if want := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("CRON_TZ=Asia/Tokyo: got %v, %v, want %v", got, err, want)
	}
}
