package slack

import (
	"sync"
	"time"
)

// handoff passes a value from a job to the ack waiting for it (a
// submission's reply, a command's inline reply), or tells the job that
// the ack has left without it. Each side uses it once.
type handoff[T any] struct {
	mu        sync.Mutex
	ch        chan T // buffered: give never blocks
	abandoned bool
}

func newHandoff[T any]() *handoff[T] { return &handoff[T]{ch: make(chan T, 1)} }

// give hands v to the ack and reports whether the ack will use it. On a
// nil handoff (nobody waits) it reports false.
func (h *handoff[T]) give(v T) bool {
	if h == nil {
		return false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.abandoned {
		return false
	}
	h.ch <- v
	return true
}

// take waits up to d for the value. After that the ack leaves, and the job
// delivers on its own.
func (h *handoff[T]) take(d time.Duration) (T, bool) {
	var zero T
	if d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case v := <-h.ch:
			return v, true
		case <-t.C:
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	select {
	case v := <-h.ch:
		return v, true
	default:
		h.abandoned = true
		return zero, false
	}
}
