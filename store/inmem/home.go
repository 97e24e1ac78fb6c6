package inmem

import (
	"context"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// OpenedHome implements bot.HomeStore.
func (s *Store) OpenedHome(ctx context.Context, m bot.MemberID) error {
	sp := s.lock(m.Tenant())
	defer s.mu.Unlock()
	if sp.homes == nil {
		sp.homes = set{}
	}
	sp.homes[m.User] = true
	return nil
}

// HasOpenedHome implements bot.HomeStore.
func (s *Store) HasOpenedHome(ctx context.Context, m bot.MemberID) (bool, error) {
	sp := s.lock(m.Tenant())
	defer s.mu.Unlock()
	return sp.homes[m.User], nil
}

// JobsDue implements bot.HomeStore.
func (s *Store) JobsDue(ctx context.Context, t bot.Tenant, ids []string) (map[string]time.Time, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := map[string]time.Time{}
	for _, id := range ids {
		if ms, ok := sp.jobs[id]; ok {
			out[id] = time.UnixMilli(ms).UTC()
		}
	}
	return out, nil
}
