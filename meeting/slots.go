package meeting

import (
	"sort"
	"time"
)

// Person is one member of a pair as slot suggestion sees them: their time
// zone and working hours.
type Person struct {
	Loc   *time.Location // nil is UTC
	Hours Hours
}

func (p Person) loc() *time.Location {
	if p.Loc == nil {
		return time.UTC
	}
	return p.Loc
}

// Slot is a meeting time, in UTC.
type Slot struct {
	Start, End time.Time
	// Outside is how many minutes of the slot fall outside the working
	// hours of each person (A, then B): zero for a slot inside both.
	Outside [2]int
	// Far is how far, in minutes, the slot's farther end lies outside
	// each person's working hours of that day in their zone (A, then B):
	// zero for a slot inside them, a whole day (DayOff) on a day off.
	Far [2]int
}

// Fits reports whether the slot lies within both persons' hours.
func (s Slot) Fits() bool { return s.Outside == [2]int{} }

// Request is what Suggest works from.
type Request struct {
	Now      time.Time
	A, B     Person
	Duration time.Duration // 30 minutes for a flash session, 60 for a one-to-one
	N        int           // how many slots; 0 means 3
	// Avoid are slots offered before ("Suggest other times"): a new slot
	// overlaps none of them while others are possible.
	Avoid []Slot
	// Busy are times either person is already taken (a meeting agreed in
	// another pair): no slot ever overlaps one.
	Busy []Slot
	// Elsewhere are times offered to either person in another pair and
	// not agreed yet: a slot overlaps one of them only when no other slot
	// is left but those overlapping Avoid, which come after.
	Elsewhere []Slot
}

// Window is how far ahead slots are suggested: a slot ends by the end of
// the day Window after now, in both persons' zones (the next 7 days are
// whole days: on a Wednesday morning, next Wednesday afternoon is one of
// them). Lead is how long after now the first one may start, rounded up
// to Step.
const (
	Window = 7 * 24 * time.Hour
	Lead   = 2 * time.Hour
	Step   = 30 * time.Minute
)

// Suggest proposes up to r.N meeting times within the next Window (see
// Last), inside both persons' working hours in their own zones: away
// from Monday morning and Friday afternoon (in either zone) where
// possible, then on different days where possible, and near the middle of
// both working days, as near as the zones allow that day: a time is no
// worse for lying in a week when the zones are an hour further apart
// (daylight saving), and of days equally near, the soonest come first.
// The result is sorted by time and depends only on r.
// full is false when the hours never overlap in the window: the slots are
// then the closest ones (see closer), between 7:00 and 21:00 in both
// zones where any such slot exists, away from Monday morning and Friday
// afternoon, then on different days, where possible; Slot.Far and
// Slot.Outside say how far and how much they lie outside each person's
// hours. No slot overlaps r.Busy: when every time within both persons'
// hours does, there is none (nil, false), rather than times outside them.
// The order of preference is in pick.
func Suggest(r Request) (slots []Slot, full bool) {
	n := r.N
	if n <= 0 {
		n = 3
	}
	if r.Duration <= 0 {
		r.Duration = time.Hour
	}
	start := r.Now.UTC().Add(Lead).Truncate(Step)
	if start.Before(r.Now.UTC().Add(Lead)) {
		start = start.Add(Step)
	}
	last := r.Last()
	var cands []cand
	taken := false // a time within both persons' hours is busy
	for s := start; !s.Add(r.Duration).After(last); s = s.Add(Step) {
		c := r.score(s)
		switch {
		case !c.ok:
		case overlapsAny(c.slot, r.Busy):
			taken = taken || c.slot.Fits()
		default:
			cands = append(cands, c)
		}
	}
	var fits []cand
	for _, c := range cands {
		if c.slot.Fits() {
			fits = append(fits, c)
		}
	}
	if len(fits) > 0 {
		// A time counts by how far it lies from the best of its own day:
		// how near both middles of the day a time can be depends on how
		// far apart the zones are, which a daylight-saving change moves
		// by an hour, and next week's times would otherwise all come
		// before this week's.
		best := r.dayBest(start, last)
		for i := range fits {
			fits[i].penalty -= best[fits[i].day]
		}
		return pick(fits, n, r.Avoid, r.Elsewhere, better), true
	}
	if taken {
		// The hours do overlap: every time they share is taken.
		return nil, false
	}
	// No overlap: the closest times, by day (Dawn to Dusk in both zones)
	// when any candidate is.
	var day []cand
	for _, c := range cands {
		if !c.night {
			day = append(day, c)
		}
	}
	if len(day) > 0 {
		cands = day
	}
	if len(cands) == 0 {
		return nil, false
	}
	return pick(cands, n, r.Avoid, r.Elsewhere, closer), false
}

