package store

import (
	"context"
	"encoding/json"
	"hash/fnv"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Goals of pairs (bot/goals.go), in the pair's hash:
//
//	mb:{p:w}:pair:<pair>   hash  "g:<user>" → the member's goals (JSON list, in their order,
//	                              in pieces: "g:<user>+1"... hold the rest, pieces.go),
//	                              "g:<user>:v" → its version, guarding each change
//	mb:{p:w}:goalpairs:~<n> hash pair → the program its goals are counted under, in
//	                              goalPairBuckets hashes by a digest of the pair's ID
//	                              (goalpairs alone, one hash, in older versions)
//
// Before, a pair's goals had a hash of their own, goals:<pair>, with the
// same fields unprefixed: a key of some 100 bytes more per pair. It still
// reads, and a member's next change moves their goals into the pair's
// hash. Erase deletes the goals with a pair and blanks the member's
// fields of a pair kept for the other member; Prune deletes them with
// their pair.

func (k keys) goals(pair string) string { return string(k) + "goals:" + pair }
func (k keys) goalPairs() string        { return string(k) + "goalpairs" }

// goalPairBuckets is how many hashes file the pairs with goals: one hash
// of thousands of pairs is a hash table, some 80 bytes a pair; 64 small
// ones stay listpacks, some 30, up to 8,192 pairs (Redis's default
// hash-max-listpack-entries, 128, in each). The one hash of before,
// goalpairs, still reads.
const goalPairBuckets = 64

// goalPairBucket is the hash that files pair among the pairs with goals.
func (k keys) goalPairBucket(pair string) string {
	h := fnv.New32a()
	h.Write([]byte(pair))
	return k.goalPairs() + ":~" + strconv.Itoa(int(h.Sum32()%goalPairBuckets))
}

// unfileGoalPair removes pair from the pairs with goals.
func unfileGoalPair(ctx context.Context, p redisPipe, k keys, pair string) {
	p.HDel(ctx, k.goalPairBucket(pair), pair)
	p.HDel(ctx, k.goalPairs(), pair)
}

// goalPrefix prefixes a member's goal fields in the pair's hash.
const goalPrefix = "g:"

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
	// Menu is the token of the menu that change was made in ("" if none).
	Menu string `json:"menu,omitempty"`
}

func goalsFrom(t bot.Tenant, user, raw string) []bot.Goal {
	var stored []storedGoal
	if json.Unmarshal([]byte(raw), &stored) != nil {
		return nil
	}
	out := make([]bot.Goal, len(stored))
	for i, g := range stored {
		out[i] = bot.Goal{ID: g.ID, By: t.Member(user), Text: g.Text, Progress: bot.GoalProgress(g.Progress), Updated: time.UnixMilli(g.Updated).UTC(), ProgressMenu: g.Menu}
		if g.ProgressBy != "" {
			out[i].ProgressBy = t.Member(g.ProgressBy)
		}
	}
	return out
}

func goalsJSON(goals []bot.Goal) string {
	stored := make([]storedGoal, len(goals))
	for i, g := range goals {
		stored[i] = storedGoal{ID: g.ID, Text: g.Text, Progress: string(g.Progress), Updated: g.Updated.UnixMilli(), ProgressBy: g.ProgressBy.User, Menu: g.ProgressMenu}
	}
	b, _ := json.Marshal(stored)
	return string(b)
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

// pairGoals is a pair's goals as read: the pair's hash, and the goals'
// hash of an older version.
type pairGoals struct{ pair, old map[string]string }

// readGoals reads the goals of pairs, in one round trip.
func (s *Store) readGoals(ctx context.Context, k keys, pairIDs []string) ([]pairGoals, error) {
	pair := make([]*redis.MapStringStringCmd, len(pairIDs))
	old := make([]*redis.MapStringStringCmd, len(pairIDs))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, id := range pairIDs {
			pair[i], old[i] = p.HGetAll(ctx, k.pair(id)), p.HGetAll(ctx, k.goals(id))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "goals")
	}
	out := make([]pairGoals, len(pairIDs))
	for i := range pairIDs {
		out[i] = pairGoals{pair: pair[i].Val(), old: old[i].Val()}
	}
	return out, nil
}

// inPair reports whether user's goals are in the pair's hash (else, if
// anywhere, in the older goals' hash).
func (g pairGoals) inPair(user string) bool {
	_, goals := g.pair[goalPrefix+user]
	_, version := g.pair[goalPrefix+user+":v"]
	return goals || version
}

// has reports whether user has set goals on the pair.
func (g pairGoals) has(user string) bool {
	_, old := g.old[user]
	return g.inPair(user) || old
}

// of returns user's goals.
func (g pairGoals) of(t bot.Tenant, user string) []bot.Goal {
	if g.inPair(user) {
		return goalsFrom(t, user, goalsRaw(g.pair, goalPrefix+user))
	}
	return goalsFrom(t, user, goalsRaw(g.old, user))
}

// users returns the members with goals, sorted.
func (g pairGoals) users() []string {
	seen := map[string]bool{}
	for f := range g.pair {
		if u, ok := strings.CutPrefix(f, goalPrefix); ok && !strings.HasSuffix(u, ":v") && !isPiece(u) {
			seen[u] = true
		}
	}
	for f := range g.old {
		if !strings.HasSuffix(f, ":v") && !isPiece(f) {
			seen[f] = true
		}
	}
	users := make([]string, 0, len(seen))
	for u := range seen {
		users = append(users, u)
	}
	sort.Strings(users)
	return users
}

