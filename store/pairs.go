package store

import (
	"context"
	"strconv"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// GetPair implements bot.Store.
func (s *Store) GetPair(ctx context.Context, t bot.Tenant, id string) (bot.Pair, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(t).pair(id)).Result()
	if err != nil {
		return bot.Pair{}, classify(err, "get pair")
	}
	if len(h) == 0 {
		return bot.Pair{}, notFound("pair")
	}
	return pairFrom(t, id, h), nil
}

// SetPairThread implements bot.Store: written only while the pair's
// hash names its mentor, so that a pair gone (or its mentor erased) is
// not half made again.
func (s *Store) SetPairThread(ctx context.Context, pair bot.Pair, thread string) error {
	if pair.Mentor.User == "" || pair.ID == "" {
		return notFound("pair") // a guard on "" would hold for a missing hash
	}
	k := keysFor(pair.Mentor.Tenant())
	tx := newTx()
	tx.eq(k.pair(pair.ID), "mentor", pair.Mentor.User)
	tx.hset(k.pair(pair.ID), "thread", thread)
	failed, err := tx.run(ctx, s.batch)
	if err != nil {
		return err
	}
	if failed != 0 {
		return notFound("pair")
	}
	return nil
}

// PairsOf implements bot.Store, in two round trips, as Mentees reads a
// mentee's pairs.
func (s *Store) PairsOf(ctx context.Context, m bot.MemberID) ([]bot.Pair, error) {
	got, err := s.Mentees(ctx, m.Tenant(), []string{m.User})
	return got[m.User].Pairs, err
}

// Mentees implements bot.Store, in two round trips whatever the number
// of users: their hashes (record, pair index, history) with an older
// version's history and pair index, then their pairs.
func (s *Store) Mentees(ctx context.Context, t bot.Tenant, users []string) (map[string]bot.Mentee, error) {
	out := map[string]bot.Mentee{}
	if len(users) == 0 {
		return out, nil
	}
	k := keysFor(t)
	member := make([]*redis.MapStringStringCmd, len(users))
	hist := make([]*redis.MapStringStringCmd, len(users))
	older := make([]*redis.ZSliceCmd, len(users))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, u := range users {
			member[i] = p.HGetAll(ctx, k.member(u))
			hist[i] = p.HGetAll(ctx, k.history(u))                   // as an older version kept it
			older[i] = p.ZRevRangeWithScores(ctx, k.pairs(u), 0, -1) // likewise
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "read mentees")
	}
	ids := make([][]string, len(users))
	cmds := map[string]*redis.MapStringStringCmd{}
	for i := range users {
		ids[i] = pairIDsIn(member[i].Val(), older[i].Val())
		for _, id := range ids[i] {
			cmds[id] = nil
		}
	}
	if len(cmds) > 0 {
		_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
			for id := range cmds {
				cmds[id] = p.HGetAll(ctx, k.pair(id))
			}
			return nil
		})
		if err != nil {
			return nil, classify(err, "load pairs")
		}
	}
	for i, u := range users {
		var m bot.Mentee
		if h := member[i].Val(); isMemberRecord(h) {
			m.Member, m.Known = memberFrom(t.Member(u), h), true
		}
		m.History = historyIn(member[i].Val(), hist[i].Val())
		for _, id := range ids[i] {
			if h := cmds[id].Val(); len(h) > 0 {
				m.Pairs = append(m.Pairs, pairFrom(t, id, h))
			}
		}
		if m.Known || len(m.History) > 0 || len(m.Pairs) > 0 {
			if !m.Known {
				m.Member = bot.Member{ID: t.Member(u)}
			}
			out[u] = m
		}
	}
	return out, nil
}

// charterPair loads a pair waiting for charters and checks by is in it.
func (s *Store) charterPair(ctx context.Context, t bot.Tenant, id string, by bot.MemberID) (bot.Pair, string, error) {
	p, err := s.GetPair(ctx, t, id)
	if err != nil {
		return p, "", err
	}
	if by.IsZero() {
		return p, "clock", nil
	}
	role := p.Role(by)
	if role == "" {
		return p, "", &bot.Error{Code: bot.EFORBIDDEN, Err: errString("not in the pair")}
	}
	return p, role, nil
}

// maxCharterTries bounds the retries of AcceptCharter when the other
// member accepts at the same moment.
const maxCharterTries = 5

