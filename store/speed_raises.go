package store

import (
	"context"
	"maps"
	"strconv"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// The capacity raises of speed pairs (bot/speed_capacity.go) live in the
// mentor's offer hash, one field per pair, "raise:<pair>" = "<from>:<to>":
// erasing the offer erases them, and saving it keeps them (fileOffer
// writes its own fields only).
const raisePrefix = "raise:"

// UpdateRaises implements bot.Store: one guarded script on the offer
// hash as read (its fields, counters and raises), which files the offer
// again with its new capacity (its profile and the room set with it).
func (s *Store) UpdateRaises(ctx context.Context, mentor bot.MemberID, change func(*bot.Offer, map[string]bot.CapacityRaise) error) (bot.Offer, error) {
	k := keysFor(mentor.Tenant())
	key := k.offer(mentor.User)
	for range maxTries {
		h, err := s.rdb.HGetAll(ctx, key).Result()
		if err != nil && err != redis.Nil {
			return bot.Offer{}, classify(err, "read raises")
		}
		if len(h) == 0 || h["topics"] == "" {
			return bot.Offer{}, notFound("offer")
		}
		o := offerFrom(mentor, h)
		was := raisesIn(h)
		raises := maps.Clone(was)
		next := o
		if err := change(&next, raises); err != nil {
			return o, err
		}
		if next.Capacity == o.Capacity && maps.Equal(was, raises) {
			return o, nil
		}
		o.Capacity, o.Updated = next.Capacity, next.Updated
		t := newTx()
		fields := offerFields(o)
		for i := 0; i < len(fields); i += 2 {
			t.eq(key, fields[i], h[fields[i]])
		}
		t.eq(key, "active", h["active"])
		t.eq(key, "pending", h["pending"])
		var gone []string
		for id := range was {
			t.eq(key, raisePrefix+id, h[raisePrefix+id])
			if _, ok := raises[id]; !ok {
				gone = append(gone, raisePrefix+id)
			}
		}
		var set []string
		for id, r := range raises {
			if _, ok := was[id]; !ok {
				t.eq(key, raisePrefix+id, "")
			}
			if r != was[id] {
				set = append(set, raisePrefix+id, strconv.Itoa(r.From)+":"+strconv.Itoa(r.To))
			}
		}
		t.fileOffer(k, o, strs(h["keys"]))
		if len(set) > 0 {
			t.hset(key, set...)
		}
		if len(gone) > 0 {
			t.hdel(key, gone...)
		}
		failed, err := t.run(ctx, s.batch)
		if err != nil {
			return bot.Offer{}, err
		}
		if failed == 0 {
			return o, nil
		}
	}
	return bot.Offer{}, errRaced("raises")
}

// raisesIn reads the raises of an offer's hash h.
func raisesIn(h map[string]string) map[string]bot.CapacityRaise {
	out := map[string]bot.CapacityRaise{}
	for field, v := range h {
		id, ok := strings.CutPrefix(field, raisePrefix)
		if !ok {
			continue
		}
		from, to, _ := strings.Cut(v, ":")
		out[id] = bot.CapacityRaise{From: num(from), To: num(to)}
	}
	return out
}