// all returns every member's goals, ordered by user ID, each member's in
// their order.
func (g pairGoals) all(t bot.Tenant) []bot.Goal {
	var out []bot.Goal
	for _, u := range g.users() {
		out = append(out, g.of(t, u)...)
	}
	return out
}

// write writes user's goals into the pair's hash, in pieces (a member's
// goals are a JSON longer than a listpack's values: one such value would
// make the whole hash a hash table, three times larger), with their next
// version, deletes the later pieces of the value it replaces, and moves
// them out of an older version's goals hash. It returns the guards of
// what was read: the pair is still there, and the member's goals are
// still those read. It returns nothing, and writes nothing, when the pair
// is gone.
func (g pairGoals) write(tx *tx, k keys, pairID, user string, goals []bot.Goal) []int {
	if g.pair["created"] == "" {
		return nil
	}
	key, f := k.pair(pairID), goalPrefix+user
	races := []int{tx.eq(key, "created", g.pair["created"]), tx.eq(key, f+":v", g.pair[f+":v"])}
	version := num(g.pair[f+":v"])
	if _, old := g.old[user]; old && !g.inPair(user) {
		races = append(races, tx.eq(k.goals(pairID), user+":v", g.old[user+":v"]))
		version = num(g.old[user+":v"])
		tx.hdel(k.goals(pairID), append(stalePieces(g.old, user, 1), user, user+":v")...)
	}
	kv := pieces(f, goalsJSON(goals))
	tx.hset(key, append(kv, f+":v", strconv.Itoa(version+1))...)
	if stale := stalePieces(g.pair, f, len(kv)/2); len(stale) > 0 {
		tx.hdel(key, stale...)
	}
	return races
}

// Goals implements bot.GoalStore.
func (s *Store) Goals(ctx context.Context, t bot.Tenant, pairID string) ([]bot.Goal, error) {
	g, err := s.readGoals(ctx, keysFor(t), []string{pairID})
	if err != nil {
		return nil, err
	}
	return g[0].all(t), nil
}

// GoalsOf implements bot.GoalStore: one pipeline.
func (s *Store) GoalsOf(ctx context.Context, t bot.Tenant, pairIDs []string) (map[string][]bot.Goal, error) {
	read, err := s.readGoals(ctx, keysFor(t), pairIDs)
	if err != nil {
		return nil, err
	}
	out := map[string][]bot.Goal{}
	for i, id := range pairIDs {
		if gs := read[i].all(t); len(gs) > 0 {
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
		read, err := s.readGoals(ctx, k, []string{pairID})
		if err != nil {
			return nil, err
		}
		g := read[0]
		next, err := change(g.of(t, u), !g.has(u))
		if err != nil {
			return nil, err
		}
		for i := range next {
			next[i].By, next[i].Updated = t.Member(u), next[i].Updated.UTC().Truncate(time.Millisecond)
		}
		tx := newTx()
		races := g.write(tx, k, pairID, u, next)
		if races == nil {
			return nil, notFound("pair")
		}
		tx.hset(k.goalPairBucket(pairID), pairID, string(program))
		tx.hdel(k.goalPairs(), pairID) // as an older version filed it
		failed, err := tx.run(ctx, s.batch)
		switch {
		case err != nil:
			return nil, err
		case slices.Contains(races, failed):
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
		read, err := s.readGoals(ctx, k, []string{pairID})
		if err != nil {
			return bot.Goal{}, err
		}
		g := read[0]
		goals := g.of(t, u)
		i := -1
		for j, goal := range goals {
			if goal.ID == goalID {
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
		goals[i].Progress, goals[i].Updated, goals[i].ProgressBy, goals[i].ProgressMenu = c.To, c.At.UTC().Truncate(time.Millisecond), t.Member(c.By.User), c.Menu
		tx := newTx()
		races := g.write(tx, k, pairID, u, goals)
		if races == nil {
			return bot.Goal{}, notFound("pair")
		}
		failed, err := tx.run(ctx, s.batch)
		switch {
		case err != nil:
			return bot.Goal{}, err
		case slices.Contains(races, failed):
			continue
		}
		return goals[i], nil
	}
	return bot.Goal{}, &bot.Error{Code: bot.ECONFLICT, Err: errString("goal kept changing")}
}

// GoalPairs implements bot.GoalStore: the buckets and the older hash,
// in one round trip.
func (s *Store) GoalPairs(ctx context.Context, t bot.Tenant) (map[string]bot.ProgramID, error) {
	k := keysFor(t)
	cmds := make([]*redis.MapStringStringCmd, goalPairBuckets+1)
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		cmds[0] = p.HGetAll(ctx, k.goalPairs()) // first: the buckets, written since, win
		for i := range goalPairBuckets {
			cmds[i+1] = p.HGetAll(ctx, k.goalPairs()+":~"+strconv.Itoa(i))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "goal pairs")
	}
	out := map[string]bot.ProgramID{}
	for _, c := range cmds {
		for id, p := range c.Val() {
			out[id] = bot.ProgramID(p)
		}
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
			read, err := s.readGoals(ctx, k, []string{id})
			if err != nil {
				return err
			}
			g := read[0]
			tx, writes := newTx(), 0
			for _, f := range g.users() {
				if f == user {
					continue
				}
				goals, changed := g.of(t, f), false
				for i := range goals {
					if goals[i].ProgressBy.User == user {
						goals[i].ProgressBy, changed = bot.MemberID{}, true
					}
				}
				if changed && g.write(tx, k, id, f, goals) != nil {
					writes++
				}
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
