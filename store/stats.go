package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// The keys of the managers' figures, in addition to keys.go:
//
//	mb:{p:w}:stats:<week>          hash  counters by event kind, rating_sum, answered:<answer>
//	                                     (<week> is bot.WeekOf, or bot.AllTime: "total")
//	mb:{p:w}:stats:<week>:intro    list  seconds from request to introduction, one per intro
//	mb:{p:w}:stats:<week>:topics   hash  requests by normalised topic
//	                                     the week's hash also has asked:<group> and matched:<group>
//	mb:{p:w}:stats:<week>:people:<kind> set  users counted for a kind that counts people
//	                                     (bot.EventReturned, bot.EventBecame, bot.EventOffer),
//	                                     so each counts once
//	mb:{p:w}:fair:<request>        string "<week>|<window end, ms>|<group>|…" of a request,
//	                                     until matched, or a day after its window
//	mb:{p:w}:flags:stalled         zset  stalled pair IDs by time (ms), until resolved
//	mb:{p:w}:flags:low             zset  "<pair>:<rating>:<ms>" by time (ms), kept Event.Keep (bot: 180 days)
//	mb:{p:w}:managers              set   user IDs of the managers added by command
func (k keys) stats(week string) string       { return string(k) + "stats:" + week }
func (k keys) statsIntro(week string) string  { return string(k) + "stats:" + week + ":intro" }
func (k keys) statsTopics(week string) string { return string(k) + "stats:" + week + ":topics" }
func (k keys) fairMark(req string) string     { return string(k) + "fair:" + req }
func (k keys) statsPeople(week string, kind bot.EventKind) string {
	return string(k) + "stats:" + week + ":people:" + string(kind)
}
func (k keys) stalled() string    { return string(k) + "flags:stalled" }
func (k keys) lowRatings() string { return string(k) + "flags:low" }
func (k keys) managers() string   { return string(k) + "managers" }

// Fields of a stats hash besides the event kinds.
const (
	fieldRatingSum = "rating_sum"
	fieldAnswered  = "answered:"
	fieldAsked     = "asked:"
	fieldMatched   = "matched:"
)

func zmember(score int64, m string) redis.Z { return redis.Z{Score: float64(score), Member: m} }

// Stats implements bot.Store: three reads per week, in one pipeline.
func (s *Store) Stats(ctx context.Context, tn bot.Tenant, weeks []string) ([]bot.WeekStats, error) {
	k := keysFor(tn)
	counts := make([]*redis.MapStringStringCmd, len(weeks))
	topics := make([]*redis.MapStringStringCmd, len(weeks))
	intros := make([]*redis.StringSliceCmd, len(weeks))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, w := range weeks {
			counts[i] = p.HGetAll(ctx, k.stats(w))
			topics[i] = p.HGetAll(ctx, k.statsTopics(w))
			intros[i] = p.LRange(ctx, k.statsIntro(w), 0, -1)
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "read stats")
	}
	out := make([]bot.WeekStats, len(weeks))
	for i, w := range weeks {
		out[i] = weekFrom(w, counts[i].Val(), topics[i].Val(), intros[i].Val())
	}
	return out, nil
}

func weekFrom(week string, counts, topics map[string]string, intros []string) bot.WeekStats {
	ws := bot.WeekStats{Week: week, Counts: map[bot.EventKind]int{}, Answers: map[string]int{}, Topics: map[string]int{},
		Asked: map[string]int{}, Matched: map[string]int{}}
	for f, v := range counts {
		switch {
		case f == fieldRatingSum:
			ws.RatingSum = num(v)
		case strings.HasPrefix(f, fieldAnswered):
			ws.Answers[strings.TrimPrefix(f, fieldAnswered)] = num(v)
		case strings.HasPrefix(f, fieldAsked):
			ws.Asked[strings.TrimPrefix(f, fieldAsked)] = num(v)
		case strings.HasPrefix(f, fieldMatched):
			ws.Matched[strings.TrimPrefix(f, fieldMatched)] = num(v)
		default:
			ws.Counts[bot.EventKind(f)] = num(v)
		}
	}
	for t, v := range topics {
		ws.Topics[t] = num(v)
	}
	for _, v := range intros {
		ws.IntroTimes = append(ws.IntroTimes, time.Duration(num(v))*time.Second)
	}
	return ws
}

// Flags implements bot.Store, in one round trip.
func (s *Store) Flags(ctx context.Context, tn bot.Tenant, since time.Time) ([]bot.Flag, []bot.Flag, error) {
	k := keysFor(tn)
	var stalled, low *redis.ZSliceCmd
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		stalled = p.ZRangeWithScores(ctx, k.stalled(), 0, -1)
		low = p.ZRangeByScoreWithScores(ctx, k.lowRatings(), &redis.ZRangeBy{Min: strconv.FormatInt(since.UnixMilli(), 10), Max: "+inf"})
		return nil
	})
	if err != nil {
		return nil, nil, classify(err, "read flags")
	}
	var st, lo []bot.Flag
	for _, z := range stalled.Val() {
		st = append(st, bot.Flag{Pair: z.Member.(string), At: time.UnixMilli(int64(z.Score)).UTC()})
	}
	for _, z := range low.Val() {
		parts := strings.Split(z.Member.(string), ":")
		if len(parts) < 3 {
			continue
		}
		lo = append(lo, bot.Flag{Pair: strings.Join(parts[:len(parts)-2], ":"), Rating: num(parts[len(parts)-2]), At: time.UnixMilli(int64(z.Score)).UTC()})
	}
	return st, lo, nil
}
