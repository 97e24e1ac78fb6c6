package store_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/mentorbot/mentorbot/store"
	"github.com/mentorbot/mentorbot/store/storetest"
	"github.com/redis/go-redis/v9"
)

// counter is a fake platform that counts deliveries per message, and can
// kill the replica it belongs to after a number of sends.
type counter struct {
	mu    sync.Mutex
	sends map[string]int
}

func (c *counter) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	if err := ctx.Err(); err != nil {
		return err // a killed replica delivers nothing more
	}
	c.mu.Lock()
	c.sends[msg.Text]++
	c.mu.Unlock()
	return nil
}

func (c *counter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sends)
}

func (c *counter) Introduce(ctx context.Context, ms []bot.MemberID, msg bot.Message) error {
	return nil
}

// replica is one bot instance with its own Redis connection pool, sharing
// the clock and the platform with the others.
type replica struct {
	bot  *bot.Bot
	kill context.CancelFunc
	ctx  context.Context
}

// killer wraps the platform of one replica: after n sends, it kills it.
type killer struct {
	*counter
	n    int
	kill func()
	mu   sync.Mutex
}

func (k *killer) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	err := k.counter.Send(ctx, to, msg)
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.n--; k.n == 0 {
		k.kill()
	}
	return err
}

// testLease is the replicas' job lease. A job's claim runs out on the
// test's clock, but a delivery's pending mark on Redis's, in real time: a
// send whose bookkeeping timed out on a loaded machine is sent again once
// its mark expires, 3 s later, and not 2 minutes (the default).
const testLease = 3 * time.Second

func newReplica(tb testing.TB, st bot.Store, clock bot.Clock, p bot.Platform, platform string) *replica {
	ctx, cancel := context.WithCancel(context.Background())
	b := bot.New(bot.Config{JobLease: testLease}, st, clock, rand.NewChaCha8([32]byte{}), nil)
	b.Register(platform, p)
	return &replica{bot: b, kill: cancel, ctx: ctx}
}

// drain ticks until nothing is due or the replica is killed.
func (r *replica) drain() {
	for r.ctx.Err() == nil {
		n, err := r.bot.Tick(r.ctx)
		if n == 0 && err == nil {
			return
		}
	}
}

func scheduleTestJobs(tb testing.TB, st bot.Store, tn bot.Tenant, n int, at time.Time) {
	tb.Helper()
	const batch = 500
	for i := 0; i < n; i += batch {
		var jobs []bot.Job
		for j := i; j < i+batch && j < n; j++ {
			jobs = append(jobs, bot.NewJob(at, bot.JobTest, "u"+strconv.Itoa(j%50), strconv.Itoa(j)))
		}
		storetest.MustOK(tb, st.ScheduleJobs(context.Background(), tn, false, jobs...))
	}
}

// settle moves the clock past every lease and retry and runs drain again,
// until n messages were delivered, for up to 30 s of real time: a send
// held up by its pending mark waits for the mark to expire in real time.
func settle(clock *bot.ManualClock, c *counter, n int, drain func()) {
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		clock.Advance(testLease + 10*time.Minute)
		drain()
		if c.count() >= n {
			return
		}
	}
}

// ownPlatform gives the tenant a platform of its own: a replica's Tick
// serves every tenant of its platforms, so two runs of a test sharing one
// Redis (two checkouts, two helpers) would otherwise deliver each
// other's jobs, and count them as sent twice.
func ownPlatform(tn bot.Tenant) bot.Tenant {
	tn.Platform += "-" + tn.Workspace
	return tn
}

// mustExactlyOnce checks that each of n test jobs was delivered once.
func mustExactlyOnce(tb testing.TB, c *counter, n int) {
	tb.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	dup := 0
	for _, k := range c.sends {
		if k != 1 {
			dup++
		}
	}
	if len(c.sends) != n || dup != 0 {
		tb.Fatalf("got %d distinct messages (%d not sent exactly once), want %d each sent once", len(c.sends), dup, n)
	}
}

