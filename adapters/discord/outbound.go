package discord

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mentorbot/mentorbot/bot"
)

// Outbound sizes the bulkheads that carry REST calls out, one per kind of
// destination: the interaction webhooks (the edit or follow-up that
// completes a deferred reply, and the adapter's own follow-up notes) and
// the bot's REST routes (DMs, channel messages, threads, attachments,
// member lookups). Each kind has its own bounded queue and its own
// workers, so a route that stops answering holds only its own workers
// and fills only its own queue: the acks, and the replies of every other
// member, never wait on it. The zero value of each field means its
// default.
type Outbound struct {
	// Workers is how many calls of one kind go out at once. Default 32.
	Workers int
	// Queue is how many calls of one kind may wait for a worker. Default
	// 1024. An interaction that finds no room left for its reply on the
	// webhook lane is answered at once that the bot is busy, before the
	// core runs; a REST call that finds its lane full fails at once with
	// EUNAVAILABLE and the busy sentence (err.busy).
	Queue int
	// ReplyTimeout bounds the completion of one deferred reply on the
	// webhook lane, Retry-After waits included. Default 5 s.
	ReplyTimeout time.Duration
	// RESTTimeout bounds a REST call whose caller set no deadline. A
	// caller's own deadline is the call's: a call the lane cut short
	// itself would have an unknown outcome that its caller (bot.once)
	// could not tell from a failure, and would send again. Default 15 s.
	RESTTimeout time.Duration
	// LookupTimeout bounds a member lookup (GET guilds/{g}/members/{u}),
	// which the core can do without: a member should not wait out a slow
	// lookup for a nickname. Default 2 s.
	LookupTimeout time.Duration
}

func (o *Outbound) defaults() {
	if o.Workers <= 0 {
		o.Workers = 32
	}
	if o.Queue <= 0 {
		o.Queue = 1024
	}
	o.ReplyTimeout = orDefault(o.ReplyTimeout, 5*time.Second)
	o.RESTTimeout = orDefault(o.RESTTimeout, 15*time.Second)
	o.LookupTimeout = orDefault(o.LookupTimeout, 2*time.Second)
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Errors of a lane that takes no more calls. Both are EUNAVAILABLE with
// the busy sentence: Discord, or the bot's way to it, is overloaded, and
// the database is not to blame.
var (
	errLaneFull   = &bot.Error{Code: bot.EUNAVAILABLE, Key: "err.busy", Err: constError("discord REST queue full")}
	errLaneClosed = &bot.Error{Code: bot.EUNAVAILABLE, Key: "err.busy", Err: constError("discord REST queue closed")}
	errNotStarted = &bot.Error{Code: bot.EUNAVAILABLE, Key: "err.busy", Err: constError("deadline passed while queued for discord REST: not sent")}
)

type constError string

func (e constError) Error() string { return string(e) }

// lane is one bulkhead: a fixed set of workers taking tasks from a queue
// whose room is handed out as tickets. A ticket is taken without waiting
// (reserve), and then either used for one task (run) or given back
// (release); the queue always has room for the task of a ticket, so run
// never waits. Tickets number workers+queue: that many tasks, at most,
// are waiting or running at once.
type lane struct {
	tasks   chan func(ctx context.Context)
	tickets chan struct{}
	timeout time.Duration
	base    context.Context
	cancel  context.CancelFunc

	mu      sync.Mutex
	closed  bool
	held    sync.WaitGroup // tickets taken and not yet run or released
	workers sync.WaitGroup
}

func newLane(workers, queue int, timeout time.Duration) *lane {
	ctx, cancel := context.WithCancel(context.Background())
	l := &lane{
		tasks: make(chan func(context.Context), workers+queue), tickets: make(chan struct{}, workers+queue),
		timeout: timeout, base: ctx, cancel: cancel,
	}
	l.workers.Add(workers)
	for range workers {
		go l.work()
	}
	return l
}

func (l *lane) work() {
	defer l.workers.Done()
	for task := range l.tasks {
		task(l.base) // gives its ticket back when done
	}
}

// ticket is room for one task on a lane.
type ticket struct {
	l    *lane
	used atomic.Bool
}

// reserve takes a ticket if the lane has room and is open, without
// waiting.
func (l *lane) reserve() (*ticket, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, false
	}
	select {
	case l.tickets <- struct{}{}:
		l.held.Add(1)
		return &ticket{l: l}, true
	default:
		return nil, false
	}
}

