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
	failed, err := t.run(ctx, s.batch)
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

// Check-in answers live in the pair's hash, not in a key of their own
// (some 100 bytes of key overhead per pair): the field "c:<round>:m" holds
// the mentor's answer to the round, "c:<round>:e" the mentee's, and
// "c:<round>:n" is "1" once the round's "not yet" was counted. A role
// rather than a user ID keeps them short, and the erasure of a member
// deletes their role's fields. An older version kept them in
// checkin:<pair>, "<round>:<user>" and "<round>:notyet", which still
// read the same.

// checkinField returns the field of a round's answer by role ("mentor",
// "mentee"), or of its counted "not yet" (role "notyet").
func checkinField(round, role string) string {
	tag := map[string]string{"mentor": "m", "mentee": "e", "notyet": "n"}[role]
	return "c:" + round + ":" + tag
}

// checkinsIn returns the answers kept in a pair's hash h: round → role →
// answer.
func checkinsIn(h map[string]string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for field, answer := range h {
		rest, ok := strings.CutPrefix(field, "c:")
		if !ok {
			continue
		}
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			continue
		}
		role := map[string]string{"m": "mentor", "e": "mentee"}[rest[i+1:]]
		if role == "" {
			continue // the marker of a round's counted "not yet"
		}
		if out[rest[:i]] == nil {
			out[rest[:i]] = map[string]string{}
		}
		out[rest[:i]][role] = answer
	}
	return out
}

// checkinHashes reads the pair's hash and the hash of check-ins an older
// version kept, in one round trip.
func (s *Store) checkinHashes(ctx context.Context, k keys, id string) (pair, older map[string]string, err error) {
	var cur, old *redis.MapStringStringCmd
	if _, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		cur, old = p.HGetAll(ctx, k.pair(id)), p.HGetAll(ctx, k.checkin(id))
		return nil
	}); err != nil {
		return nil, nil, classify(err, "check-ins")
	}
	return cur.Val(), old.Val(), nil
}

