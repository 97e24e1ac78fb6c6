package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// EndPair implements bot.Store.
func (s *Store) EndPair(ctx context.Context, tn bot.Tenant, id string, state bot.PairState, reason string, at time.Time) (bot.Pair, error) {
	p, err := s.GetPair(ctx, tn, id)
	if err != nil {
		return p, err
	}
	k := keysFor(tn)
	t := newTx()
	t.eq(k.pair(id), "state", string(bot.PairActive))
	t.hset(k.pair(id), "state", string(state), "ended", ms(at), "end_reason", reason)
	t.count(k, p.Mentor.User, "active", -1)
	failed, err := t.run(ctx, s.rdb)
	if err != nil {
		return p, err
	}
	if failed != 0 {
		return p, &bot.Error{Code: bot.ESTALE, Err: errString("pair not active")}
	}
	p.State, p.Ended, p.EndReason = state, at, reason
	return p, nil
}

// RecordCheckin implements bot.Store. The answer is one guarded script;
// when another answer to the same pair changed its "not yet" count (or
// the round's mark of one) between the read and the script, it runs again
// from fresh state, at most maxTries times, like every guarded transition.
func (s *Store) RecordCheckin(ctx context.Context, tn bot.Tenant, id, round string, by bot.MemberID, answer string, at time.Time, then func(bot.Pair) (bot.Pair, []bot.Job)) (bot.Pair, error) {
	for range maxTries {
		p, raced, err := s.recordCheckin(ctx, tn, id, round, by, answer, at, then)
		if !raced {
			return p, err
		}
	}
	return bot.Pair{}, errRaced("check-in")
}

// recordCheckin tries RecordCheckin once, and reports whether it lost a
// race to another answer to the pair (nothing was written then).
func (s *Store) recordCheckin(ctx context.Context, tn bot.Tenant, id, round string, by bot.MemberID, answer string, at time.Time, then func(bot.Pair) (bot.Pair, []bot.Job)) (bot.Pair, bool, error) {
	p, err := s.GetPair(ctx, tn, id)
	if err != nil {
		return p, false, err
	}
	if p.Role(by) == "" {
		return p, false, &bot.Error{Code: bot.EFORBIDDEN, Err: errString("not in the pair")}
	}
	k := keysFor(tn)
	field := round + ":" + by.User
	t := newTx()
	answered := t.eq(k.checkin(id), field, "")
	races := []int{t.eq(k.pair(id), "notyet", strconv.Itoa(p.NotYet))}
	t.hset(k.checkin(id), field, answer)
	counts := answer // what the answer changes in the pair
	if answer == "notyet" {
		// One "not yet" per round, whoever says it: guarded like the rest,
		// so two members answering at once count once.
		marker := round + ":notyet"
		counted, err := s.rdb.HGet(ctx, k.checkin(id), marker).Result()
		if err != nil && err != redis.Nil {
			return p, false, classify(err, "check-in")
		}
		races = append(races, t.eq(k.checkin(id), marker, counted))
		if counted != "" {
			counts = "" // the round's "not yet" was counted already
		} else {
			t.hset(k.checkin(id), marker, "1")
		}
	}
	switch counts {
	case "yes":
		if p.Met.IsZero() {
			t.hset(k.pair(id), "met", ms(at))
			p.Met = at
		}
	case "notyet":
		p.NotYet++
		t.hset(k.pair(id), "notyet", strconv.Itoa(p.NotYet))
	}
	if then != nil {
		ruled, jobs := then(p)
		if ruled.Stalled && !p.Stalled {
			t.hset(k.pair(id), "stalled", "1")
			p.Stalled = true
		}
		t.schedule(k, true, jobs)
	}
	failed, err := t.run(ctx, s.rdb)
	switch {
	case err != nil:
		return p, false, err
	case failed == answered:
		return p, false, &bot.Error{Code: bot.ESTALE, Err: errString("check-in already answered")}
	case slices.Contains(races, failed):
		return p, true, nil
	}
	return p, false, nil
}

// CheckinAnswers implements bot.Store.
func (s *Store) CheckinAnswers(ctx context.Context, tn bot.Tenant, id string) (map[string]map[string]string, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(tn).checkin(id)).Result()
	if err != nil {
		return nil, classify(err, "check-in answers")
	}
	out := map[string]map[string]string{}
	for field, answer := range h {
		round, user, ok := strings.Cut(field, ":")
		if !ok || (user == "notyet" && answer == "1") {
			continue // the marker of a round's counted "not yet"
		}
		if out[round] == nil {
			out[round] = map[string]string{}
		}
		out[round][user] = answer
	}
	return out, nil
}

// AnswerSurvey implements bot.Store.
func (s *Store) AnswerSurvey(ctx context.Context, tn bot.Tenant, survey bot.SurveyID, by bot.MemberID, question, answer string, at time.Time) error {
	key := keysFor(tn).survey(string(survey), by.User)
	t := newTx()
	t.eq(key, question, "")
	kv := pieces(question, answer)
	if kv == nil {
		kv = []string{question, ""}
	}
	t.hset(key, append(kv, "at", ms(at))...)
	failed, err := t.run(ctx, s.rdb)
	if err != nil {
		return err
	}
	if failed != 0 {
		return &bot.Error{Code: bot.ESTALE, Err: errString("survey question already answered")}
	}
	return nil
}

// Survey implements bot.Store.
func (s *Store) Survey(ctx context.Context, tn bot.Tenant, survey bot.SurveyID, by bot.MemberID) (map[string]string, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(tn).survey(string(survey), by.User)).Result()
	if err != nil {
		return nil, classify(err, "survey")
	}
	out := make(map[string]string, len(h))
	for q := range h {
		if !isPiece(q) {
			out[q] = joined(h, q)
		}
	}
	return out, nil
}
