package inmem

import (
	"context"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// pauseSpace is a workspace's pauses (pauses) and counts of unanswered
// prompts (unanswered), by user.
type pauseSpace struct {
	pauses     map[string]bot.Pause
	unanswered map[string]int
}

// pausesOf returns the workspace's pause data, made on first use. Callers
// hold mu.
func (sp *space) pausesOf() *pauseSpace {
	if sp.pause.pauses == nil {
		sp.pause = pauseSpace{pauses: map[string]bot.Pause{}, unanswered: map[string]int{}}
	}
	return &sp.pause
}

// erase forgets a member's pause and count.
func (ps *pauseSpace) erase(u string) {
	delete(ps.pauses, u)
	delete(ps.unanswered, u)
}

// SetPause implements bot.PauseStore.
func (s *Store) SetPause(ctx context.Context, p bot.Pause) error {
	sp := s.lock(p.Member.Tenant())
	defer s.mu.Unlock()
	// Kept to the millisecond, as on Redis.
	p.At = time.UnixMilli(p.At.UnixMilli()).UTC()
	if !p.Until.IsZero() {
		p.Until = time.UnixMilli(p.Until.UnixMilli()).UTC()
	}
	sp.pausesOf().pauses[p.Member.User] = p
	return nil
}

// GetPause implements bot.PauseStore.
func (s *Store) GetPause(ctx context.Context, m bot.MemberID) (bot.Pause, error) {
	sp := s.lock(m.Tenant())
	defer s.mu.Unlock()
	p, ok := sp.pausesOf().pauses[m.User]
	if !ok {
		return bot.Pause{}, bot.Errorf(bot.ENOTFOUND, "")
	}
	return p, nil
}

// Pauses implements bot.PauseStore.
func (s *Store) Pauses(ctx context.Context, t bot.Tenant) (map[string]bot.Pause, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := make(map[string]bot.Pause, len(sp.pausesOf().pauses))
	for u, p := range sp.pause.pauses {
		out[u] = p
	}
	return out, nil
}

// EndPause implements bot.PauseStore.
func (s *Store) EndPause(ctx context.Context, m bot.MemberID, at time.Time) (bool, error) {
	sp := s.lock(m.Tenant())
	defer s.mu.Unlock()
	ps := sp.pausesOf()
	p, ok := ps.pauses[m.User]
	if !ok || !at.IsZero() && p.At.UnixMilli() != at.UnixMilli() {
		return false, nil
	}
	delete(ps.pauses, m.User)
	return true, nil
}

// AddUnanswered implements bot.PauseStore.
func (s *Store) AddUnanswered(ctx context.Context, m bot.MemberID) (int, error) {
	sp := s.lock(m.Tenant())
	defer s.mu.Unlock()
	ps := sp.pausesOf()
	ps.unanswered[m.User]++
	return ps.unanswered[m.User], nil
}

// ClearUnanswered implements bot.PauseStore.
func (s *Store) ClearUnanswered(ctx context.Context, m bot.MemberID) error {
	sp := s.lock(m.Tenant())
	defer s.mu.Unlock()
	delete(sp.pausesOf().unanswered, m.User)
	return nil
}
