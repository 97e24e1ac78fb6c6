package store

import (
	"context"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Goals of pairs (bot/goals.go):
//
//	mb:{p:w}:goals:<pair>  hash  "<user>" → the member's goals (JSON list, in their order,
//	                              in pieces: "<user>+1"... hold the rest, pieces.go),
//	                              "<user>:v" → its version, guarding each change
//	mb:{p:w}:goalpairs     hash  pair → the program its goals are counted under
//
// Erase deletes goals:<pair> with a pair and the member's fields of a
// pair kept for the other member; Prune deletes it with its pair.

func (k keys) goals(pair string) string { return string(k) + "goals:" + pair }
func (k keys) goalPairs() string        { return string(k) + "goalpairs" }

// goalsRetries bounds the attempts of a goal change that races with others.
const goalsRetries = 8

// storedGoal is a goal as stored: its member is the field's.
type storedGoal struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Progress string `json:"progress"`
	Updated  int64  `json:"updated"` // unix ms
	// ProgressBy is the user who last changed its progress ("" if none).
	ProgressBy string `json:"progressBy,omitempty"`
}

func goalsFrom(t bot.Tenant, user, raw string) []bot.Goal {
	var stored []storedGoal
	if json.Unmarshal([]byte(raw), &stored) != nil {
		return nil
	}
	out := make([]bot.Goal, len(stored))
	for i, g := range stored {
		out[i] = bot.Goal{ID: g.ID, By: t.Member(user), Text: g.Text, Progress: bot.GoalProgress(g.Progress), Updated: time.UnixMilli(g.Updated).UTC()}
		if g.ProgressBy != "" {
			out[i].ProgressBy = t.Member(g.ProgressBy)
		}
	}
	return out
}

func goalsJSON(goals []bot.Goal) string {
	stored := make([]storedGoal, len(goals))
	for i, g := range goals {
		stored[i] = storedGoal{ID: g.ID, Text: g.Text, Progress: string(g.Progress), Updated: g.Updated.UnixMilli(), ProgressBy: g.ProgressBy.User}
	}
	b, _ := json.Marshal(stored)
	return string(b)
}

// goalsOfHash reads a goals:<pair> hash: every member's goals, ordered by
// user ID, each member's in their order.
func goalsOfHash(t bot.Tenant, h map[string]string) []bot.Goal {
	users := make([]string, 0, len(h))
	for f := range h {
		if !strings.HasSuffix(f, ":v") && !isPiece(f) {
			users = append(users, f)
		}
	}
	sort.Strings(users)
	var out []bot.Goal
	for _, u := range users {
		out = append(out, goalsFrom(t, u, goalsRaw(h, u))...)
	}
	return out
}

// goalsRaw returns the JSON of user's goals in the goals hash h: its
// pieces joined, or the first field alone when only that is whole JSON (a
// replica of an older version wrote it whole, over pieces it did not
// know of, during a rolling upgrade; the next write deletes them).
func goalsRaw(h map[string]string, user string) string {
	if _, pieced := h[pieceName(user, 1)]; !pieced {
		return h[user] // one piece: nothing to join, nothing to doubt
	}
	j := joined(h, user)
	if !json.Valid([]byte(j)) && json.Valid([]byte(h[user])) {
		return h[user]
	}
	return j
}

// writeGoals writes user's goals into the goals hash key, read as h, in
// pieces (a member's goals are a JSON longer than a listpack's values: one
// such value would make the whole hash a hash table, three times larger),
// with its next version, and deletes the later pieces of the value it
// replaces. The write is guarded on the version in h: it returns the
// guard's number, which fails when another change wrote first.
func writeGoals(tx *tx, key, user string, h map[string]string, goals []bot.Goal) int {
	race := tx.eq(key, user+":v", h[user+":v"])
	kv := pieces(user, goalsJSON(goals))
	tx.hset(key, append(kv, user+":v", strconv.Itoa(num(h[user+":v"])+1))...)
	if stale := stalePieces(h, user, len(kv)/2); len(stale) > 0 {
		tx.hdel(key, stale...)
	}
	return race
}

// Goals implements bot.GoalStore.
func (s *Store) Goals(ctx context.Context, t bot.Tenant, pairID string) ([]bot.Goal, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(t).goals(pairID)).Result()
	if err != nil {
		return nil, classify(err, "goals")
	}
	return goalsOfHash(t, h), nil
}

// GoalsOf implements bot.GoalStore: one pipeline.
func (s *Store) GoalsOf(ctx context.Context, t bot.Tenant, pairIDs []string) (map[string][]bot.Goal, error) {
	k := keysFor(t)
	cmds := make([]*redis.MapStringStringCmd, len(pairIDs))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, id := range pairIDs {
			cmds[i] = p.HGetAll(ctx, k.goals(id))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "goals of pairs")
	}
	out := map[string][]bot.Goal{}
	for i, id := range pairIDs {
		if gs := goalsOfHash(t, cmds[i].Val()); len(gs) > 0 {
			out[id] = gs
		}
	}
	return out, nil
}

