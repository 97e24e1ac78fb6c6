package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/bot/bottest"
	"github.com/mentorbot/mentorbot/store/storetest"
)

// BenchmarkManyWorkspaces (issue 17) measures whether the job scheduler
// and the digest stay fair across many workspaces: 200 quiet workspaces of
// 50 members each (15 mentors offer, 35 mentees request, the proposals
// are answered and the charters accepted through the bot, so that pairs
// have their check-ins scheduled), and one busy workspace with a backlog
// of 10,000 due jobs. The clock is bot.OffsetClock (the real time, which
// jumps when told), so that a tick that takes long lets jobs fall due
// meanwhile as in production; the ticks follow the production loop
// (schedule.Runner): one every tickEvery, the next at once when a tick
// overran.
//
// In each phase every quiet workspace has probeJobs jobs falling due
// during the phase; a job's lateness is from its due time to its message,
// in ticks and in milliseconds. The phases, in one run so that their
// ratios compare like with like on a shared machine:
//
//   - baseline: the quiet workspaces only;
//   - turns: the busy workspace too, ticked first, with Bot.TickTenants
//     (the workspaces take turns, a tick ends after Config.Tick);
//   - in turn: the same, one workspace drained after the other and no
//     end to a tick, as TickTenants did before issue 17.
//
// Then PostDueDigests over the 200 workspaces, and again a week later
// with the busy workspace, whose platform posts slowly (digestSlow).
// -short: 20 workspaces and a backlog of 1,000.
//
//	REDIS_URL=redis://127.0.0.1:6379/0 go test ./store -run '^$' -bench ManyWorkspaces -benchtime 1x -v
func BenchmarkManyWorkspaces(b *testing.B) {
	quiet, backlog := 200, 10000
	if testing.Short() {
		quiet, backlog = 20, 1000
	}
	for range b.N {
		runManyWorkspaces(b, quiet, backlog)
	}
}

const (
	tickEvery  = 10 * time.Second       // MENTORBOT_TICK's default
	probeJobs  = 5                      // per quiet workspace and phase
	probeSpan  = 30 * time.Second       // the probes fall due over this
	digestSlow = 500 * time.Millisecond // the busy workspace's post
)

