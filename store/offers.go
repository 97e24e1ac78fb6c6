package store

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

type redisPipe = redis.Pipeliner

// SaveOffer implements bot.Store. The active and pending counters are
// left alone: only the atomic transitions change them. The offer is filed
// under its keys, and off the keys it had, in the same step.
func (s *Store) SaveOffer(ctx context.Context, o bot.Offer) error {
	k := keysFor(o.Mentor.Tenant())
	for range maxTries {
		old, err := s.rdb.HGet(ctx, k.offer(o.Mentor.User), "keys").Result()
		if err != nil && err != redis.Nil {
			return classify(err, "save offer")
		}
		t := newTx()
		t.eq(k.offer(o.Mentor.User), "keys", old)
		t.fileOffer(k, o, strs(old))
		if failed, err := t.run(ctx, s.batch); err != nil || failed == 0 {
			return err
		}
	}
	return errRaced("offer")
}

// IndexOffer implements bot.Store.
func (s *Store) IndexOffer(ctx context.Context, mentor bot.MemberID, topics, keys []string) error {
	k := keysFor(mentor.Tenant())
	h, err := s.rdb.HGetAll(ctx, k.offer(mentor.User)).Result()
	if err != nil {
		return classify(err, "index offer")
	}
	if len(h) == 0 || h["topics"] == "" {
		return notFound("offer")
	}
	o := offerFrom(mentor, h)
	if !slices.Equal(o.Topics, topics) {
		return &bot.Error{Code: bot.ESTALE, Err: errString("offer topics changed")}
	}
	o.Keys = keys
	return s.refile(ctx, k, o, h)
}

// refile files the offer o, read as the hash h, again: its profile, its
// index entries (off the keys h has, under o.Keys) and its counters. It is
// guarded on every field of h, so a mentor saving their offer meanwhile
// wins, and this reports ESTALE.
func (s *Store) refile(ctx context.Context, k keys, o bot.Offer, h map[string]string) error {
	t := newTx()
	fields := offerFields(o)
	for i := 0; i < len(fields); i += 2 {
		t.eq(k.offer(o.Mentor.User), fields[i], h[fields[i]])
	}
	t.fileOffer(k, o, strs(h["keys"]))
	failed, err := t.run(ctx, s.batch)
	if err == nil && failed != 0 {
		return &bot.Error{Code: bot.ESTALE, Err: errString("offer changed while filing")}
	}
	return err
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
// all their offers, with what OffersFor reads of them, in one pipeline.
//
// Offers also repairs what OffersFor and Candidates read where it
// differs from the offers (the profile, the counters, whether the mentor
// is in the room set): a replica of an older version, during a rolling
// upgrade, saves offers and moves counters without them. One guarded script per offer to
// repair; none in the usual case. The sweep reads Offers every hour, and
// the bot once per workspace as it starts (Reindex). Once every offer
// was checked, the room set holds them all (the roomok key), and the
// full set of the versions before it is deleted.
func (s *Store) Offers(ctx context.Context, t bot.Tenant) ([]bot.Offer, error) {
	k := keysFor(t)
	users, err := s.rdb.SMembers(ctx, k.offers()).Result()
	if err != nil {
		return nil, classify(err, "list offers")
	}
	if len(users) == 0 {
		return nil, nil // the first offer will say the room set is complete
	}
	sort.Strings(users)
	cmds := make([]*redis.MapStringStringCmd, len(users))
	var prof, load *redis.SliceCmd
	var room *redis.BoolSliceCmd
	_, err = s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, u := range users {
			cmds[i] = p.HGetAll(ctx, k.offer(u))
		}
		prof = p.HMGet(ctx, k.profiles(), users...)
		load = p.HMGet(ctx, k.load(), counterFields(users)...)
		room = p.SMIsMember(ctx, k.room(), toAny(users)...)
		return nil
	})
	if err != nil {
		return nil, classify(err, "load offers")
	}
	out := make([]bot.Offer, 0, len(users))
	for i, u := range users {
		h := cmds[i].Val()
		if len(h) == 0 || h["topics"] == "" {
			continue
		}
		o := offerFrom(t.Member(u), h)
		out = append(out, o)
		p, _ := prof.Val()[i].(string)
		active, _ := load.Val()[2*i].(string)
		pending, _ := load.Val()[2*i+1].(string)
		// The rule of the room write (tx.go): an offer with topics whose
		// open proposals and slot-holding pairs are below its capacity.
		hasRoom := o.Active+o.Pending < o.Capacity
		if p != profileOf(o) || num(active) != o.Active || num(pending) != o.Pending || room.Val()[i] != hasRoom {
			// ESTALE: the offer was saved meanwhile, and filed with it.
			if err := s.refile(ctx, k, o, h); err != nil && bot.ErrorCode(err) != bot.ESTALE {
				return nil, err
			}
		}
	}
	if _, ok := s.roomReady.Load(k); !ok {
		_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
			p.Set(ctx, k.roomReady(), "1", 0)
			p.Del(ctx, k.full())
			return nil
		})
		if err != nil {
			return nil, classify(err, "room set")
		}
		s.roomReady.Store(k, true)
	}
	return out, nil
}

