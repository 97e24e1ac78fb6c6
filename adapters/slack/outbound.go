package slack

import (
	"context"
	"sync"
	"time"
)

// Outbound sizes the bulkheads that carry replies out, one per kind of
// destination: response_url (Slack's webhooks host) and the Web API
// (chat.update, DMs). Each kind has its own bounded queue and its own
// workers, so a destination that stops answering holds only its own
// workers and fills only its own queue: the job slots, and so the acks
// and the replies of every other member, never wait on it. The zero value
// of each field means its default.
type Outbound struct {
	// Workers is how many replies of one kind go out at once. Default 32.
	Workers int
	// Queue is how many replies of one kind may wait for a worker.
	// Default 1024. A reply to a response_url whose queue is full goes as
	// a DM instead; a DM whose queue is full makes its job wait, never an
	// ack.
	Queue int
	// ResponseURLTimeout bounds one post to a response_url, retries
	// included: past it the reply goes as a DM, unless the post was
	// written and left unanswered, which Slack may have taken: then it
	// counts as delivered (outcome.go). Default 3 s.
	ResponseURLTimeout time.Duration
	// WebAPITimeout bounds one reply through the Web API, retries
	// included. Default 15 s.
	WebAPITimeout time.Duration
}

func (o *Outbound) defaults() {
	if o.Workers <= 0 {
		o.Workers = 32
	}
	if o.Queue <= 0 {
		o.Queue = 1024
	}
	o.ResponseURLTimeout = orDefault(o.ResponseURLTimeout, 3*time.Second)
	o.WebAPITimeout = orDefault(o.WebAPITimeout, 15*time.Second)
}

// lane is one bulkhead: a bounded queue of tasks and a fixed set of
// workers, each task run on a context bounded by timeout. Its workers
// start with the lane and end at close.
type lane struct {
	name    string
	tasks   chan func(ctx context.Context)
	timeout time.Duration
	base    context.Context
	cancel  context.CancelFunc

	mu      sync.Mutex
	closed  bool
	senders sync.WaitGroup // submits under way: close waits for them
	workers sync.WaitGroup
}

func newLane(name string, workers, queue int, timeout time.Duration) *lane {
	ctx, cancel := context.WithCancel(context.Background())
	l := &lane{name: name, tasks: make(chan func(context.Context), queue), timeout: timeout, base: ctx, cancel: cancel}
	l.workers.Add(workers)
	for range workers {
		go l.work()
	}
	return l
}

func (l *lane) work() {
	defer l.workers.Done()
	for task := range l.tasks {
		ctx, cancel := context.WithTimeout(l.base, l.timeout)
		task(ctx)
		cancel()
	}
}

// try queues task if there is room, without waiting, and reports whether
// it did.
func (l *lane) try(task func(ctx context.Context)) bool {
	if !l.enter() {
		return false
	}
	defer l.senders.Done()
	select {
	case l.tasks <- task:
		return true
	default:
		return false
	}
}

// submit queues task, waiting for room until ctx ends or the lane closes
// its doors for good, and reports whether it did.
func (l *lane) submit(ctx context.Context, task func(ctx context.Context)) bool {
	if !l.enter() {
		return false
	}
	defer l.senders.Done()
	select {
	case l.tasks <- task:
		return true
	case <-ctx.Done():
		return false
	case <-l.base.Done():
		return false
	}
}

func (l *lane) enter() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return false
	}
	l.senders.Add(1)
	return true
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
	timer := time.AfterFunc(grace, l.cancel) // also frees a submit waiting for room
	defer timer.Stop()
	l.senders.Wait()
	close(l.tasks)
	l.workers.Wait()
	l.cancel()
}

// outbound is the adapter's lanes.
type outbound struct {
	hooks  *lane // posts to response_url
	webAPI *lane // chat.update and DMs
}

func newOutbound(o Outbound) *outbound {
	return &outbound{
		hooks:  newLane("response_url", o.Workers, o.Queue, o.ResponseURLTimeout),
		webAPI: newLane("web_api", o.Workers, o.Queue, o.WebAPITimeout),
	}
}

// close closes both lanes by deadline. A response_url task may hand its
// reply to the Web API lane, so that one closes second.
func (o *outbound) close(deadline time.Time) {
	o.hooks.close(time.Until(deadline))
	o.webAPI.close(time.Until(deadline))
}