func runManyWorkspaces(b *testing.B, nQuiet, backlog int) {
	ctx := context.Background()
	st := storetest.MustOpen(b)
	// Platform names of this run only: Bot.Tenants, and so PostDueDigests,
	// see only the workspaces of the platforms registered, never those of
	// other tests sharing the Redis.
	plat := "fair-" + storetest.Tenant(b, "").Workspace
	busyPlat := plat + "-busy"
	var tenants []bot.Tenant
	for range nQuiet {
		tenants = append(tenants, storetest.Tenant(b, plat))
	}
	busy := storetest.Tenant(b, busyPlat)
	if os.Getenv("REDIS_URL") != "" {
		rdb := redis.NewClient(mustOptions(b))
		b.Cleanup(func() {
			for _, tn := range append(tenants, busy) {
				dropTenant(ctx, rdb, tn)
			}
			rdb.Close()
		})
	}

	start := time.Now()
	buildWorkspaces(b, st, append([]bot.Tenant{busy}, tenants...))
	b.Logf("built %d workspaces of 50 members in %v", nQuiet+1, time.Since(start).Round(time.Millisecond))

	clock := &bot.OffsetClock{}
	rec := &fairPlatform{clock: clock, slow: map[string]time.Duration{busy.Workspace: digestSlow}}
	newBot := func(cfg bot.Config, platforms ...string) *bot.Bot {
		cfg.Managers = []string{mentorID(0)}
		bt := bot.New(cfg, st, clock, rand.NewChaCha8([32]byte{9}), nil)
		for _, p := range platforms {
			bt.Register(p, rec)
		}
		return bt
	}
	turns := newBot(bot.Config{Tick: tickEvery}, plat, busyPlat)
	// Before issue 17: no end to a tick (a negative Tick), and each
	// workspace drained before the next.
	old := newBot(bot.Config{Tick: -1}, plat, busyPlat)
	inTurn := func(ctx context.Context, ts ...bot.Tenant) (int, error) {
		ran := 0
		for _, t := range ts {
			n, err := old.TickTenants(ctx, t)
			if ran += n; err != nil {
				return ran, err
			}
		}
		return ran, nil
	}

	// The setup's follow-ups (proposal reminders, check-ins…) are due days
	// later; run the first ones now, so that the phases measure probes.
	all := append([]bot.Tenant{busy}, tenants...)
	clock.Advance(4 * day)
	start = time.Now()
	n, err := turns.TickTenants(ctx, all...)
	for err == nil && n > 0 {
		n, err = turns.TickTenants(ctx, all...)
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("follow-ups four days later (check-ins, reminders, expiries) in %d workspaces: %d messages in %v",
		nQuiet+1, rec.count(), time.Since(start).Round(time.Millisecond))

	base := fairPhase(b, st, rec, clock, "baseline (no busy workspace)", turns.TickTenants, tenants, bot.Tenant{}, 0)
	phases := []phaseResult{base,
		fairPhase(b, st, rec, clock, "turns (this change)", turns.TickTenants, tenants, busy, backlog),
		fairPhase(b, st, rec, clock, "in turn (before)", inTurn, tenants, busy, backlog),
	}
	b.Log(phaseHeader)
	for _, p := range phases {
		b.Log(p.row(base))
	}
	b.ReportMetric(pct(phases[1].wait, 0.99).Seconds()/pct(base.wait, 0.99).Seconds(), "wait-p99-vs-baseline")

	digests(b, rec, clock, newBot(bot.Config{}, plat), newBot(bot.Config{}, plat, busyPlat))
}

// buildWorkspaces plays 50 members in each workspace through the bot: a
// manager names the digest channel, 15 mentors offer, 35 mentees request,
// and the members answer the proposals and charters (answerer).
func buildWorkspaces(b *testing.B, st bot.Store, ts []bot.Tenant) {
	work := make(chan bot.Tenant)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for tn := range work {
				h := bottest.New(b, st, tn, bot.Config{Managers: []string{mentorID(0)}})
				// Days from now, as the phases' clock: their jobs fall due
				// when it jumps, not during the phases.
				h.Clock.Advance(time.Until(bottest.Start) * -1)
				h.Run(mentorID(0), "admin settings digest-channel:#managers")
				for i := range 15 {
					h.Run(mentorID(i), fmt.Sprintf("offer %s, %s capacity:%d languages:en tz:%s years:%d",
						topics[i%4], topics[4+i%3], 1+i%3, zones[i%len(zones)], 2+i))
				}
				for i := range 35 {
					h.Run(menteeID(i), fmt.Sprintf("request %s goal:%s", topics[i%6], goals[i%len(goals)]))
				}
				var members answerer
				for range 3 {
					members.answer(h)
					if _, err := h.Bot.TickTenants(context.Background(), tn); err != nil {
						b.Error(err)
					}
				}
			}
		}()
	}
	for _, tn := range ts {
		work <- tn
	}
	close(work)
	wg.Wait()
	if b.Failed() {
		b.FailNow()
	}
}

// fairPlatform records when each job's message was sent (by its delivery
// key) and in which tick, and each digest post.
type fairPlatform struct {
	clock *bot.OffsetClock
	slow  map[string]time.Duration // a post in these workspaces takes this long

	mu    sync.Mutex
	tick  int                 // the tick running, numbered within a phase
	sent  map[string]fairSent // workspace|delivery key → when
	n     int
	posts []time.Time // on the wall clock
	busy  int         // the busy workspace's post, in posts
}

type fairSent struct {
	at   time.Time // on the bot's clock
	tick int
}

func (p *fairPlatform) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sent == nil {
		p.sent = map[string]fairSent{}
	}
	p.sent[to.Workspace+"|"+msg.Delivery] = fairSent{at: p.clock.Now(), tick: p.tick}
	p.n++
	return nil
}

func (p *fairPlatform) Introduce(ctx context.Context, members []bot.MemberID, msg bot.Message) error {
	return p.Send(ctx, members[0], msg)
}

func (p *fairPlatform) Post(ctx context.Context, t bot.Tenant, channel string, msg bot.Message) error {
	slow, ok := p.slow[t.Workspace]
	time.Sleep(slow)
	p.mu.Lock()
	defer p.mu.Unlock()
	if ok {
		p.busy = len(p.posts)
	}
	p.posts = append(p.posts, time.Now())
	return nil
}

func (p *fairPlatform) count() int { p.mu.Lock(); defer p.mu.Unlock(); return p.n }

func (p *fairPlatform) setTick(n int) { p.mu.Lock(); defer p.mu.Unlock(); p.tick = n }

func (p *fairPlatform) sentAt(key string) (fairSent, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	at, ok := p.sent[key]
	return at, ok
}

