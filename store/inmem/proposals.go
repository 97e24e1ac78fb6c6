package inmem

import (
	"context"
	"encoding/json"

	"github.com/mentorbot/mentorbot/bot"
)

// Propose implements bot.Store: ESTALE unless the request waits, then
// ECAPACITY unless the mentor's active and pending leave a slot.
func (s *Store) Propose(ctx context.Context, p bot.Proposal, jobs []bot.Job) error {
	t := p.Mentee.Tenant()
	sp := s.lock(t)
	defer s.mu.Unlock()
	r, ok := sp.requests[p.Request]
	if !ok || r.R.State != bot.RequestWaiting {
		return coded(bot.ESTALE, "request is not waiting")
	}
	m := p.Mentor.User
	if c := sp.load[m]; c.Active+c.Pending >= sp.offers[m].Capacity {
		return coded(bot.ECAPACITY, "mentor at capacity")
	}
	sp.proposals[p.ID] = proposalOf(t, p)
	r.R.State, r.R.Proposal = bot.RequestProposed, p.ID
	sp.requests[p.Request] = r
	sp.unfileWaiting(p.Request, r.R.Keys)
	sp.count(m, false, 1)
	sp.schedule(false, jobs)
	return nil
}

// GetProposal implements bot.Store.
func (s *Store) GetProposal(ctx context.Context, t bot.Tenant, id string) (bot.Proposal, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return sp.proposal(id)
}

func (sp *space) proposal(id string) (bot.Proposal, error) {
	p, ok := sp.proposals[id]
	if !ok {
		return p, notFound("proposal")
	}
	p.Reasons = reasonsOf(p.Reasons)
	return p, nil
}

// ownProposal returns a proposal; EFORBIDDEN unless by is its mentor.
func (sp *space) ownProposal(id string, by bot.MemberID) (bot.Proposal, error) {
	p, err := sp.proposal(id)
	if err == nil && p.Mentor != by {
		err = coded(bot.EFORBIDDEN, "not the proposal's mentor")
	}
	return p, err
}

// AcceptProposal implements bot.Store. The slot check is active below
// capacity: the proposal's own slot is among the pending.
func (s *Store) AcceptProposal(ctx context.Context, t bot.Tenant, id string, by bot.MemberID, pair bot.Pair, jobs []bot.Job) (bot.Pair, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, err := sp.ownProposal(id, by)
	if err != nil {
		return bot.Pair{}, err
	}
	pair.Request, pair.Proposal, pair.Mentor, pair.Mentee = p.Request, p.ID, p.Mentor, p.Mentee
	pair.Topic, pair.Kind, pair.Goal, pair.Reasons, pair.State = p.Topic, p.Kind, p.Goal, p.Reasons, bot.PairCharter
	if p.State != bot.ProposalPending {
		return bot.Pair{}, coded(bot.ESTALE, "proposal not pending")
	}
	m := p.Mentor.User
	if sp.load[m].Active >= sp.offers[m].Capacity {
		return bot.Pair{}, coded(bot.ECAPACITY, "mentor at capacity")
	}
	p.State = bot.ProposalAccepted
	sp.proposals[id] = p
	if r, ok := sp.requests[p.Request]; ok {
		r.R.State, r.R.Proposal, r.Pair = bot.RequestPaired, "", pair.ID
		sp.requests[p.Request] = r
	}
	delete(sp.open, p.Mentee.User)
	sp.count(m, true, 1)
	sp.count(m, false, -1)
	sp.addPair(t, pair)
	sp.schedule(false, jobs)
	return pair, nil
}

// addPair stores a new pair and files it under both members.
func (sp *space) addPair(t bot.Tenant, pair bot.Pair) {
	sp.pairs[pair.ID] = pairOf(t, pair)
	for _, u := range []string{pair.Mentor.User, pair.Mentee.User} {
		if sp.pairsOf[u] == nil {
			sp.pairsOf[u] = zset{}
		}
		sp.pairsOf[u][pair.ID] = pair.Created.UnixMilli()
	}
}

// DeclineProposal implements bot.Store.
func (s *Store) DeclineProposal(ctx context.Context, t bot.Tenant, id string, by bot.MemberID) (bot.Proposal, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, err := sp.ownProposal(id, by)
	if err != nil {
		return p, err
	}
	return p, s.closeProposal(sp, &p, bot.ProposalDeclined, bot.Outbox{})
}

