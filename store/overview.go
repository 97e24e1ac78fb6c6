package store

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// Overview implements bot.Store in at most three round trips: the offer,
// the open request's ID and the pair IDs; then the request and the pairs;
// then the names of the other members. A newcomer costs one.
func (s *Store) Overview(ctx context.Context, m bot.MemberID) (bot.Overview, error) {
	t := m.Tenant()
	k := keysFor(t)
	var offer *redis.MapStringStringCmd
	var open *redis.StringCmd
	var member *redis.MapStringStringCmd
	var older *redis.ZSliceCmd
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		offer = p.HGetAll(ctx, k.offer(m.User))
		open = p.Get(ctx, k.openRequest(m.User))
		member, older = p.HGetAll(ctx, k.member(m.User)), p.ZRevRangeWithScores(ctx, k.pairs(m.User), 0, -1)
		return nil
	})
	if err != nil && err != redis.Nil {
		return bot.Overview{}, classify(err, "overview")
	}
	var ov bot.Overview
	if h := offer.Val(); len(h) > 0 && h["topics"] != "" {
		o := offerFrom(m, h)
		ov.Offer = &o
	}
	pairIDs := pairIDsIn(member.Val(), older.Val())
	if open.Val() == "" && len(pairIDs) == 0 {
		return ov, nil
	}
	if err := s.overviewDetails(ctx, t, m, open.Val(), pairIDs, &ov); err != nil {
		return bot.Overview{}, err
	}
	return ov, nil
}

// overviewDetails reads the open request and the pairs, then the names.
func (s *Store) overviewDetails(ctx context.Context, t bot.Tenant, m bot.MemberID, reqID string, pairIDs []string, ov *bot.Overview) error {
	k := keysFor(t)
	var req *redis.MapStringStringCmd
	var declined *redis.StringSliceCmd
	pairs := make([]*redis.MapStringStringCmd, len(pairIDs))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		if reqID != "" {
			req = p.HGetAll(ctx, k.request(reqID))
			declined = p.SMembers(ctx, k.declined(reqID))
		}
		for i, id := range pairIDs {
			pairs[i] = p.HGetAll(ctx, k.pair(id))
		}
		return nil
	})
	if err != nil {
		return classify(err, "overview details")
	}
	if req != nil && len(req.Val()) > 0 {
		r := requestFrom(t, reqID, req.Val(), declined.Val())
		ov.Request = &r
	}
	for i, id := range pairIDs {
		if h := pairs[i].Val(); len(h) > 0 {
			ov.Pairs = append(ov.Pairs, pairFrom(t, id, h))
		}
	}
	return s.overviewNames(ctx, t, m, ov)
}

// overviewNames reads the display names of the other members of the pairs.
func (s *Store) overviewNames(ctx context.Context, t bot.Tenant, m bot.MemberID, ov *bot.Overview) error {
	if len(ov.Pairs) == 0 {
		return nil
	}
	k := keysFor(t)
	names := map[string]*redis.StringCmd{}
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for _, pair := range ov.Pairs {
			if u := pair.Other(m).User; names[u] == nil {
				names[u] = p.HGet(ctx, k.member(u), "name")
			}
		}
		return nil
	})
	if err != nil && err != redis.Nil {
		return classify(err, "overview names")
	}
	ov.Names = make(map[string]string, len(names))
	for u, c := range names {
		ov.Names[u] = c.Val()
	}
	return nil
}