// takePosts returns the times of the posts since the last call, and which
// was the busy workspace's (-1: none).
func (p *fairPlatform) takePosts() ([]time.Time, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out, busy := p.posts, p.busy
	p.posts, p.busy = nil, -1
	return out, busy
}

type phaseResult struct {
	name string
	// Of the quiet workspaces' jobs: from due to sent (late); from the
	// start of the first tick at or after the due time (or from the due
	// time, for a job run in the tick it fell due in) to sent (wait: the
	// scheduler's own delay); ticks between that first tick and the one
	// that ran the job (lateTicks, by count).
	late, wait []time.Duration // sorted
	lateTicks  map[int]int
	ticks      []time.Duration // each tick's wall time
	drain      time.Duration   // from the phase's start to the busy workspace's last job
	jobs       int
}

const phaseHeader = "phase                          jobs ticks  tick p50  tick max | quiet jobs, ticks late: 0    1   2+ | late from due p50    p99    max | wait in tick p50    p99    max (in ticks) | wait p99 vs baseline | backlog drained"

func pct(ds []time.Duration, q float64) time.Duration {
	return ds[min(len(ds)-1, int(q*float64(len(ds))))]
}

func (r phaseResult) row(base phaseResult) string {
	ticks := slices.Clone(r.ticks)
	slices.Sort(ticks)
	ms := func(d time.Duration) string { return fmt.Sprintf("%.0fms", float64(d.Microseconds())/1000) }
	more := 0
	for late, n := range r.lateTicks {
		if late >= 2 {
			more += n
		}
	}
	drain := "-"
	if r.drain > 0 {
		drain = r.drain.Round(time.Millisecond).String()
	}
	return fmt.Sprintf("%-28s %6d %5d %9s %9s | %26d %4d %4d | %17s %6s %6s | %16s %6s %6s %10.2f | %19.2fx | %s",
		r.name, r.jobs, len(r.ticks), ms(ticks[len(ticks)/2]), ms(ticks[len(ticks)-1]),
		r.lateTicks[0], r.lateTicks[1], more,
		ms(pct(r.late, 0.5)), ms(pct(r.late, 0.99)), ms(pct(r.late, 1)),
		ms(pct(r.wait, 0.5)), ms(pct(r.wait, 0.99)), ms(pct(r.wait, 1)), pct(r.wait, 1).Seconds()/tickEvery.Seconds(),
		pct(r.wait, 0.99).Seconds()/pct(base.wait, 0.99).Seconds(), drain)
}

type tickFunc func(ctx context.Context, ts ...bot.Tenant) (int, error)

