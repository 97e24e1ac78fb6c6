package matching_test

import (
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

// TestTrialfixTimeZoneReasonMinutes: the time-zone reason carries the
// true difference of the offsets when it is not the score's whole hours;
// the score keeps its hours.
func TestTrialfixTimeZoneReasonMinutes(t *testing.T) {
	const h = 3600
	for _, c := range []struct {
		name          string
		a, b          int
		hours, minute int
	}{
		{"KolkataTokyo", 5*h + 1800, 9 * h, 4, 210},
		{"KathmanduKolkata", 5*h + 2700, 5*h + 1800, 0, 15},
		{"ParisTokyo", 1 * h, 9 * h, 8, 480},
		{"Same", 2 * h, 2 * h, 0, 0},
		// 30 minutes apart around the clock (the score's 1 h), but the
		// offsets differ by 23 h 30: what the members read.
		{"AcrossTheDateLine", 13 * h, -11*h + 1800, 1, 1410},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := matching.TimeZoneReason(c.a, c.b)
			m, ok := r.Minutes()
			if r.Hours != c.hours || m != c.minute || !ok {
				t.Errorf("got %d h, %d min (%v), want %d h, %d min", r.Hours, m, ok, c.hours, c.minute)
			}
		})
	}
	// A reason kept from before the minutes: its hours.
	if m, ok := (matching.Reason{Code: matching.ReasonTimeZone, Hours: 3}).Minutes(); m != 180 || !ok {
		t.Errorf("got %d, %v, want 180", m, ok)
	}
	if _, ok := (matching.Reason{Code: matching.ReasonTimeZone, Detail: matching.TZUnknown}).Minutes(); ok {
		t.Error("got a distance for an unknown zone")
	}
	// Ranked: the candidate's reason says 3 h 30, its score 4 h.
	need := matching.Need{ID: "r", Topic: "go", Languages: []string{"en"}, UTCOffset: 5*h + 1800, Kind: matching.Flash}
	mentor := matching.Mentor{ID: "erin", Topics: []string{"go"}, Languages: []string{"en"}, UTCOffset: 9 * h, Capacity: 1}
	c := matching.Rank(need, []matching.Mentor{mentor}, matching.Options{})
	if len(c) != 1 {
		t.Fatalf("got %d candidates", len(c))
	}
	for _, r := range c[0].Reasons {
		if r.Code == matching.ReasonTimeZone {
			if m, _ := r.Minutes(); m != 210 || r.Hours != 4 {
				t.Errorf("got reason %+v, want 210 minutes and 4 hours", r)
			}
		}
	}
}
