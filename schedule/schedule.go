package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// Locker takes a named lock for a while if nobody holds it.
type Locker interface {
	TryLock(ctx context.Context, name string, ttl time.Duration) (bool, error)
}

// Entry is recurring work on a cron spec ("@hourly", "0 9 * * 1",
// "CRON_TZ=Europe/Paris 0 9 * * 1"), read in UTC unless it names its
// zone with CRON_TZ=.
type Entry struct {
	Name string
	Spec string
	Run  func(ctx context.Context, at time.Time) error
}

// Runner runs Tick every TickEvery and each Entry on its spec.
type Runner struct {
	TickEvery time.Duration
	Tick      func(ctx context.Context) (int, error)
	Entries   []Entry
	Lock      Locker
	Log       *slog.Logger
	// Now is the clock the cron specs are read with (time.Now if nil).
	Now func() time.Time
}

// zone is where the specs without CRON_TZ= are read: UTC, as documented
// (the retention at 03:17 UTC), whatever the process's TZ. robfig/cron
// would read them in time.Local; replicas in different zones would then
// fire at different instants, and name their locks (cron:NAME:<unix
// minute>) apart, so that a job ran once per zone.
var zone = time.UTC

// Parse checks a cron spec (standard 5 fields, descriptors like @hourly,
// optional CRON_TZ= prefix).
func Parse(spec string) (cron.Schedule, error) {
	return cron.ParseStandard(spec)
}

// Run runs until ctx is cancelled, then waits for running work to end.
func (r *Runner) Run(ctx context.Context) error {
	c, err := r.newCron(ctx)
	if err != nil {
		return err
	}
	c.Start()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r.tickLoop(ctx)
	}()
	<-ctx.Done()
	<-c.Stop().Done()
	wg.Wait()
	return nil
}

// newCron is the cron of the entries, reading their specs in zone.
func (r *Runner) newCron(ctx context.Context) (*cron.Cron, error) {
	c := cron.New(cron.WithLocation(zone), cron.WithParser(cron.NewParser(cron.Minute|cron.Hour|cron.Dom|cron.Month|cron.Dow|cron.Descriptor)))
	for _, e := range r.Entries {
		sched, err := Parse(e.Spec)
		if err != nil {
			return nil, fmt.Errorf("schedule %s: %w", e.Name, err)
		}
		c.Schedule(sched, cron.FuncJob(func() { r.Fire(ctx, e, r.now()) }))
	}
	return c, nil
}

// Fire runs the activation of an entry at time at, once across replicas:
// the lock is named after the activation's minute. It reports whether this
// replica ran it.
func (r *Runner) Fire(ctx context.Context, e Entry, at time.Time) bool {
	at = at.Truncate(time.Minute)
	name := fmt.Sprintf("cron:%s:%d", e.Name, at.Unix())
	ok, err := r.Lock.TryLock(ctx, name, time.Hour)
	if err != nil || !ok {
		if err != nil {
			r.Log.Warn("cron lock", "entry", e.Name, "err", err)
		}
		return false
	}
	if err := e.Run(ctx, at); err != nil {
		r.Log.Error("cron entry failed", "entry", e.Name, "err", err)
	}
	return true
}

// Activation is one run of an entry, at its time.
type Activation struct {
	Entry Entry
	At    time.Time
}

// Between lists the activations of entries in (from, to], in time order;
// activations at the same time keep the order of entries. Specs without
// CRON_TZ= are read in UTC, as Run reads them, whatever the zone of from.
func Between(entries []Entry, from, to time.Time) ([]Activation, error) {
	from, to = from.In(zone), to.In(zone)
	var acts []Activation
	for _, e := range entries {
		sched, err := Parse(e.Spec)
		if err != nil {
			return nil, fmt.Errorf("schedule %s: %w", e.Name, err)
		}
		for at := sched.Next(from); !at.IsZero() && !at.After(to); at = sched.Next(at) {
			acts = append(acts, Activation{Entry: e, At: at})
		}
	}
	slices.SortStableFunc(acts, func(a, b Activation) int { return a.At.Compare(b.At) })
	return acts, nil
}

// CatchUp runs every activation of the entries in (from, to], in time
// order and once across replicas (Fire), as the runner would have had
// the time passed: it is how a clock that jumps forward (the shell's
// :advance) gets its scheduled work done. Before each activation, step
// moves the clock to its time and runs the work due by then (the
// follow-up tick), so that the entry sees the state it would have seen.
func (r *Runner) CatchUp(ctx context.Context, from, to time.Time, step func(ctx context.Context, at time.Time)) error {
	acts, err := Between(r.Entries, from, to)
	if err != nil {
		return err
	}
	for _, a := range acts {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		step(ctx, a.At)
		r.Fire(ctx, a.Entry, a.At)
	}
	return nil
}

func (r *Runner) tickLoop(ctx context.Context) {
	if r.TickEvery <= 0 || r.Tick == nil {
		return
	}
	t := time.NewTicker(r.TickEvery)
	defer t.Stop()
	for {
		if n, err := r.Tick(ctx); err != nil && ctx.Err() == nil {
			r.Log.Error("tick", "err", err)
		} else if n > 0 {
			r.Log.Info("tick", "jobs", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// Last returns the last activation of spec in (since, now], or the zero
// time if it has none there: how a per-workspace schedule (in the
// workspace's time zone) is checked from a frequent global entry, which
// looks back over a day so that an activation missed (every replica
// down, a check that failed) is caught up. Past maxActivations in the
// interval (a spec of every minute over weeks), the last of those is
// returned.
func Last(spec string, since, now time.Time) (time.Time, error) {
	return LastIn(spec, zone, since, now) // a spec without CRON_TZ= is read in UTC
}

// LastIn is Last for a spec without CRON_TZ= read in loc, which may be a
// fixed offset ("UTC+2") that CRON_TZ= cannot name.
func LastIn(spec string, loc *time.Location, since, now time.Time) (time.Time, error) {
	since = since.In(loc)
	sched, err := Parse(spec)
	if err != nil {
		return time.Time{}, err
	}
	var last time.Time
	for at, n := sched.Next(since), 0; !at.IsZero() && !at.After(now) && n < maxActivations; at, n = sched.Next(at), n+1 {
		last = at
	}
	return last, nil
}

// maxActivations bounds the activations Last walks through.
const maxActivations = 10_000

// NextIn returns the first activation of spec after t, or the zero time if
// it has none within five years (robfig/cron's bound): how a
// per-workspace schedule tells when it next falls due (the reply to
// /mentor admin digest-channel). A spec without CRON_TZ= is read in
// loc, as LastIn reads it.
func NextIn(spec string, loc *time.Location, t time.Time) (time.Time, error) {
	sched, err := Parse(spec)
	if err != nil {
		return time.Time{}, err
	}
	return sched.Next(t.In(loc)), nil
}