// Last is when the window of r ends: the end of the day on which
// Now+Window falls, in whichever person's zone that day ends first, so
// that a slot lies within the next seven days of both persons' calendars.
// It is never before Now+Window.
func (r Request) Last() time.Time {
	end := r.Now.Add(Window)
	var last time.Time
	for _, p := range []Person{r.A, r.B} {
		t := end.In(p.loc())
		midnight := time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, p.loc())
		if !midnight.After(end) { // a zone whose midnight a DST change skips
			midnight = end
		}
		if last.IsZero() || midnight.Before(last) {
			last = midnight
		}
	}
	return last.UTC()
}

// cand is a candidate slot with its penalty: lower is better.
type cand struct {
	slot    Slot
	penalty int
	mid     int    // the sum, over both persons, of how many minutes the slot's middle lies from the middle of their working day
	far     int    // the sum, over both ends and both persons, of how far the end lies outside the hours
	day     string // the slot's day in A's zone
	ok      bool   // on a working day of at least one person
	night   bool   // before Dawn or after Dusk in either zone
	edge    bool   // Monday morning or Friday afternoon in either zone
}

// Tiers of candidates, in the order pick takes them: a slot on a working
// day of both persons away from Monday morning and Friday afternoon, then
// one on a Monday morning or a Friday afternoon, then one on someone's
// day off (only when the hours never overlap).
const (
	tierMidweek = iota
	tierEdge
	tierDayOff
	tiers
)

// tier is the candidate's tier.
func (c cand) tier() int {
	switch {
	case c.farthest() >= DayOff:
		return tierDayOff
	case c.edge:
		return tierEdge
	}
	return tierMidweek
}

// farthest is how far the slot's farthest end lies outside anyone's hours.
func (c cand) farthest() int { return max(c.slot.Far[0], c.slot.Far[1]) }

// better orders slots inside both persons' hours: least penalty first,
// then earliest. For those, Suggest counts a slot's distance from
// mid-day (mid) in its penalty from the least its day allows (dayBest),
// so that days as good as the zones let them be come the soonest first,
// whatever the zones' offset each day.
func better(a, b cand) bool {
	if a.penalty != b.penalty {
		return a.penalty < b.penalty
	}
	return a.slot.Start.Before(b.slot.Start)
}

// closer orders slots when the hours never overlap: the least far outside
// anyone's hours first (the farthest end of the slot from either person's
// hours, so that neither person alone bears it all), then the least far
// all ends together, then as better does. The minutes outside do not
// count: a slot one hour past someone's day is closer than one five hours
// past, though both have one hour outside.
func closer(a, b cand) bool {
	if fa, fb := a.farthest(), b.farthest(); fa != fb {
		return fa < fb
	}
	if a.far != b.far {
		return a.far < b.far
	}
	return better(a, b)
}

// Penalties of a candidate.
const (
	penaltyEdge = 1000 // Monday morning or Friday afternoon, per person
)

// Night is before Dawn or after Dusk, in minutes after midnight: a slot
// outside anyone's hours avoids it in both zones when it can. DayOff is
// how far outside someone's hours a slot on their day off lies.
const (
	Dawn   = 7 * 60
	Dusk   = 21 * 60
	DayOff = 24 * 60
)

func (r Request) score(s time.Time) cand {
	e := s.Add(r.Duration)
	c := cand{slot: Slot{Start: s, End: e}}
	for i, p := range []Person{r.A, r.B} {
		h := p.Hours.Norm()
		ls, le := s.In(p.loc()), e.In(p.loc())
		from := ls.Hour()*60 + ls.Minute()
		to := from + int(r.Duration/time.Minute)
		if le.YearDay() == ls.YearDay() {
			to = le.Hour()*60 + le.Minute()
		} else if le.Hour() == 0 && le.Minute() == 0 {
			to = 24 * 60
		}
		if h.Days.Has(ls.Weekday()) {
			c.ok = true
			c.slot.Outside[i] = outside(from, to, h.From, h.To)
			df, dt := distance(from, h.From, h.To), distance(to, h.From, h.To)
			c.slot.Far[i] = max(df, dt)
			c.far += df + dt
		} else {
			c.slot.Outside[i] = to - from
			c.slot.Far[i] = DayOff
			c.far += 2 * DayOff
		}
		if from < Dawn || to > Dusk {
			c.night = true
		}
		if ls.Weekday() == time.Monday && from < 12*60 || ls.Weekday() == time.Friday && to > 12*60 {
			c.edge = true
			c.penalty += penaltyEdge
		}
		// Near the middle of the working day: minutes away from it.
		mid := (h.From + h.To) / 2
		c.mid += abs((from+to)/2 - mid)
	}
	c.penalty += c.mid
	c.day = s.In(r.A.loc()).Format("2006-01-02")
	return c
}

