package store

import (
	"context"
	"sort"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// CreateRequest implements bot.Store; the request is filed under its keys
// in the same step.
func (s *Store) CreateRequest(ctx context.Context, r bot.Request, jobs []bot.Job) error {
	k := keysFor(r.Mentee.Tenant())
	t := newTx()
	t.notExists(k.openRequest(r.Mentee.User))
	t.notExists(k.request(r.ID)) // a command redelivered: its request is made
	t.hset(k.request(r.ID), requestFields(r)...)
	t.set(k.openRequest(r.Mentee.User), r.ID)
	t.zadd(k.waiting(), r.Created.UnixMilli(), r.ID)
	t.fileWaiting(k, r.ID, r.Created.UnixMilli(), r.Keys)
	for _, m := range r.Declined {
		t.sadd(k.declined(r.ID), m)
	}
	t.schedule(k, false, jobs)
	failed, err := t.run(ctx, s.batch)
	if err != nil {
		return err
	}
	if failed != 0 {
		return &bot.Error{Code: bot.ECONFLICT, Err: errString("member has an open request")}
	}
	return nil
}

// GetRequest implements bot.Store: the hash and the declined set in one
// round trip.
func (s *Store) GetRequest(ctx context.Context, t bot.Tenant, id string) (bot.Request, error) {
	k := keysFor(t)
	var h *redis.MapStringStringCmd
	var d *redis.StringSliceCmd
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		h = p.HGetAll(ctx, k.request(id))
		d = p.SMembers(ctx, k.declined(id))
		return nil
	})
	if err != nil {
		return bot.Request{}, classify(err, "get request")
	}
	if len(h.Val()) == 0 {
		return bot.Request{}, notFound("request")
	}
	r := requestFrom(t, id, h.Val(), d.Val())
	if pair := h.Val()["pair"]; pair != "" && (r.Goal == "" || r.Mentee.User == "") {
		ph, err := s.rdb.HGetAll(ctx, k.pair(pair)).Result()
		if err != nil {
			return bot.Request{}, classify(err, "get request's pair")
		}
		r = requestFromPair(r, pairFrom(t, pair, ph))
	}
	return r, nil
}

// OpenRequest implements bot.Store.
func (s *Store) OpenRequest(ctx context.Context, mentee bot.MemberID) (bot.Request, error) {
	id, err := s.rdb.Get(ctx, keysFor(mentee.Tenant()).openRequest(mentee.User)).Result()
	if err != nil {
		return bot.Request{}, classify(err, "open request")
	}
	return s.GetRequest(ctx, mentee.Tenant(), id)
}

// Waiting implements bot.Store, in two round trips.
func (s *Store) Waiting(ctx context.Context, t bot.Tenant) ([]bot.Request, error) {
	ids, err := s.rdb.ZRange(ctx, keysFor(t).waiting(), 0, -1).Result()
	if err != nil {
		return nil, classify(err, "list waiting")
	}
	return s.waitingRequests(ctx, t, ids)
}