// TestSchedulerExactlyOnce: three replicas on one real Redis drain 10,000
// due jobs; one is killed mid-run. After the dead replica's leases run
// out, every job has had its effect exactly once.
func TestSchedulerExactlyOnce(t *testing.T) {
	const jobs = 10000
	tn := ownPlatform(storetest.Tenant(t, "sched"))
	clock := bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	c := &counter{sends: map[string]int{}}
	first := storetest.MustReal(t)
	scheduleTestJobs(t, first, tn, jobs, clock.Now())

	var replicas []*replica
	for i := range 3 {
		st := first
		if i > 0 {
			st = storetest.MustReal(t)
		}
		var p bot.Platform = c
		r := newReplica(t, st, clock, nil, tn.Platform)
		if i == 0 {
			p = &killer{counter: c, n: 1234, kill: r.kill}
		}
		r.bot.Register(tn.Platform, p)
		replicas = append(replicas, r)
	}
	var wg sync.WaitGroup
	for _, r := range replicas {
		wg.Add(1)
		go func() { defer wg.Done(); r.drain() }()
	}
	wg.Wait()
	if replicas[0].ctx.Err() == nil {
		t.Fatal("got replica 0 alive, want it killed mid-run")
	}
	// The jobs the dead replica had claimed come back after their lease.
	settle(clock, c, jobs, replicas[1].drain)
	mustExactlyOnce(t, c, jobs)
	left, _ := first.ClaimJobs(context.Background(), tn, clock.Now().Add(time.Hour), time.Minute, 10)
	if len(left) != 0 {
		t.Fatalf("got %d jobs left, want none", len(left))
	}
}

// TestSchedulerRedisRestart: the Redis (one this test owns, with an
// append-only file) restarts in the middle of a drain; the jobs resume and
// none is lost or doubled.
func TestSchedulerRedisRestart(t *testing.T) {
	srv := storetest.MustServer(t, "--appendonly", "yes", "--appendfsync", "always")
	st, err := store.Open(context.Background(), "redis://"+srv.Addr+"/0")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const jobs = 2000
	tn := ownPlatform(storetest.Tenant(t, "restart"))
	clock := bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	c := &counter{sends: map[string]int{}}
	scheduleTestJobs(t, st, tn, jobs, clock.Now())

	r := newReplica(t, st, clock, nil, tn.Platform)
	restarted := make(chan struct{})
	r.bot.Register(tn.Platform, &killer{counter: c, n: 700, kill: func() {
		srv.Stop()   // Redis goes away (killed: the append-only file is all that survives)
		srv.Start(t) // and comes back, mid-batch
		close(restarted)
	}})
	for i := 0; i < 200 && c.count() < jobs; i++ {
		r.bot.Tick(r.ctx) // errors while Redis is down are expected: tick again
		clock.Advance(bot.JobLease + 10*time.Minute)
	}
	<-restarted
	mustExactlyOnce(t, c, jobs)
}

// hanger is a platform whose sends hang until their deadline, as a Web
// API that took the message and never answered: it counts the attempts.
type hanger struct {
	mu       sync.Mutex
	attempts int
}

func (h *hanger) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	h.mu.Lock()
	h.attempts++
	h.mu.Unlock()
	select {
	case <-ctx.Done():
		return fmt.Errorf("post: %w", ctx.Err())
	case <-time.After(2 * time.Second):
		return fmt.Errorf("post: %w", context.DeadlineExceeded)
	}
}

func (h *hanger) Introduce(ctx context.Context, ms []bot.MemberID, msg bot.Message) error {
	return h.Send(ctx, ms[0], msg)
}