// dayBest is, for each day (in A's zone) of the window from start to
// last, the least mid of a slot inside both persons' hours that day:
// over the whole day, before start or after last as well, and whether
// the slot is busy or not, so that it says only how near both middles of
// the day the zones let a time lie that day. Days with no such slot are
// left out.
func (r Request) dayBest(start, last time.Time) map[string]int {
	// A day lasts at most 25 hours (a daylight-saving change): the
	// slots from a day before start to a day after last hold every slot
	// of the days of start and of last.
	best := map[string]int{}
	for s := start.Add(-25 * time.Hour); !s.After(last.Add(25 * time.Hour)); s = s.Add(Step) {
		c := r.score(s)
		if !c.ok || !c.slot.Fits() {
			continue
		}
		if b, seen := best[c.day]; !seen || c.mid < b {
			best[c.day] = c.mid
		}
	}
	return best
}

// outside is how many minutes of from..to fall outside lo..hi.
func outside(from, to, lo, hi int) int {
	n := 0
	if from < lo {
		n += min(to, lo) - from
	}
	if to > hi {
		n += to - max(from, hi)
	}
	return n
}

// distance is how far the minute m lies outside lo..hi: zero inside.
func distance(m, lo, hi int) int {
	return max(lo-m, m-hi, 0)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// pick chooses n candidates, never two that overlap. A candidate
// overlapping a slot to avoid (an earlier round's) comes only when nothing
// else is left; one overlapping a time offered elsewhere (to either
// person, in another pair) comes before those, after all the others.
// Within each of these pools, those away from Monday morning and
// Friday afternoon in both zones come first (tier): a second time on a
// Tuesday comes before a first one on a Friday afternoon. Within a tier,
// the best of each day first, the best days first (by less), then more on
// days already used. The result is sorted by time.
func pick(cands []cand, n int, avoid, elsewhere []Slot, less func(a, b cand) bool) []Slot {
	var fresh, offered, stale []cand
	for _, c := range cands {
		switch {
		case overlapsAny(c.slot, avoid):
			stale = append(stale, c)
		case overlapsAny(c.slot, elsewhere):
			offered = append(offered, c)
		default:
			fresh = append(fresh, c)
		}
	}
	var chosen []cand
	for _, pool := range [][]cand{fresh, offered, stale} {
		chosen = pickFrom(pool, n, chosen, less)
	}
	out := make([]Slot, len(chosen))
	for i, c := range chosen {
		out[i] = c.slot
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// pickFrom adds to chosen up to n in all from pool, tier by tier, best
// (by less) first within a tier: one a day on a first pass, then any that
// overlaps none chosen.
func pickFrom(pool []cand, n int, chosen []cand, less func(a, b cand) bool) []cand {
	sorted := append([]cand(nil), pool...)
	sort.SliceStable(sorted, func(i, j int) bool { return less(sorted[i], sorted[j]) })
	for tier := 0; tier < tiers; tier++ {
		for pass := 0; pass < 2 && len(chosen) < n; pass++ {
			for _, c := range sorted {
				if len(chosen) == n {
					break
				}
				if c.tier() != tier || clash(c, chosen, pass == 0) {
					continue
				}
				chosen = append(chosen, c)
			}
		}
	}
	return chosen
}

// clash reports whether c overlaps a chosen candidate, or, with sameDay,
// falls on the day of one.
func clash(c cand, chosen []cand, sameDay bool) bool {
	for _, o := range chosen {
		if c.slot.Start.Before(o.slot.End) && o.slot.Start.Before(c.slot.End) || sameDay && o.day == c.day {
			return true
		}
	}
	return false
}

func overlapsAny(s Slot, others []Slot) bool {
	for _, o := range others {
		if s.Start.Before(o.End) && o.Start.Before(s.End) {
			return true
		}
	}
	return false
}
