package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Outbox is what a state change owes once it is made: notices to members,
// and jobs that carry on its work (the next proposal of a request that
// went back to waiting). The store writes it in the same atomic step as
// the change, so a replica that dies just after the change loses neither:
// each notice is sent by its own job (JobNotice), which forgets it only
// once the platform took it.
type Outbox struct {
	Notices []Notice
	// Jobs are the notices' jobs and the follow-up work, scheduled with
	// the change.
	Jobs []Job
	// TTL is how long a notice waits for delivery.
	TTL time.Duration
}

// owed is one notice a state change owes a member, built in their language.
type owed struct {
	to    MemberID
	build func(Lang) Message
}

// outbox composes the notices a change owes and the jobs that send them,
// due now (the tick that made the change sends them at once), plus the
// follow-up jobs. ref names the change (a job ID): a notice's ID is
// ref and its rank, so a change retried after a crash owes the same
// notices, not new ones.
func (b *Bot) outbox(ctx context.Context, ref string, notices []owed, jobs ...Job) (Outbox, error) {
	out := Outbox{Jobs: jobs, TTL: noticeTTL}
	// The notices fall due before the jobs scheduled with them, which
	// may write to the same members after (a requeue's "no mentor is
	// available" after "the pair is cancelled"): the scheduler runs a
	// claim in due order.
	now := b.clock.Now().Add(-time.Millisecond)
	ref = strings.ReplaceAll(ref, ":", "-") // a notice ID is one part of its job ID
	for i, n := range notices {
		msg, err := b.compose(ctx, n.to, n.build)
		if err != nil {
			return Outbox{}, err
		}
		id := ref + "-" + strconv.Itoa(i)
		out.Notices = append(out.Notices, Notice{ID: id, To: n.to, Message: msg})
		out.Jobs = append(out.Jobs, NewJob(now, JobNotice, id))
	}
	return out, nil
}

// requeueJob carries on after a request went back to waiting: it proposes
// the next mentor and offers the freed mentor's slot to whoever waits.
func (b *Bot) requeueJob(request string, mentor MemberID, why string) Job {
	if why == "" {
		return NewJob(b.clock.Now(), JobRequeue, request, mentor.User)
	}
	return NewJob(b.clock.Now(), JobRequeue, request, mentor.User, why)
}

// requeueAfterExpiry is the third part of a requeue job after a proposal
// expired: the job tells the mentee, with what came of it.
const requeueAfterExpiry = "expired"

// runRequeue is the work after a request went back to waiting, scheduled
// with the change: it runs again harmlessly (a request no longer waiting
// is not proposed again; a mentor without a free slot is offered nothing).
func runRequeue(ctx context.Context, b *Bot, t Tenant, j Job) error {
	// The mentor's freed slot is offered to the waiting list whatever
	// comes of the mentee's notice: once the tick's jobs have run, so
	// that a request whose own proposal expired in the same tick is
	// proposed again by its own job, which tells its mentee once
	// (freedAfterJobs).
	defer b.freedAfterJobs(ctx, t.Member(j.Part(1)))
	if j.Part(2) == requeueAfterExpiry {
		if err := b.requeueExpired(ctx, t, j); err != nil && ErrorCode(err) != EGONE {
			return err // retried; a mentee who left (EGONE) is not
		}
		return nil
	}
	b.requeue(ctx, t, j.Part(0))
	return nil
}
