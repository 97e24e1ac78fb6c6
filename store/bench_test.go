package store_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
	"github.com/redis/go-redis/v9"
)

// roundTrips counts Redis round trips: one per command, one per pipeline.
type roundTrips struct{ n atomic.Int64 }

func (r *roundTrips) DialHook(next redis.DialHook) redis.DialHook { return next }
func (r *roundTrips) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error { r.n.Add(1); return next(ctx, cmd) }
}
func (r *roundTrips) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error { r.n.Add(1); return next(ctx, cmds) }
}

// BenchmarkRequestToProposal measures `/mentor request` from the command
// to the proposal sent to the best of 50 mentors, on the test Redis
// (REDIS_URL, else miniredis), and reports Redis round trips per command.
// BenchmarkPing, in the same run, is the baseline: one bare round trip.
func BenchmarkRequestToProposal(b *testing.B) {
	st := storetest.MustOpen(b)
	rt := &roundTrips{}
	st.Client().AddHook(rt)
	h := bottest.New(b, st, storetest.Tenant(b, "bench"), bot.Config{})
	for i := range 50 {
		h.Run(fmt.Sprintf("mentor%02d", i), fmt.Sprintf("offer go, topic%d capacity:20 tz:Europe/Paris years:%d", i%7, 5+i%20))
	}
	ctx := context.Background()
	b.ResetTimer()
	var trips int64
	for i := 0; i < b.N; i++ {
		mentee := h.Tenant.Member(fmt.Sprintf("mentee%d", i))
		before := rt.n.Load()
		r := h.Bot.HandleCommand(ctx, bot.Command{Member: mentee, Text: "request go goal:learn"})
		trips += rt.n.Load() - before
		b.StopTimer()
		if r.Message.Text == "" {
			b.Fatal("no reply")
		}
		h.Bot.HandleCommand(ctx, bot.Command{Member: mentee, Text: "cancel"})
		h.Platform.Take()
		b.StartTimer()
	}
	b.ReportMetric(float64(trips)/float64(b.N), "roundtrips/op")
}

// BenchmarkPing is the baseline of BenchmarkRequestToProposal.
func BenchmarkPing(b *testing.B) {
	st := storetest.MustOpen(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		if err := st.Ping(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(1, "roundtrips/op")
}

// BenchmarkJobs drains b.N due follow-up jobs, each delivering one message
// through the exactly-once protocol, on the test Redis, and reports jobs
// per second and Redis round trips per job. Compare with BenchmarkPing.
func BenchmarkJobs(b *testing.B) {
	st := storetest.MustOpen(b)
	rt := &roundTrips{}
	st.Client().AddHook(rt)
	tn := storetest.Tenant(b, "bench")
	clock := bot.NewManualClock(bottest.Start)
	scheduleTestJobs(b, st, tn, b.N, clock.Now())
	c := &counter{sends: map[string]int{}}
	r := newReplica(b, st, clock, c, tn.Platform)
	r.bot.Register(tn.Platform, c)
	before := rt.n.Load()
	b.ResetTimer()
	start := time.Now()
	r.drain()
	elapsed := time.Since(start)
	b.StopTimer()
	if c.count() != b.N {
		b.Fatalf("got %d deliveries, want %d", c.count(), b.N)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "jobs/s")
	b.ReportMetric(float64(rt.n.Load()-before)/float64(b.N), "roundtrips/job")
}

// BenchmarkRequestInPool measures `/mentor request` in a workspace of
// 5,000 offers over 200 topics, on a topic that 250 of them offer, and on
// one that all 5,000 offer, with round trips and the process's CPU time
// per command.
func BenchmarkRequestInPool(b *testing.B) {
	for _, onTopic := range []int{250, 5000} {
		b.Run(fmt.Sprintf("mentors=%d", onTopic), func(b *testing.B) {
			st := storetest.MustOpen(b)
			rt := &roundTrips{}
			st.Client().AddHook(rt)
			h := bottest.New(b, st, storetest.Tenant(b, "bench"), bot.Config{})
			ctx := context.Background()
			for i := range 5000 {
				topic := fmt.Sprintf("topic%d", i%200)
				if i%(5000/onTopic) == 0 {
					topic = "go"
				}
				o := bot.Offer{Mentor: h.Tenant.Member(fmt.Sprintf("mentor%04d", i)), Topics: []string{topic, "extra" + topic},
					Capacity: 1000, Languages: []bot.Lang{bot.English}, TZ: "Europe/Paris", Years: 5 + i%20, Keys: []string{"extra" + topic, topic}}
				if err := st.SaveOffer(ctx, o); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			var trips int64
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				mentee := h.Tenant.Member(fmt.Sprintf("mentee%d", i))
				before, cpuBefore := rt.n.Load(), cpuTime()
				r := h.Bot.HandleCommand(ctx, bot.Command{Member: mentee, Text: "request go goal:learn"})
				cpu += cpuTime() - cpuBefore
				trips += rt.n.Load() - before
				b.StopTimer()
				if r.Message.Text == "" {
					b.Fatal("no reply")
				}
				h.Bot.HandleCommand(ctx, bot.Command{Member: mentee, Text: "cancel"})
				h.Platform.Take()
				b.StartTimer()
			}
			b.ReportMetric(float64(trips)/float64(b.N), "roundtrips/op")
			// The process's CPU (the bot, go-redis; not Redis's own), which
			// a busy machine inflates less than wall time.
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkOfferWithWaiting measures `/mentor offer` in a workspace of
// 1,000 offers and 1,000 waiting requests over 200 topics, none of which
// the new mentor can take (they ask for French), with round trips per
// command.
func BenchmarkOfferWithWaiting(b *testing.B) {
	st := storetest.MustOpen(b)
	rt := &roundTrips{}
	st.Client().AddHook(rt)
	h := bottest.New(b, st, storetest.Tenant(b, "bench"), bot.Config{})
	for i := range 1000 {
		h.Run(fmt.Sprintf("mentor%04d", i), fmt.Sprintf("offer topic%d capacity:3", i%200))
		h.Run(fmt.Sprintf("mentee%04d", i), fmt.Sprintf("request topic%d language:fr", (i*7)%200))
	}
	h.Platform.Take()
	if w, _ := st.Waiting(context.Background(), h.Tenant); len(w) != 1000 {
		b.Fatalf("got %d requests waiting, want 1000", len(w))
	}
	b.ResetTimer()
	var trips int64
	for i := 0; i < b.N; i++ {
		before := rt.n.Load()
		r := h.Run(fmt.Sprintf("new%06d", i), fmt.Sprintf("offer topic%d", i%200))
		trips += rt.n.Load() - before
		if r.Message.Text == "" {
			b.Fatal("no reply")
		}
	}
	b.ReportMetric(float64(trips)/float64(b.N), "roundtrips/op")
}
