package matching_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/matching"
)

// tzGapOffset is the UTC offset of an IANA zone in January 2027, in
// seconds east of UTC, as the bot computes it for the matcher.
func tzGapOffset(t *testing.T, zone string) int {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Skipf("no zone database for %s: %v", zone, err)
	}
	_, off := time.Date(2027, 1, 15, 12, 0, 0, 0, time.UTC).In(loc).Zone()
	return off
}

// tzGapCases are pairs of zones in January, with the score's hours (the
// distance around the clock, rounded) and the true difference of their
// offsets in minutes, which is what members read.
var tzGapCases = []struct {
	name         string
	mentor, need string
	hours, gap   int
}{
	{"LosAngelesKolkata", "America/Los_Angeles", "Asia/Kolkata", 11, 13*60 + 30}, // 10 h 30 around the clock
	{"MontrealTokyo", "America/Montreal", "Asia/Tokyo", 10, 14 * 60},
	{"ParisNewYork", "Europe/Paris", "America/New_York", 6, 6 * 60},
	{"KolkataParis", "Asia/Kolkata", "Europe/Paris", 5, 4*60 + 30}, // a half-hour zone
	{"KathmanduKolkata", "Asia/Kathmandu", "Asia/Kolkata", 0, 15},
	{"SameZone", "Europe/Paris", "Europe/Paris", 0, 0},
	{"KiritimatiHonolulu", "Pacific/Kiritimati", "Pacific/Honolulu", 0, 24 * 60}, // the same clock time, a day apart
}

// TestTZGapMinutes: the true difference of two offsets, never reduced
// around the clock.
func TestTZGapMinutes(t *testing.T) {
	for _, c := range tzGapCases {
		t.Run(c.name, func(t *testing.T) {
			a, b := tzGapOffset(t, c.mentor), tzGapOffset(t, c.need)
			if got := matching.TZGapMinutes(a, b); got != c.gap {
				t.Errorf("TZGapMinutes = %d, want %d", got, c.gap)
			}
			if got := matching.TZGapMinutes(b, a); got != c.gap {
				t.Errorf("TZGapMinutes reversed = %d, want %d", got, c.gap)
			}
			// The score's distance is unchanged: around the clock.
			if got := matching.TZDistanceHours(a, b); got != c.hours {
				t.Errorf("TZDistanceHours = %d, want %d", got, c.hours)
			}
		})
	}
}

// TestTZGapReason: the time-zone reason, of TimeZoneReason and of a
// ranked candidate, gives the true difference in Minutes and keeps the
// score's hours, so that the score is what it was.
func TestTZGapReason(t *testing.T) {
	for _, c := range tzGapCases {
		t.Run(c.name, func(t *testing.T) {
			a, b := tzGapOffset(t, c.mentor), tzGapOffset(t, c.need)
			r := matching.TimeZoneReason(a, b)
			if m, ok := r.Minutes(); r.Hours != c.hours || m != c.gap || !ok {
				t.Errorf("TimeZoneReason: got %d h, %d min (%v), want %d h, %d min", r.Hours, m, ok, c.hours, c.gap)
			}
			need := matching.Need{ID: "r", Topic: "python", Languages: []string{"en"}, UTCOffset: b, Kind: matching.OneToOne}
			mentor := matching.Mentor{ID: "erin", Topics: []string{"python"}, Languages: []string{"en"}, UTCOffset: a, Capacity: 1}
			cands := matching.Rank(need, []matching.Mentor{mentor}, matching.Options{})
			if len(cands) != 1 {
				t.Fatalf("got %d candidates, want 1", len(cands))
			}
			if want := 1 - float64(c.hours)/12; cands[0].Score.TimeZone != want {
				t.Errorf("score: got %v, want %v (around the clock)", cands[0].Score.TimeZone, want)
			}
			for _, r := range cands[0].Reasons {
				if r.Code != matching.ReasonTimeZone {
					continue
				}
				if m, ok := r.Minutes(); r.Hours != c.hours || m != c.gap || !ok {
					t.Errorf("candidate: got %+v (%d min), want %d h, %d min", r, m, c.hours, c.gap)
				}
			}
		})
	}
}

// TestTZGapEligibility: eligibility still counts the distance around the
// clock: Los Angeles and Kolkata (11 h rounded) pass max 11 and not 10,
// though their offsets differ by 13 h 30.
func TestTZGapEligibility(t *testing.T) {
	a, b := tzGapOffset(t, "America/Los_Angeles"), tzGapOffset(t, "Asia/Kolkata")
	need := matching.Need{ID: "r", Topic: "python", UTCOffset: b}
	mentor := matching.Mentor{ID: "erin", Topics: []string{"python"}, UTCOffset: a, Capacity: 1}
	if got := matching.Rank(need, []matching.Mentor{mentor}, matching.Options{MaxTZHours: 11}); len(got) != 1 {
		t.Errorf("max 11: got %d candidates, want 1", len(got))
	}
	if got := matching.Explain(need, []matching.Mentor{mentor}, matching.Options{MaxTZHours: 10}); got.TooFar != 1 {
		t.Errorf("max 10: got %+v, want too far", got)
	}
}

// TestTZGapStoredReasons: a reason kept from before (Hours alone, or the
// minutes around the clock in Detail) still gives a distance; an unknown
// zone none.
func TestTZGapStoredReasons(t *testing.T) {
	for _, c := range []struct {
		r    matching.Reason
		want int
	}{
		{matching.Reason{Code: matching.ReasonTimeZone, Hours: 6}, 360},
		{matching.Reason{Code: matching.ReasonTimeZone}, 0},
		{matching.Reason{Code: matching.ReasonTimeZone, Hours: 4, Detail: "210"}, 210},
	} {
		if m, ok := c.r.Minutes(); m != c.want || !ok {
			t.Errorf("%+v: got %d (%v), want %d", c.r, m, ok, c.want)
		}
	}
	if _, ok := (matching.Reason{Code: matching.ReasonTimeZone, Detail: matching.TZUnknown}).Minutes(); ok {
		t.Error("unknown zone: got a distance")
	}
}