// ReleaseProposal implements bot.Store.
func (s *Store) ReleaseProposal(ctx context.Context, t bot.Tenant, id string) (bot.Proposal, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, err := sp.proposal(id)
	if err != nil {
		return p, err
	}
	return p, s.closeProposal(sp, &p, bot.ProposalUndelivered, bot.Outbox{})
}

// ExpireProposal implements bot.Store.
func (s *Store) ExpireProposal(ctx context.Context, t bot.Tenant, id string, out bot.Outbox) (bot.Proposal, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	p, err := sp.proposal(id)
	if err != nil {
		return p, err
	}
	return p, s.closeProposal(sp, &p, bot.ProposalExpired, out)
}

// closeProposal ends a pending proposal without a pair, frees its slot,
// requeues its request without this mentor (unless the proposal never
// reached them: undelivered) and writes out.
func (s *Store) closeProposal(sp *space, p *bot.Proposal, state bot.ProposalState, out bot.Outbox) error {
	if p.State != bot.ProposalPending {
		return coded(bot.ESTALE, "proposal not pending")
	}
	notices, err := encodeNotices(out)
	if err != nil {
		return err
	}
	p.State = state
	stored := sp.proposals[p.ID]
	stored.State = state
	sp.proposals[p.ID] = stored
	sp.count(p.Mentor.User, false, -1)
	if state != bot.ProposalUndelivered {
		sp.decline(p.Request, p.Mentor.User)
	}
	sp.requeue(p.Request)
	s.writeOutbox(sp, notices, out)
	return nil
}

// decline remembers that mentor declined the request.
func (sp *space) decline(id, mentor string) {
	if sp.declined[id] == nil {
		sp.declined[id] = set{}
	}
	sp.declined[id][mentor] = true
}

// encodeNotices encodes an outbox's notices as the Redis store keeps them.
func encodeNotices(out bot.Outbox) (map[string]string, error) {
	m := map[string]string{}
	for _, n := range out.Notices {
		b, err := json.Marshal(n)
		if err != nil {
			return nil, bot.Wrap(bot.EINTERNAL, err, "encode notice")
		}
		m[n.ID] = string(b)
	}
	return m, nil
}

// writeOutbox keeps the notices for the outbox's TTL and schedules its jobs.
func (s *Store) writeOutbox(sp *space, notices map[string]string, out bot.Outbox) {
	for id, v := range notices {
		sp.notices[id] = expiring{V: v, Exp: s.pxExpiry(out.TTL)}
	}
	sp.schedule(false, out.Jobs)
}

// FormPair implements bot.Store: like AcceptProposal, without a
// proposal and without the capacity check.
func (s *Store) FormPair(ctx context.Context, r bot.Request, beside string, pair bot.Pair, jobs []bot.Job) (bot.Pair, error) {
	t := r.Mentee.Tenant()
	sp := s.lock(t)
	defer s.mu.Unlock()
	pair.Request, pair.Mentee, pair.State = r.ID, r.Mentee, bot.PairCharter
	if r.State == bot.RequestWaiting {
		stored, ok := sp.requests[r.ID]
		if !ok || stored.R.State != bot.RequestWaiting || !sameKeys(stored.R.Keys, list(r.Keys)) {
			return bot.Pair{}, coded(bot.ESTALE, "request no longer waiting")
		}
		stored.R.State, stored.R.Proposal, stored.Pair = bot.RequestPaired, "", pair.ID
		sp.requests[r.ID] = stored
		delete(sp.open, r.Mentee.User)
		sp.unfileWaiting(r.ID, r.Keys)
	} else {
		// Beside the mentee's open request, if any, left as it is: the
		// one the caller read.
		if sp.open[r.Mentee.User] != beside {
			return bot.Pair{}, coded(bot.ESTALE, "open request changed")
		}
		r.State = bot.RequestPaired
		sp.requests[r.ID] = request{R: requestOf(t, r), Pair: pair.ID}
	}
	sp.count(pair.Mentor.User, true, 1)
	sp.addPair(t, pair)
	sp.schedule(false, jobs)
	return pair, nil
}