// fairPhase schedules probeJobs jobs in each quiet workspace, falling due
// over probeSpan, and backlog jobs due now in busy (if backlog > 0), then
// ticks as the production loop does until every job ran.
func fairPhase(b *testing.B, st bot.Store, rec *fairPlatform, clock *bot.OffsetClock, name string, tick tickFunc, quiet []bot.Tenant, busy bot.Tenant, backlog int) phaseResult {
	ctx := context.Background()
	clock.Advance(time.Hour) // clear of the phase before
	begin := clock.Now()
	order := quiet
	var busyKeys []string
	if backlog > 0 {
		order = append([]bot.Tenant{busy}, quiet...)
		jobs := make([]bot.Job, 0, backlog)
		for i := range backlog {
			user := fmt.Sprintf("u%02d", i%50)
			j := bot.NewJob(begin, bot.JobTest, user, fmt.Sprintf("busy-%d-%d", begin.Unix(), i))
			jobs = append(jobs, j)
			busyKeys = append(busyKeys, busy.Workspace+"|"+j.ID+":"+user)
		}
		for c := range slices.Chunk(jobs, 500) {
			storetest.MustOK(b, st.ScheduleJobs(ctx, busy, false, c...))
		}
	}
	due := map[string]time.Time{}
	for w, tn := range quiet {
		var jobs []bot.Job
		for i := range probeJobs {
			// Spread over the span, and over the workspaces within a slot.
			at := begin.Add(probeSpan * time.Duration(i*len(quiet)+w) / time.Duration(probeJobs*len(quiet)))
			user := fmt.Sprintf("u%02d", i)
			j := bot.NewJob(at, bot.JobTest, user, fmt.Sprintf("probe-%d-%d", begin.Unix(), i))
			jobs = append(jobs, j)
			due[tn.Workspace+"|"+j.ID+":"+user] = at
		}
		storetest.MustOK(b, st.ScheduleJobs(ctx, tn, false, jobs...))
	}
	r := phaseResult{name: name, lateTicks: map[int]int{}}
	var starts []time.Time // of each tick, on the bot's clock
	wallStart := time.Now()
	next := time.Now()
	for {
		rec.setTick(len(starts))
		starts = append(starts, clock.Now())
		t0 := time.Now()
		n, err := tick(ctx, order...)
		if err != nil {
			b.Fatal(err)
		}
		r.ticks = append(r.ticks, time.Since(t0))
		r.jobs += n
		if n == 0 && clock.Now().After(begin.Add(probeSpan)) && r.jobs >= backlog+len(due) {
			break
		}
		if time.Since(wallStart) > 10*time.Minute {
			b.Fatalf("%s: not done after 10 minutes", name)
		}
		// The ticker: the next tick a tickEvery after the last one was
		// due, at once if that is past.
		for next = next.Add(tickEvery); next.Before(time.Now().Add(-tickEvery)); next = next.Add(tickEvery) {
		}
		time.Sleep(time.Until(next))
	}
	for key, at := range due {
		sent, ok := rec.sentAt(key)
		if !ok {
			b.Fatalf("%s: the job %s never ran", name, key)
		}
		r.late = append(r.late, max(sent.at.Sub(at), 0))
		// The first tick that started at or after the due time; a job
		// that fell due during a tick may run in it, before its turn.
		first, _ := slices.BinarySearchFunc(starts, at, func(s, at time.Time) int { return s.Compare(at) })
		first = min(first, sent.tick)
		r.wait = append(r.wait, max(sent.at.Sub(maxTime(starts[first], at)), 0))
		r.lateTicks[sent.tick-first]++
	}
	var last time.Time
	for _, k := range busyKeys {
		sent, ok := rec.sentAt(k)
		if !ok {
			b.Fatalf("%s: the busy job %s never ran", name, k)
		}
		last = maxTime(last, sent.at)
	}
	slices.Sort(r.late)
	slices.Sort(r.wait)
	if len(busyKeys) > 0 {
		r.drain = last.Sub(begin)
	}
	return r
}

// digests posts the digests of the quiet workspaces (one week), then, a
// week later, of the same and the busy one, whose post takes digestSlow.
// Each workspace's call is the gap between its post and the one before:
// a workspace posted after the busy one waits for its call, once.
func digests(b *testing.B, rec *fairPlatform, clock *bot.OffsetClock, quietBot, allBot *bot.Bot) {
	ctx := context.Background()
	always := func(_, _ string, _, until time.Time) (time.Time, error) { return until, nil }
	run := func(bt *bot.Bot) (calls []time.Duration, busyCall, total time.Duration, after int) {
		clock.Advance(7 * day)
		rec.takePosts()
		start := time.Now()
		if err := bt.PostDueDigests(ctx, clock.Now().Add(-time.Minute), clock.Now(), always); err != nil {
			b.Fatal(err)
		}
		total = time.Since(start)
		posts, busy := rec.takePosts()
		prev := start
		for i, at := range posts {
			if i == busy {
				busyCall, after = at.Sub(prev), len(posts)-1-i
			} else {
				calls = append(calls, at.Sub(prev))
			}
			prev = at
		}
		slices.Sort(calls)
		return calls, busyCall, total, after
	}
	baseCalls, _, baseTotal, _ := run(quietBot)
	calls, busyCall, total, after := run(allBot)
	if len(calls) != len(baseCalls) || busyCall == 0 {
		b.Fatalf("got %d quiet digests and the busy one's call %v, want %d and a call", len(calls), busyCall, len(baseCalls))
	}
	b.Logf("digests, %d quiet workspaces: in %v, a call p50 %v, max %v; a week later with the busy one, whose post takes %v: in %v (%.2fx), quiet calls p50 %v, max %v, the busy one's call %v, which the %d workspaces posted after it waited for",
		len(baseCalls), baseTotal.Round(time.Millisecond), pct(baseCalls, 0.5).Round(time.Microsecond*100), pct(baseCalls, 1).Round(time.Microsecond*100),
		digestSlow, total.Round(time.Millisecond), total.Seconds()/baseTotal.Seconds(),
		pct(calls, 0.5).Round(time.Microsecond*100), pct(calls, 1).Round(time.Microsecond*100), busyCall.Round(time.Millisecond), after)
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
