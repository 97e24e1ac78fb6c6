package store

import (
	"context"
	"strings"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/redis/go-redis/v9"
)

// A testimonial is a hash of its own, quote:<pair>:<user>, so that the
// member's erasure deletes it with the other keys that end in their user
// ID, and the other member's stays when the pair goes.

func (k keys) quote(pair, user string) string { return string(k) + "quote:" + pair + ":" + user }

// writeQuoteScript writes a testimonial's text and clears its consent,
// returning 1 if a text was there. KEYS: the testimonial. ARGV: pair,
// user, role, topic, program, text, at (ms).
var writeQuoteScript = redis.NewScript(`
local had = redis.call('HEXISTS', KEYS[1], 'text')
redis.call('HSET', KEYS[1], 'pair', ARGV[1], 'user', ARGV[2], 'role', ARGV[3], 'topic', ARGV[4],
  'program', ARGV[5], 'text', ARGV[6], 'at', ARGV[7])
redis.call('HDEL', KEYS[1], 'share')
return had
`)

// shareQuoteScript sets a testimonial's consent and returns the previous
// one, or nil (ENOTFOUND) when there is no testimonial. KEYS: the
// testimonial. ARGV: share.
var shareQuoteScript = redis.NewScript(`
if redis.call('HEXISTS', KEYS[1], 'text') == 0 then return false end
local old = redis.call('HGET', KEYS[1], 'share') or ''
redis.call('HSET', KEYS[1], 'share', ARGV[1])
return old
`)

// WriteTestimonial implements bot.TestimonialStore.
func (s *Store) WriteTestimonial(ctx context.Context, t bot.Tenant, tm bot.Testimonial) (bool, error) {
	k := keysFor(t)
	had, err := writeQuoteScript.Run(ctx, s.rdb, []string{k.quote(tm.Pair, tm.Member.User)},
		tm.Pair, tm.Member.User, tm.Role, tm.Topic, tm.Program, tm.Text, ms(tm.At)).Int()
	if err != nil {
		return false, classify(err, "write testimonial")
	}
	return had == 1, nil
}

// ShareTestimonial implements bot.TestimonialStore.
func (s *Store) ShareTestimonial(ctx context.Context, t bot.Tenant, pair string, by bot.MemberID, share string) (string, error) {
	k := keysFor(t)
	old, err := shareQuoteScript.Run(ctx, s.rdb, []string{k.quote(pair, by.User)}, share).Text()
	if err != nil {
		return "", classify(err, "share testimonial")
	}
	return old, nil
}

// Testimonials implements bot.TestimonialStore.
func (s *Store) Testimonials(ctx context.Context, t bot.Tenant) ([]bot.Testimonial, error) {
	k := keysFor(t)
	keys, err := s.scanPrefix(ctx, string(k)+"quote:", "testimonials")
	if err != nil {
		return nil, err
	}
	return s.readQuotes(ctx, t, keys)
}

// readQuotes reads the testimonials at keys, oldest first; a key deleted
// meanwhile is skipped.
func (s *Store) readQuotes(ctx context.Context, t bot.Tenant, keys []string) ([]bot.Testimonial, error) {
	cmds := make([]*redis.MapStringStringCmd, len(keys))
	_, err := s.rdb.Pipelined(ctx, func(p redisPipe) error {
		for i, key := range keys {
			cmds[i] = p.HGetAll(ctx, key)
		}
		return nil
	})
	if err != nil {
		return nil, classify(err, "testimonials")
	}
	out := make([]bot.Testimonial, 0, len(keys))
	for _, c := range cmds {
		if h := c.Val(); h["text"] != "" {
			out = append(out, quoteFrom(t, h))
		}
	}
	bot.SortTestimonials(out)
	return out, nil
}

func quoteFrom(t bot.Tenant, h map[string]string) bot.Testimonial {
	return bot.Testimonial{Pair: h["pair"], Member: t.Member(h["user"]), Role: h["role"], Topic: h["topic"],
		Program: h["program"], Text: h["text"], Share: h["share"], At: fromMS(h["at"])}
}

// DeleteTestimonial implements bot.TestimonialStore.
func (s *Store) DeleteTestimonial(ctx context.Context, t bot.Tenant, pair string, by bot.MemberID) error {
	return classify(s.rdb.Del(ctx, keysFor(t).quote(pair, by.User)).Err(), "delete testimonial")
}

// quotesOf returns the keys of user's testimonials among a tenant's keys.
func quotesOf(k keys, all []string, user string) []string {
	var out []string
	for _, key := range all {
		if kind, rest := kindOf(k, key); kind == "quote" && strings.HasSuffix(rest, ":"+user) {
			out = append(out, key)
		}
	}
	return out
}
