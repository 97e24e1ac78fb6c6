package inmem

import (
	"context"
	"errors"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// goalSpace is a workspace's goals, as store/goals.go keeps them:
// goals:<pair> (user → their goals; a user present with none cleared
// theirs) and goalpairs (pair → program).
type goalSpace struct {
	byPair map[string]map[string][]bot.Goal
	filed  map[string]bot.ProgramID
}

func (g *goalSpace) init() {
	if g.byPair == nil {
		g.byPair, g.filed = map[string]map[string][]bot.Goal{}, map[string]bot.ProgramID{}
	}
}

// erase drops the goals of the pairs erased, and the member's goals in
// the pairs blanked.
func (g *goalSpace) erase(e bot.Erasure) {
	g.init()
	for _, id := range e.Pairs {
		delete(g.byPair, id)
		delete(g.filed, id)
	}
	for _, id := range e.Blank {
		delete(g.byPair[id], e.Member.User)
		// The other member's goals no longer say the member set their progress.
		for user, gs := range g.byPair[id] {
			next := append([]bot.Goal(nil), gs...)
			for i := range next {
				if next[i].ProgressBy.User == e.Member.User {
					next[i].ProgressBy = bot.MemberID{}
				}
			}
			g.byPair[id][user] = next
		}
	}
}

// prune drops the goals of the pairs gone.
func (g *goalSpace) prune(gone map[string]bool) {
	g.init()
	for id := range gone {
		delete(g.byPair, id)
		delete(g.filed, id)
	}
}

func copyGoals(t bot.Tenant, gs []bot.Goal) []bot.Goal {
	out := make([]bot.Goal, len(gs))
	for i, g := range gs {
		g.By = t.Member(g.By.User)
		if g.ProgressBy.User != "" {
			g.ProgressBy = t.Member(g.ProgressBy.User)
		}
		out[i] = g
	}
	return out
}

func (sp *space) pairGoals(t bot.Tenant, pairID string) []bot.Goal {
	var out []bot.Goal
	for _, gs := range sp.goals.byPair[pairID] {
		out = append(out, copyGoals(t, gs)...)
	}
	return out
}

// Goals implements bot.GoalStore.
func (s *Store) Goals(ctx context.Context, t bot.Tenant, pairID string) ([]bot.Goal, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.goals.init()
	return sp.pairGoals(t, pairID), nil
}

// GoalsOf implements bot.GoalStore.
func (s *Store) GoalsOf(ctx context.Context, t bot.Tenant, pairIDs []string) (map[string][]bot.Goal, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.goals.init()
	out := map[string][]bot.Goal{}
	for _, id := range pairIDs {
		if gs := sp.pairGoals(t, id); len(gs) > 0 {
			out[id] = gs
		}
	}
	return out, nil
}

// SetGoals implements bot.GoalStore.
func (s *Store) SetGoals(ctx context.Context, t bot.Tenant, pairID string, program bot.ProgramID, by bot.MemberID, change func([]bot.Goal, bool) ([]bot.Goal, error)) ([]bot.Goal, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.goals.init()
	if _, ok := sp.pairs[pairID]; !ok {
		return nil, notFound("pair")
	}
	mine, set := sp.goals.byPair[pairID][by.User]
	next, err := change(copyGoals(t, mine), !set)
	if err != nil {
		return nil, err
	}
	stored := make([]bot.Goal, len(next))
	for i, g := range next {
		g.By, g.Updated = t.Member(by.User), g.Updated.UTC().Truncate(time.Millisecond)
		stored[i] = g
	}
	if sp.goals.byPair[pairID] == nil {
		sp.goals.byPair[pairID] = map[string][]bot.Goal{}
	}
	sp.goals.byPair[pairID][by.User] = stored
	sp.goals.filed[pairID] = program
	return copyGoals(t, stored), nil
}

// SetProgress implements bot.GoalStore.
func (s *Store) SetProgress(ctx context.Context, t bot.Tenant, pairID string, owner bot.MemberID, goalID string, c bot.ProgressChange) (bot.Goal, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.goals.init()
	if _, ok := sp.pairs[pairID]; !ok {
		return bot.Goal{}, notFound("pair")
	}
	gs := sp.goals.byPair[pairID][owner.User]
	for i, g := range gs {
		if g.ID != goalID {
			continue
		}
		if g.Progress == c.To {
			return copyGoals(t, []bot.Goal{g})[0], &bot.Error{Code: bot.ESTALE, Err: errors.New("goal already has that progress")}
		}
		if c.From != "" && g.Progress != c.From {
			return copyGoals(t, []bot.Goal{g})[0], &bot.Error{Code: bot.ESTALE, Err: errors.New("goal progress changed since")}
		}
		g.Progress, g.Updated, g.ProgressBy, g.ProgressMenu = c.To, c.At.UTC().Truncate(time.Millisecond), t.Member(c.By.User), c.Menu
		next := append([]bot.Goal(nil), gs...)
		next[i] = g
		sp.goals.byPair[pairID][owner.User] = next
		return copyGoals(t, []bot.Goal{g})[0], nil
	}
	return bot.Goal{}, &bot.Error{Code: bot.ENOTFOUND, Err: errors.New("no such goal")}
}

// GoalPairs implements bot.GoalStore.
func (s *Store) GoalPairs(ctx context.Context, t bot.Tenant) (map[string]bot.ProgramID, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	sp.goals.init()
	out := make(map[string]bot.ProgramID, len(sp.goals.filed))
	for id, p := range sp.goals.filed {
		out[id] = p
	}
	return out, nil
}
