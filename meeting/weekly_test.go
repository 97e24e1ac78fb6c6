package meeting_test

import (
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// TestParseWeekly: a weekly time as managers type it, in English and
// French, and what is refused.
func TestParseWeekly(t *testing.T) {
	for in, want := range map[string][2]int{
		"monday 9:00":       {int(time.Monday), 9 * 60},
		"Mondays at 9":      {int(time.Monday), 9 * 60},
		"mon 09:30":         {int(time.Monday), 9*60 + 30},
		"friday 5pm":        {int(time.Friday), 17 * 60},
		"sunday 12am":       {int(time.Sunday), 0},
		"tuesday 12pm":      {int(time.Tuesday), 12 * 60},
		"lundi 9h":          {int(time.Monday), 9 * 60},
		"le lundi à 9 h 30": {int(time.Monday), 9*60 + 30},
		"les mardis à 8h":   {int(time.Tuesday), 8 * 60},
		"Jeudi 17:45":       {int(time.Thursday), 17*60 + 45},
		"every wed at 7":    {int(time.Wednesday), 7 * 60},
	} {
		d, m, ok := meeting.ParseWeekly(in)
		if !ok || int(d) != want[0] || m != want[1] {
			t.Errorf("ParseWeekly(%q) = %v %d %v, want %v %d", in, d, m, ok, time.Weekday(want[0]), want[1])
		}
	}
	for _, in := range []string{"", "monday", "9:00", "someday 9:00", "monday 25:00", "monday 9:61", "lundi 24h",
		"monday 13pm", "monday 0am", "0 9 * * 1", "monday 9:00 and friday 10:00"} {
		if d, m, ok := meeting.ParseWeekly(in); ok {
			t.Errorf("ParseWeekly(%q) = %v %d, want refused", in, d, m)
		}
	}
}
