package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// A request's candidates are read from three things: who offers under its
// index keys, with their profiles, which change when an offer is saved;
// who among them has room (the "room" set, kept by the scripts that move
// the counters: SINTER costs the smaller set, so mentors at capacity cost
// nothing); and the counters of those. The first is kept
// decoded in the process (topicCache), checked against the key's stamp in
// the "tkv" hash, which every change of the offers under the key sets to
// a new random value. So a request on a topic of hundreds of mentors,
// all full, is one round trip (the stamps, the free mentors, the
// history), and one more when some have room (their counters): it
// neither reads nor decodes the profiles again.

// maxTopicAge bounds how long a cached topic is served without a change
// of its stamp: a replica of an older version, during a rolling upgrade,
// saves offers without setting it.
const maxTopicAge = 60 * time.Second

// newStamp returns a random stamp for the offers under a key. Random
// rather than counted: a workspace erased and installed again starts its
// keys afresh, and must not meet a stamp of its former life in a cache.
func newStamp() string { return strconv.FormatUint(rand.Uint64(), 36) }

// topicCache keeps, per workspace and index key, the offers filed under
// it as of a stamp, decoded: their profiles, shared read-only by the
// requests that read them. Bounded like profileCache: past
// maxCachedProfiles offers it starts again empty.
type topicCache struct {
	mu     sync.RWMutex
	m      map[topicRef]topicEntry
	n      int              // offers held
	reload chan struct{}    // the reads of topics not at hand, a few at once
	big    chan struct{}    // the reads of large topics, a few at once
	clock  func() time.Time // time.Now but in tests: the age of an entry
}

func (c *topicCache) now() time.Time {
	if c.clock != nil {
		return c.clock()
	}
	return time.Now()
}

// bigTopic is the number of offers past which a request's candidates are
// read on their own (Candidates), bigReads of them at once.
const (
	bigTopic = 1000
	bigReads = 4
)

// small reports whether the topics of keys are at hand, with bigTopic
// offers at most in all (their stamps not checked: a guess at the size).
func (c *topicCache) small(k keys, keys []string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	n := 0
	for _, key := range keys {
		e, ok := c.m[topicRef{k, key}]
		if !ok {
			return false
		}
		n += len(e.offers)
	}
	return n <= bigTopic
}

type topicRef struct {
	tenant keys
	key    string
}

type topicEntry struct {
	stamp  string
	at     time.Time
	offers []bot.Offer // in mentor ID order; counters not set
}

func (c *topicCache) get(ref topicRef, stamp string, now time.Time) (topicEntry, bool) {
	if stamp == "" {
		stamp = noStamp
	}
	c.mu.RLock()
	e, ok := c.m[ref]
	c.mu.RUnlock()
	if !ok || e.stamp != stamp || now.Sub(e.at) > maxTopicAge {
		return topicEntry{}, false
	}
	return e, true
}

// version names the offers of e for Candidates.Stamp: the stamp, and when
// they were read, since a topic read again after maxTopicAge under the
// same stamp (an older replica wrote without changing it) may differ.
func (e topicEntry) version() string {
	return e.stamp + "@" + strconv.FormatInt(e.at.UnixNano(), 36) + ","
}

func (c *topicCache) put(ref topicRef, e topicEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[ref]; ok {
		c.n -= len(old.offers)
		delete(c.m, ref)
	}
	if c.m == nil || c.n+len(e.offers) > maxCachedProfiles {
		c.m, c.n = map[topicRef]topicEntry{}, 0
	}
	if len(e.offers) > maxCachedProfiles {
		return
	}
	c.m[ref] = e
	c.n += len(e.offers)
}

// topicScript reads a topic's members (KEYS[2]) and their stamp in the
// stamps' hash (KEYS[1], field ARGV[1]) at once, giving them the stamp
// ARGV[2] if they have none (a workspace written before the stamps). A
// topic nobody offers gets no stamp, so that the hash does not grow with
// every topic ever asked for: it reads as noStamp, which an offer filed
// under the key changes (fileOffer sets its keys' stamps).
var topicScript = redis.NewScript(`
local members = redis.call('SMEMBERS', KEYS[2])
if #members == 0 then return {'` + noStamp + `', members} end
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
return {redis.call('HGET', KEYS[1], ARGV[1]), members}
`)

// noStamp is the stamp of a topic nobody offers, which has none.
const noStamp = "-"

// topicReloads is how many reads of topics not at hand one process runs
// at once: each reads and decodes a topic's profiles, thousands for the
// largest, so a burst of requests on a topic just changed waits for one
// read instead of making its own.
const topicReloads = 2