// counterFields are the fields of users' counters in the load hash.
func counterFields(users []string) []string {
	out := make([]string, 0, 2*len(users))
	for _, u := range users {
		out = append(out, u+":active", u+":pending")
	}
	return out
}

// OffersFor implements bot.Store, in two round trips: the keys' sets of
// mentors (SMEMBERS each: a server-side SUNION of thousands costs Redis
// more than the union costs here), then offersOf.
func (s *Store) OffersFor(ctx context.Context, t bot.Tenant, keys []string) ([]bot.Offer, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	k := keysFor(t)
	sets := make([]*redis.StringSliceCmd, len(keys))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, key := range keys {
			sets[i] = p.SMembers(ctx, k.topicOffers(key))
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "offers for keys")
	}
	var users []string
	for _, c := range sets {
		users = append(users, c.Val()...)
	}
	slices.Sort(users)
	return s.offersOf(ctx, t, slices.Compact(users))
}

// offersOf returns the offers of users, in their order, with their
// counters, leaving out those who have none, in one round trip: the
// mentors' profiles and counters in two HMGETs of one pipeline. The
// profiles are decoded once per version (profileCache): the offers'
// slices are shared, read-only.
func (s *Store) offersOf(ctx context.Context, t bot.Tenant, users []string) ([]bot.Offer, error) {
	if len(users) == 0 {
		return nil, nil
	}
	k := keysFor(t)
	profArgs, loadArgs := s.fields.args(k.profiles(), k.load(), users)
	var prof, load *redis.Cmd
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		prof = p.Do(ctx, profArgs...)
		load = p.Do(ctx, loadArgs...)
		return nil
	})
	if err != nil {
		return nil, classify(err, "load offers for keys")
	}
	raws, err := prof.Slice()
	if err != nil {
		return nil, classify(err, "load offers for keys")
	}
	counters, err := load.Slice()
	if err != nil {
		return nil, classify(err, "load offers for keys")
	}
	if len(raws) != len(users) || len(counters) != 2*len(users) {
		return nil, classify(fmt.Errorf("HMGET answered %d profiles and %d counters for %d mentors", len(raws), len(counters), len(users)), "load offers for keys")
	}
	offers := s.profiles.decode(t, users, raws)
	out := offers[:0]
	for i, o := range offers {
		if o.Mentor.User == "" {
			continue // no profile, or not one this version wrote
		}
		active, _ := counters[2*i].(string)
		pending, _ := counters[2*i+1].(string)
		o.Active, o.Pending = num(active), num(pending)
		out = append(out, o)
	}
	return out, nil
}
