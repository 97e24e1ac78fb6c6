package bot

import (
	"context"
	"errors"
	"maps"
	"slices"
	"time"
)

// JobStore keeps the scheduled jobs, claimed by one replica at a time
// (scheduler.go).
type JobStore interface {
	// ScheduleJobs adds jobs; a job whose ID is already scheduled keeps its
	// due time, unless Job.Due is earlier and earlier is set.
	ScheduleJobs(ctx context.Context, t Tenant, earlier bool, jobs ...Job) error

	// ClaimJobs takes up to limit jobs due at now and leases them until
	// now+lease: another claim sees them again only after that. Each Job
	// has the time it was due (a lease that ran out: when it ran out).
	ClaimJobs(ctx context.Context, t Tenant, now time.Time, lease time.Duration, limit int) ([]Job, error)

	// FinishJob removes a claimed job, unless another replica claimed it
	// since (its lease changed).
	FinishJob(ctx context.Context, t Tenant, j Job) error

	// RetryJob moves a claimed job to at, unless another replica claimed it since.
	RetryJob(ctx context.Context, t Tenant, j Job, at time.Time) error

	// Tenants lists every workspace the bot has seen.
	Tenants(ctx context.Context) ([]Tenant, error)
}

// JobLease is how long a claimed job is reserved for the replica running
// it, unless Config.JobLease says otherwise: a replica that dies leaves
// its job to another after that.
const JobLease = 2 * time.Minute

// lease is the configured job lease.
func (b *Bot) lease() time.Duration { return b.cfg.JobLease }

// jobBatch is how many jobs one claim takes: one, so that a replica that
// dies holds up only the job it was running, not a batch waiting behind
// it for the lease to run out. A claim is one short script; the job it
// claims costs several round trips anyway.
const jobBatch = 1

// JobRetry is how long a failed job waits before its next try, unless
// Config.JobRetry says otherwise. The delivery marks (once) make a retry
// harmless: what was sent is not sent again.
const JobRetry = 5 * time.Minute

type jobFunc func(ctx context.Context, b *Bot, t Tenant, j Job) error

