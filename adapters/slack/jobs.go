package slack

import (
	"context"
	"errors"
	"sync"
	"time"
)

// workerIdle is how long a worker waits for its next job before it ends.
const workerIdle = 10 * time.Second

// jobs runs the work that follows an ack. Each job gets a context of its
// own, not the request's (which ends with the ack), bounded by timeout and
// cancelled only when Close gives up waiting. At most limit jobs run at
// once: beyond that, start refuses at once (errBusy) and the ack tells
// the member the bot is busy. A job holds its slot only while the core
// works: replies go out through the outbound lanes (outbound.go).
//
// Jobs run on workers that wait a while for the next job when done: the
// stack of a goroutine that has run a job (JSON, HTTP, Redis) has grown to
// what the next job needs, where a new goroutine would grow it again by
// copying, which cost about 5% of the process's CPU under load. There are
// never more workers than jobs running at once, and idle ones end after
// workerIdle, or at close.
type jobs struct {
	base    context.Context
	cancel  context.CancelCauseFunc
	timeout time.Duration
	slots   chan struct{}
	idle    chan func()   // unbuffered: a job for a worker waiting for one
	quit    chan struct{} // closed by close: idle workers end
	quitted sync.Once
	workers sync.WaitGroup

	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

func newJobs(timeout time.Duration, limit int) *jobs {
	ctx, cancel := context.WithCancelCause(context.Background())
	return &jobs{
		base: ctx, cancel: cancel, timeout: timeout, slots: make(chan struct{}, limit),
		idle: make(chan func()), quit: make(chan struct{}),
	}
}

// Errors of start.
const (
	errBusy    = constError("every work slot is taken")
	errClosing = constError("closing")
	// errCutShort is the cause of a job's context cancelled because
	// close gave up waiting for it (cutShort).
	errCutShort = constError("cut short: the replica is shutting down")
)

// cutShort reports whether ctx, a job's, was cancelled because the
// adapter's close gave up waiting for it: what the core answered then
// ("I can't reach my database") is about this replica stopping, not
// true of the member's command. A delivery kept in Redis is then left
// for another replica to handle, unanswered here.
func cutShort(ctx context.Context) bool {
	return errors.Is(context.Cause(ctx), errCutShort)
}

// start runs fn on a worker if a slot is free now. It never waits for
// one: an ack must not wait on work in flight (which once waited on a
// response_url that did not answer). It returns errBusy when every slot
// is taken, and errClosing after close; fn does not run then.
func (j *jobs) start(fn func(ctx context.Context)) error {
	return j.run(fn, false)
}

// force runs fn on a worker even when every slot is taken, for work no
// member waits on and that must not be lost (an erasure). It returns
// errClosing after close.
func (j *jobs) force(fn func(ctx context.Context)) error {
	return j.run(fn, true)
}

func (j *jobs) run(fn func(ctx context.Context), over bool) error {
	j.mu.Lock()
	if j.closed {
		j.mu.Unlock()
		return errClosing
	}
	j.wg.Add(1)
	j.mu.Unlock()
	slot := j.acquire()
	if !slot && !over {
		j.wg.Done()
		return errBusy
	}
	job := func() {
		defer j.wg.Done()
		if slot {
			defer func() { <-j.slots }()
		}
		ctx, cancel := context.WithTimeout(j.base, j.timeout)
		defer cancel()
		fn(ctx)
	}
	select {
	case j.idle <- job:
	default:
		j.workers.Add(1)
		go j.worker(job)
	}
	return nil
}

// worker runs job, then the jobs handed to it while it waits, until it
// has waited workerIdle for nothing or the jobs close.
func (j *jobs) worker(job func()) {
	defer j.workers.Done()
	t := time.NewTimer(workerIdle)
	defer t.Stop()
	for {
		job()
		t.Reset(workerIdle)
		select {
		case job = <-j.idle:
		case <-t.C:
			return
		case <-j.quit:
			return
		}
	}
}

func (j *jobs) acquire() bool {
	select {
	case j.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

// close refuses new jobs and waits for running ones, up to grace; then it
// cancels their contexts and waits for them to return. Idle workers end.
// Closing again waits again, for nothing.
func (j *jobs) close(grace time.Duration) {
	j.mu.Lock()
	j.closed = true
	j.mu.Unlock()
	done := make(chan struct{})
	go func() { j.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(grace):
		j.cancel(errCutShort)
		<-done
	}
	j.cancel(errCutShort)
	j.quitted.Do(func() { close(j.quit) })
	j.workers.Wait()
}
