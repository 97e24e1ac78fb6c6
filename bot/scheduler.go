package bot

import (
	"context"
	"errors"
	"time"
)

// JobLease is how long a claimed job is reserved for the replica running
// it: a replica that dies leaves its jobs to another after that.
const JobLease = 2 * time.Minute

// jobBatch is how many jobs one claim takes.
const jobBatch = 100

// retryBackoff is how long a failed job waits before its next try.
const retryBackoff = 5 * time.Minute

type jobFunc func(ctx context.Context, b *Bot, t Tenant, j Job) error

// jobTable maps job kinds to their handlers. Each handler checks the
// state it acts on, so that running a job twice does its work once.
func jobTable() map[string]jobFunc {
	return map[string]jobFunc{
		JobProposalSend:   runProposalSend,
		JobCharterSend:    runCharterSend,
		JobProposalRemind: runProposalRemind,
		JobProposalExpire: runProposalExpire,
		JobCharterRemind:  runCharterRemind,
		JobCharterExpire:  runCharterExpire,
		JobCheckin:        runCheckin,
		JobCheckinRemind:  runCheckin,
		JobSurvey:         runSurvey,
		JobEscalate:       runEscalate,
		JobIntro:          runIntro,
		JobNotice:         runNotice,
		JobTest:           runTestJob,
	}
}

// Tick runs every follow-up job that is due, in every workspace of the
// platforms registered here, and returns how many ran. Several replicas may
// tick at once: a job is leased to one of them. It is a plain method: a
// ticker calls it every MENTORBOT_TICK in production, tests call it after
// moving the clock.
func (b *Bot) Tick(ctx context.Context) (int, error) {
	tenants, err := b.Tenants(ctx)
	if err != nil {
		return 0, err
	}
	return b.TickTenants(ctx, tenants...)
}

// TickTenants is Tick for the given workspaces only. Tests that share one
// Redis with others running at the same time, each on its own clock, use
// it to run their own jobs and nobody else's.
func (b *Bot) TickTenants(ctx context.Context, tenants ...Tenant) (int, error) {
	ran := 0
	for _, t := range tenants {
		b.reindexOnce(ctx, t)
		for ctx.Err() == nil {
			jobs, err := b.store.ClaimJobs(ctx, t, b.clock.Now(), JobLease, jobBatch)
			if err != nil {
				return ran, err
			}
			for _, j := range jobs {
				if ctx.Err() != nil {
					// Killed mid-batch: the rest of the claim runs out and
					// another replica takes those jobs.
					return ran, ctx.Err()
				}
				b.runJob(ctx, t, j)
				ran++
			}
			if len(jobs) < jobBatch {
				break
			}
		}
	}
	return ran, ctx.Err()
}

// runJob runs one claimed job, then removes it, or moves it to a later try
// when it failed for a reason that may pass (a platform or Redis outage).
// The bookkeeping outlives a cancelled ctx, so a job that was done is
// never done again because its replica was stopped just after.
func (b *Bot) runJob(ctx context.Context, t Tenant, j Job) {
	run, ok := b.jobs[j.Kind()]
	kind, done := observedJob(b, ok, j)
	defer func() { b.observer().Job(kind, done) }()
	var err error
	if ok {
		err = run(ctx, b, t, j)
	}
	keep, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	switch code := ErrorCode(err); {
	case err == nil || !ok:
		err = b.store.FinishJob(keep, t, j)
	case code == EUNAVAILABLE || code == EINTERNAL || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || code == ESTALE && errors.Is(err, errInFlight):
		b.log.Warn("job will retry", "job", j.ID, "tenant", t.String(), "code", string(code))
		err = b.store.RetryJob(keep, t, j, b.clock.Now().Add(retryBackoff))
		done = JobRetried
	default:
		done = JobDropped
		b.log.Info("job dropped", "job", j.ID, "tenant", t.String(), "code", string(code))
		err = b.store.FinishJob(keep, t, j)
	}
	if err != nil {
		b.log.Error("job bookkeeping", "job", j.ID, "err", err)
	}
}

