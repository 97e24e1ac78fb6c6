package store_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
	"github.com/redis/go-redis/v9"
)

// commandLog counts Redis round trips, as roundTrips does, and, while on,
// names the commands of each (a pipeline's joined by "|"), for
// POOL_BENCH_TRACE=1 to print one command's round trips.
type commandLog struct {
	roundTrips
	mu    sync.Mutex
	on    bool
	names []string
}

func (c *commandLog) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		c.n.Add(1)
		c.note(cmd)
		return next(ctx, cmd)
	}
}

func (c *commandLog) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		c.n.Add(1)
		c.note(cmds...)
		return next(ctx, cmds)
	}
}

func (c *commandLog) note(cmds ...redis.Cmder) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.on {
		return
	}
	names := make([]string, 0, len(cmds))
	for _, cmd := range cmds {
		n := cmd.Name()
		if n == "evalsha" || n == "eval" {
			n += "(" + fmt.Sprint(cmd.Args()[len(cmd.Args())-1]) + ")"
			if len(n) > 40 {
				n = n[:40]
			}
		}
		names = append(names, n)
	}
	if len(names) > 4 {
		names = append(names[:4], fmt.Sprintf("… %d commands", len(cmds)))
	}
	c.names = append(c.names, strings.Join(names, "|")+"  <- "+botCaller())
}

// botCaller names the innermost caller in package bot.
func botCaller() string {
	pc := make([]uintptr, 64)
	frames := runtime.CallersFrames(pc[:runtime.Callers(3, pc)])
	var out []string
	for {
		f, more := frames.Next()
		if strings.Contains(f.Function, "mentorbot/bot.") {
			out = append(out, strings.TrimPrefix(f.Function, "github.com/mentorbot/mentorbot/bot."))
			if len(out) == 2 {
				break
			}
		}
		if !more {
			break
		}
	}
	return strings.Join(out, " < ")
}

func (c *commandLog) trace(on bool) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.on = on
	out := c.names
	c.names = nil
	return out
}

// poolBench opens a store whose round trips rt counts, with a bot on a
// fresh workspace filled by realisticPool, erased after the benchmark.
func poolBench(b *testing.B, full bool) (*commandLog, *bottest.Harness) {
	st := storetest.MustOpen(b)
	rt := &commandLog{}
	st.Client().AddHook(rt)
	h := bottest.New(b, st, storetest.Tenant(b, "bench"), bot.Config{})
	b.Cleanup(func() { forgetTenant(b, st, h.Tenant) })
	realisticPool(b, st, h, full)
	return rt, h
}

// realisticPool fills a workspace as cmd/slackload does: 5,000 offers
// over 200 topics (the first 250 also "go", all "leadership"),
// capacities 1 to 3, six time zones, English only; and 1,000 requests
// waiting in French, which none of them speaks. With full, the mentors of
// "go" then have every slot taken by an open proposal, as after the first
// few hundred requests of a load run.
func realisticPool(b *testing.B, st *store.Store, h *bottest.Harness, full bool) {
	ctx := context.Background()
	zones := []string{"America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Paris", "Asia/Dubai", "Asia/Tokyo"}
	for i := range 5000 {
		topics := []string{}
		if i < 250 {
			topics = append(topics, "go")
		}
		for j := range 1 + i%3 {
			topics = append(topics, fmt.Sprintf("topic%03d", 1+(i*7+j*31)%199))
		}
		topics = append(topics, "leadership")
		text := fmt.Sprintf("offer %s capacity:%d languages:en tz:%s years:%d", strings.Join(topics, ", "), 1+i%3, zones[i%len(zones)], 1+i%25)
		if r := h.Run(fmt.Sprintf("mentor%04d", i), text); r.Message.Text == "" {
			b.Fatal("no reply")
		}
	}
	for i := range 1000 {
		if r := h.Run(fmt.Sprintf("waiting%04d", i), fmt.Sprintf("request topic%03d language:fr", i%200)); r.Message.Text == "" {
			b.Fatal("no reply")
		}
	}
	if full {
		for i := 0; ; i++ {
			r := h.Bot.HandleCommand(ctx, bot.Command{Member: h.Tenant.Member(fmt.Sprintf("filler%04d", i)), Text: "request go language:en"})
			if !strings.Contains(r.Message.Text, "I've asked a mentor") {
				break
			}
		}
	}
	h.Platform.Take()
}

// forgetTenant deletes a workspace's keys from a shared Redis.
func forgetTenant(b *testing.B, st *store.Store, t bot.Tenant) {
	if os.Getenv("REDIS_URL") == "" {
		return // miniredis, closed with the test
	}
	ctx := context.Background()
	pattern := "mb:{" + t.Platform + ":" + t.Workspace + "}:*"
	var cursor uint64
	n := 0
	for {
		ks, next, err := st.Client().Scan(ctx, cursor, pattern, 1000).Result()
		if err != nil {
			b.Logf("forget %s: %v", t.Workspace, err)
			return
		}
		if len(ks) > 0 {
			n += len(ks)
			st.Client().Del(ctx, ks...)
		}
		if cursor = next; cursor == 0 {
			break
		}
	}
	b.Logf("deleted %d keys of %s", n, t.Workspace)
}