// TestSchedulerUnknownOutcome (D1): a send cut by its deadline while the
// platform may have taken it is not repeated by later ticks.
func TestSchedulerUnknownOutcome(t *testing.T) {
	tn := ownPlatform(storetest.Tenant(t, "unknown"))
	clock := bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	st := storetest.MustOpen(t)
	h := &hanger{}
	b := bot.New(bot.Config{JobLease: 400 * time.Millisecond}, st, clock, rand.NewChaCha8([32]byte{}), nil)
	b.Register(tn.Platform, h)
	storetest.MustOK(t, st.ScheduleJobs(context.Background(), tn, false, bot.NewJob(clock.Now(), bot.JobTest, "u1", "1")))
	start := time.Now()
	for range 3 {
		if _, err := b.TickTenants(context.Background(), tn); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Hour)
	}
	if h.attempts != 1 {
		t.Fatalf("got %d attempts, want 1 (an unknown outcome is not repeated)", h.attempts)
	}
	if took := time.Since(start); took > time.Second {
		t.Fatalf("got the send cut after %s, want within half the lease", took)
	}
}

// TestSchedulerKilledReplica (D8): a replica killed at its first job
// holds up no other: another replica runs all the rest at once, without
// waiting for a lease to run out.
func TestSchedulerKilledReplica(t *testing.T) {
	const jobs = 50
	tn := ownPlatform(storetest.Tenant(t, "killed"))
	clock := bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	c := &counter{sends: map[string]int{}}
	st := storetest.MustOpen(t)
	scheduleTestJobs(t, st, tn, jobs, clock.Now())
	dying := newReplica(t, st, clock, nil, tn.Platform)
	dying.bot.Register(tn.Platform, &killer{counter: c, n: 1, kill: dying.kill})
	dying.drain()
	other := newReplica(t, st, clock, c, tn.Platform)
	other.drain() // the clock has not moved: no lease has run out
	if got := c.count(); got < jobs-1 {
		t.Fatalf("got %d jobs done, want at least %d (all but the one the dead replica ran)", got, jobs-1)
	}
	mustExactlyOnce(t, c, jobs)
}

// TestPoolBusy (D10): a command that waits in vain for one of the pool's
// connections, all taken, is told the bot is busy, not that its database
// cannot be reached.
func TestPoolBusy(t *testing.T) {
	srv := storetest.MustServer(t, "--appendonly", "yes", "--appendfsync", "always")
	st, err := store.Open(context.Background(), "redis://"+srv.Addr+"/0?pool_size=1&pool_timeout=100ms&pipeline_pool_size=-1")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	admin := redis.NewClient(&redis.Options{Addr: srv.Addr})
	defer admin.Close()
	if err := admin.Do(context.Background(), "CLIENT", "PAUSE", "1000").Err(); err != nil {
		t.Fatal(err)
	}
	tn := ownPlatform(storetest.Tenant(t, "busy"))
	go st.SetSetting(context.Background(), tn, "holder", "1") // holds the only connection
	time.Sleep(50 * time.Millisecond)
	err = st.SetSetting(context.Background(), tn, "waiter", "1")
	var e *bot.Error
	if !errors.As(err, &e) || e.Code != bot.EUNAVAILABLE || e.Key != "err.busy" {
		t.Fatalf("got %v, want EUNAVAILABLE with err.busy", err)
	}
}

// outage is a platform that takes every message and, at the first one,
// stops Redis right after, as a Redis restart or failover at the worst
// moment would; Redis comes back 300 ms later.
type outage struct {
	counter
	srv  *storetest.Server
	t    *testing.T
	once sync.Once
	back chan struct{}
	down time.Duration // how long Redis stays away; 300 ms if zero
}

func (o *outage) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	err := o.counter.Send(ctx, to, msg)
	o.once.Do(func() {
		o.srv.Stop()
		go func() {
			defer close(o.back)
			time.Sleep(cmp.Or(o.down, 300*time.Millisecond))
			o.srv.Start(o.t)
		}()
	})
	return err
}