// errInFlight: another delivery of the same message may be under way.
var errInFlight = errors.New("delivery in flight")

// deliver sends a job's message to one member exactly once, whatever
// retries and replicas do: a delivery mark is taken before sending and
// confirmed after. A replica that dies between the two leaves a "pending"
// mark that expires with the job's lease, so the message is sent again
// rather than lost; only a crash between the platform accepting the
// message and the confirmation can repeat it.
func (b *Bot) deliver(ctx context.Context, jobID string, to MemberID, build func(Lang) Message) error {
	return b.once(ctx, to.Tenant(), jobID+":"+to.User, JobLease, func() error { return b.send(ctx, to, build) })
}

// once runs send at most once per key in a workspace, whatever retries and
// replicas do, and never loses it: the key is marked "pending" for lease
// before send, freed if send fails, and marked "done" after. It returns
// ESTALE (errInFlight) while another replica holds the pending mark: the
// caller retries later, and by then the mark is done or has expired. The
// bookkeeping outlives a cancelled ctx.
func (b *Bot) once(ctx context.Context, t Tenant, key string, lease time.Duration, send func() error) error {
	prev, err := b.store.MarkSent(ctx, t, key, lease)
	switch {
	case err != nil:
		return err
	case prev == "done":
		return nil
	case prev == "pending":
		return &Error{Code: ESTALE, Err: errInFlight}
	}
	keep, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := send(); err != nil {
		if uerr := b.store.UnmarkSent(keep, t, key); uerr != nil {
			b.log.Error("unmark sent", "tenant", t.String(), "key", key, "err", uerr)
		}
		return err
	}
	return b.store.ConfirmSent(keep, t, key)
}

// settings returns the workspace's settings: the defaults with the
// managers' overrides. With the store down it returns the defaults.
func (b *Bot) settings(ctx context.Context, t Tenant) Settings {
	now := time.Now()
	if s, ok := b.settingsCache.get(t, now); ok {
		return s
	}
	s := b.cfg.Defaults
	s.Kinds = append([]Kind(nil), s.Kinds...)
	over, err := b.store.Settings(ctx, t)
	if err != nil {
		b.log.Warn("settings unavailable, using defaults", "tenant", t.String(), "code", string(ErrorCode(err)))
		return s
	}
	if err := s.Apply(over); err != nil {
		b.log.Warn("settings", "tenant", t.String(), "err", err)
	}
	b.settingsCache.put(t, s, now)
	return s
}

// forgetSettings drops the cached settings of a workspace after a change.
func (b *Bot) forgetSettings(t Tenant) {
	b.settingsCache.forget(t)
}

// runTestJob delivers "ping" to the member named by the job (test:<user>:<n>).
// Scheduler tests use it to count deliveries.
func runTestJob(ctx context.Context, b *Bot, t Tenant, j Job) error {
	return b.deliver(ctx, j.ID, t.Member(j.Part(0)), func(Lang) Message { return Message{Text: "ping " + j.ID} })
}

// Sweep proposes mentors for the waiting requests of every workspace, as
// one optimal round each. Cron runs it on MENTORBOT_MATCH_SCHEDULE; it also
// runs by itself whenever a mentor offers or frees capacity.
func (b *Bot) Sweep(ctx context.Context) error {
	tenants, err := b.Tenants(ctx)
	if err != nil {
		return err
	}
	for _, t := range tenants {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		b.matchWaiting(ctx, t)
	}
	return nil
}

// Tenants lists the workspaces the bot knows on the platforms registered
// here, for scheduled work: a replica serving only Slack leaves Discord's
// workspaces to the deployment that serves Discord.
func (b *Bot) Tenants(ctx context.Context) ([]Tenant, error) {
	all, err := b.store.Tenants(ctx)
	if err != nil {
		return nil, err
	}
	b.mu.RLock()
	defer b.mu.RUnlock()
	out := all[:0]
	for _, t := range all {
		if _, ok := b.platforms[t.Platform]; ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// Settings returns a workspace's settings (cached briefly).
func (b *Bot) Settings(ctx context.Context, t Tenant) Settings { return b.settings(ctx, t) }