// Candidates implements bot.CandidateStore.
func (s *Store) Candidates(ctx context.Context, t bot.Tenant, keys []string, mentee string) (bot.Candidates, error) {
	k := keysFor(t)
	var out bot.Candidates
	if len(keys) == 0 && mentee == "" {
		return out, nil
	}
	// A topic of many mentors (or one not at hand, which may be) is read
	// on its own, a few at once: its free mentors and their counters are
	// thousands of strings, which would hold up the other requests' round
	// trips in a batch, and take memory for each read at once. The others
	// go with the other requests' round trips of the moment (batch.go).
	big := !s.topics.small(k, keys)
	if big {
		select {
		case s.topics.big <- struct{}{}:
			defer func() { <-s.topics.big }()
		case <-ctx.Done():
			return out, classify(ctx.Err(), "candidates")
		}
	}
	var cmds []redis.Cmder
	var stamps *redis.SliceCmd
	var ready *redis.IntCmd
	free := make([]*redis.StringSliceCmd, len(keys))
	if len(keys) > 0 {
		args := make([]any, 0, 2+len(keys))
		args = append(args, "hmget", k.topicStamps())
		for _, key := range keys {
			args = append(args, key)
		}
		stamps = redis.NewSliceCmd(ctx, args...)
		cmds = append(cmds, stamps)
		if _, ok := s.roomReady.Load(k); ok {
			for i, key := range keys {
				free[i] = redis.NewStringSliceCmd(ctx, "sinter", k.topicOffers(key), k.room())
				cmds = append(cmds, free[i])
			}
		} else {
			// Not known complete: this read takes every mentor for one
			// with room (their counters tell), and learns whether it is.
			ready = redis.NewIntCmd(ctx, "exists", k.roomReady())
			cmds = append(cmds, ready)
		}
	}
	var member, hist *redis.MapStringStringCmd
	var olderPairs *redis.IntCmd
	if mentee != "" {
		member = redis.NewMapStringStringCmd(ctx, "hgetall", k.member(mentee))
		hist = redis.NewMapStringStringCmd(ctx, "hgetall", k.history(mentee)) // as an older version kept it
		olderPairs = redis.NewIntCmd(ctx, "zcard", k.pairs(mentee))           // likewise
		cmds = append(cmds, member, hist, olderPairs)
	}
	if err := s.roundTrip(ctx, big, cmds...); err != nil {
		return out, classify(err, "candidates")
	}
	if member != nil {
		out.History = historyIn(member.Val(), hist.Val())
		out.MenteePairs = pairFieldsIn(member.Val()) + int(olderPairs.Val())
	}
	if len(keys) == 0 {
		return out, nil
	}
	now := s.topics.now()
	parts := make([][]bot.Offer, len(keys))
	var missed []int
	for i, key := range keys {
		stamp, _ := stamps.Val()[i].(string)
		if e, ok := s.topics.get(topicRef{k, key}, stamp, now); ok {
			parts[i] = e.offers
			out.Stamp += e.version()
		} else {
			missed = append(missed, i)
		}
	}
	if len(missed) > 0 {
		// Read again, with stamps of their own: no version to name.
		out.Stamp = ""
		if err := s.readTopics(ctx, t, k, keys, missed, parts); err != nil {
			return out, err
		}
	}
	out.Offers = unionOffers(parts)
	var roomy map[string]bool // nil: every mentor may have room
	var unfiled []string      // read with counters, though not in the room set
	if ready == nil {
		roomy = map[string]bool{}
		for _, c := range free {
			for _, u := range c.Val() {
				roomy[u] = true
			}
		}
		// A topic read again changed: an offer saved by a replica of an
		// older version, which keeps no room set, may be among its
		// mentors. Their counters are read, and the set put right.
		for _, i := range missed {
			for _, o := range parts[i] {
				if !roomy[o.Mentor.User] {
					roomy[o.Mentor.User] = true
					unfiled = append(unfiled, o.Mentor.User)
				}
			}
		}
	} else if ready.Val() == 1 {
		s.roomReady.Store(k, true)
	}
	if err := s.readTaken(ctx, k, &out, roomy, big); err != nil {
		return out, err
	}
	// The read is right whatever comes of the filing, which the next
	// read of the topic tries again.
	_ = s.fileRoom(ctx, k, out, unfiled)
	return out, nil
}

// fileRoom puts in the room set those of users, read with their counters
// in out though the set did not hold them, who have room: mentors whose
// offer a replica of an older version saved. The room write decides from
// the offer as it is when it runs. One round trip, only when one has
// room.
func (s *Store) fileRoom(ctx context.Context, k keys, out bot.Candidates, users []string) error {
	if len(users) == 0 {
		return nil
	}
	check := make(map[string]bool, len(users))
	for _, u := range users {
		check[u] = true
	}
	t := newTx()
	for i, o := range out.Offers {
		if check[o.Mentor.User] && out.Taken[i] < o.Capacity {
			t.room(k, o.Mentor.User)
		}
	}
	if len(t.writes) == 0 {
		return nil
	}
	_, err := t.run(ctx, s.batch)
	return err
}

// roundTrip sends cmds in the next batch, or on their own (one pipeline)
// when alone is set.
func (s *Store) roundTrip(ctx context.Context, alone bool, cmds ...redis.Cmder) error {
	if !alone {
		return s.batch.do(ctx, cmds...)
	}
	p := s.rdb.Pipeline()
	for _, c := range cmds {
		_ = p.Process(ctx, c)
	}
	_, err := p.Exec(ctx)
	return err
}

