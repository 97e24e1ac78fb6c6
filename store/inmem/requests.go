package inmem

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
)

// CreateRequest implements bot.Store. ECONFLICT if the mentee has an
// open request.
func (s *Store) CreateRequest(ctx context.Context, r bot.Request, jobs []bot.Job) error {
	t := r.Mentee.Tenant()
	sp := s.lock(t)
	defer s.mu.Unlock()
	if _, ok := sp.open[r.Mentee.User]; ok {
		return coded(bot.ECONFLICT, "member has an open request")
	}
	if _, ok := sp.requests[r.ID]; ok {
		return coded(bot.ECONFLICT, "request exists") // a command redelivered
	}
	stored := request{R: requestOf(t, r)}
	sp.requests[r.ID] = stored
	for _, m := range r.Declined {
		sp.decline(r.ID, m)
	}
	sp.open[r.Mentee.User] = r.ID
	sp.waiting[r.ID] = r.Created.UnixMilli()
	sp.fileWaiting(r.ID, r.Created.UnixMilli(), stored.R.Keys)
	sp.schedule(false, jobs)
	return nil
}

// fileWaiting files a waiting request under its keys.
func (sp *space) fileWaiting(id string, created int64, keys []string) {
	for _, key := range keys {
		if sp.waitingBy[key] == nil {
			sp.waitingBy[key] = zset{}
		}
		sp.waitingBy[key][id] = created
	}
}

// unfileKeys takes a request off the indexes of keys.
func (sp *space) unfileKeys(id string, keys []string) {
	for _, key := range keys {
		delete(sp.waitingBy[key], id)
		if len(sp.waitingBy[key]) == 0 {
			delete(sp.waitingBy, key)
		}
	}
}

// unfileWaiting takes a request off the waiting set and its indexes.
func (sp *space) unfileWaiting(id string, keys []string) {
	delete(sp.waiting, id)
	sp.unfileKeys(id, keys)
}

// requeue puts a request back to waiting, in its place, under its keys.
// A request erased meanwhile stays erased (where Redis would write a
// request hash of its state alone).
func (sp *space) requeue(id string) {
	r, ok := sp.requests[id]
	if !ok {
		return
	}
	r.R.State, r.R.Proposal, r.Pair = bot.RequestWaiting, "", ""
	sp.requests[id] = r
	sp.waiting[id] = ms(r.R.Created)
	sp.fileWaiting(id, ms(r.R.Created), r.R.Keys)
}

// request returns a request as read back, with its declined mentors.
func (sp *space) request(id string) (bot.Request, bool) {
	r, ok := sp.requests[id]
	if !ok {
		return bot.Request{}, false
	}
	out := r.R
	out.Languages, out.Keys = list(out.Languages), list(out.Keys)
	out.Declined = sp.declined[id].sorted()
	return out, true
}

// GetRequest implements bot.Store.
func (s *Store) GetRequest(ctx context.Context, t bot.Tenant, id string) (bot.Request, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	r, ok := sp.request(id)
	if !ok {
		return r, notFound("request")
	}
	return r, nil
}

// OpenRequest implements bot.Store.
func (s *Store) OpenRequest(ctx context.Context, mentee bot.MemberID) (bot.Request, error) {
	sp := s.lock(mentee.Tenant())
	defer s.mu.Unlock()
	return sp.openRequest(mentee.User)
}

func (sp *space) openRequest(u string) (bot.Request, error) {
	id, ok := sp.open[u]
	if !ok {
		return bot.Request{}, notFound("open request")
	}
	r, ok := sp.request(id)
	if !ok {
		return r, notFound("request")
	}
	return r, nil
}

// Waiting implements bot.Store.
func (s *Store) Waiting(ctx context.Context, t bot.Tenant) ([]bot.Request, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	return sp.waitingRequests(sp.waiting.sorted()), nil
}

