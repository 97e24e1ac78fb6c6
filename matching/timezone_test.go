package matching_test

import (
	"fmt"
	"testing"

	"github.com/mentorbot/mentorbot/matching"
)

func TestTZDistanceHours(t *testing.T) {
	tests := []struct {
		name string
		a, b int
		want int
	}{
		{"same zone is 0", 2 * hour, 2 * hour, 0},
		{"plain difference", -5 * hour, 1 * hour, 6},
		{"symmetric", 1 * hour, -5 * hour, 6},
		{"opposite sides of the clock is 12", 0, 12 * hour, 12},
		{"+13 and -11 show the same clock time", 13 * hour, -11 * hour, 0},
		{"+14 and -12 are 2 hours apart across the date line", 14 * hour, -12 * hour, 2},
		{"+12 and -12 are 0 apart", 12 * hour, -12 * hour, 0},
		{"+10 and -10 wrap to 4", 10 * hour, -10 * hour, 4},
		{"half hour rounds away from zero", 5*hour + 1800, 0, 6},
		{"quarter past rounds down", 5*hour + 15*60, 0, 5},
		{"quarter to rounds up", 5*hour + 45*60, 0, 6},
		{"+5:45 and +5:30 round to 0", 5*hour + 45*60, 5*hour + 30*60, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matching.TZDistanceHours(tt.a, tt.b); got != tt.want {
				t.Errorf("TZDistanceHours(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestTimeZoneScoreAndReason(t *testing.T) {
	tests := []struct {
		mentor, mentee int
		wantHours      int
		wantScore      float64
	}{
		{0, 0, 0, 1},
		{3 * hour, 0, 3, 0.75},
		{-6 * hour, 0, 6, 0.5},
		{12 * hour, 0, 12, 0},
		{13 * hour, -11 * hour, 0, 1},
		{-11 * hour, 13 * hour, 0, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dh apart scores %v", tt.wantHours, tt.wantScore), func(t *testing.T) {
			need := baseNeed()
			need.UTCOffset = tt.mentee
			m := baseMentor("m")
			m.UTCOffset = tt.mentor
			c := only(t, need, m, matching.DefaultOptions())
			if !approx(c.Score.TimeZone, tt.wantScore) {
				t.Errorf("time-zone score: got %v, want %v", c.Score.TimeZone, tt.wantScore)
			}
			if r, _ := reason(c, matching.ReasonTimeZone); r.Hours != tt.wantHours {
				t.Errorf("time-zone reason hours: got %d, want %d", r.Hours, tt.wantHours)
			}
		})
	}
}

func TestMaxTZHours(t *testing.T) {
	tests := []struct {
		name       string
		mentor     int
		mentee     int
		max        int
		wantTooFar int
	}{
		{"within limit is kept", 3 * hour, 0, 3, 0},
		{"beyond limit is too far", 4 * hour, 0, 3, 1},
		{"zero means no limit", 12 * hour, 0, 0, 0},
		{"negative means no limit", 12 * hour, 0, -1, 0},
		{"date line wrap is near", 13 * hour, -11 * hour, 1, 0},
		{"date line wrap beyond limit is too far", 14 * hour, -12 * hour, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			need := baseNeed()
			need.UTCOffset = tt.mentee
			m := baseMentor("m")
			m.UTCOffset = tt.mentor
			opt := matching.DefaultOptions()
			opt.MaxTZHours = tt.max
			e := matching.Explain(need, []matching.Mentor{m}, opt)
			if e.TooFar != tt.wantTooFar || e.Eligible != 1-tt.wantTooFar {
				t.Errorf("got TooFar=%d Eligible=%d, want TooFar=%d Eligible=%d", e.TooFar, e.Eligible, tt.wantTooFar, 1-tt.wantTooFar)
			}
		})
	}
}
