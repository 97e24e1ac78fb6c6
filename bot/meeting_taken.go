package bot

import (
	"context"
	"strconv"
	"time"
)

// A member may be in several pairs at once (a mentor's capacity is 2 by
// default): the times one pair is offered, and the time it agrees, take
// the members' other pairs into account. A time either member agreed in
// another pair is never offered, and never agreed; a time offered to
// either of them in another pair, and not agreed there, comes after the
// others (meeting.Request's Busy and Elsewhere).

// takenTimes are the times the members of a pair are taken in their
// other pairs under way, still to come.
type takenTimes struct {
	// agreed are, by user ID, the meetings each member of the pair agreed
	// in another pair.
	agreed map[string][]MeetingSlot
	// offered are the times offered in another pair of either member,
	// where none is agreed yet.
	offered []MeetingSlot
}

// all are the meetings either member agreed in another pair.
func (tt takenTimes) all() []MeetingSlot {
	var out []MeetingSlot
	for _, s := range tt.agreed {
		out = append(out, s...)
	}
	return out
}

// takenElsewhere reads what the members of pair have in their other pairs
// under way: their own pairs only (PairsOf), and the meeting of each.
func (b *Bot) takenElsewhere(ctx context.Context, pair Pair) (takenTimes, error) {
	tt := takenTimes{agreed: map[string][]MeetingSlot{}}
	now := b.clock.Now()
	seen := map[string]bool{pair.ID: true}
	for _, id := range []MemberID{pair.Mentor, pair.Mentee} {
		if id.User == "" {
			continue
		}
		pairs, err := b.store.pairs.PairsOf(ctx, id)
		if err != nil {
			return tt, err
		}
		for _, p := range pairs {
			if p.State != PairActive || seen[p.ID] {
				continue
			}
			seen[p.ID] = true
			m, err := b.store.meetings.GetMeeting(ctx, id.Tenant(), p.ID)
			if ErrorCode(err) == ENOTFOUND {
				continue
			}
			if err != nil {
				return tt, err
			}
			switch {
			case b.ahead(m):
				// Both members of pair may be in p (two pairs of the same
				// two people): each is taken.
				for _, who := range []MemberID{pair.Mentor, pair.Mentee} {
					if p.Role(who) != "" {
						tt.agreed[who.User] = append(tt.agreed[who.User], m.Agreed)
					}
				}
			case m.Agreed.IsZero():
				for _, s := range m.Slots {
					if s.Start.After(now) {
						tt.offered = append(tt.offered, s)
					}
				}
			}
		}
	}
	return tt, nil
}

// firstOverlap returns the first of others that s overlaps.
func firstOverlap(s MeetingSlot, others []MeetingSlot) (MeetingSlot, bool) {
	for _, o := range others {
		if s.Start.Before(o.End) && o.Start.Before(s.End) {
			return o, true
		}
	}
	return MeetingSlot{}, false
}

// pickTaken refuses a pick of slot i of m, by who, that overlaps a
// meeting who or the other member already agreed in another pair: such
// a time would book one of them twice, whether it agrees now or later.
// The reply says so truthfully (whose meeting it is; of the other
// member's, only that it is another mentoring meeting) and names the
// times still open, with "Suggest other times". false: the pick may go on.
func (b *Bot) pickTaken(ctx context.Context, lang Lang, pair Pair, m Meeting, i int, who MemberID, otherMember Member, loc *time.Location, now time.Time) (Reply, bool, error) {
	tt, err := b.takenElsewhere(ctx, pair)
	if err != nil {
		return Reply{}, false, err
	}
	other := pair.Other(who)
	slot, n := m.Slots[i], strconv.Itoa(i+1)
	var text string
	if busy, ok := firstOverlap(slot, tt.agreed[who.User]); ok {
		text = T(lang, "meettaken.yours", "busy", slotWhen(lang, busy, loc), "n", n, "when", slotWhen(lang, slot, loc))
	} else if _, ok := firstOverlap(slot, tt.agreed[other.User]); ok {
		text = T(lang, "meettaken.theirs", "name", otherMember.displayName(), "n", n, "when", slotWhen(lang, slot, loc))
	} else {
		return Reply{}, false, nil
	}
	b.log.Info("pick refused: time taken in another pair", "pair", pair.ID, "member", who.String())
	var open []string
	taken := tt.all()
	for j, s := range m.Slots {
		if j != i && s.Start.After(now) && !overlapsSlot(s, taken) {
			open = append(open, T(lang, "meet.ahead_item", "n", strconv.Itoa(j+1), "when", slotWhen(lang, s, loc)))
		}
	}
	next := T(lang, "meet.ask_other")
	if len(open) > 0 {
		next = T(lang, "meettaken.still", "times", andList(lang, open))
	}
	return Reply{Message: Message{Text: text + " " + next, Buttons: []Button{otherTimesButton(lang, pair, m)}}}, true, nil
}
