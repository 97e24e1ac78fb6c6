package store

import (
	"context"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// GetMember implements bot.Store.
func (s *Store) GetMember(ctx context.Context, id bot.MemberID) (bot.Member, error) {
	cmd := redis.NewMapStringStringCmd(ctx, "hgetall", keysFor(id.Tenant()).member(id.User))
	if err := s.batch.do(ctx, cmd); err != nil {
		// cmd is not read: a read given up at its deadline may still be
		// written by the batch it went out in.
		return bot.Member{}, classify(err, "get member")
	}
	h := cmd.Val()
	if !isMemberRecord(h) {
		return bot.Member{}, notFound("member")
	}
	return memberFrom(id, h), nil
}

// Members implements bot.Store, in one pipeline.
func (s *Store) Members(ctx context.Context, t bot.Tenant, users []string) (map[string]bot.Member, error) {
	k := keysFor(t)
	cmds := make([]*redis.MapStringStringCmd, len(users))
	if len(users) > 0 {
		_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
			for i, u := range users {
				cmds[i] = p.HGetAll(ctx, k.member(u))
			}
			return nil
		})
		if err != nil {
			return nil, classify(err, "get members")
		}
	}
	out := make(map[string]bot.Member, len(users))
	for i, u := range users {
		if h := cmds[i].Val(); isMemberRecord(h) {
			out[u] = memberFrom(t.Member(u), h)
		}
	}
	return out, nil
}

// SaveMember implements bot.Store. It writes only profile fields, so a
// concurrent AcceptCharter is never undone. The tenant is registered in
// the global tenant set, for scheduled work.
func (s *Store) SaveMember(ctx context.Context, m bot.Member) error {
	err := s.batch.pipelined(ctx, func(p redisPipe) {
		key := keysFor(m.ID.Tenant()).member(m.ID.User)
		set, unset := memberFields(m)
		if len(unset) > 0 {
			p.HDel(ctx, key, unset...)
		}
		p.HSet(ctx, key, toAny(set)...)
		p.SAdd(ctx, tenantsKey, m.ID.Tenant().String())
	})
	return classify(err, "save member")
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