// readTopics reads the offers under keys[missed] into parts, and keeps
// them with the stamps they were read with. At most topicReloads run at
// once; one that waited looks in the cache again first.
func (s *Store) readTopics(ctx context.Context, t bot.Tenant, k keys, keys []string, missed []int, parts [][]bot.Offer) error {
	select {
	case s.topics.reload <- struct{}{}:
		defer func() { <-s.topics.reload }()
	case <-ctx.Done():
		return classify(ctx.Err(), "candidates")
	}
	// Each key's members and stamp, read together (topicScript).
	reads := make([]*redis.Cmd, len(missed))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for j, i := range missed {
			reads[j] = topicScript.Run(ctx, p, []string{k.topicStamps(), k.topicOffers(keys[i])}, keys[i], newStamp())
		}
		return nil
	})
	if err != nil && !redis.HasErrorPrefix(err, "NOSCRIPT") {
		return classify(err, "candidates")
	}
	stamps, sets := make([]string, len(missed)), make([][]string, len(missed))
	for j, i := range missed {
		v, err := reads[j].Slice()
		if redis.HasErrorPrefix(err, "NOSCRIPT") {
			// Redis forgot its scripts (a restart): once with its text.
			v, err = topicScript.Eval(ctx, s.rdb, []string{k.topicStamps(), k.topicOffers(keys[i])}, keys[i], newStamp()).Slice()
		}
		if err != nil || len(v) != 2 {
			return classify(fmt.Errorf("topic read: %v, %d values", err, len(v)), "candidates")
		}
		stamps[j], _ = v[0].(string)
		for _, u := range v[1].([]any) {
			if u, ok := u.(string); ok {
				sets[j] = append(sets[j], u)
			}
		}
	}
	now := s.topics.now()
	for j, i := range missed {
		ref := topicRef{k, keys[i]}
		if e, ok := s.topics.get(ref, stamps[j], now); ok {
			parts[i] = e.offers // read meanwhile by the request this one waited for
			continue
		}
		users := sets[j]
		slices.Sort(users)
		offers, err := s.profilesOf(ctx, t, k, users)
		if err != nil {
			return err
		}
		parts[i] = offers
		s.topics.put(ref, topicEntry{stamp: stamps[j], at: now, offers: offers})
	}
	return nil
}

// profilesOf reads and decodes the profiles of users, in their order,
// leaving out those without one; counters not set.
func (s *Store) profilesOf(ctx context.Context, t bot.Tenant, k keys, users []string) ([]bot.Offer, error) {
	if len(users) == 0 {
		return nil, nil
	}
	args := make([]any, 0, 2+len(users))
	args = append(args, "hmget", k.profiles())
	for _, u := range users {
		args = append(args, u)
	}
	raws, err := s.rdb.Do(ctx, args...).Slice()
	if err != nil {
		return nil, classify(err, "candidates' profiles")
	}
	if len(raws) != len(users) {
		return nil, classify(fmt.Errorf("HMGET answered %d profiles for %d mentors", len(raws), len(users)), "candidates' profiles")
	}
	offers := s.profiles.decode(t, users, raws)
	out := offers[:0]
	for _, o := range offers {
		if o.Mentor.User != "" {
			out = append(out, o)
		}
	}
	return out, nil
}

// readTaken sets out.Taken: the counters of the mentors in roomy (read in
// one round trip; of every mentor when roomy is nil), their capacity for
// the others, who are full.
func (s *Store) readTaken(ctx context.Context, k keys, out *bot.Candidates, roomy map[string]bool, big bool) error {
	out.Taken = make([]int, len(out.Offers))
	var users []string
	var at []int
	for i, o := range out.Offers {
		if roomy == nil || roomy[o.Mentor.User] {
			users = append(users, o.Mentor.User)
			at = append(at, i)
		} else {
			out.Taken[i] = o.Capacity
		}
	}
	if len(users) == 0 {
		return nil
	}
	cmd := redis.NewSliceCmd(ctx, s.fields.counters(k.load(), users)...)
	if err := s.roundTrip(ctx, big, cmd); err != nil {
		return classify(err, "candidates' counters")
	}
	counters := cmd.Val()
	if len(counters) != 2*len(users) {
		return classify(fmt.Errorf("HMGET answered %d counters for %d mentors", len(counters), len(users)), "candidates' counters")
	}
	for j, i := range at {
		active, _ := counters[2*j].(string)
		pending, _ := counters[2*j+1].(string)
		out.Taken[i] = num(active) + num(pending)
	}
	return nil
}

// unionOffers merges offers sorted by mentor ID, each once; one part is
// returned as it is (shared).
func unionOffers(parts [][]bot.Offer) []bot.Offer {
	if len(parts) == 1 {
		return parts[0]
	}
	var out []bot.Offer
	seen := map[string]bool{}
	for _, p := range parts {
		for _, o := range p {
			if !seen[o.Mentor.User] {
				seen[o.Mentor.User] = true
				out = append(out, o)
			}
		}
	}
	slices.SortFunc(out, func(a, b bot.Offer) int { return strings.Compare(a.Mentor.User, b.Mentor.User) })
	return out
}
