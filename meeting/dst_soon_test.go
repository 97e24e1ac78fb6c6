package meeting

import (
	"testing"
	"time"
)

// TestDSTSoonerFirst is the trial's case: a mentor in Paris and a mentee
// in New York, both 9-18, introduced on Tuesday 9 March 2027 at 08:00
// UTC. New York changes to summer time on Sunday 14 March, Paris two
// weeks later: next week the zones are 5 hours apart instead of 6, and
// every time of next week lay nearer the middle of both days than any of
// this week, so the introduction, which says "this week", offered Monday
// 15 and Tuesday 16 though Wednesday to Friday had times inside both
// members' hours. The same holds across the autumn change (Paris on
// Sunday 31 October 2027, New York a week later); in December, 6 hours
// apart all along, the times were already this week's.
func TestDSTSoonerFirst(t *testing.T) {
	paris, newYork := zone(t, "Europe/Paris"), zone(t, "America/New_York")
	for _, tt := range []struct {
		name     string
		now, due time.Time // due: every time ends by then (in UTC)
	}{
		{"spring, New York changes first", time.Date(2027, 3, 9, 8, 0, 0, 0, time.UTC), time.Date(2027, 3, 12, 23, 0, 0, 0, time.UTC)},
		{"autumn, Paris changes first", time.Date(2027, 10, 26, 8, 0, 0, 0, time.UTC), time.Date(2027, 10, 29, 22, 0, 0, 0, time.UTC)},
		{"December, no change", time.Date(2027, 12, 7, 8, 0, 0, 0, time.UTC), time.Date(2027, 12, 10, 23, 0, 0, 0, time.UTC)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, dur := range []time.Duration{time.Hour, 30 * time.Minute} {
				r := Request{Now: tt.now, A: Person{Loc: paris}, B: Person{Loc: newYork}, Duration: dur}
				slots, full := Suggest(r)
				if !full || len(slots) != 3 {
					t.Fatalf("%v: got %v, full %v, want three times inside both members' hours", dur, slots, full)
				}
				days := map[string]bool{}
				for _, s := range slots {
					at := s.Start.In(paris).Format("Mon 2 Jan 15:04") + " Paris / " + s.Start.In(newYork).Format("15:04") + " New York"
					if s.End.After(tt.due) {
						t.Errorf("%v: got %s, a time after this week's Friday, want the three times this week", dur, at)
					}
					if !inside(s, r.A) || !inside(s, r.B) || edgeIn(s, r.A) || edgeIn(s, r.B) {
						t.Errorf("%v: got %s, outside the hours, or Monday morning or Friday afternoon", dur, at)
					}
					days[s.Start.In(paris).Format(time.DateOnly)] = true
				}
				if len(days) != 3 {
					t.Errorf("%v: got %v, on %d days, want three days", dur, slots, len(days))
				}
			}
		})
	}
}

// TestDSTSoonerFirstWholeDays: a day counts by the best time of the whole
// day, not of what is left of it: asked on Tuesday at 14:00 in Paris (both
// members in Paris, 9-18), what is left of Tuesday lies away from the
// middle of the day, and the times are on the next days at 13:00.
func TestDSTSoonerFirstWholeDays(t *testing.T) {
	paris := zone(t, "Europe/Paris")
	r := Request{Now: time.Date(2026, 12, 8, 13, 0, 0, 0, time.UTC), A: Person{Loc: paris}, B: Person{Loc: paris}, Duration: time.Hour}
	slots, full := Suggest(r)
	if !full || len(slots) != 3 {
		t.Fatalf("got %v, full %v, want three times", slots, full)
	}
	for _, s := range slots {
		if l := s.Start.In(paris); l.Day() == 8 || l.Hour() != 13 || l.Minute() != 0 {
			t.Errorf("got %s, want 13:00 on a day after Tuesday 8", l.Format("Mon 2 15:04"))
		}
	}
}