// run queues task, which gets a context bounded by the lane's timeout.
// It never waits. A ticket is used once: run or release.
func (t *ticket) run(task func(ctx context.Context)) {
	if !t.used.CompareAndSwap(false, true) {
		return
	}
	l := t.l
	l.tasks <- func(base context.Context) {
		defer func() { <-l.tickets }()
		ctx, cancel := context.WithTimeout(base, l.timeout)
		defer cancel()
		task(ctx)
	}
	l.held.Done()
}

// release gives the ticket back unused.
func (t *ticket) release() {
	if !t.used.CompareAndSwap(false, true) {
		return
	}
	<-t.l.tickets
	t.l.held.Done()
}

// do runs fn on the lane and returns its error, for a caller that needs
// the outcome (a DM from the core). It fails at once when the lane is
// full or closed. fn runs on ctx, the caller's (and with no deadline, on
// the lane's timeout), cancelled too if close gives up waiting. When ctx
// ends before a worker took fn, fn never runs and do says it was not
// sent (errNotStarted: nothing reached Discord, so it may be sent again).
// So it is when ctx ends while no request of fn is on its way and each
// one so far was refused (a 429, a 5xx) or never left (discordgo's rate
// limiter may sleep, deaf to ctx, before it sends). Otherwise do returns
// ctx's error at once, which says the outcome is unknown, and the caller
// must not send it again blindly.
func (l *lane) do(ctx context.Context, fn func(ctx context.Context) error) error {
	t, ok := l.reserve()
	if !ok {
		if l.isClosed() {
			return errLaneClosed
		}
		return errLaneFull
	}
	const queued, started, abandoned = 0, 1, 2
	var state atomic.Int32
	var sent sentState // what the transport saw (transport.go)
	done := make(chan error, 1)
	l.tasks <- func(base context.Context) {
		if !state.CompareAndSwap(queued, started) {
			<-l.tickets
			return // its caller gave up: not sent
		}
		fctx, cancel := context.WithCancel(context.WithValue(ctx, sentKey{}, &sent))
		defer cancel()
		if _, has := ctx.Deadline(); !has {
			fctx, cancel = context.WithTimeout(fctx, l.timeout)
			defer cancel()
		}
		stop := context.AfterFunc(base, cancel)
		defer stop()
		err := fn(fctx)
		<-l.tickets // before the caller hears back: its next call finds the room
		done <- err
	}
	t.used.Store(true)
	l.held.Done()
	select {
	case err := <-done:
		if err != nil && ctx.Err() != nil && !sent.maybeTaken() && (errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)) {
			return errNotStarted // cut before any request left, as in discordgo's limiter
		}
		return err
	case <-ctx.Done():
		if state.CompareAndSwap(queued, abandoned) || !sent.maybeTaken() {
			return errNotStarted // and no request of it will leave now
		}
		return &bot.Error{Code: bot.EUNAVAILABLE, Key: "err.busy", Err: fmt.Errorf("discord REST call cut short, outcome unknown: %w", ctx.Err())}
	}
}

func (l *lane) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

// close refuses new tasks and lets the workers finish the queue, up to
// grace; then it cancels the tasks still running and waits for them.
func (l *lane) close(grace time.Duration) {
	l.mu.Lock()
	already := l.closed
	l.closed = true
	l.mu.Unlock()
	if already {
		l.workers.Wait()
		return
	}
	timer := time.AfterFunc(grace, l.cancel)
	defer timer.Stop()
	l.held.Wait()
	close(l.tasks)
	l.workers.Wait()
	l.cancel()
}

// outbound is the adapter's lanes.
type outbound struct {
	replies *lane // interaction webhooks: edits and follow-ups
	rest    *lane // the bot's REST routes
}

func newOutbound(o Outbound) *outbound {
	return &outbound{
		replies: newLane(o.Workers, o.Queue, o.ReplyTimeout),
		rest:    newLane(o.Workers, o.Queue, o.RESTTimeout),
	}
}

func (o *outbound) close(grace time.Duration) {
	o.replies.close(grace)
	o.rest.close(grace)
}
