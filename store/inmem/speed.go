package inmem

import (
	"context"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// speedEvent is one speed-mentoring event with its registrations and
// rounds. Rounds are copied in and out: nothing a caller holds aliases
// the store.
type speedEvent struct {
	Event    bot.SpeedEvent
	Entrants map[string]bot.SpeedEntrant
	Rounds   map[int]bot.SpeedRound
}

// speedOf returns the event id of the workspace; callers hold mu.
func (sp *space) speedOf(id string) (speedEvent, bool) {
	if sp.speed == nil {
		sp.speed = map[string]speedEvent{}
	}
	e, ok := sp.speed[id]
	return e, ok
}

// CreateSpeedEvent implements bot.Store.
func (s *Store) CreateSpeedEvent(ctx context.Context, t bot.Tenant, e bot.SpeedEvent, jobs []bot.Job) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	if _, ok := sp.speedOf(e.ID); ok {
		return coded(bot.ECONFLICT, "event exists")
	}
	sp.speed[e.ID] = speedEvent{Event: e, Entrants: map[string]bot.SpeedEntrant{}, Rounds: map[int]bot.SpeedRound{}}
	sp.schedule(false, jobs)
	s.known[t] = true
	return nil
}

// GetSpeedEvent implements bot.Store.
func (s *Store) GetSpeedEvent(ctx context.Context, t bot.Tenant, id string) (bot.SpeedEvent, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	e, ok := sp.speedOf(id)
	if !ok {
		return bot.SpeedEvent{}, notFound("event")
	}
	return e.Event, nil
}

// CancelSpeedEvent implements bot.Store.
func (s *Store) CancelSpeedEvent(ctx context.Context, t bot.Tenant, id string, at time.Time, jobs []bot.Job) (bot.SpeedEvent, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	e, ok := sp.speedOf(id)
	switch {
	case !ok:
		return bot.SpeedEvent{}, notFound("event")
	case !e.Event.Cancelled.IsZero():
		return e.Event, coded(bot.ESTALE, "event cancelled already")
	}
	e.Event.Cancelled = at.UTC()
	sp.speed[id] = e
	sp.schedule(false, jobs)
	return e.Event, nil
}

// SpeedEvents implements bot.Store.
func (s *Store) SpeedEvents(ctx context.Context, t bot.Tenant) ([]bot.SpeedEvent, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.speedOf("")
	var out []bot.SpeedEvent
	for _, e := range sp.speed {
		out = append(out, e.Event)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.Before(out[j].Created)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// RegisterSpeed implements bot.Store.
func (s *Store) RegisterSpeed(ctx context.Context, t bot.Tenant, event string, en bot.SpeedEntrant) (bot.SpeedEntrant, bool, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	e, ok := sp.speedOf(event)
	if !ok {
		return bot.SpeedEntrant{}, false, notFound("event")
	}
	if old, ok := e.Entrants[en.Member.User]; ok {
		return old, false, nil
	}
	if !e.Event.Cancelled.IsZero() {
		return en, false, coded(bot.ESTALE, "event cancelled")
	}
	e.Entrants[en.Member.User] = en
	return en, true, nil
}

// UnregisterSpeed implements bot.Store.
func (s *Store) UnregisterSpeed(ctx context.Context, t bot.Tenant, event, user string) (bot.SpeedEntrant, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	old, err := sp.entrant(event, user)
	if err == nil {
		delete(sp.speed[event].Entrants, user)
	}
	return old, err
}

// entrant returns user's registration for event.
func (sp *space) entrant(event, user string) (bot.SpeedEntrant, error) {
	e, ok := sp.speedOf(event)
	if !ok {
		return bot.SpeedEntrant{}, notFound("event")
	}
	en, ok := e.Entrants[user]
	if !ok {
		return bot.SpeedEntrant{}, notFound("registration")
	}
	return en, nil
}

// SpeedEntrant implements bot.Store.
func (s *Store) SpeedEntrant(ctx context.Context, t bot.Tenant, event, user string) (bot.SpeedEntrant, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return sp.entrant(event, user)
}

// SpeedEntrants implements bot.Store.
func (s *Store) SpeedEntrants(ctx context.Context, t bot.Tenant, event string) ([]bot.SpeedEntrant, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	e, ok := sp.speedOf(event)
	if !ok {
		return nil, notFound("event")
	}
	out := slices.Collect(maps.Values(e.Entrants))
	bot.SortSpeedEntrants(out)
	return out, nil
}

// SaveSpeedRound implements bot.Store.
func (s *Store) SaveSpeedRound(ctx context.Context, t bot.Tenant, r bot.SpeedRound) (bot.SpeedRound, bool, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	e, ok := sp.speedOf(r.Event)
	if !ok {
		return bot.SpeedRound{}, false, notFound("event")
	}
	if old, ok := e.Rounds[r.N]; ok {
		return copyRound(old), false, nil
	}
	e.Rounds[r.N] = copyRound(r)
	return copyRound(r), true, nil
}

// GetSpeedRound implements bot.Store.
func (s *Store) GetSpeedRound(ctx context.Context, t bot.Tenant, event string, n int) (bot.SpeedRound, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	e, _ := sp.speedOf(event)
	r, ok := e.Rounds[n]
	if !ok {
		return bot.SpeedRound{}, notFound("round")
	}
	return copyRound(r), nil
}

// UpdateSpeedRound implements bot.Store. The change runs under the lock:
// it must not call the store.
func (s *Store) UpdateSpeedRound(ctx context.Context, t bot.Tenant, event string, n int, change func(*bot.SpeedRound) error) (bot.SpeedRound, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	e, _ := sp.speedOf(event)
	r, ok := e.Rounds[n]
	if !ok {
		return bot.SpeedRound{}, notFound("round")
	}
	r = copyRound(r)
	if err := change(&r); err != nil {
		return bot.SpeedRound{}, err
	}
	e.Rounds[n] = copyRound(r)
	return r, nil
}

// EraseSpeedMember implements bot.Store.
func (s *Store) EraseSpeedMember(ctx context.Context, id bot.MemberID) error {
	sp := s.lock(id.Tenant())
	defer s.mu.Unlock()
	sp.speedOf("")
	for _, e := range sp.speed {
		delete(e.Entrants, id.User)
		for n, r := range e.Rounds {
			bot.EraseFromSpeedRound(&r, id.User)
			e.Rounds[n] = r
		}
	}
	return nil
}

func copyRound(r bot.SpeedRound) bot.SpeedRound {
	r.Sessions = slices.Clone(r.Sessions)
	r.SatOut = maps.Clone(r.SatOut)
	if r.SatOut == nil {
		r.SatOut = map[string]string{}
	}
	return r
}
