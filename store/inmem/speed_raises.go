package inmem

import (
	"context"
	"maps"

	"github.com/mentorbot/mentorbot/bot"
)

// raiseSpace holds the capacity raises of speed pairs, by mentor, then
// by pair ID.
type raiseSpace map[string]map[string]bot.CapacityRaise

// UpdateRaises implements bot.Store: under the lock, so nothing changes
// between the read and the write.
func (s *Store) UpdateRaises(ctx context.Context, mentor bot.MemberID, change func(*bot.Offer, map[string]bot.CapacityRaise) error) (bot.Offer, error) {
	sp := s.lock(mentor.Tenant())
	defer s.mu.Unlock()
	o, ok := sp.offer(mentor.User)
	if !ok || len(o.Topics) == 0 {
		return bot.Offer{}, notFound("offer")
	}
	was := sp.raises[mentor.User]
	raises := maps.Clone(was)
	if raises == nil {
		raises = map[string]bot.CapacityRaise{}
	}
	next := o
	if err := change(&next, raises); err != nil {
		return o, err
	}
	if next.Capacity == o.Capacity && maps.Equal(was, raises) {
		return o, nil
	}
	stored := sp.offers[mentor.User]
	stored.Capacity, stored.Updated = next.Capacity, stamp(next.Updated)
	sp.offers[mentor.User] = stored
	if sp.raises == nil {
		sp.raises = raiseSpace{}
	}
	if len(raises) == 0 {
		delete(sp.raises, mentor.User)
	} else {
		sp.raises[mentor.User] = raises
	}
	o.Capacity, o.Updated = stored.Capacity, stored.Updated
	return o, nil
}
