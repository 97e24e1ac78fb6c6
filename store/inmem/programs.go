package inmem

import (
	"context"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// programOf is a program as the store keeps it: in its tenant, times
// in milliseconds, lists copied.
func programOf(t bot.Tenant, p bot.Program) bot.Program {
	p.Tenant = t
	p.Start, p.End, p.Created, p.KickedOff, p.Closed = stamp(p.Start), stamp(p.End), stamp(p.Created), stamp(p.KickedOff), stamp(p.Closed)
	p.Questions = list(p.Questions)
	if len(p.Charter) == 0 {
		p.Charter = nil
	} else {
		p.Charter = maps.Clone(p.Charter)
	}
	return p
}

// CreateProgram implements bot.ProgramStore.
func (s *Store) CreateProgram(ctx context.Context, p bot.Program, jobs []bot.Job) error {
	sp := s.lock(p.Tenant)
	defer s.mu.Unlock()
	if _, ok := sp.programs[p.ID]; ok {
		return coded(bot.ECONFLICT, "program exists")
	}
	sp.programs[p.ID] = programOf(p.Tenant, p)
	sp.schedule(false, jobs)
	return nil
}

// GetProgram implements bot.ProgramStore.
func (s *Store) GetProgram(ctx context.Context, t bot.Tenant, id bot.ProgramID) (bot.Program, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, ok := sp.programs[id]
	if !ok {
		return bot.Program{}, notFound("program")
	}
	return programOf(t, p), nil
}

// Programs implements bot.ProgramStore.
func (s *Store) Programs(ctx context.Context, t bot.Tenant) ([]bot.Program, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	var out []bot.Program
	for _, p := range sp.programs {
		out = append(out, programOf(t, p))
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// CloseProgram implements bot.ProgramStore.
func (s *Store) CloseProgram(ctx context.Context, t bot.Tenant, id bot.ProgramID, at time.Time, jobs []bot.Job) (bot.Program, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, ok := sp.programs[id]
	switch {
	case !ok:
		return bot.Program{}, notFound("program")
	case p.State == bot.ProgramClosed:
		return programOf(t, p), coded(bot.ESTALE, "program closed already")
	}
	p.State, p.Closed = bot.ProgramClosed, stamp(at)
	sp.programs[id] = p
	sp.schedule(true, jobs)
	return programOf(t, p), nil
}

// KickOffProgram implements bot.ProgramStore.
func (s *Store) KickOffProgram(ctx context.Context, t bot.Tenant, id bot.ProgramID, at time.Time) (bot.Program, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, ok := sp.programs[id]
	switch {
	case !ok:
		return bot.Program{}, notFound("program")
	case !p.KickedOff.IsZero():
		return programOf(t, p), coded(bot.ESTALE, "program kicked off already")
	}
	p.KickedOff = stamp(at)
	sp.programs[id] = p
	return programOf(t, p), nil
}

// AddProgramRequest implements bot.ProgramStore.
func (s *Store) AddProgramRequest(ctx context.Context, t bot.Tenant, id bot.ProgramID, request string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	if sp.progReqs[id] == nil {
		sp.progReqs[id] = set{}
	}
	sp.progReqs[id][request] = true
	return nil
}

// ProgramRequests implements bot.ProgramStore.
func (s *Store) ProgramRequests(ctx context.Context, t bot.Tenant, id bot.ProgramID) ([]string, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(sp.progReqs[id])), nil
}
