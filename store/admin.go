package store

import (
	"context"
	"sort"

	"github.com/mentorbot/mentorbot/bot"
)

// AddManager implements bot.Store.
func (s *Store) AddManager(ctx context.Context, id bot.MemberID) error {
	return classify(s.rdb.SAdd(ctx, keysFor(id.Tenant()).managers(), id.User).Err(), "add manager")
}

// RemoveManager implements bot.Store.
func (s *Store) RemoveManager(ctx context.Context, id bot.MemberID) error {
	n, err := s.rdb.SRem(ctx, keysFor(id.Tenant()).managers(), id.User).Result()
	if err != nil {
		return classify(err, "remove manager")
	}
	if n == 0 {
		return notFound("manager")
	}
	return nil
}

// Managers implements bot.Store.
func (s *Store) Managers(ctx context.Context, t bot.Tenant) ([]bot.MemberID, error) {
	users, err := s.rdb.SMembers(ctx, keysFor(t).managers()).Result()
	if err != nil {
		return nil, classify(err, "list managers")
	}
	sort.Strings(users)
	out := make([]bot.MemberID, len(users))
	for i, u := range users {
		out[i] = t.Member(u)
	}
	return out, nil
}

// IsManager implements bot.Store.
func (s *Store) IsManager(ctx context.Context, id bot.MemberID) (bool, error) {
	ok, err := s.rdb.SIsMember(ctx, keysFor(id.Tenant()).managers(), id.User).Result()
	return ok, classify(err, "is manager")
}

// FormPair implements bot.Store in one guarded script, like
// AcceptProposal but without a proposal and without the capacity guard.
func (s *Store) FormPair(ctx context.Context, r bot.Request, beside string, pair bot.Pair, jobs []bot.Job) (bot.Pair, error) {
	k := keysFor(r.Mentee.Tenant())
	pair.Request, pair.Mentee, pair.State = r.ID, r.Mentee, bot.PairCharter
	existing := r.State == bot.RequestWaiting
	t := newTx()
	if existing {
		t.eq(k.request(r.ID), "state", string(bot.RequestWaiting))
		t.keysAs(k, r.ID, keysField(r.Keys))
		t.hset(k.request(r.ID), "state", string(bot.RequestPaired), "proposal", "", "pair", pair.ID)
		t.del(k.openRequest(r.Mentee.User))
		t.unfileWaiting(k, r.ID, r.Keys)
	} else {
		// Beside the mentee's open request, if any, left as it is: the
		// one the caller read.
		t.is(k.openRequest(r.Mentee.User), beside)
		r.State = bot.RequestPaired
		t.hset(k.request(r.ID), append(requestFields(r), "pair", pair.ID)...)
	}
	t.count(k, pair.Mentor.User, "active", 1)
	t.hset(k.pair(pair.ID), pairFields(pair)...)
	t.indexPair(k, pair)
	t.schedule(k, false, jobs)
	failed, err := t.run(ctx, s.batch)
	switch {
	case err != nil:
		return bot.Pair{}, err
	case failed != 0:
		return bot.Pair{}, &bot.Error{Code: bot.ESTALE, Err: errString("open request changed")}
	}
	return pair, nil
}