// WaitingFor implements bot.Store, in two round trips: the keys' sorted
// sets in one pipeline, then the requests.
func (s *Store) WaitingFor(ctx context.Context, t bot.Tenant, keys []string) ([]bot.Request, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	k := keysFor(t)
	cmds := make([]*redis.ZSliceCmd, len(keys))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, key := range keys {
			cmds[i] = p.ZRangeWithScores(ctx, k.topicWaiting(key), 0, -1)
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "list waiting for keys")
	}
	score := map[string]float64{}
	for _, c := range cmds {
		for _, z := range c.Val() {
			score[z.Member.(string)] = z.Score
		}
	}
	ids := make([]string, 0, len(score))
	for id := range score {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if score[ids[i]] != score[ids[j]] {
			return score[ids[i]] < score[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return s.waitingRequests(ctx, t, ids)
}

// waitingRequests loads the requests ids in one round trip and keeps, in
// order, those still waiting.
func (s *Store) waitingRequests(ctx context.Context, t bot.Tenant, ids []string) ([]bot.Request, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	k := keysFor(t)
	hs := make([]*redis.MapStringStringCmd, len(ids))
	ds := make([]*redis.StringSliceCmd, len(ids))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, id := range ids {
			hs[i] = p.HGetAll(ctx, k.request(id))
			ds[i] = p.SMembers(ctx, k.declined(id))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "load waiting")
	}
	out := make([]bot.Request, 0, len(ids))
	for i, id := range ids {
		if h := hs[i].Val(); len(h) > 0 && h["state"] == string(bot.RequestWaiting) {
			out = append(out, requestFrom(t, id, h, ds[i].Val()))
		}
	}
	return out, nil
}

// IndexRequest implements bot.Store.
func (s *Store) IndexRequest(ctx context.Context, tn bot.Tenant, id, topic string, keys []string) error {
	k := keysFor(tn)
	h, err := s.rdb.HMGet(ctx, k.request(id), "state", "topic", "keys", "created").Result()
	if err != nil {
		return classify(err, "index request")
	}
	state, _ := h[0].(string)
	stored, _ := h[1].(string)
	raw, _ := h[2].(string)
	created, _ := h[3].(string)
	switch {
	case state == "":
		return notFound("request")
	case !bot.RequestState(state).Open() || stored != topic:
		return &bot.Error{Code: bot.ESTALE, Err: errString("request closed or changed")}
	}
	t := newTx()
	t.eq(k.request(id), "state", state)
	t.eq(k.request(id), "topic", topic)
	t.keysAs(k, id, raw)
	t.hset(k.request(id), "keys", keysField(keys))
	if state == string(bot.RequestWaiting) {
		for _, key := range strs(raw) {
			t.zrem(k.topicWaiting(key), id)
		}
		t.fileWaiting(k, id, fromMS(created).UnixMilli(), keys)
	}
	failed, err := t.run(ctx, s.batch)
	if err == nil && failed != 0 {
		return &bot.Error{Code: bot.ESTALE, Err: errString("request changed while indexing")}
	}
	return err
}

// CancelRequest implements bot.Store. It is guarded on the request's state
// and index keys as read, so a mentor accepting at the same moment wins
// cleanly: the cancel then reports ECONFLICT and changes nothing.
//
// With id, the open request read must be id: the guard on its state then
// holds for id, so a request opened since is never the one withdrawn.
func (s *Store) CancelRequest(ctx context.Context, mentee bot.MemberID, id string) (bot.Request, error) {
	r, err := s.OpenRequest(ctx, mentee)
	if err != nil {
		return r, err
	}
	if id != "" && r.ID != id {
		return r, &bot.Error{Code: bot.ESTALE, Err: errString("another request is open")}
	}
	k := keysFor(mentee.Tenant())
	t := newTx()
	t.eq(k.request(r.ID), "state", string(r.State))
	t.keysAs(k, r.ID, keysField(r.Keys))
	t.hset(k.request(r.ID), "state", string(bot.RequestCancelled), "proposal", "")
	t.del(k.openRequest(mentee.User))
	t.unfileWaiting(k, r.ID, r.Keys)
	if r.State == bot.RequestProposed && r.Proposal != "" {
		p, err := s.GetProposal(ctx, mentee.Tenant(), r.Proposal)
		if err == nil && p.State == bot.ProposalPending {
			t.eq(k.proposal(p.ID), "state", string(bot.ProposalPending))
			t.hset(k.proposal(p.ID), "state", string(bot.ProposalWithdrawn))
			t.count(k, p.Mentor.User, "pending", -1)
		}
	}
	failed, err := t.run(ctx, s.batch)
	if err != nil {
		return r, err
	}
	if failed != 0 {
		return r, &bot.Error{Code: bot.ECONFLICT, Err: errString("request changed while cancelling")}
	}
	return r, nil
}

type errString string

func (e errString) Error() string { return string(e) }

// requestFromPair gives a paired request what AcceptProposal left to its
// pair: its mentee, topic and kind when it has no mentee, its goal when
// it has none.
func requestFromPair(r bot.Request, pair bot.Pair) bot.Request {
	if pair.Request != r.ID {
		return r
	}
	if r.Goal == "" {
		r.Goal = pair.Goal
	}
	if r.Mentee.User == "" {
		r.Mentee, r.Topic, r.Kind = pair.Mentee, pair.Topic, pair.Kind
	}
	return r
}
