package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Record implements bot.Store: counters in the hash of the event's week
// (bot.WeekOf, in the time zone of e.At) and of bot.AllTime, plus what the
// digest needs beyond counts (rating sums, answers, time-to-intro samples,
// topic demand, the stalled and low-rating flags), in one MULTI/EXEC round
// trip. The digest then reads a week without scanning members, pairs or
// requests.
//
// EventRequest (and EventReleased, a held request released, which counts
// no topic) also counts its Groups in the week, and, when it has a
// Duration (its window), leaves a marker of its week, groups and window's
// end. EventMatched consumes the marker of its request (GETDEL, so a
// request is matched once) and, if it comes (e.At) within the window,
// counts the match under the request's week and groups; without a marker
// (a request that was never counted) it counts nothing. The shares of
// matched requests are thus never above 1. The marker expires after
// e.Keep (the core keeps it a day past the window), by Redis's clock; the
// window is judged by the events' times, so a test clock works.
//
// The topic counted is e.Topic as given, and a survey is a low rating
// when e.Flagged: the core decided both (bot.Event.ForStore).
//
// EventReturned, EventBecame and EventOffer count people: each member
// once a week and once in bot.AllTime, however often they come back
// (recordPerson). For EventOffer that makes the first offer count once
// even when two replicas each saw no offer and both saved one (D6): the
// SADD in one script is the atomic "first".
func (s *Store) Record(ctx context.Context, tn bot.Tenant, e bot.Event) error {
	k := keysFor(tn)
	week := bot.WeekOf(e.At)
	switch e.Kind {
	case bot.EventMatched:
		return s.recordMatched(ctx, k, e)
	case bot.EventReturned, bot.EventBecame, bot.EventOffer:
		return s.recordPerson(ctx, k, week, e)
	}
	// Counters, in the next batch (batch.go) rather than a MULTI of
	// their own: a reader may see some before the others, never wrong.
	err := s.batch.pipelined(ctx, func(p redisPipe) {
		for _, w := range []string{week, bot.AllTime} {
			p.HIncrBy(ctx, k.stats(w), string(e.Kind), 1)
		}
		recordDetail(ctx, p, k, week, e)
	})
	return classify(err, "record event")
}

// recordDetail queues the writes specific to an event kind.
func recordDetail(ctx context.Context, p redisPipe, k keys, week string, e bot.Event) {
	switch e.Kind {
	case bot.EventRequest, bot.EventReleased:
		if e.Topic != "" && e.Kind == bot.EventRequest {
			p.HIncrBy(ctx, k.statsTopics(week), e.Topic, 1)
		}
		for _, g := range e.Groups {
			p.HIncrBy(ctx, k.stats(week), fieldAsked+g, 1)
		}
		if e.Duration > 0 && e.Ref != "" {
			deadline := strconv.FormatInt(e.At.Add(e.Duration).UnixMilli(), 10)
			p.Set(ctx, k.fairMark(e.Ref), strings.Join(append([]string{week, deadline}, e.Groups...), "|"), e.Keep)
		}
	case bot.EventIntro:
		p.RPush(ctx, k.statsIntro(week), int64(e.Duration/time.Second))
	case bot.EventSurvey:
		for _, w := range []string{week, bot.AllTime} {
			p.HIncrBy(ctx, k.stats(w), fieldRatingSum, int64(e.Rating))
		}
		if e.Flagged {
			at := e.At.UnixMilli()
			p.ZAdd(ctx, k.lowRatings(), zmember(at, e.Ref+":"+strconv.Itoa(e.Rating)+":"+strconv.FormatInt(at, 10)))
			if e.Keep > 0 {
				p.ZRemRangeByScore(ctx, k.lowRatings(), "-inf", strconv.FormatInt(e.At.Add(-e.Keep).UnixMilli(), 10))
			}
		}
	case bot.EventAnswered:
		for _, w := range []string{week, bot.AllTime} {
			p.HIncrBy(ctx, k.stats(w), fieldAnswered+e.Answer, 1)
		}
	case bot.EventStalled:
		if e.Ref != "" {
			p.ZAdd(ctx, k.stalled(), zmember(e.At.UnixMilli(), e.Ref))
		}
	case bot.EventMeeting, bot.EventEnded, bot.EventCompleted:
		if e.Ref != "" {
			p.ZRem(ctx, k.stalled(), e.Ref)
		}
	}
}

// personScript counts a member once in each week given: for each pair of
// KEYS (the week's people set, its counters), the counter ARGV[2] goes up
// only if the member ARGV[1] is new to the set.
var personScript = redis.NewScript(`
for i = 1, #KEYS, 2 do
  if redis.call('SADD', KEYS[i], ARGV[1]) == 1 then
    redis.call('HINCRBY', KEYS[i+1], ARGV[2], 1)
  end
end
return 0
`)

// recordPerson counts an event that counts people, not occurrences: a
// mentor back for a second new mentee in a week, or ever, is still one
// mentor back, and a first offer saved twice at once is one new mentor
// (e.Member, once in the week and once in bot.AllTime).
func (s *Store) recordPerson(ctx context.Context, k keys, week string, e bot.Event) error {
	var ks []string
	for _, w := range []string{week, bot.AllTime} {
		ks = append(ks, k.statsPeople(w, e.Kind), k.stats(w))
	}
	err := personScript.Run(ctx, s.rdb, ks, e.Member.User, string(e.Kind)).Err()
	return classify(err, "record person")
}

// recordMatched counts a match under its request's week and groups, once,
// if the request's marker is still there.
func (s *Store) recordMatched(ctx context.Context, k keys, e bot.Event) error {
	if e.Ref == "" {
		return nil
	}
	mark, err := s.rdb.GetDel(ctx, k.fairMark(e.Ref)).Result()
	if err == redis.Nil {
		return nil
	}
	if err != nil {
		return classify(err, "record match")
	}
	parts := strings.Split(mark, "|")
	if len(parts) < 2 || e.At.UnixMilli() > int64(num(parts[1])) {
		return nil // matched, but after the request's window
	}
	week := parts[0]
	_, err = s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		p.HIncrBy(ctx, k.stats(week), string(bot.EventMatched), 1)
		for _, g := range parts[2:] {
			p.HIncrBy(ctx, k.stats(week), fieldMatched+g, 1)
		}
		return nil
	})
	return classify(err, "record match")
}
