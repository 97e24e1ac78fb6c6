package store

import (
	"context"
	"errors"
	"net"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// A Redis that stops answering without closing its connections (frozen,
// SIGSTOP; a network that drops packets) costs every call its whole read
// timeout, retries included, and a command or a click makes several
// calls one after the other: members waited some 15 s for "I can't reach
// my database". So once a call finds its node not answering within the
// read timeout (Timeout), while its caller was still waiting, the node is
// taken as stalled: every call to it fails at once (EUNAVAILABLE, as the
// timeout would have) while one probe at a time PINGs it, and the first
// PING it answers lets calls through again. A loaded but healthy Redis
// never trips it: a call that its caller's own, shorter deadline cut
// (the ack's 300 ms) says nothing of the node, and any answer, even
// slow, within the read timeout closes it again at once.

// errStalled is the error of a call refused while its node is taken as
// stalled. A timeout, as the call would have met: the metrics count it
// so, and the store says EUNAVAILABLE.
var errStalled error = stalledError{}

type stalledError struct{}

func (stalledError) Error() string {
	return "redis: not answering within its timeout; refused until it answers a PING"
}
func (stalledError) Timeout() bool   { return true }
func (stalledError) Temporary() bool { return true }

var _ net.Error = stalledError{}

// breaker is the hook that refuses calls to a stalled node.
type breaker struct {
	ping    func(ctx context.Context) error
	timeout time.Duration
	open    atomic.Bool
}

type breakerProbe struct{}

// addBreaker installs a breaker on one node's client.
func addBreaker(c *redis.Client, timeout time.Duration) {
	b := &breaker{timeout: timeout}
	b.ping = func(ctx context.Context) error { return c.Ping(ctx).Err() }
	c.AddHook(b)
}

func (b *breaker) DialHook(next redis.DialHook) redis.DialHook { return next }

func (b *breaker) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if b.refuse(ctx) {
			cmd.SetErr(errStalled)
			return errStalled
		}
		err := next(ctx, cmd)
		b.check(ctx, err)
		return err
	}
}

func (b *breaker) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if b.refuse(ctx) {
			for _, c := range cmds {
				c.SetErr(errStalled)
			}
			return errStalled
		}
		err := next(ctx, cmds)
		b.check(ctx, err)
		return err
	}
}

// refuse reports whether a call is to fail at once: the node is taken
// as stalled, and the call is not the probe.
func (b *breaker) refuse(ctx context.Context) bool {
	return b.open.Load() && ctx.Value(breakerProbe{}) == nil
}

// check trips the breaker on a call that met the node's timeout while
// its caller was still waiting.
func (b *breaker) check(ctx context.Context, err error) {
	if err == nil || ctx.Err() != nil || ctx.Value(breakerProbe{}) != nil || !stalled(err) {
		return
	}
	if b.open.CompareAndSwap(false, true) {
		go b.probe()
	}
}

// stalled reports whether err is a timeout of the way to Redis, not a
// refusal or an answer.
func stalled(err error) bool {
	if errors.Is(err, errStalled) || errors.Is(err, context.Canceled) {
		return false
	}
	var nerr net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &nerr) && nerr.Timeout()
}

// probe PINGs the node until it answers, then lets calls through again.
// A closed client ends it too.
func (b *breaker) probe() {
	for {
		ctx, cancel := context.WithTimeout(context.WithValue(context.Background(), breakerProbe{}, true), b.timeout)
		start := time.Now()
		err := b.ping(ctx)
		cancel()
		if err == nil || errors.Is(err, redis.ErrClosed) {
			b.open.Store(false)
			return
		}
		// At most ten PINGs a second, when they fail at once (refused).
		if d := b.timeout/20 - time.Since(start); d > 0 {
			time.Sleep(d)
		}
	}
}