// jobTable maps job kinds to their handlers. Each handler checks the
// state it acts on, so that running a job twice does its work once.
func jobTable() map[string]jobFunc {
	return map[string]jobFunc{
		JobProposalSend:    runProposalSend,
		JobCharterSend:     runCharterSend,
		JobProposalRemind:  runProposalRemind,
		JobProposalExpire:  runProposalExpire,
		JobCharterRemind:   runCharterRemind,
		JobCharterExpire:   runCharterExpire,
		JobCheckin:         runCheckin,
		JobCheckinRemind:   runCheckin,
		JobCheckinQuiet:    runCheckinQuiet,
		JobSurvey:          runSurvey,
		JobEscalate:        runEscalate,
		JobIntro:           runIntro,
		JobNotice:          runNotice,
		JobRequeue:         runRequeue,
		JobInbound:         runInbound,
		JobTest:            runTestJob,
		JobProgramStart:    runProgramStart,
		JobProgramEnd:      runProgramEnd,
		JobProgramReport:   runProgramReport,
		JobProgramReinvite: runProgramReinvite,
		JobSpeed:           runSpeed,
		JobSpeedCancel:     runSpeedCancel,
		JobCampaign:        runCampaignBatch,
		JobUnpause:         runUnpause,
		JobMeetInvite:      runMeetInvite,
		JobMeetCancel:      runMeetCancel,
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
//
// The workspaces take turns: each pass claims one batch (jobBatch) from
// every workspace that still had jobs due in the pass before, so that a
// workspace with a backlog of thousands delays another's due job by at
// most one of its batches per pass, not by its whole backlog. A workspace
// leaves the turns once it has nothing due; the jobs that become due while
// others drain wait for the next tick. So that this wait stays within one
// tick, a tick starts no new pass once it has run for Config.Tick: the
// ticker then starts the next at once, and that one looks at every
// workspace again.
func (b *Bot) TickTenants(ctx context.Context, tenants ...Tenant) (int, error) {
	// The offers that the jobs resume are offered to the waitlist
	// together, once the jobs have run (resumedOffers).
	ctx, resumed := withResumed(ctx)
	defer resumed.match(ctx, b)
	ran := 0
	start := b.clock.Now()
	turns := append([]Tenant(nil), tenants...)
	for first := true; len(turns) > 0 && ctx.Err() == nil; first = false {
		if !first && b.cfg.Tick > 0 && b.clock.Now().Sub(start) >= b.cfg.Tick {
			break // the next tick goes on, with every workspace in turn
		}
		next := turns[:0]
		for _, t := range turns {
			if first {
				b.reindexOnce(ctx, t)
			}
			n, err := b.tickBatch(ctx, t)
			ran += n
			if err != nil {
				return ran, err
			}
			if n > 0 {
				next = append(next, t) // also claims the jobs that the jobs run here made due now
			}
		}
		turns = next
	}
	return ran, ctx.Err()
}

// tickBatch claims one batch of t's due jobs and runs it, and returns how
// many ran: 0 when none was due.
func (b *Bot) tickBatch(ctx context.Context, t Tenant) (int, error) {
	jobs, err := b.store.jobs.ClaimJobs(ctx, t, b.clock.Now(), b.lease(), jobBatch)
	if err != nil {
		return 0, err
	}
	// In the order they fell due: a claim gathers them bucket by bucket,
	// and a member must read an outbox's notice ("the pair is
	// cancelled") before what the job scheduled after it says (the
	// requeue's "no mentor is available").
	slices.SortStableFunc(jobs, func(a, b Job) int { return a.Due.Compare(b.Due) })
	for i, j := range jobs {
		if ctx.Err() != nil {
			// Killed mid-batch: the rest of the claim runs out and
			// another replica takes those jobs.
			return i, ctx.Err()
		}
		b.runJob(ctx, t, j)
	}
	return len(jobs), nil
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
	keep, cancel := context.WithTimeout(context.WithoutCancel(ctx), bookkeeping)
	defer cancel()
	switch code := ErrorCode(err); {
	case err == nil || !ok:
		err = b.store.jobs.FinishJob(keep, t, j)
	case code == EUNAVAILABLE || code == EINTERNAL || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || code == ESTALE && errors.Is(err, errInFlight):
		b.log.Warn("job will retry", "job", j.ID, "tenant", t.String(), "code", string(code))
		err = b.store.jobs.RetryJob(keep, t, j, b.clock.Now().Add(b.cfg.JobRetry))
		done = JobRetried
	default:
		done = JobDropped
		b.log.Info("job dropped", "job", j.ID, "tenant", t.String(), "code", string(code))
		err = b.store.jobs.FinishJob(keep, t, j)
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
//
// That crash is caught where the platform can tell (Verifier): the retry
// that finds the dead replica's mark asks whether the message, tagged
// with its delivery key, reached the member, and sends it only if not.
func (b *Bot) deliver(ctx context.Context, jobID string, to MemberID, build func(Lang) Message) error {
	key := jobID + ":" + to.User
	tagged := func(l Lang) Message { m := build(l); m.Delivery = key; return m }
	return b.onceVerified(ctx, to.Tenant(), key, b.lease(), func(ctx context.Context) error { return b.send(ctx, to, tagged) }, b.verifier(to, key))
}

// verifier returns how to ask to's platform whether the message tagged
// key reached them, or nil if it cannot tell.
func (b *Bot) verifier(to MemberID, key string) func(ctx context.Context) (bool, error) {
	p, err := b.platform(to)
	if err != nil {
		return nil
	}
	v, ok := p.(Verifier)
	if !ok {
		return nil
	}
	return func(ctx context.Context) (bool, error) { return v.Delivered(ctx, to, key) }
}

// Delivery marks: what MarkSent finds, and ConfirmSent leaves.
const (
	markPending = "pending"
	markDone    = "done"
	// markRetry: a replica died while it held the mark; the message may
	// have gone out.
	markRetry = "retry"
	// markUnknown: the send was cut by its deadline while the platform
	// may have taken it. It is not repeated: a member would rather miss
	// one message (the reminders and timeouts that follow every message
	// still come) than receive it twice.
	markUnknown = "unknown"
)

// sentKept is how long a delivery mark lasts once confirmed: far longer
// than any job can be retried.
const sentKept = 90 * 24 * time.Hour

// sendBudget is how long the work of once may take: half the mark's lease,
// so that the mark, still "pending", outlives the send and its
// confirmation, and no other replica can start the same send meanwhile.
// Every wait of the send, a platform's Retry-After included, fits in it:
// the adapters give up at once on a wait that would outlive it.
func sendBudget(lease time.Duration) time.Duration { return lease / 2 }

// once runs send at most once per key in a workspace, whatever retries and
// replicas do, and never loses it to a failure the platform reported: the
// key is marked "pending" for lease before send, freed if send fails, and
// marked "done" after. It returns ESTALE (errInFlight) while another
// replica holds the pending mark: the caller retries later, and by then
// the mark is done or has expired.
//
// send gets a context whose deadline covers all of it (sendBudget), and
// which a cancelled ctx does not cut short: a send is finished or given
// up, never abandoned halfway. When the deadline cuts a send whose
// outcome is unknown (the platform may have taken it), the key is marked
// "unknown" and not sent again. The bookkeeping after send has its own
// budget, counted from the end of the send.
func (b *Bot) once(ctx context.Context, t Tenant, key string, lease time.Duration, send func(ctx context.Context) error) error {
	return b.onceVerified(ctx, t, key, lease, send, nil)
}

// onceVerified is once, which, when it takes over the mark of a replica
// that died mid-send, first asks verify (if set) whether the message went
// out, and then only confirms it.
func (b *Bot) onceVerified(ctx context.Context, t Tenant, key string, lease time.Duration, send func(ctx context.Context) error, verify func(ctx context.Context) (bool, error)) error {
	// The mark's lease runs on Redis's clock, in real time.
	markExpires := time.Now().Add(lease)
	prev, err := b.store.delivery.MarkSent(ctx, t, key, lease)
	switch {
	case err != nil:
		return err
	case prev == markDone || prev == markUnknown:
		return nil
	case prev == markPending:
		return &Error{Code: ESTALE, Err: errInFlight}
	case prev == markRetry && verify != nil:
		vctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sendBudget(lease)/2)
		sent, err := verify(vctx)
		cancel()
		if err == nil && sent {
			b.log.Warn("delivery found sent by a replica that died", "tenant", t.String(), "key", key)
			return b.confirmSent(ctx, t, key, markExpires)
		}
		if err != nil {
			b.log.Warn("delivery not verified: sent again", "tenant", t.String(), "key", key, "code", string(ErrorCode(err)))
		}
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sendBudget(lease))
	err = send(sctx)
	unknown := err != nil && sctx.Err() != nil && outcomeUnknown(err)
	cancel()
	keep, stop := context.WithTimeout(context.WithoutCancel(ctx), bookkeeping)
	defer stop()
	switch {
	case unknown:
		b.log.Error("send outcome unknown, not repeated", "tenant", t.String(), "key", key, "err", err)
		return b.store.delivery.ConfirmSent(keep, t, key, markUnknown, sentKept)
	case err != nil && verify != nil && maybeSent(err):
		// The platform may have taken it, and can tell later: the mark
		// stays "pending". Once its lease runs out, the next try finds
		// "retry", asks verify, and sends only if the message is not
		// there. Freed now, the job's retry would send it a second time.
		b.log.Warn("send outcome unknown; verified before any new try", "tenant", t.String(), "key", key, "code", string(ErrorCode(err)))
		return err
	case err != nil:
		if uerr := b.store.delivery.UnmarkSent(keep, t, key); uerr != nil {
			b.log.Error("unmark sent", "tenant", t.String(), "key", key, "err", uerr)
		}
		return err
	}
	return b.confirmSent(ctx, t, key, markExpires)
}

// confirmSent marks a key "done" once its message was sent. A Redis that
// does not answer (it restarts, fails over) is asked again until the
// pending mark would expire: until then no replica sends the message
// again, and a confirmation that lands in time means it never will. Past
// that, the message may be sent once more: a Redis outage longer than
// the job lease (MENTORBOT_JOB_LEASE), right after a send, may repeat it.
//
// Whoever waits for the send (a member's reply to their command) waits
// for the confirmation confirmInline at most, or until ctx ends: the
// message is sent, and the confirmation goes on in the background. Before,
// a Redis that dropped right after a proposal's DM held the requester's
// reply until it came back, ctx or not.
func (b *Bot) confirmSent(ctx context.Context, t Tenant, key string, until time.Time) error {
	return b.confirmSentBy(ctx, t, key, until, time.Now().Add(confirmInline))
}

// confirmInline is how long a send waits for its confirmation before the
// confirmation goes on in the background (confirmSent).
const confirmInline = 2 * time.Second

func (b *Bot) confirmSentBy(ctx context.Context, t Tenant, key string, until, inline time.Time) error {
	wait := 50 * time.Millisecond
	for {
		keep, stop := context.WithTimeout(context.WithoutCancel(ctx), bookkeeping)
		err := b.store.delivery.ConfirmSent(keep, t, key, markDone, sentKept)
		stop()
		if err == nil || ErrorCode(err) != EUNAVAILABLE || time.Now().Add(wait).After(until) {
			return err
		}
		if ctx.Err() != nil || time.Now().Add(wait).After(inline) {
			b.log.Warn("delivery not confirmed yet: confirming in the background", "tenant", t.String(), "key", key)
			go func() {
				if err := b.confirmSentBy(context.WithoutCancel(ctx), t, key, until, until); err != nil {
					b.log.Error("delivery not confirmed: may be sent again", "tenant", t.String(), "key", key, "code", string(ErrorCode(err)))
				}
			}()
			return nil
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
	}
}

// bookkeeping is the budget of the Redis writes that record what a job or
// a send did; they outlive a cancelled ctx.
const bookkeeping = 5 * time.Second

// outcomeUnknown reports whether a send that failed at its deadline may
// still have reached the platform: it was cut while a request was in
// flight. A send that gave up before asking again (a Retry-After longer
// than the time left) did not reach it.
func outcomeUnknown(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
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
// workspaces to the deployment that serves Discord. A platform that says
// it does not serve a workspace (Serving: the app was removed from it)
// has it left out too.
func (b *Bot) Tenants(ctx context.Context) ([]Tenant, error) {
	all, err := b.store.jobs.Tenants(ctx)
	if err != nil {
		return nil, err
	}
	platforms := b.registered()
	out := all[:0]
	for _, t := range all {
		p, ok := platforms[t.Platform]
		if !ok {
			continue
		}
		if s, ok := p.(Serving); ok && !s.Serves(ctx, t) {
			continue
		}
		out = append(out, t)
	}
	return out, nil
}

// registered returns a copy of the platforms registered, so that their
// methods (Serves may read a store) run without holding b.mu.
func (b *Bot) registered() map[string]Platform {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return maps.Clone(b.platforms)
}