// recordCheckin tries RecordCheckin once, and reports whether it lost a
// race to another answer to the pair (nothing was written then).
func (s *Store) recordCheckin(ctx context.Context, tn bot.Tenant, id, round string, by bot.MemberID, answer string, at time.Time, then func(bot.Pair) (bot.Pair, []bot.Job)) (bot.Pair, bool, error) {
	k := keysFor(tn)
	h, older, err := s.checkinHashes(ctx, k, id)
	if err != nil {
		return bot.Pair{}, false, err
	}
	if len(h) == 0 {
		return bot.Pair{}, false, notFound("pair")
	}
	p := pairFrom(tn, id, h)
	role := p.Role(by)
	if role == "" {
		return p, false, &bot.Error{Code: bot.EFORBIDDEN, Err: errString("not in the pair")}
	}
	field, oldField := checkinField(round, role), round+":"+by.User
	t := newTx()
	answered := t.eq(k.pair(id), field, "")
	answeredBefore := t.eq(k.checkin(id), oldField, "") // by an older version
	races := []int{t.eq(k.pair(id), "notyet", strconv.Itoa(p.NotYet))}
	t.hset(k.pair(id), field, answer)
	counts := answer // what the answer changes in the pair
	if answer == "notyet" {
		// One "not yet" per round, whoever says it: guarded like the rest,
		// so two members answering at once count once.
		marker, oldMarker := checkinField(round, "notyet"), round+":notyet"
		counted, countedBefore := h[marker], older[oldMarker]
		races = append(races, t.eq(k.pair(id), marker, counted), t.eq(k.checkin(id), oldMarker, countedBefore))
		if counted != "" || countedBefore != "" {
			counts = "" // the round's "not yet" was counted already
		} else {
			t.hset(k.pair(id), marker, "1")
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
	failed, err := t.run(ctx, s.batch)
	switch {
	case err != nil:
		return p, false, err
	case failed == answered || failed == answeredBefore:
		return p, false, &bot.Error{Code: bot.ESTALE, Err: errString("check-in already answered")}
	case slices.Contains(races, failed):
		return p, true, nil
	}
	return p, false, nil
}

// CheckinAnswers implements bot.Store.
func (s *Store) CheckinAnswers(ctx context.Context, tn bot.Tenant, id string) (map[string]map[string]string, error) {
	h, older, err := s.checkinHashes(ctx, keysFor(tn), id)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	add := func(round, user, answer string) {
		if out[round] == nil {
			out[round] = map[string]string{}
		}
		out[round][user] = answer
	}
	for field, answer := range older {
		round, user, ok := strings.Cut(field, ":")
		if !ok || (user == "notyet" && answer == "1") {
			continue // the marker of a round's counted "not yet"
		}
		add(round, user, answer)
	}
	users := map[string]string{"mentor": h["mentor"], "mentee": h["mentee"]}
	for round, answers := range checkinsIn(h) {
		for role, answer := range answers {
			if users[role] != "" {
				add(round, users[role], answer)
			}
		}
	}
	return out, nil
}

// Survey answers of a pair's members live in the pair's hash too, under
// the member's role: "s:<stage>:<m|e>:<question>" (a long answer in
// pieces), and "s:<stage>:<m|e>:at", when they last answered. A survey
// that names no pair of the member, or one an older version answered,
// keeps a key of its own, survey:<pair>:<stage>:<user>, question →
// answer, which reads the same.

// surveyPrefix returns the prefix of a stage's answers by role.
func surveyPrefix(stage, role string) string {
	return "s:" + stage + ":" + map[string]string{"mentor": "m", "mentee": "e"}[role] + ":"
}

// surveyPlace returns the pair hash and the field prefix of by's answers
// to survey, or "" when survey names no pair by is in.
func (s *Store) surveyPlace(ctx context.Context, k keys, survey bot.SurveyID, by bot.MemberID) (string, string, error) {
	pair, stage, ok := strings.Cut(string(survey), ":")
	if !ok {
		return "", "", nil
	}
	v, err := s.rdb.HMGet(ctx, k.pair(pair), "mentor", "mentee").Result()
	if err != nil {
		return "", "", classify(err, "survey")
	}
	for i, role := range []string{"mentor", "mentee"} {
		if u, _ := v[i].(string); u != "" && u == by.User {
			return k.pair(pair), surveyPrefix(stage, role), nil
		}
	}
	return "", "", nil
}

// surveysIn returns the survey answers kept in the hash h of pair id.
func surveysIn(t bot.Tenant, id string, h map[string]string) []bot.SurveyAnswer {
	var out []bot.SurveyAnswer
	for f := range h {
		parts := strings.SplitN(f, ":", 4)
		if len(parts) != 4 || parts[0] != "s" || parts[3] == "at" || isPiece(f) {
			continue
		}
		who := map[string]string{"m": h["mentor"], "e": h["mentee"]}[parts[2]]
		if who == "" {
			continue
		}
		prefix := strings.Join(parts[:3], ":") + ":"
		out = append(out, bot.SurveyAnswer{Survey: bot.SurveyID(id + ":" + parts[1]), Member: t.Member(who),
			Question: parts[3], Answer: joined(h, f), At: fromMS(h[prefix+"at"])})
	}
	return out
}

// AnswerSurvey implements bot.Store.
func (s *Store) AnswerSurvey(ctx context.Context, tn bot.Tenant, survey bot.SurveyID, by bot.MemberID, question, answer string, at time.Time) error {
	k := keysFor(tn)
	old := k.survey(string(survey), by.User)
	key, prefix, err := s.surveyPlace(ctx, k, survey, by)
	if err != nil {
		return err
	}
	t := newTx()
	t.eq(old, question, "")
	if key == "" {
		key = old
	} else {
		t.eq(key, prefix+question, "")
	}
	kv := pieces(prefix+question, answer)
	if kv == nil {
		kv = []string{prefix + question, ""}
	}
	t.hset(key, append(kv, prefix+"at", ms(at))...)
	failed, err := t.run(ctx, s.batch)
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
	k := keysFor(tn)
	key, prefix, err := s.surveyPlace(ctx, k, survey, by)
	if err != nil {
		return nil, err
	}
	var cur, older *redis.MapStringStringCmd
	if _, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		older = p.HGetAll(ctx, k.survey(string(survey), by.User))
		if key != "" {
			cur = p.HGetAll(ctx, key)
		}
		return nil
	}); err != nil {
		return nil, classify(err, "survey")
	}
	out := map[string]string{}
	h := older.Val()
	for q := range h {
		if !isPiece(q) {
			out[q] = joined(h, q)
		}
	}
	if cur != nil {
		h = cur.Val()
		for f := range h {
			if q, ok := strings.CutPrefix(f, prefix); ok && !isPiece(f) {
				out[q] = joined(h, f)
			}
		}
	}
	return out, nil
}
