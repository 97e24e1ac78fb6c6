package bot

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/meeting"
)

// roundSize is how many times a round offers.
const roundSize = 3

// meetingRequest is what the meeting package finds the pair's times from.
func (b *Bot) meetingRequest(ctx context.Context, pair Pair, mentor, mentee Member) meeting.Request {
	la, _ := b.zoneOf(ctx, mentor)
	lb, _ := b.zoneOf(ctx, mentee)
	return meeting.Request{
		Now: b.clock.Now(), Duration: meetingLength(pair.Kind), N: roundSize,
		A: meeting.Person{Loc: la, Hours: mentor.Hours}, B: meeting.Person{Loc: lb, Hours: mentee.Hours},
	}
}

// suggestRound finds a round of times for the pair. offered are the times
// of the rounds before it, the oldest first (Meeting.Past, then the last
// round's slots): times never offered come first; when the window holds
// too few of them, those offered least recently fill the round (and,
// among those offered as recently, those offered least often), so that
// asking again and again goes round every time the window holds instead
// of coming back to the same ones.
//
// Times either member agreed in another pair are never offered, and
// those offered to either of them in another pair come after the others
// (meeting_taken.go): two introductions of one mentor a minute apart
// offer different times.
func (b *Bot) suggestRound(ctx context.Context, pair Pair, mentor, mentee Member, offered []MeetingSlot) ([]MeetingSlot, bool) {
	r := b.meetingRequest(ctx, pair, mentor, mentee)
	if tt, err := b.takenElsewhere(ctx, pair); err != nil {
		// The times are offered all the same; a pick that would book a
		// member twice is still refused (pickTaken).
		b.log.Warn("times taken in other pairs unread", "pair", pair.ID, "code", string(ErrorCode(err)))
	} else {
		for _, s := range tt.all() {
			r.Busy = append(r.Busy, meeting.Slot{Start: s.Start, End: s.End})
		}
		for _, s := range tt.offered {
			r.Elsewhere = append(r.Elsewhere, meeting.Slot{Start: s.Start, End: s.End})
		}
	}
	find := func(avoid []MeetingSlot, n int) ([]MeetingSlot, bool) {
		r.N, r.Avoid = n, nil
		for _, s := range avoid {
			r.Avoid = append(r.Avoid, meeting.Slot{Start: s.Start, End: s.End})
		}
		found, full := meeting.Suggest(r)
		out := make([]MeetingSlot, len(found))
		for i, s := range found {
			out[i] = MeetingSlot{Start: s.Start, End: s.End}
		}
		return out, full
	}
	first, full := find(offered, roundSize)
	var chosen []MeetingSlot
	for _, s := range first {
		if !overlapsSlot(s, offered) {
			chosen = append(chosen, s)
		}
	}
	if len(chosen) == len(first) {
		return first, full
	}
	// Too few new times: the times offered before come back, the least
	// recently offered first, a group at a time.
	groups := offeredGroups(offered)
	for g := range groups {
		if len(chosen) >= roundSize {
			break
		}
		avoid := append([]MeetingSlot(nil), chosen...)
		for _, later := range groups[g+1:] {
			avoid = append(avoid, later...)
		}
		more, _ := find(avoid, roundSize-len(chosen))
		for _, s := range more {
			if !overlapsSlot(s, avoid) {
				chosen = append(chosen, s)
				avoid = append(avoid, s)
			}
		}
	}
	if len(chosen) < len(first) {
		return first, full
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].Start.Before(chosen[j].Start) })
	return chosen, full
}