// BenchmarkRequestRealisticPool measures `/mentor request go` in the pool
// of realisticPool, on the test Redis (REDIS_URL, else miniredis): with
// free mentors (the request is proposed, then cancelled outside the
// timer) and with every mentor of the topic full (the request waits and
// is told why, the common case of a load run). It reports Redis round
// trips and the process's CPU per command; POOL_BENCH_TRACE=1 logs one
// command's round trips.
func BenchmarkRequestRealisticPool(b *testing.B) {
	for _, full := range []bool{false, true} {
		name := "free"
		if full {
			name = "full"
		}
		b.Run(name, func(b *testing.B) {
			rt, h := poolBench(b, full)
			m := newCommandMeter(b, rt, h)
			for i := 0; i < b.N; i++ {
				mentee := h.Tenant.Member(fmt.Sprintf("mentee%d", i))
				m.run(i, bot.Command{Member: mentee, Text: "request go language:en"})
				b.StopTimer()
				h.Bot.HandleCommand(context.Background(), bot.Command{Member: mentee, Text: "cancel"})
				h.Platform.Take()
				b.StartTimer()
			}
			m.report()
		})
	}
}

// BenchmarkRequestRealisticPoolParallel is BenchmarkRequestRealisticPool
// with 32 clients at once (as cmd/slackload's saturation round), each
// request left open: what the ranking slots let through. In "free", the
// first 500 or so requests take the topic's slots, racing for the same
// mentors, and the others wait, as in a load run's first round; in
// "full", every request waits.
func BenchmarkRequestRealisticPoolParallel(b *testing.B) {
	for _, full := range []bool{false, true} {
		b.Run(map[bool]string{false: "free", true: "full"}[full], func(b *testing.B) {
			rt, h := poolBench(b, full)
			var next, proposed atomic.Int64
			b.SetParallelism(max(1, 32/runtime.GOMAXPROCS(0)))
			b.ReportAllocs()
			b.ResetTimer()
			before, cpuBefore := rt.n.Load(), cpuTime()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					mentee := h.Tenant.Member(fmt.Sprintf("client%d", next.Add(1)))
					ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
					r := h.Bot.HandleCommand(ctx, bot.Command{Member: mentee, Text: "request go language:en"})
					cancel()
					if r.Message.Text == "" {
						b.Error("no reply")
					}
					if strings.Contains(r.Message.Text, "I've asked a mentor") {
						proposed.Add(1)
					}
				}
			})
			b.StopTimer()
			b.ReportMetric(float64(rt.n.Load()-before)/float64(b.N), "roundtrips/op")
			b.ReportMetric(float64((cpuTime()-cpuBefore).Nanoseconds())/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(proposed.Load()), "proposed")
		})
	}
}

// BenchmarkOfferRealisticPool measures a new mentor's `/mentor offer` in
// the pool of realisticPool (1,000 requests waiting, none of which the
// mentor can take), as cmd/slackload's offer target, with round trips and
// the process's CPU per command.
func BenchmarkOfferRealisticPool(b *testing.B) {
	rt, h := poolBench(b, false)
	m := newCommandMeter(b, rt, h)
	for i := 0; i < b.N; i++ {
		m.run(i, bot.Command{Member: h.Tenant.Member(fmt.Sprintf("new%06d", i)), Text: "offer rust languages:en"})
	}
	m.report()
}

// commandMeter runs the commands of a benchmark, one at a time, and
// counts their Redis round trips and the process's CPU (the bot,
// go-redis; not Redis's own), which a busy machine inflates less than
// wall time. With POOL_BENCH_TRACE set, the last command's round trips
// are logged.
type commandMeter struct {
	b     *testing.B
	rt    *commandLog
	h     *bottest.Harness
	trace bool
	trips int64
	cpu   time.Duration
}

// newCommandMeter starts the benchmark's timer: what comes before is
// set-up.
func newCommandMeter(b *testing.B, rt *commandLog, h *bottest.Harness) *commandMeter {
	b.ReportAllocs()
	b.ResetTimer()
	return &commandMeter{b: b, rt: rt, h: h, trace: os.Getenv("POOL_BENCH_TRACE") != ""}
}

// run runs the i-th command of the benchmark, measured, and fails the
// benchmark if it got no reply.
func (m *commandMeter) run(i int, c bot.Command) bot.Reply {
	m.rt.trace(m.trace && i == m.b.N-1)
	before, cpuBefore := m.rt.n.Load(), cpuTime()
	r := m.h.Bot.HandleCommand(context.Background(), c)
	m.cpu += cpuTime() - cpuBefore
	m.trips += m.rt.n.Load() - before
	if names := m.rt.trace(false); len(names) > 0 {
		fmt.Fprintf(os.Stderr, "%s: %d round trips:\n  %s\nreply: %.80q\n", m.b.Name(), len(names), strings.Join(names, "\n  "), r.Message.Text)
	}
	if r.Message.Text == "" {
		m.b.Fatal("no reply")
	}
	return r
}

// report gives the round trips and the CPU per command.
func (m *commandMeter) report() {
	m.b.ReportMetric(float64(m.trips)/float64(m.b.N), "roundtrips/op")
	m.b.ReportMetric(float64(m.cpu.Nanoseconds())/float64(m.b.N), "cpu-ns/op")
}