// AcceptCharter implements bot.Store. The script is guarded on the other
// member's acceptance as read: if both accept at once, one script runs
// first and the other retries with fresh state, so exactly one of them
// makes the pair official.
func (s *Store) AcceptCharter(ctx context.Context, tn bot.Tenant, id string, by bot.MemberID, version int, at time.Time, onOfficial func(bot.Pair) []bot.Job) (bot.Pair, error) {
	k := keysFor(tn)
	for try := 0; try < maxCharterTries; try++ {
		p, role, err := s.charterPair(ctx, tn, id, by)
		if err != nil {
			return p, err
		}
		mine, other := role+"_ack", "mentee_ack"
		otherAck := p.MenteeAck
		if role == "mentee" {
			other, otherAck = "mentor_ack", p.MentorAck
		}
		t := newTx()
		state := t.eq(k.pair(id), "state", string(bot.PairCharter))
		already := t.eq(k.pair(id), mine, "0")
		race := t.eq(k.pair(id), other, strconv.Itoa(otherAck))
		t.hset(k.pair(id), mine, strconv.Itoa(version))
		t.hset(k.member(by.User), "charter_version", strconv.Itoa(version), "charter_at", ms(at))
		// When: in the pair's hash, beside the version, rather than in the
		// charter log of older versions, an entry of some 50 bytes each.
		t.hset(k.pair(id), mine+"_at", ms(at))
		if otherAck > 0 {
			t.hset(k.pair(id), "state", string(bot.PairActive), "official", ms(at))
			if onOfficial != nil {
				t.schedule(k, false, onOfficial(p))
			}
		}
		failed, err := t.run(ctx, s.batch)
		switch {
		case err != nil:
			return p, err
		case failed == state || failed == already:
			return p, &bot.Error{Code: bot.ESTALE, Err: errString("charter already answered")}
		case failed == race:
			continue
		}
		if role == "mentor" {
			p.MentorAck = version
		} else {
			p.MenteeAck = version
		}
		if otherAck > 0 {
			p.State, p.Official = bot.PairActive, at
		}
		return p, nil
	}
	return bot.Pair{}, &bot.Error{Code: bot.ECONFLICT, Err: errString("charter acceptance kept racing")}
}

// DeclineCharter implements bot.Store. The request goes back to waiting,
// without this mentor; if the mentee has opened another request since, the
// old one is closed instead, so a member never has two open requests.
func (s *Store) DeclineCharter(ctx context.Context, tn bot.Tenant, id string, by bot.MemberID, out bot.Outbox) (bot.Pair, error) {
	p, _, err := s.charterPair(ctx, tn, id, by)
	if err != nil {
		return p, err
	}
	k := keysFor(tn)
	reason := "charter"
	if by.IsZero() {
		reason = "charter-timeout"
	}
	for range maxTries {
		var at requestIndex
		var open *redis.IntCmd
		var index *redis.SliceCmd
		_, err = s.rdb.Pipelined(ctx, func(pp redisPipe) error {
			index = pp.HMGet(ctx, k.request(p.Request), "created", "keys")
			open = pp.Exists(ctx, k.openRequest(p.Mentee.User))
			return nil
		})
		if err != nil {
			return p, classify(err, "decline charter")
		}
		at = indexFrom(index.Val())
		t := newTx()
		state := t.eq(k.pair(id), "state", string(bot.PairCharter))
		indexed := t.keysAs(k, p.Request, at.raw)
		t.hset(k.pair(id), "state", string(bot.PairCancelled), "end_reason", reason)
		t.count(k, p.Mentor.User, "active", -1)
		t.sadd(k.declined(p.Request), p.Mentor.User)
		if p.Mentee.User != "" { // what AcceptProposal left to the pair
			t.hset(k.request(p.Request), append([]string{"mentee", p.Mentee.User, "topic", p.Topic, "kind", string(p.Kind)}, pieces("goal", p.Goal)...)...)
		}
		if open.Val() == 0 {
			t.notExists(k.openRequest(p.Mentee.User))
			t.requeue(k, p.Request, at)
			t.set(k.openRequest(p.Mentee.User), p.Request)
		} else {
			t.hset(k.request(p.Request), "state", string(bot.RequestCancelled))
		}
		if err := t.outbox(k, out); err != nil {
			return p, err
		}
		failed, err := t.run(ctx, s.batch)
		switch {
		case err != nil:
			return p, err
		case failed == state:
			return p, &bot.Error{Code: bot.ESTALE, Err: errString("pair not waiting for charters")}
		case failed == indexed:
			continue
		case failed != 0:
			return p, &bot.Error{Code: bot.ECONFLICT, Err: errString("mentee opened a request meanwhile")}
		}
		p.State, p.EndReason = bot.PairCancelled, reason
		return p, nil
	}
	return p, errRaced("request keys")
}