// WaitingFor implements bot.Store.
func (s *Store) WaitingFor(ctx context.Context, t bot.Tenant, keys []string) ([]bot.Request, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	union := zset{}
	for _, key := range keys {
		for id, score := range sp.waitingBy[key] {
			union[id] = score
		}
	}
	return sp.waitingRequests(union.sorted()), nil
}

// waitingRequests returns, in order, the requests ids still waiting.
func (sp *space) waitingRequests(ids []string) []bot.Request {
	if len(ids) == 0 {
		return nil
	}
	out := make([]bot.Request, 0, len(ids))
	for _, id := range ids {
		if r, ok := sp.request(id); ok && r.State == bot.RequestWaiting {
			out = append(out, r)
		}
	}
	return out
}

// IndexRequest implements bot.Store.
func (s *Store) IndexRequest(ctx context.Context, t bot.Tenant, id, topic string, keys []string) error {
	sp := s.lock(t)
	defer s.mu.Unlock()
	r, ok := sp.requests[id]
	switch {
	case !ok || r.R.State == "":
		return notFound("request")
	case !r.R.State.Open() || r.R.Topic != topic:
		return coded(bot.ESTALE, "request closed or changed")
	}
	old := r.R.Keys
	r.R.Keys = list(keys)
	sp.requests[id] = r
	if r.R.State == bot.RequestWaiting {
		sp.unfileKeys(id, old)
		sp.fileWaiting(id, ms(r.R.Created), r.R.Keys)
	}
	return nil
}

// CancelRequest implements bot.Store.
func (s *Store) CancelRequest(ctx context.Context, mentee bot.MemberID, id string) (bot.Request, error) {
	sp := s.lock(mentee.Tenant())
	defer s.mu.Unlock()
	r, err := sp.openRequest(mentee.User)
	if err != nil {
		return r, err
	}
	if id != "" && r.ID != id {
		return r, coded(bot.ESTALE, "another request is open")
	}
	stored := sp.requests[r.ID]
	stored.R.State, stored.R.Proposal = bot.RequestCancelled, ""
	sp.requests[r.ID] = stored
	delete(sp.open, mentee.User)
	sp.unfileWaiting(r.ID, r.Keys)
	if r.State == bot.RequestProposed && r.Proposal != "" {
		if p, ok := sp.proposals[r.Proposal]; ok && p.State == bot.ProposalPending {
			p.State = bot.ProposalWithdrawn
			sp.proposals[p.ID] = p
			sp.count(p.Mentor.User, false, -1)
		}
	}
	return r, nil
}

// SetRequestTopic implements bot.Store.
func (s *Store) SetRequestTopic(ctx context.Context, t bot.Tenant, id, topic string, keys []string) (bot.Request, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	r, stored, err := sp.waitingRequest(id)
	if err != nil {
		return r, err
	}
	stored.R.Topic, stored.R.Keys = topic, list(keys)
	sp.requests[id] = stored
	sp.unfileKeys(id, r.Keys)
	sp.fileWaiting(id, ms(r.Created), stored.R.Keys)
	r.Topic, r.Keys = topic, keys
	return r, nil
}

// SetRequestLanguages implements bot.Store.
func (s *Store) SetRequestLanguages(ctx context.Context, t bot.Tenant, id string, langs []bot.Lang) (bot.Request, error) {
	sp := s.lock(t)
	defer s.mu.Unlock()
	r, stored, err := sp.waitingRequest(id)
	if err != nil {
		return r, err
	}
	stored.R.Languages = list(langs)
	sp.requests[id] = stored
	r.Languages = langs
	return r, nil
}

// waitingRequest returns a request as read back and as stored, ENOTFOUND
// if there is none, ESTALE if it is not waiting.
func (sp *space) waitingRequest(id string) (bot.Request, request, error) {
	r, ok := sp.request(id)
	if !ok {
		return r, request{}, notFound("request")
	}
	if r.State != bot.RequestWaiting {
		return r, request{}, coded(bot.ESTALE, "request is not waiting")
	}
	return r, sp.requests[id], nil
}
