package store

import (
	"context"
	"slices"
	"strconv"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// The topic indexes. Offers are filed under their index keys in one set of
// mentors per key, with their profile (profile.go) and counters beside;
// waiting requests in one sorted set per key, kept in the same scripts
// that move a request in and out of the "waiting" set. A request's keys
// are in its hash, so that putting it back to waiting files it again; a
// script that does so is guarded on the keys it read, so a concurrent
// IndexRequest can never leave a request filed under keys it no longer has.

// maxTries bounds the retries of a script whose guard on data read just
// before (index keys) failed because another writer changed it meanwhile.
const maxTries = 5

// errRaced is returned when a script kept losing such races.
func errRaced(what string) error {
	return &bot.Error{Code: bot.ECONFLICT, Err: errString(what + " kept changing")}
}

// count changes one of a mentor's counters ("active" or "pending") by n,
// in their offer and in the load hash that OffersFor reads, in one step.
func (t *tx) count(k keys, user, counter string, n int) {
	t.hincr(k.offer(user), counter, n)
	t.hincr(k.load(), user+":"+counter, n)
	t.room(k, user)
}

// fileOffer writes an offer, its profile and its index entries, taking it
// off the keys in old it no longer has, and copies its counters to the
// load hash (which heals a load hash written before the index existed).
func (t *tx) fileOffer(k keys, o bot.Offer, old []string) {
	u := o.Mentor.User
	t.hset(k.offer(u), offerFields(o)...)
	// A workspace's first offer: its room set holds every offer from now
	// on (a workspace written before the set waits for Offers' check).
	t.write("setnew", t.k(k.offers()), t.k(k.roomReady()))
	t.sadd(k.offers(), u)
	t.hset(k.profiles(), u, profileOf(o))
	for _, key := range old {
		if !slices.Contains(o.Keys, key) {
			t.srem(k.topicOffers(key), u)
		}
	}
	for _, key := range o.Keys {
		t.sadd(k.topicOffers(key), u)
	}
	for _, c := range []string{"active", "pending"} {
		t.hcopy(k.offer(u), c, k.load(), u+":"+c)
	}
	t.room(k, u)
	// The offers under its keys, old and new, changed: a cache of them
	// (candidates.go) reads them again.
	stamp := newStamp()
	for _, key := range old {
		t.hset(k.topicStamps(), key, stamp)
	}
	for _, key := range o.Keys {
		t.hset(k.topicStamps(), key, stamp)
	}
}

// keysAs guards that the request's index keys are still raw, as read.
func (t *tx) keysAs(k keys, id, raw string) int { return t.eq(k.request(id), "keys", raw) }

// fileWaiting files a waiting request under its keys.
func (t *tx) fileWaiting(k keys, id string, createdMS int64, keys []string) {
	for _, key := range keys {
		t.zadd(k.topicWaiting(key), createdMS, id)
	}
}

// unfileWaiting takes a request off the waiting indexes.
func (t *tx) unfileWaiting(k keys, id string, keys []string) {
	t.zrem(k.waiting(), id)
	for _, key := range keys {
		t.zrem(k.topicWaiting(key), id)
	}
}

// requeue puts a request back to waiting, keeping its place in the queue,
// and files it under its keys again.
func (t *tx) requeue(k keys, id string, at requestIndex) {
	t.hset(k.request(id), "state", string(bot.RequestWaiting), "proposal", "", "pair", "")
	t.zadd(k.waiting(), at.created, id)
	t.fileWaiting(k, id, at.created, strs(at.raw))
}

// requestIndex is where a request is filed: its creation time (its score)
// and its index keys as stored.
type requestIndex struct {
	created int64
	raw     string
}

// indexOf reads a request's creation time and index keys.
func (s *Store) indexOf(ctx context.Context, k keys, id string) (requestIndex, error) {
	v, err := s.rdb.HMGet(ctx, k.request(id), "created", "keys").Result()
	if err != nil {
		return requestIndex{}, classify(err, "request index")
	}
	return indexFrom(v), nil
}

// indexFrom reads the answer to HMGET created keys.
func indexFrom(v []any) requestIndex {
	created, _ := v[0].(string)
	raw, _ := v[1].(string)
	n, _ := strconv.ParseInt(created, 10, 64)
	return requestIndex{created: n, raw: raw}
}

// keysOf reads the index keys a request is stored with.
func (s *Store) keysOf(ctx context.Context, k keys, id string) (string, error) {
	raw, err := s.rdb.HGet(ctx, k.request(id), "keys").Result()
	if err != nil && err != redis.Nil {
		return "", classify(err, "request keys")
	}
	return raw, nil
}
