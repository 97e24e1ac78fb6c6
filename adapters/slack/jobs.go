package slack

import (
	"context"
	"sync"
	"time"
)

// jobs runs the work that follows an ack. Each job gets a context of its
// own, not the request's (which ends with the ack), bounded by timeout and
// cancelled only when Close gives up waiting. At most limit jobs run at
// once: beyond that, start waits for a free slot, which slows the ack
// down (backpressure) but never drops work the bot owes someone.
type jobs struct {
	base    context.Context
	cancel  context.CancelFunc
	timeout time.Duration
	slots   chan struct{}

	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

func newJobs(timeout time.Duration, limit int) *jobs {
	ctx, cancel := context.WithCancel(context.Background())
	return &jobs{base: ctx, cancel: cancel, timeout: timeout, slots: make(chan struct{}, limit)}
}

// start runs fn in a goroutine. It waits up to wait for a free slot, then
// runs fn anyway, over the limit, rather than drop it; it reports false
// only after close, when fn does not run.
func (j *jobs) start(wait time.Duration, fn func(ctx context.Context)) bool {
	j.mu.Lock()
	if j.closed {
		j.mu.Unlock()
		return false
	}
	j.wg.Add(1)
	j.mu.Unlock()
	slot := j.acquire(wait)
	go func() {
		defer j.wg.Done()
		if slot {
			defer func() { <-j.slots }()
		}
		ctx, cancel := context.WithTimeout(j.base, j.timeout)
		defer cancel()
		fn(ctx)
	}()
	return true
}

func (j *jobs) acquire(wait time.Duration) bool {
	select {
	case j.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case j.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	}
}

// close refuses new jobs and waits for running ones, up to grace; then it
// cancels their contexts and waits for them to return.
func (j *jobs) close(grace time.Duration) {
	j.mu.Lock()
	j.closed = true
	j.mu.Unlock()
	done := make(chan struct{})
	go func() { j.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(grace):
		j.cancel()
		<-done
	}
	j.cancel()
}