// SetGoals implements bot.GoalStore: read, change, then write guarded by
// the member's version, again while another change wins the race.
func (s *Store) SetGoals(ctx context.Context, t bot.Tenant, pairID string, program bot.ProgramID, by bot.MemberID, change func([]bot.Goal, bool) ([]bot.Goal, error)) ([]bot.Goal, error) {
	k, u := keysFor(t), by.User
	for range goalsRetries {
		h, err := s.rdb.HGetAll(ctx, k.goals(pairID)).Result()
		if err != nil {
			return nil, classify(err, "goals")
		}
		_, fresh := h[u]
		next, err := change(goalsFrom(t, u, goalsRaw(h, u)), !fresh)
		if err != nil {
			return nil, err
		}
		for i := range next {
			next[i].By, next[i].Updated = t.Member(u), next[i].Updated.UTC().Truncate(time.Millisecond)
		}
		tx := newTx()
		race := writeGoals(tx, k.goals(pairID), u, h, next)
		tx.hset(k.goalPairs(), pairID, string(program))
		failed, err := tx.run(ctx, s.batch)
		switch {
		case err != nil:
			return nil, err
		case failed == race:
			continue
		}
		return next, nil
	}
	return nil, &bot.Error{Code: bot.ECONFLICT, Err: errString("goals kept changing")}
}

// SetProgress implements bot.GoalStore, guarded as SetGoals is: the
// expected progress is checked on the goals read, and the write only
// happens if they are still the ones read.
func (s *Store) SetProgress(ctx context.Context, t bot.Tenant, pairID string, owner bot.MemberID, goalID string, c bot.ProgressChange) (bot.Goal, error) {
	k, u := keysFor(t), owner.User
	for range goalsRetries {
		h, err := s.rdb.HGetAll(ctx, k.goals(pairID)).Result()
		if err != nil {
			return bot.Goal{}, classify(err, "goals")
		}
		goals := goalsFrom(t, u, goalsRaw(h, u))
		i := -1
		for j, g := range goals {
			if g.ID == goalID {
				i = j
			}
		}
		switch {
		case i < 0:
			return bot.Goal{}, notFound("goal")
		case goals[i].Progress == c.To:
			return goals[i], &bot.Error{Code: bot.ESTALE, Err: errString("goal already has that progress")}
		case c.From != "" && goals[i].Progress != c.From:
			return goals[i], &bot.Error{Code: bot.ESTALE, Err: errString("goal progress changed since")}
		}
		goals[i].Progress, goals[i].Updated, goals[i].ProgressBy = c.To, c.At.UTC().Truncate(time.Millisecond), t.Member(c.By.User)
		tx := newTx()
		race := writeGoals(tx, k.goals(pairID), u, h, goals)
		failed, err := tx.run(ctx, s.batch)
		switch {
		case err != nil:
			return bot.Goal{}, err
		case failed == race:
			continue
		}
		return goals[i], nil
	}
	return bot.Goal{}, &bot.Error{Code: bot.ECONFLICT, Err: errString("goal kept changing")}
}

// GoalPairs implements bot.GoalStore.
func (s *Store) GoalPairs(ctx context.Context, t bot.Tenant) (map[string]bot.ProgramID, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(t).goalPairs()).Result()
	if err != nil {
		return nil, classify(err, "goal pairs")
	}
	out := make(map[string]bot.ProgramID, len(h))
	for id, p := range h {
		out[id] = bot.ProgramID(p)
	}
	return out, nil
}

// forgetProgressBy forgets user as the one who set the progress of the
// other members' goals in the pairs kept for them (Erase's Blank): each
// write is guarded by the member's version, again while another change
// wins the race.
func (s *Store) forgetProgressBy(ctx context.Context, t bot.Tenant, pairIDs []string, user string) error {
	k := keysFor(t)
	for _, id := range pairIDs {
		for attempt := 0; ; attempt++ {
			if attempt == goalsRetries {
				return &bot.Error{Code: bot.ECONFLICT, Err: errString("goals kept changing")}
			}
			h, err := s.rdb.HGetAll(ctx, k.goals(id)).Result()
			if err != nil {
				return classify(err, "goals")
			}
			tx, writes := newTx(), 0
			for f := range h {
				if strings.HasSuffix(f, ":v") || isPiece(f) || f == user {
					continue
				}
				goals, changed := goalsFrom(t, f, goalsRaw(h, f)), false
				for i := range goals {
					if goals[i].ProgressBy.User == user {
						goals[i].ProgressBy, changed = bot.MemberID{}, true
					}
				}
				if !changed {
					continue
				}
				writeGoals(tx, k.goals(id), f, h, goals)
				writes++
			}
			if writes == 0 {
				break
			}
			failed, err := tx.run(ctx, s.batch)
			if err != nil {
				return err
			}
			if failed == 0 {
				break
			}
		}
	}
	return nil
}
