package store_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// BenchmarkMemory measures what Redis keeps per member and per pair, with
// MEMORY USAGE summed over every key of a fresh workspace (the indexes,
// profiles, counters and jobs included): a program of mentors who offer
// (profile, topics, languages, zone, years), mentees who request with a
// goal, and pairs formed through the charter. It needs a real Redis
// (REDIS_URL, or 127.0.0.1:6379): miniredis has no MEMORY USAGE.
//
//	REDIS_URL=redis://127.0.0.1:6379/0 go test ./store -run XXX -bench Memory -benchtime 1x
func BenchmarkMemory(b *testing.B) {
	if os.Getenv("REDIS_URL") == "" {
		b.Skip("needs a real Redis: set REDIS_URL")
	}
	const mentors, mentees = 300, 300 // half of the mentees end up paired
	for range b.N {
		st := storetest.MustReal(b)
		tn := storetest.Tenant(b, "memory")
		h := bottest.New(b, st, tn, bot.Config{})
		rdb := redis.NewClient(mustOptions(b))
		b.Cleanup(func() { rdb.Close() })
		ctx := context.Background()

		for i := range mentors {
			h.Run(fmt.Sprintf("mentor%03d", i), fmt.Sprintf("offer go, kubernetes, topic%03d capacity:1 languages:en,fr tz:Europe/Paris years:12", i%50))
		}
		afterMentors := usage(b, ctx, rdb, tn)
		for i := range mentees {
			h.Run(fmt.Sprintf("mentee%03d", i), fmt.Sprintf("request topic%03d kind:one-to-one goal:grow into a staff engineer role within two years", i%100))
		}
		afterRequests := usage(b, ctx, rdb, tn)
		// Every mentor with a proposal accepts it, and both sides accept
		// the charter: the pairs become official.
		pairs := 0
		for _, s := range h.Platform.Take() {
			for _, btn := range s.Message.Buttons {
				if btn.ActionID == bot.ActionProposalAccept {
					h.Bot.HandleAction(ctx, bot.Action{Member: s.To[0], ActionID: btn.ActionID, Value: btn.Value})
				}
			}
		}
		for _, s := range h.Platform.Take() {
			for _, btn := range s.Message.Buttons {
				if btn.ActionID == bot.ActionCharterAccept {
					if r := h.Bot.HandleAction(ctx, bot.Action{Member: s.To[0], ActionID: btn.ActionID, Value: btn.Value}); strings.Contains(r.Message.Text, "introduction") {
						pairs++
					}
				}
			}
		}
		afterPairs := usage(b, ctx, rdb, tn)
		if pairs == 0 {
			b.Fatal("got no pair formed, want some")
		}
		b.ReportMetric(float64(afterMentors)/mentors, "B/mentor")
		b.ReportMetric(float64(afterRequests-afterMentors)/mentees, "B/mentee")
		b.ReportMetric(float64(afterPairs-afterRequests)/float64(pairs), "B/pair")
		b.ReportMetric(float64(afterPairs)/(mentors+mentees), "B/member")
		b.ReportMetric(float64(pairs), "pairs")
	}
}

// usage sums MEMORY USAGE over the workspace's keys.
func usage(tb testing.TB, ctx context.Context, rdb *redis.Client, tn bot.Tenant) int64 {
	tb.Helper()
	var total int64
	iter := rdb.Scan(ctx, 0, "mb:{"+tn.Platform+":"+tn.Workspace+"}:*", 1000).Iterator()
	for iter.Next(ctx) {
		n, err := rdb.MemoryUsage(ctx, iter.Val()).Result()
		if err != nil && err != redis.Nil {
			tb.Fatal(err)
		}
		total += n
	}
	if err := iter.Err(); err != nil {
		tb.Fatal(err)
	}
	return total
}

func mustOptions(tb testing.TB) *redis.Options {
	tb.Helper()
	o, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		tb.Fatal(err)
	}
	return o
}
