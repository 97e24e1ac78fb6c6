package bot

import (
	"context"
	"slices"
)

// A pair formed after a speed-mentoring round may come on top of a
// mentor's full capacity (the continue question warned them): the
// capacity is raised to count it, and the raise is recorded with the
// offer, by pair, in the same step (RaiseStore.UpdateRaises). When that
// pair ends, or is cancelled before it started, the raise is undone,
// only if the mentor has not set their capacity since: theirs then
// stands. freed undoes it before it fills the slot, so that the raised
// slot never takes a new request.

// RaiseStore keeps the raises of mentors' capacities for speed pairs,
// with their offers (speed_capacity.go).
type RaiseStore interface {
	// UpdateRaises applies change to the mentor's offer as stored (with
	// its counters) and to the capacity raises recorded with it, by pair
	// ID, and stores the offer's capacity and Updated, and the raises
	// change leaves, atomically: an offer, counters or raises changed
	// meanwhile make it read and apply change again. The rest of the
	// offer stays as stored. Nothing is written when change leaves the
	// capacity and the raises as they were, or returns an error
	// (returned). It returns the offer as stored after it; ENOTFOUND if
	// the mentor has no offer. The raises go with the offer when the
	// mentor's data is erased, and stay when the mentor saves it.
	UpdateRaises(ctx context.Context, mentor MemberID, change func(o *Offer, raises map[string]CapacityRaise) error) (Offer, error)
}

// CapacityRaise is a mentor's capacity raised to hold a pair formed
// after a speed-mentoring round beyond it: the capacity before and after.
type CapacityRaise struct {
	From, To int
}

// speedMakeRoom raises the mentor's capacity to the pairs and proposals
// they hold once the speed pair pairID is formed beyond it: the mentor
// chose this pair with their yes, after the question warned them, and
// their home then says true ("3 of 3", not "3 of 2" beside an open
// offer). It returns the capacity before and after, 0 and 0 when it was
// not raised. A failure is logged: the pair stands.
func (b *Bot) speedMakeRoom(ctx context.Context, mentor MemberID, pairID string) (from, to int) {
	now := b.clock.Now().UTC()
	_, err := b.store.raises.UpdateRaises(ctx, mentor, func(o *Offer, raises map[string]CapacityRaise) error {
		from, to = 0, 0
		if o.Active+o.Pending <= o.Capacity {
			return nil
		}
		from, to = o.Capacity, o.Active+o.Pending
		o.Capacity, o.Updated = to, now
		raises[pairID] = CapacityRaise{From: from, To: to}
		return nil
	})
	switch ErrorCode(err) {
	case "":
	case ENOTFOUND:
		return 0, 0 // a mentor with no offer (registered for the event alone): no capacity to raise
	default:
		b.log.Warn("speed pair: capacity not raised", "member", mentor.String(), "code", string(ErrorCode(err)))
		return 0, 0
	}
	if to > 0 {
		b.log.Info("speed pair: capacity raised", "member", mentor.String(), "pair", pairID, "from", from, "to", to)
	}
	return from, to
}

// offerAfterRaises returns the mentor's offer once the raises of their
// pairs that ended or were cancelled (or erased) are undone, telling the
// mentor their capacity is back. It reads the offer once when no raise
// is recorded, as GetOffer would: freed calls it for every freed slot.
// A raise whose pair cannot be read now waits for the next time.
func (b *Bot) offerAfterRaises(ctx context.Context, mentor MemberID) (Offer, error) {
	var ids []string
	o, err := b.store.raises.UpdateRaises(ctx, mentor, func(_ *Offer, raises map[string]CapacityRaise) error {
		ids = ids[:0]
		for id := range raises {
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil || len(ids) == 0 {
		return o, err
	}
	slices.Sort(ids)
	ended := map[string]Pair{} // the zero Pair when it was erased
	for _, id := range ids {
		p, err := b.store.pairs.GetPair(ctx, mentor.Tenant(), id)
		switch {
		case ErrorCode(err) == ENOTFOUND:
			ended[id] = Pair{}
		case err != nil:
			b.log.Warn("speed pair: raise not checked", "member", mentor.String(), "pair", id, "code", string(ErrorCode(err)))
		case p.State.Closed():
			ended[id] = p
		}
	}
	if len(ended) == 0 {
		return o, nil
	}
	now := b.clock.Now().UTC()
	var undone []string
	after, err := b.store.raises.UpdateRaises(ctx, mentor, func(o *Offer, raises map[string]CapacityRaise) error {
		if undone = undoRaises(o, raises, ended); len(undone) > 0 {
			o.Updated = now
		}
		return nil
	})
	if err != nil {
		b.log.Warn("speed pair: raise not undone", "member", mentor.String(), "code", string(ErrorCode(err)))
		return o, nil
	}
	if len(undone) == 0 {
		return after, nil
	}
	b.log.Info("speed pair: capacity back", "member", mentor.String(), "pairs", len(undone), "capacity", after.Capacity)
	topic := ""
	if len(undone) == 1 {
		topic = ended[undone[0]].Topic
	}
	_ = b.notify(ctx, mentor, func(l Lang) Message {
		if topic == "" {
			return Message{Text: T(l, "event.capacity_back_any", "capacity", itoa(after.Capacity))}
		}
		return Message{Text: T(l, "event.capacity_back", "topic", topic, "capacity", itoa(after.Capacity))}
	})
	return after, nil
}

// undoRaises undoes, in o and raises, the raises of the pairs in ended,
// the latest first, and returns their pair IDs. A capacity other than the
// one the raises left (the highest To) was set by the mentor since: it
// stands, and the raises are forgotten, never to be undone.
func undoRaises(o *Offer, raises map[string]CapacityRaise, ended map[string]Pair) []string {
	top := 0
	for _, r := range raises {
		top = max(top, r.To)
	}
	if o.Capacity != top {
		clear(raises)
		return nil
	}
	var ids []string
	for id := range ended {
		if _, ok := raises[id]; ok {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return raises[b].To - raises[a].To })
	for _, id := range ids {
		r := raises[id]
		delete(raises, id)
		d := r.To - r.From
		if d <= 0 {
			continue
		}
		o.Capacity -= d
		// A raise made after this one counted it: it now starts lower.
		for other, later := range raises {
			if later.To > r.To {
				raises[other] = CapacityRaise{From: later.From - d, To: later.To - d}
			}
		}
	}
	return ids
}