// TestSchedulerConfirmAfterOutage: a message the platform took just
// before Redis went away is not sent again: its delivery mark is
// confirmed once Redis is back, before the mark's lease runs out, and
// the job's later tries find it sent.
func TestSchedulerConfirmAfterOutage(t *testing.T) {
	srv := storetest.MustServer(t, "--appendonly", "yes", "--appendfsync", "always")
	st, err := store.Open(context.Background(), "redis://"+srv.Addr+"/0")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tn := storetest.Tenant(t, "confirm")
	clock := bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	const lease = 3 * time.Second
	b := bot.New(bot.Config{JobLease: lease, JobRetry: time.Second}, st, clock, rand.NewChaCha8([32]byte{}), nil)
	p := &outage{counter: counter{sends: map[string]int{}}, srv: srv, t: t, back: make(chan struct{})}
	b.Register(tn.Platform, p)
	storetest.MustOK(t, st.ScheduleJobs(context.Background(), tn, false, bot.NewJob(clock.Now(), bot.JobTest, "u1", "1")))
	_, _ = b.TickTenants(context.Background(), tn) // errors while Redis is down are expected
	<-p.back
	// Tick past the mark's lease, in real time (Redis's clock), and past
	// every job lease and retry on the bot's clock.
	for end := time.Now().Add(lease + 1500*time.Millisecond); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		clock.Advance(lease + time.Minute)
		_, _ = b.TickTenants(context.Background(), tn)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if got := p.sends["ping "+bot.JobTest+":u1:1"]; got != 1 {
		t.Fatalf("got the message sent %d times (%v), want once", got, p.sends)
	}
}

// verifying is an outage platform that can tell whether a message tagged
// with a delivery key reached its member (bot.Verifier), as Slack's
// conversations.history can.
type verifying struct {
	outage
	tags sync.Map // delivery key → true
}

func (v *verifying) Send(ctx context.Context, to bot.MemberID, msg bot.Message) error {
	v.tags.Store(msg.Delivery, true)
	return v.outage.Send(ctx, to, msg)
}

func (v *verifying) Delivered(ctx context.Context, to bot.MemberID, key string) (bool, error) {
	_, ok := v.tags.Load(key)
	return ok, nil
}

// TestSchedulerVerifiedAfterLongOutage: Redis goes away right after the
// platform took a message, for longer than the delivery mark's lease, as
// a replica killed between the send and its confirmation leaves it. The
// retry that takes the mark over asks the platform, finds the message
// delivered (by its delivery key) and does not send it again.
func TestSchedulerVerifiedAfterLongOutage(t *testing.T) {
	srv := storetest.MustServer(t, "--appendonly", "yes", "--appendfsync", "always")
	st, err := store.Open(context.Background(), "redis://"+srv.Addr+"/0")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tn := storetest.Tenant(t, "verify")
	clock := bot.NewManualClock(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	const lease = time.Second
	b := bot.New(bot.Config{JobLease: lease, JobRetry: time.Second}, st, clock, rand.NewChaCha8([32]byte{}), nil)
	p := &verifying{outage: outage{counter: counter{sends: map[string]int{}}, srv: srv, t: t, back: make(chan struct{}), down: 2 * lease}}
	b.Register(tn.Platform, p)
	storetest.MustOK(t, st.ScheduleJobs(context.Background(), tn, false, bot.NewJob(clock.Now(), bot.JobTest, "u1", "1")))
	_, _ = b.TickTenants(context.Background(), tn) // the confirmation gives up at the lease
	<-p.back
	for end := time.Now().Add(3 * lease); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		clock.Advance(time.Hour)
		_, _ = b.TickTenants(context.Background(), tn)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if got := p.sends["ping "+bot.JobTest+":u1:1"]; got != 1 {
		t.Fatalf("got the message sent %d times (%v), want once", got, p.sends)
	}
	if _, ok := p.tags.Load(bot.JobTest + ":u1:1:u1"); !ok {
		t.Fatal("got no delivery key on the message, want the job's")
	}
}
