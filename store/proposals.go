package store

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Propose implements bot.Store.
func (s *Store) Propose(ctx context.Context, p bot.Proposal, jobs []bot.Job) error {
	k := keysFor(p.Mentee.Tenant())
	t := newTx()
	t.eq(k.request(p.Request), "state", string(bot.RequestWaiting))
	t.hset(k.proposal(p.ID), proposalFields(p)...)
	t.hset(k.request(p.Request), "state", string(bot.RequestProposed), "proposal", p.ID)
	t.zrem(k.waiting(), p.Request)
	t.hincr(k.offer(p.Mentor.User), "pending", 1)
	t.schedule(k, false, jobs)
	failed, err := t.run(ctx, s.rdb)
	if err != nil {
		return err
	}
	if failed != 0 {
		return &bot.Error{Code: bot.ESTALE, Err: errString("request is not waiting")}
	}
	return nil
}

// GetProposal implements bot.Store.
func (s *Store) GetProposal(ctx context.Context, t bot.Tenant, id string) (bot.Proposal, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(t).proposal(id)).Result()
	if err != nil {
		return bot.Proposal{}, classify(err, "get proposal")
	}
	if len(h) == 0 {
		return bot.Proposal{}, notFound("proposal")
	}
	return proposalFrom(t, id, h), nil
}

// ownProposal loads a proposal and checks that by is its mentor.
func (s *Store) ownProposal(ctx context.Context, t bot.Tenant, id string, by bot.MemberID) (bot.Proposal, error) {
	p, err := s.GetProposal(ctx, t, id)
	if err != nil {
		return p, err
	}
	if p.Mentor != by {
		return p, &bot.Error{Code: bot.EFORBIDDEN, Err: errString("not the proposal's mentor")}
	}
	return p, nil
}

// AcceptProposal implements bot.Store. One script checks that the proposal
// is still pending and that the mentor has a free slot, then forms the pair
// and takes the slot: 50 concurrent clicks form one pair, and a mentor
// never holds more pairs than their capacity.
func (s *Store) AcceptProposal(ctx context.Context, tn bot.Tenant, id string, by bot.MemberID, pair bot.Pair, jobs []bot.Job) (bot.Pair, error) {
	p, err := s.ownProposal(ctx, tn, id, by)
	if err != nil {
		return bot.Pair{}, err
	}
	pair.Request, pair.Proposal, pair.Mentor, pair.Mentee = p.Request, p.ID, p.Mentor, p.Mentee
	pair.Topic, pair.Kind, pair.Goal, pair.Reasons, pair.State = p.Topic, p.Kind, p.Goal, p.Reasons, bot.PairCharter
	k := keysFor(tn)
	t := newTx()
	pending := t.eq(k.proposal(id), "state", string(bot.ProposalPending))
	capacity := t.less(k.offer(p.Mentor.User), "active", k.offer(p.Mentor.User), "capacity")
	t.hset(k.proposal(id), "state", string(bot.ProposalAccepted))
	t.hset(k.request(p.Request), "state", string(bot.RequestPaired), "proposal", "", "pair", pair.ID)
	t.del(k.openRequest(p.Mentee.User))
	t.hincr(k.offer(p.Mentor.User), "active", 1)
	t.hincr(k.offer(p.Mentor.User), "pending", -1)
	t.hset(k.pair(pair.ID), pairFields(pair)...)
	t.zadd(k.pairs(p.Mentor.User), pair.Created.UnixMilli(), pair.ID)
	t.zadd(k.pairs(p.Mentee.User), pair.Created.UnixMilli(), pair.ID)
	t.schedule(k, false, jobs)
	failed, err := t.run(ctx, s.rdb)
	switch {
	case err != nil:
		return bot.Pair{}, err
	case failed == pending:
		return bot.Pair{}, &bot.Error{Code: bot.ESTALE, Err: errString("proposal not pending")}
	case failed == capacity:
		return bot.Pair{}, &bot.Error{Code: bot.ECAPACITY, Err: errString("mentor at capacity")}
	}
	return pair, nil
}

// DeclineProposal implements bot.Store.
func (s *Store) DeclineProposal(ctx context.Context, tn bot.Tenant, id string, by bot.MemberID) (bot.Proposal, error) {
	p, err := s.ownProposal(ctx, tn, id, by)
	if err != nil {
		return p, err
	}
	return s.closeProposal(ctx, tn, p, bot.ProposalDeclined)
}

// ExpireProposal implements bot.Store.
func (s *Store) ExpireProposal(ctx context.Context, tn bot.Tenant, id string) (bot.Proposal, error) {
	p, err := s.GetProposal(ctx, tn, id)
	if err != nil {
		return p, err
	}
	return s.closeProposal(ctx, tn, p, bot.ProposalExpired)
}

// closeProposal ends a pending proposal without a pair and requeues its
// request, without this mentor.
func (s *Store) closeProposal(ctx context.Context, tn bot.Tenant, p bot.Proposal, state bot.ProposalState) (bot.Proposal, error) {
	id := p.ID
	k := keysFor(tn)
	created, err := s.rdb.HGet(ctx, k.request(p.Request), "created").Result()
	if err != nil && err != redis.Nil {
		return p, classify(err, "request created")
	}
	t := newTx()
	t.eq(k.proposal(id), "state", string(bot.ProposalPending))
	t.hset(k.proposal(id), "state", string(state))
	t.hincr(k.offer(p.Mentor.User), "pending", -1)
	t.sadd(k.declined(p.Request), p.Mentor.User)
	requeue(t, k, p.Request, fromMS(created).UnixMilli())
	failed, err := t.run(ctx, s.rdb)
	if err != nil {
		return p, err
	}
	if failed != 0 {
		return p, &bot.Error{Code: bot.ESTALE, Err: errString("proposal not pending")}
	}
	p.State = state
	return p, nil
}

// requeue puts a request back to waiting, keeping its place in the queue.
func requeue(t *tx, k keys, requestID string, createdMS int64) {
	t.hset(k.request(requestID), "state", string(bot.RequestWaiting), "proposal", "", "pair", "")
	t.zadd(k.waiting(), createdMS, requestID)
}
