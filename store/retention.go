package store

import (
	"context"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Prune implements bot.PrivacyStore. It walks the workspace's keys once a
// day (the retention job), reads the state and dates of every pair,
// request, proposal and survey in one pipeline, then deletes in another:
//
//   - a pair completed or cancelled before before, with its check-ins,
//     goals, surveys, flags, jobs, charter log entries, its request and its
//     proposals, and its place in both members' lists of pairs;
//   - a cancelled request created before before, with its proposals;
//   - a survey answered before before (a key of its own, or a member's
//     answers in the pair's hash);
//   - a testimonial written before before.
//
// Counters (stats) are not touched.
func (s *Store) Prune(ctx context.Context, t bot.Tenant, before time.Time) (bot.Pruned, error) {
	k := keysFor(t)
	all, err := s.scanAll(ctx, k)
	if err != nil {
		return bot.Pruned{}, err
	}
	cut := before.UnixMilli()
	cmds := map[string]*redis.SliceCmd{}
	pairHashes := map[string]*redis.MapStringStringCmd{} // for the surveys in them
	var charters, low *redis.StringSliceCmd
	var jobs jobSetCmds
	_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for _, key := range all {
			switch kind, rest := kindOf(k, key); {
			case kind == "pair":
				cmds[key] = p.HMGet(ctx, key, "state", "ended", "mentor", "mentee", "request", "proposal")
				pairHashes[key] = p.HGetAll(ctx, key)
			case kind == "req" && !strings.Contains(rest, ":"):
				cmds[key] = p.HMGet(ctx, key, "state", "created")
			case kind == "prop":
				cmds[key] = p.HMGet(ctx, key, "request")
			case kind == "survey" || kind == "quote":
				cmds[key] = p.HMGet(ctx, key, "at")
			}
		}
		charters = p.LRange(ctx, k.charterLog(), 0, -1)
		for _, set := range k.jobSets() {
			jobs = append(jobs, p.ZRange(ctx, set, 0, -1))
		}
		low = p.ZRange(ctx, k.lowRatings(), 0, -1)
		return nil
	})
	if err != nil {
		return bot.Pruned{}, classify(err, "prune read")
	}
	field := func(key string, i int) string {
		if v, ok := cmds[key].Val()[i].(string); ok {
			return v
		}
		return ""
	}
	var out bot.Pruned
	gone := map[string]bool{}     // pair, request and proposal IDs
	requests := map[string]bool{} // requests deleted
	var del []string              // keys deleted
	hdel := map[string][]string{} // hash → fields deleted
	zrem := map[string][]string{} // sorted set → members removed
	for _, key := range all {
		kind, rest := kindOf(k, key)
		switch {
		case kind == "pair" && bot.PairState(field(key, 0)).Closed() && int64(num(field(key, 1))) > 0 && int64(num(field(key, 1))) < cut:
			out.Pairs++
			gone[rest] = true
			del = append(del, key, k.checkin(rest), k.goals(rest), k.meeting(rest)) // its goals (goals.go), its meeting (meetings.go)
			hdel[k.goalPairs()] = append(hdel[k.goalPairs()], rest)                 // as an older version filed it
			hdel[k.goalPairBucket(rest)] = append(hdel[k.goalPairBucket(rest)], rest)
			for _, m := range []string{field(key, 2), field(key, 3)} {
				if m != "" {
					zrem[k.pairs(m)] = append(zrem[k.pairs(m)], rest) // as an older version kept it
					hdel[k.member(m)] = append(hdel[k.member(m)], pairIndexPrefix+rest)
				}
			}
			zrem[k.stalled()] = append(zrem[k.stalled()], rest)
			if r := field(key, 4); r != "" {
				requests[r], gone[r] = true, true
			}
			if pr := field(key, 5); pr != "" {
				gone[pr] = true
				del = append(del, k.proposal(pr))
			}
		case kind == "req" && !strings.Contains(rest, ":") && field(key, 0) == string(bot.RequestCancelled) && int64(num(field(key, 1))) < cut:
			out.Requests++
			requests[rest], gone[rest] = true, true
		}
	}
	for r := range requests {
		del = append(del, k.request(r), k.declined(r), k.fairMark(r))
	}
	for _, key := range all {
		kind, rest := kindOf(k, key)
		switch {
		case kind == "prop" && requests[field(key, 0)]:
			del = append(del, key)
		case kind == "survey":
			at := int64(num(field(key, 0)))
			if pair, _, _ := strings.Cut(rest, ":"); gone[pair] || at > 0 && at < cut {
				del = append(del, key)
			}
		case kind == "quote":
			if at := int64(num(field(key, 0))); at > 0 && at < cut {
				del = append(del, key)
			}
		case kind == "pair" && !gone[rest]:
			h := pairHashes[key].Val()
			for f, v := range h {
				prefix, ok := strings.CutSuffix(f, ":at")
				if at := int64(num(v)); !ok || !strings.HasPrefix(f, "s:") || at <= 0 || at >= cut {
					continue
				}
				for g := range h {
					if strings.HasPrefix(g, prefix+":") {
						hdel[key] = append(hdel[key], g)
					}
				}
			}
		}
	}
	for _, j := range jobs.Val() {
		for _, part := range strings.Split(j, ":")[1:] {
			if gone[part] {
				zrem[k.jobBucket(j)] = append(zrem[k.jobBucket(j)], j)
				zrem[k.jobs()] = append(zrem[k.jobs()], j)
				break
			}
		}
	}
	for _, f := range low.Val() {
		if id, _, _ := strings.Cut(f, ":"); gone[id] {
			zrem[k.lowRatings()] = append(zrem[k.lowRatings()], f)
		}
	}
	var lrem []string
	for _, e := range charters.Val() {
		if parts := strings.Split(e, "|"); len(parts) == 4 && gone[parts[1]] {
			lrem = append(lrem, e)
		}
	}
	if len(del) == 0 && len(hdel) == 0 && len(zrem) == 0 && len(lrem) == 0 {
		return out, nil
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		for _, key := range del {
			p.Del(ctx, key)
		}
		for key, ms := range zrem {
			p.ZRem(ctx, key, toAny(ms)...)
		}
		for key, fs := range hdel {
			p.HDel(ctx, key, fs...)
		}
		for _, e := range lrem {
			p.LRem(ctx, k.charterLog(), 0, e)
		}
		return nil
	})
	return out, classify(err, "prune")
}
