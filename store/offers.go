package store

import (
	"context"
	"sort"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

type redisPipe = redis.Pipeliner

// SaveOffer implements bot.Store. The active and pending counters are
// left alone: only the atomic transitions change them.
func (s *Store) SaveOffer(ctx context.Context, o bot.Offer) error {
	k := keysFor(o.Mentor.Tenant())
	_, err := s.rdb.TxPipelined(ctx, func(p redisPipe) error {
		p.HSet(ctx, k.offer(o.Mentor.User), toAny(offerFields(o))...)
		p.SAdd(ctx, k.offers(), o.Mentor.User)
		return nil
	})
	return classify(err, "save offer")
}

// GetOffer implements bot.Store.
func (s *Store) GetOffer(ctx context.Context, mentor bot.MemberID) (bot.Offer, error) {
	h, err := s.rdb.HGetAll(ctx, keysFor(mentor.Tenant()).offer(mentor.User)).Result()
	if err != nil {
		return bot.Offer{}, classify(err, "get offer")
	}
	if len(h) == 0 || h["topics"] == "" {
		return bot.Offer{}, notFound("offer")
	}
	return offerFrom(mentor, h), nil
}

// Offers implements bot.Store, in two round trips: the set of mentors, then
// all their offers in one pipeline.
func (s *Store) Offers(ctx context.Context, t bot.Tenant) ([]bot.Offer, error) {
	k := keysFor(t)
	users, err := s.rdb.SMembers(ctx, k.offers()).Result()
	if err != nil {
		return nil, classify(err, "list offers")
	}
	sort.Strings(users)
	cmds := make([]*redis.MapStringStringCmd, len(users))
	if len(users) > 0 {
		_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
			for i, u := range users {
				cmds[i] = p.HGetAll(ctx, k.offer(u))
			}
			return nil
		})
		if err != nil {
			return nil, classify(err, "load offers")
		}
	}
	out := make([]bot.Offer, 0, len(users))
	for i, u := range users {
		if h := cmds[i].Val(); len(h) > 0 && h["topics"] != "" {
			out = append(out, offerFrom(t.Member(u), h))
		}
	}
	return out, nil
}
