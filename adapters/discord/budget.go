package discord

import (
	"context"
	"time"
)

// Discord waits discordLimit for the first response to an interaction,
// counted from when it sent it; past that the member reads "The
// application did not respond", and the token refuses a late answer.
// Everything this replica does before the first response leaves fits in
// responseBudget, counted from the interaction's arrival (ServeHTTP
// entered, or the gateway event handed over): the rest of the 3 s, half
// a second, is for the way to Discord (network, TLS, the HTTP response
// or the REST callback).
//
// The budget is spent in this order, each part bounded:
//
//   - claimTimeout (0.5 s): Config.Claim, the Redis lock that picks the
//     one replica that serves the interaction (gateway.go);
//   - the answer wait: up to Config.AnswerWithin (2 s by default) for the
//     core's reply, which then goes out directly; it is cut short, however
//     AnswerWithin is set, so that what is left of the budget when it ends
//     still holds keepTimeout (answerWait);
//   - keepTimeout (0.3 s): Config.Keep, the write of an interaction whose
//     reply is deferred, before the deferral is sent (keep.go).
//
// So with Redis unresponsive (the claim and the keep each take their
// whole timeout) and a slow core, the deferral leaves 2.5 s after the
// interaction arrived: the claim's 0.5 s, an answer wait of 1.7 s, the
// keep's 0.3 s. With Redis answering, the core gets its whole 2 s.
const (
	discordLimit   = 3 * time.Second
	responseBudget = 2500 * time.Millisecond
	claimTimeout   = 500 * time.Millisecond
	keepTimeout    = 300 * time.Millisecond
)

// budget is one interaction's responseBudget: the time by which its
// first response leaves.
type budget struct {
	arrived, deadline time.Time
}

// newBudget starts the budget of an interaction arriving now.
func newBudget() budget {
	now := time.Now()
	return budget{arrived: now, deadline: now.Add(responseBudget)}
}

// answerWait is how long to wait for the core before deferring: at most
// answerWithin, and no longer than leaves keepTimeout before the deadline
// (none at all if the claim left nothing).
func (b budget) answerWait(answerWithin time.Duration) time.Duration {
	return max(0, min(answerWithin, time.Until(b.deadline)-keepTimeout))
}

// keepContext bounds Config.Keep: keepTimeout, or what is left of the
// budget if less.
func (b budget) keepContext() (context.Context, context.CancelFunc) {
	end := time.Now().Add(keepTimeout)
	if b.deadline.Before(end) {
		end = b.deadline
	}
	return context.WithDeadline(context.Background(), end)
}

// givenUp is when the HTTP handler stops waiting for serve's first
// response: Discord has stopped waiting for it then.
func (b budget) givenUp() time.Time { return b.arrived.Add(discordLimit) }
