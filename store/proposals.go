package store

import (
	"context"
	"strconv"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Propose implements bot.Store. One script checks that the request is
// still waiting and that the mentor's open proposals and pairs leave a
// slot, then records the proposal and takes the slot: replicas proposing
// at once never promise a mentor more than their capacity.
func (s *Store) Propose(ctx context.Context, p bot.Proposal, jobs []bot.Job) error {
	k := keysFor(p.Mentee.Tenant())
	m := p.Mentor.User
	raw := keysField(p.RequestKeys) // as the core read them; read afresh if they changed
	for try := range maxTries {
		if try > 0 {
			var err error
			if raw, err = s.keysOf(ctx, k, p.Request); err != nil {
				return err
			}
		}
		t := newTx()
		waiting := t.eq(k.request(p.Request), "state", string(bot.RequestWaiting))
		capacity := t.sumLess(k.offer(m), "active", "pending", k.offer(m), "capacity")
		t.keysAs(k, p.Request, raw)
		t.hset(k.proposal(p.ID), proposalFields(p)...)
		t.hset(k.request(p.Request), "state", string(bot.RequestProposed), "proposal", p.ID)
		t.unfileWaiting(k, p.Request, strs(raw))
		t.count(k, m, "pending", 1)
		t.schedule(k, false, jobs)
		failed, err := t.run(ctx, s.batch)
		switch {
		case err != nil:
			return err
		case failed == 0:
			return nil
		case failed == waiting:
			return &bot.Error{Code: bot.ESTALE, Err: errString("request is not waiting")}
		case failed == capacity:
			return &bot.Error{Code: bot.ECAPACITY, Err: errString("mentor at capacity")}
		}
	}
	return errRaced("request keys")
}

// GetProposal implements bot.Store. An accepted proposal left its goal
// and reasons to its pair (AcceptProposal): they are read from there.
//
// An accepted proposal whose pair took its ID is that pair's hash alone
// (AcceptProposal): both are read at once, and the pair answers when the
// proposal's hash is gone.
func (s *Store) GetProposal(ctx context.Context, t bot.Tenant, id string) (bot.Proposal, error) {
	k := keysFor(t)
	var prop, folded *redis.MapStringStringCmd
	_, err := s.rdb.Pipelined(ctx, func(pp redisPipe) error {
		prop, folded = pp.HGetAll(ctx, k.proposal(id)), pp.HGetAll(ctx, k.pair(id))
		return nil
	})
	if err != nil {
		return bot.Proposal{}, classify(err, "get proposal")
	}
	h := prop.Val()
	if len(h) == 0 {
		if ph := folded.Val(); ph["proposal"] == id {
			return proposalOfPair(t, id, ph), nil
		}
		return bot.Proposal{}, notFound("proposal")
	}
	p := proposalFrom(t, id, h)
	if pair := h["pair"]; pair != "" && (p.Goal == "" && p.Reasons == nil || p.Mentor.User == "") {
		ph, err := s.rdb.HGetAll(ctx, k.pair(pair)).Result()
		if err != nil {
			return bot.Proposal{}, classify(err, "get proposal's pair")
		}
		p = fromPair(p, pairFrom(t, pair, ph))
	}
	return p, nil
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
// and moves the proposal's slot from pending to active: 50 concurrent
// clicks form one pair, and a mentor never holds more pairs than their
// capacity.
//
// The slot guard is active < capacity, not active + pending < capacity:
// the accepted proposal is itself one of the pending, and accepting it
// leaves active + pending unchanged. Propose already kept that sum within
// the capacity, so the guard only fails when the capacity was lowered or
// a manager paired the mentor since the proposal.
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
	folded := pair.ID == id
	if folded {
		// The pair took the proposal's ID (the core's acceptProposal): it
		// keeps the members, topic, kind, goal and reasons, and now the
		// proposal's time and score too, and the proposal's own hash goes,
		// a key less per pair. GetProposal reads it back from the pair.
		t.del(k.proposal(id))
	} else {
		// A pair with an ID of its own (a core of before): the accepted
		// proposal gives up its copies, and names its pair, where
		// GetProposal reads them back. It keeps its request, by which the
		// retention finds it.
		t.hset(k.proposal(id), "state", string(bot.ProposalAccepted), "pair", pair.ID)
		t.hdel(k.proposal(id), append(append([]string{"mentor", "mentee", "topic", "kind"},
			pieceFields("goal", p.Goal)...), pieceFields("reasons", reasonsField(p.Reasons))...)...)
	}
	t.hset(k.request(p.Request), "state", string(bot.RequestPaired), "proposal", "", "pair", pair.ID)
	// The request gives up its mentee, topic, kind and goal too, which
	// GetRequest reads from the pair, and DeclineCharter gives back.
	t.hdel(k.request(p.Request), append([]string{"mentee", "topic", "kind", "proposal", "goal"}, piecesOf("goal")...)...)
	t.del(k.openRequest(p.Mentee.User))
	t.count(k, p.Mentor.User, "active", 1)
	t.count(k, p.Mentor.User, "pending", -1)
	t.hset(k.pair(pair.ID), pairFields(pair)...)
	if folded {
		t.hset(k.pair(pair.ID), "proposed", ms(p.Created), "score", scoreField(p.Score))
	}
	t.indexPair(k, pair)
	t.schedule(k, false, jobs)
	failed, err := t.run(ctx, s.batch)
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

// acceptedFromPair gives the accepted proposals among props the goal and
// the reasons that AcceptProposal left to their pair, when pairs has it.
func acceptedFromPair(props []bot.Proposal, pairs []bot.Pair) {
	for i, p := range props {
		for _, pair := range pairs {
			if pair.Proposal == p.ID {
				props[i] = fromPair(p, pair)
			}
		}
	}
}

// fromPair gives an accepted proposal without a goal and reasons those of
// its pair, and without members those of its pair with its topic and kind.
func fromPair(p bot.Proposal, pair bot.Pair) bot.Proposal {
	if p.State != bot.ProposalAccepted || pair.Proposal != p.ID {
		return p
	}
	if p.Goal == "" && p.Reasons == nil {
		p.Goal, p.Reasons = pair.Goal, pair.Reasons
	}
	if p.Mentor.User == "" && p.Mentee.User == "" {
		p.Mentor, p.Mentee, p.Topic, p.Kind = pair.Mentor, pair.Mentee, pair.Topic, pair.Kind
	}
	return p
}

// DeclineProposal implements bot.Store.
func (s *Store) DeclineProposal(ctx context.Context, tn bot.Tenant, id string, by bot.MemberID) (bot.Proposal, error) {
	p, err := s.ownProposal(ctx, tn, id, by)
	if err != nil {
		return p, err
	}
	return s.closeProposal(ctx, tn, p, bot.ProposalDeclined, bot.Outbox{})
}

// ReleaseProposal implements bot.Store.
func (s *Store) ReleaseProposal(ctx context.Context, tn bot.Tenant, id string) (bot.Proposal, error) {
	p, err := s.GetProposal(ctx, tn, id)
	if err != nil {
		return p, err
	}
	return s.closeProposal(ctx, tn, p, bot.ProposalUndelivered, bot.Outbox{})
}

// ExpireProposal implements bot.Store.
func (s *Store) ExpireProposal(ctx context.Context, tn bot.Tenant, id string, out bot.Outbox) (bot.Proposal, error) {
	p, err := s.GetProposal(ctx, tn, id)
	if err != nil {
		return p, err
	}
	return s.closeProposal(ctx, tn, p, bot.ProposalExpired, out)
}

// closeProposal ends a pending proposal without a pair, frees its slot and
// requeues its request, without this mentor unless the proposal never
// reached them (undelivered); out is written with it.
func (s *Store) closeProposal(ctx context.Context, tn bot.Tenant, p bot.Proposal, state bot.ProposalState, out bot.Outbox) (bot.Proposal, error) {
	k := keysFor(tn)
	for range maxTries {
		at, err := s.indexOf(ctx, k, p.Request)
		if err != nil {
			return p, err
		}
		t := newTx()
		pending := t.eq(k.proposal(p.ID), "state", string(bot.ProposalPending))
		t.keysAs(k, p.Request, at.raw)
		t.hset(k.proposal(p.ID), "state", string(state))
		t.count(k, p.Mentor.User, "pending", -1)
		if state != bot.ProposalUndelivered {
			t.sadd(k.declined(p.Request), p.Mentor.User)
		}
		t.requeue(k, p.Request, at)
		if err := t.outbox(k, out); err != nil {
			return p, err
		}
		failed, err := t.run(ctx, s.batch)
		switch {
		case err != nil:
			return p, err
		case failed == pending:
			return p, &bot.Error{Code: bot.ESTALE, Err: errString("proposal not pending")}
		case failed == 0:
			p.State = state
			return p, nil
		}
	}
	return p, errRaced("request keys")
}

// proposalOfPair returns the accepted proposal folded into the hash h of
// the pair that took its ID.
func proposalOfPair(t bot.Tenant, id string, h map[string]string) bot.Proposal {
	pair := pairFrom(t, id, h)
	p := bot.Proposal{
		ID: id, Request: pair.Request, Mentor: pair.Mentor, Mentee: pair.Mentee, Topic: pair.Topic, Kind: pair.Kind,
		Goal: pair.Goal, Reasons: pair.Reasons, State: bot.ProposalAccepted, Created: fromMS(h["proposed"]),
	}
	p.Score, _ = strconv.ParseFloat(h["score"], 64)
	return p
}
