package inmem

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// Fields of a week's counters besides the event kinds (store/stats.go).
const (
	fieldRatingSum = "rating_sum"
	fieldAnswered  = "answered:"
	fieldAsked     = "asked:"
	fieldMatched   = "matched:"
)

// incr adds n to field in the counters of week.
func (sp *space) incr(week, field string, n int) {
	if sp.stats[week] == nil {
		sp.stats[week] = map[string]int{}
	}
	sp.stats[week][field] += n
}

// Record implements bot.Store, as store/events.go documents it.
func (s *Store) Record(ctx context.Context, t bot.Tenant, e bot.Event) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	week := bot.WeekOf(e.At)
	switch e.Kind {
	case bot.EventMatched:
		s.recordMatched(sp, e)
		return nil
	case bot.EventReturned, bot.EventBecame, bot.EventOffer:
		for _, w := range []string{week, bot.AllTime} {
			people := w + ":people:" + string(e.Kind)
			if sp.people[people] == nil {
				sp.people[people] = set{}
			}
			if !sp.people[people][e.Member.User] {
				sp.people[people][e.Member.User] = true
				sp.incr(w, string(e.Kind), 1)
			}
		}
		return nil
	}
	for _, w := range []string{week, bot.AllTime} {
		sp.incr(w, string(e.Kind), 1)
	}
	s.recordDetail(sp, week, e)
	return nil
}

// recordDetail writes what an event kind keeps beyond its count.
func (s *Store) recordDetail(sp *space, week string, e bot.Event) {
	switch e.Kind {
	case bot.EventRequest, bot.EventReleased:
		if topic := e.Topic; topic != "" && e.Kind == bot.EventRequest {
			if sp.topics[week] == nil {
				sp.topics[week] = map[string]int{}
			}
			sp.topics[week][topic]++
		}
		for _, g := range e.Groups {
			sp.incr(week, fieldAsked+g, 1)
		}
		if e.Duration > 0 && e.Ref != "" {
			deadline := strconv.FormatInt(e.At.Add(e.Duration).UnixMilli(), 10)
			mark := strings.Join(append([]string{week, deadline}, e.Groups...), "|")
			sp.fair[e.Ref] = expiring{V: mark, Exp: s.expiry(e.Keep)}
		}
	case bot.EventIntro:
		sp.intros[week] = append(sp.intros[week], int64(e.Duration/time.Second))
	case bot.EventSurvey:
		for _, w := range []string{week, bot.AllTime} {
			sp.incr(w, fieldRatingSum, e.Rating)
		}
		if e.Flagged {
			at := e.At.UnixMilli()
			sp.low[e.Ref+":"+strconv.Itoa(e.Rating)+":"+strconv.FormatInt(at, 10)] = at
			if e.Keep > 0 {
				from := e.At.Add(-e.Keep).UnixMilli()
				for m, score := range sp.low {
					if score <= from {
						delete(sp.low, m)
					}
				}
			}
		}
	case bot.EventAnswered:
		for _, w := range []string{week, bot.AllTime} {
			sp.incr(w, fieldAnswered+e.Answer, 1)
		}
	case bot.EventStalled:
		if e.Ref != "" {
			sp.stalled[e.Ref] = e.At.UnixMilli()
		}
	case bot.EventMeeting, bot.EventEnded, bot.EventCompleted:
		if e.Ref != "" {
			delete(sp.stalled, e.Ref)
		}
	}
}

// recordMatched counts a match under its request's week and groups, once,
// if the request's marker is still there and the match came in its window.
func (s *Store) recordMatched(sp *space, e bot.Event) {
	if e.Ref == "" {
		return
	}
	mark, ok := s.get(sp.fair, e.Ref)
	if !ok {
		return
	}
	delete(sp.fair, e.Ref)
	parts := strings.Split(mark, "|")
	if len(parts) < 2 {
		return
	}
	if deadline, _ := strconv.Atoi(parts[1]); e.At.UnixMilli() > int64(deadline) {
		return // matched, but after the request's window
	}
	sp.incr(parts[0], string(bot.EventMatched), 1)
	for _, g := range parts[2:] {
		sp.incr(parts[0], fieldMatched+g, 1)
	}
}

// Stats implements bot.Store.
func (s *Store) Stats(ctx context.Context, t bot.Tenant, weeks []string) ([]bot.WeekStats, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	out := make([]bot.WeekStats, len(weeks))
	for i, w := range weeks {
		ws := bot.WeekStats{Week: w, Counts: map[bot.EventKind]int{}, Answers: map[string]int{}, Topics: map[string]int{},
			Asked: map[string]int{}, Matched: map[string]int{}}
		for f, v := range sp.stats[w] {
			switch {
			case f == fieldRatingSum:
				ws.RatingSum = v
			case strings.HasPrefix(f, fieldAnswered):
				ws.Answers[strings.TrimPrefix(f, fieldAnswered)] = v
			case strings.HasPrefix(f, fieldAsked):
				ws.Asked[strings.TrimPrefix(f, fieldAsked)] = v
			case strings.HasPrefix(f, fieldMatched):
				ws.Matched[strings.TrimPrefix(f, fieldMatched)] = v
			default:
				ws.Counts[bot.EventKind(f)] = v
			}
		}
		for topic, v := range sp.topics[w] {
			ws.Topics[topic] = v
		}
		for _, v := range sp.intros[w] {
			ws.IntroTimes = append(ws.IntroTimes, time.Duration(v)*time.Second)
		}
		out[i] = ws
	}
	return out, nil
}

// Flags implements bot.Store.
func (s *Store) Flags(ctx context.Context, t bot.Tenant, since time.Time) (stalled, low []bot.Flag, err error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	for _, id := range sp.stalled.sorted() {
		stalled = append(stalled, bot.Flag{Pair: id, At: time.UnixMilli(sp.stalled[id]).UTC()})
	}
	for _, m := range sp.low.sorted() {
		parts := strings.Split(m, ":")
		if sp.low[m] < since.UnixMilli() || len(parts) < 3 {
			continue
		}
		rating, _ := strconv.Atoi(parts[len(parts)-2])
		low = append(low, bot.Flag{Pair: strings.Join(parts[:len(parts)-2], ":"), Rating: rating, At: time.UnixMilli(sp.low[m]).UTC()})
	}
	return stalled, low, nil
}
