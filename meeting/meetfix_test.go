package meeting

import (
	"slices"
	"testing"
	"time"
)

// edgeIn reports whether s is Monday morning or Friday afternoon in p's
// zone.
func edgeIn(s Slot, p Person) bool {
	ls, le := s.Start.In(p.loc()), s.End.In(p.loc())
	to := le.Hour()*60 + le.Minute()
	if le.YearDay() != ls.YearDay() {
		to += 24 * 60
	}
	return ls.Weekday() == time.Monday && ls.Hour() < 12 || ls.Weekday() == time.Friday && to > 12*60
}

// TestMeetFixMidweekOverEdges is the tester's case: Bob in Paris, Erin in
// Los Angeles, both 9-18 (their hours never overlap), ask for other
// times on Wednesday 9 December at 08:02 UTC, after a first round on
// Tuesday 8, Wednesday 9 and Thursday 10 at Paris 17:30 / LA 8:30. The
// new times were Friday 11 (Friday afternoon in Paris), Monday 14 (Monday
// morning in Los Angeles) and Tuesday 15; midweek times were free, among
// them Wednesday 16 at the same hours, within the next seven days.
func TestMeetFixMidweekOverEdges(t *testing.T) {
	paris, la := zone(t, "Europe/Paris"), zone(t, "America/Los_Angeles")
	first := []Slot{
		{Start: time.Date(2026, 12, 8, 16, 30, 0, 0, time.UTC), End: time.Date(2026, 12, 8, 17, 30, 0, 0, time.UTC)},
		{Start: time.Date(2026, 12, 9, 16, 30, 0, 0, time.UTC), End: time.Date(2026, 12, 9, 17, 30, 0, 0, time.UTC)},
		{Start: time.Date(2026, 12, 10, 16, 30, 0, 0, time.UTC), End: time.Date(2026, 12, 10, 17, 30, 0, 0, time.UTC)},
	}
	r := Request{
		Now: time.Date(2026, 12, 9, 8, 2, 0, 0, time.UTC), A: Person{Loc: paris}, B: Person{Loc: la},
		Duration: time.Hour, Avoid: first,
	}
	slots, full := Suggest(r)
	if full || len(slots) != 3 {
		t.Fatalf("got %v, full %v, want three closest times", slots, full)
	}
	var got []string
	for _, s := range slots {
		got = append(got, s.Start.In(paris).Format("Mon 2 15:04")+" / "+s.Start.In(la).Format("15:04"))
		for _, p := range []Person{r.A, r.B} {
			if edgeIn(s, p) {
				t.Errorf("got %v, Monday morning or Friday afternoon in %v, want midweek times", s.Start.In(p.loc()), p.loc())
			}
			if !daytime(s, p) {
				t.Errorf("got %v, at night in %v", s.Start.In(p.loc()), p.loc())
			}
		}
		if overlapsAny(s, first) {
			t.Errorf("got %v, which overlaps the first round", s.Start.In(paris))
		}
	}
	if !slices.Contains(got, "Wed 16 17:30 / 08:30") || !slices.Contains(got, "Tue 15 17:30 / 08:30") {
		t.Errorf("got %q, want Tuesday 15 and Wednesday 16 at Paris 17:30 / LA 8:30 among them", got)
	}
	for i := 0; i < 5; i++ {
		if again, _ := Suggest(r); !slices.EqualFunc(again, slots, func(a, b Slot) bool { return a.Start.Equal(b.Start) }) {
			t.Fatalf("got %v then %v, want the same times", slots, again)
		}
	}
}

// TestMeetFixSecondMidweekTime: when the hours overlap away from Monday
// morning and Friday afternoon on Tuesday alone (Montréal works Monday,
// Tuesday and Friday), a second and a third time on Tuesday come before
// Friday afternoon in Paris and Monday morning in Montréal; once they
// were all offered, Friday and Monday are what is left.
func TestMeetFixSecondMidweekTime(t *testing.T) {
	paris, montreal := zone(t, "Europe/Paris"), zone(t, "America/Montreal")
	days, err := ParseHours("9-18 mon,tue,fri")
	if err != nil {
		t.Fatal(err)
	}
	r := Request{Now: time.Date(2026, 12, 9, 8, 0, 0, 0, time.UTC), A: Person{Loc: paris}, B: Person{Loc: montreal, Hours: days}, Duration: time.Hour}
	slots, full := Suggest(r)
	if !full || len(slots) != 3 {
		t.Fatalf("got %v, full %v, want three times inside both days", slots, full)
	}
	for _, s := range slots {
		for _, p := range []Person{r.A, r.B} {
			if edgeIn(s, p) || !inside(s, p) {
				t.Errorf("got %v (%v): outside the hours, or Monday morning or Friday afternoon in %v", s.Start.In(paris), s.Start.In(montreal), p.loc())
			}
		}
	}
	r.Avoid = slots
	again, full := Suggest(r)
	if !full || len(again) != 3 {
		t.Fatalf("got %v, full %v, want three other times inside both days", again, full)
	}
	for _, s := range again {
		if overlapsAny(s, slots) || !inside(s, r.A) || !inside(s, r.B) {
			t.Errorf("got %v, want a new time inside both days", s.Start.In(paris))
		}
	}
}

// TestMeetFixWholeDays: the window ends with the seventh day after today
// as the members count days: never before now plus seven days, less than
// a day after it, at a midnight of one of the zones.
func TestMeetFixWholeDays(t *testing.T) {
	paris, la, auckland := zone(t, "Europe/Paris"), zone(t, "America/Los_Angeles"), zone(t, "Pacific/Auckland")
	now := time.Date(2026, 12, 9, 8, 2, 0, 0, time.UTC)
	if got, want := (Request{Now: now, A: Person{Loc: paris}, B: Person{Loc: la}}).Last(), time.Date(2026, 12, 16, 23, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("got window end %v, want the end of Wednesday 16 December in Paris, %v", got, want)
	}
	for _, z := range []*time.Location{paris, la, auckland, time.UTC} {
		for h := 0; h < 24*30; h += 5 {
			now := time.Date(2027, 3, 1, 0, 17, 0, 0, time.UTC).Add(time.Duration(h) * time.Hour) // across March's DST changes
			last := Request{Now: now, A: Person{Loc: z}, B: Person{Loc: paris}}.Last()
			if last.Before(now.Add(Window)) || last.Sub(now.Add(Window)) >= 24*time.Hour {
				t.Fatalf("now %v, %v and Paris: got window end %v, want within a day after %v", now, z, last, now.Add(Window))
			}
			midnight := false
			for _, l := range []*time.Location{z, paris} {
				e := last.In(l)
				midnight = midnight || e.Hour() == 0 && e.Minute() == 0
			}
			if !midnight {
				t.Fatalf("now %v, %v and Paris: got window end %v, want a midnight in one of the zones", now, z, last)
			}
		}
	}
}
