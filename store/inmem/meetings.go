package inmem

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// OfferSlots implements bot.MeetingStore.
func (s *Store) OfferSlots(ctx context.Context, t bot.Tenant, pairID string, round int, slots []bot.MeetingSlot, full bool, at time.Time) (bot.Meeting, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	if sp.meetings == nil {
		sp.meetings = map[string]bot.Meeting{}
	}
	if _, ok := sp.pairs[pairID]; !ok {
		return bot.Meeting{}, notFound("pair")
	}
	if sp.meetings[pairID].Round != round {
		return bot.Meeting{}, coded(bot.ESTALE, "meeting round moved on")
	}
	m := bot.Meeting{Pair: pairID, Round: round + 1, Full: full, Offered: stamp(at), Picks: map[string][]int{}, Past: pastSlots(sp.meetings[pairID])}
	for _, sl := range slots {
		m.Slots = append(m.Slots, bot.MeetingSlot{Start: stamp(sl.Start), End: stamp(sl.End)})
	}
	sp.meetings[pairID] = m
	return copyMeeting(m), nil
}

// PickSlot implements bot.MeetingStore.
func (s *Store) PickSlot(ctx context.Context, t bot.Tenant, pairID string, round, i int, by, other string, at time.Time) (bot.Meeting, bool, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	m, ok := sp.meetings[pairID]
	switch {
	case !ok:
		return bot.Meeting{}, false, notFound("meeting")
	case m.Round != round:
		return bot.Meeting{}, false, coded(bot.ESTALE, "meeting round moved on")
	case i < 0 || i >= len(m.Slots):
		return bot.Meeting{}, false, coded(bot.EINVALID, "no such slot")
	case !m.Agreed.IsZero():
		return copyMeeting(m), false, nil
	}
	m.Picks = maps.Clone(m.Picks)
	if m.Picks == nil {
		m.Picks = map[string][]int{}
	}
	if !slices.Contains(m.Picks[by], i) {
		m.Picks[by] = append(slices.Clone(m.Picks[by]), i)
		slices.Sort(m.Picks[by])
	}
	agreed := false
	if slices.Contains(m.Picks[other], i) {
		m.Agreed, agreed = m.Slots[i], true
	}
	sp.meetings[pairID] = m
	return copyMeeting(m), agreed, nil
}

// GetMeeting implements bot.MeetingStore.
func (s *Store) GetMeeting(ctx context.Context, t bot.Tenant, pairID string) (bot.Meeting, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	m, ok := sp.meetings[pairID]
	if !ok {
		return bot.Meeting{}, notFound("meeting")
	}
	return copyMeeting(m), nil
}

// copyMeeting returns m with slices and maps of its own, as a read from
// Redis would be.
func copyMeeting(m bot.Meeting) bot.Meeting {
	m.Slots, m.Past = slices.Clone(m.Slots), slices.Clone(m.Past)
	picks := map[string][]int{}
	for u, p := range m.Picks {
		picks[u] = slices.Clone(p)
	}
	m.Picks = picks
	return m
}

// pastSlots are the slots a new round keeps as past: the earlier rounds'
// and the one it replaces, the newest last, bot.MaxPastSlots at most.
func pastSlots(m bot.Meeting) []bot.MeetingSlot {
	all := append(slices.Clone(m.Past), m.Slots...)
	if len(all) > bot.MaxPastSlots {
		all = all[len(all)-bot.MaxPastSlots:]
	}
	return all
}
