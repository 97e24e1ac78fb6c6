package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/inmem"
	"github.com/redis/go-redis/v9"
)

// Mentions returns where the store s holds one of needles (case-
// sensitive): it is how a test proves that an erased member is nowhere.
// On Redis it scans every key (SCAN, then TYPE, then the whole value of
// each key, pipelined by batch) and returns, for each key whose name or
// value holds a needle, a line "key: what value": nothing escapes it, not
// a key's name, a hash field or value, a set or sorted set member, a list
// element, a stream entry or a string. In memory it returns the lines of
// inmem.Store.Dump, which walks every map the store holds, that hold one.
func Mentions(tb testing.TB, s bot.Store, needles ...string) []string {
	tb.Helper()
	switch s := s.(type) {
	case *store.Store:
		return redisMentions(tb, s, needles)
	case *inmem.Store:
		var hits []string
		for _, line := range s.Dump() {
			for _, n := range needles {
				if strings.Contains(line, n) {
					hits = append(hits, line)
					break
				}
			}
		}
		return hits
	}
	tb.Fatalf("cannot look into a store of type %T", s)
	return nil
}

func redisMentions(tb testing.TB, s *store.Store, needles []string) []string {
	tb.Helper()
	ctx, rdb := context.Background(), s.Client()
	var hits []string
	hit := func(key, what, v string) {
		for _, n := range needles {
			if strings.Contains(v, n) {
				hits = append(hits, fmt.Sprintf("%s: %s %q", key, what, v))
			}
		}
	}
	var cursor uint64
	for {
		keys, next, err := rdb.Scan(ctx, cursor, "*", 1000).Result()
		if err != nil {
			tb.Fatalf("scan: %v", err)
		}
		types := make([]*redis.StatusCmd, len(keys))
		if _, err := rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			for i, key := range keys {
				types[i] = p.Type(ctx, key)
			}
			return nil
		}); err != nil {
			tb.Fatalf("type: %v", err)
		}
		values := make([]func() []string, len(keys))
		if _, err := rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			for i, key := range keys {
				values[i] = read(tb, p, key, types[i].Val())
			}
			return nil
		}); err != nil && err != redis.Nil {
			tb.Fatalf("read: %v", err)
		}
		for i, key := range keys {
			hit(key, "key", key)
			for _, v := range values[i]() {
				hit(key, types[i].Val(), v)
			}
		}
		if cursor = next; cursor == 0 {
			return hits
		}
	}
}

// read queues the read of a whole value of type typ, and returns what
// gives its strings once the pipeline ran.
func read(tb testing.TB, p redis.Pipeliner, key, typ string) func() []string {
	ctx := context.Background()
	switch typ {
	case "string":
		c := p.Get(ctx, key)
		return func() []string { return []string{c.Val()} }
	case "list":
		c := p.LRange(ctx, key, 0, -1)
		return c.Val
	case "set":
		c := p.SMembers(ctx, key)
		return c.Val
	case "zset":
		c := p.ZRange(ctx, key, 0, -1)
		return c.Val
	case "hash":
		c := p.HGetAll(ctx, key)
		return func() []string {
			var out []string
			for f, v := range c.Val() {
				out = append(out, f, v)
			}
			return out
		}
	case "stream":
		c := p.XRange(ctx, key, "-", "+")
		return func() []string {
			var out []string
			for _, m := range c.Val() {
				for f, v := range m.Values {
					out = append(out, f, fmt.Sprint(v))
				}
			}
			return out
		}
	case "none":
		return func() []string { return nil } // expired since the scan
	}
	tb.Fatalf("key %s has type %s, which the scan cannot read", key, typ)
	return nil
}