// offeredGroups groups the distinct times of offered (the oldest first,
// the last round's last) by when they were last offered, the least
// recently first, then by how often, the least often first. offered
// comes in rounds of roundSize but for the last one, whose length is not
// known (a round may offer fewer): the last roundSize times are the last
// round, and so on back.
func offeredGroups(offered []MeetingSlot) [][]MeetingSlot {
	type seen struct {
		slot          MeetingSlot
		age, count, i int // rounds ago it was last offered; times offered; first seen
	}
	by := map[int64]*seen{}
	var order []*seen
	for i, s := range offered {
		age := (len(offered) - 1 - i) / roundSize
		k := s.Start.UnixMilli()
		if e, ok := by[k]; ok {
			e.age, e.count = age, e.count+1
			continue
		}
		e := &seen{slot: s, age: age, count: 1, i: i}
		by[k] = e
		order = append(order, e)
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].age != order[j].age {
			return order[i].age > order[j].age
		}
		return order[i].count < order[j].count
	})
	var groups [][]MeetingSlot
	for i, e := range order {
		if i == 0 || e.age != order[i-1].age || e.count != order[i-1].count {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], e.slot)
	}
	return groups
}

// overlapsSlot reports whether s overlaps one of others.
func overlapsSlot(s MeetingSlot, others []MeetingSlot) bool {
	for _, o := range others {
		if s.Start.Before(o.End) && o.Start.Before(s.End) {
			return true
		}
	}
	return false
}

// repeatedNote says which of m's times were offered in an earlier round
// (Meeting.Past): the window held no other, and the round says so rather
// than passing them off as new. "" when none was.
func repeatedNote(l Lang, m Meeting) string {
	var again []string
	for i, s := range m.Slots {
		if overlapsSlot(s, m.Past) {
			again = append(again, strconv.Itoa(i+1))
		}
	}
	switch {
	case len(again) == 0:
		return ""
	case len(again) == len(m.Slots):
		return T(l, "meet.repeated_all", "k", strconv.Itoa(len(again)))
	}
	return T(l, "meet.repeated", "k", strconv.Itoa(len(again)), "times", andList(l, again))
}

// Where meeting times lie against one member's working hours.
const (
	hoursInside  = iota // every time inside them
	hoursPartly         // some of the times, or some of a time, outside them
	hoursOutside        // every time wholly outside them (a day off included)
)

// hoursFit says where the slots lie against the working hours h of a
// member in zone loc.
func hoursFit(slots []MeetingSlot, h meeting.Hours, loc *time.Location) int {
	in, out := 0, 0
	for _, s := range slots {
		a, e := s.Start.In(loc), s.End.In(loc)
		from := a.Hour()*60 + a.Minute()
		to := from + int(e.Sub(a)/time.Minute)
		switch {
		case h.Contains(a.Weekday(), from, to):
			in++
		case !h.Norm().Days.Has(a.Weekday()) || to <= h.Norm().From || from >= h.Norm().To:
			out++
		}
	}
	switch {
	case in == len(slots):
		return hoursInside
	case out == len(slots):
		return hoursOutside
	}
	return hoursPartly
}

// noOverlapNote is the line under times found outside working hours (the
// hours never overlap): whose hours they lie outside, and how, as it is
// ("partly outside your working hours" only when it is so for both). ""
// when they lie inside both after all.
func (b *Bot) noOverlapNote(ctx context.Context, l Lang, m Meeting, mentor, mentee Member) string {
	la, _ := b.zoneOf(ctx, mentor)
	lb, _ := b.zoneOf(ctx, mentee)
	fa, fb := hoursFit(m.Slots, mentor.Hours, la), hoursFit(m.Slots, mentee.Hours, lb)
	na, nb := mentor.displayName(), mentee.displayName()
	if fa > fb {
		// The one whose hours they lie the further outside comes second.
		fa, fb, na, nb = fb, fa, nb, na
	}
	switch {
	case fa == hoursOutside: // both wholly outside
		return T(l, "meet.no_overlap_outside")
	case fa == hoursInside && fb == hoursOutside:
		return T(l, "meet.no_overlap_within", "in", na, "out", nb)
	case fa == hoursInside && fb == hoursPartly:
		return T(l, "meet.no_overlap_within_partly", "in", na, "out", nb)
	case fa == hoursPartly && fb == hoursOutside:
		return T(l, "meet.no_overlap_outside_partly", "partly", na, "out", nb)
	case fa == hoursInside: // inside both after all
		return ""
	}
	return T(l, "meet.no_overlap")
}
