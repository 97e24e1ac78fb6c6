package slack

import (
	"context"
	"errors"
	"net/http/httptrace"
	"sync/atomic"

	"github.com/slack-go/slack"
)

// A reply (to a command, a click, a form) goes out once at most, as the
// core's DMs do (bot.Bot's "unknown" delivery mark): a member would rather
// miss one reply than read it twice. So each send of a reply tells apart
// a failure where Slack certainly did not take it (no connection, DNS,
// a request cut before it was written, an HTTP or Slack error answer, an
// expired response_url) from one whose outcome is unknown: the request
// was written in full and no answer came (a timeout, a connection cut
// after writing). Only the first is tried again, or by another way (a DM),
// or by another replica; the second counts as delivered.

// unknownOutcome is the error of a send whose outcome is unknown: Slack
// may have taken it.
type unknownOutcome struct{ err error }

func (e *unknownOutcome) Error() string { return "outcome unknown: " + e.err.Error() }
func (e *unknownOutcome) Unwrap() error { return e.err }

// MaybeSent implements bot.MaybeSent: Slack may have taken the message.
func (e *unknownOutcome) MaybeSent() bool { return true }

// outcomeUnknown reports whether err, a send's, leaves unknown whether
// Slack took it. Such a send is not retried (call), nor sent again.
func outcomeUnknown(err error) bool {
	_, ok := errors.AsType[*unknownOutcome](err)
	return ok
}

// once wraps one HTTP request of a reply's send, fn, so that its error
// says when the outcome is unknown: the request was written in full and
// Slack gave no answer. An answer, even a refusal (a 4xx or 5xx, "ok":
// false, a 429), means Slack did not take it. call does not retry an
// unknown outcome: a second try could post the reply twice.
func once(fn func(ctx context.Context) error) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		var written atomic.Bool
		trace := &httptrace.ClientTrace{WroteRequest: func(i httptrace.WroteRequestInfo) {
			if i.Err == nil {
				written.Store(true) // may run on the transport's goroutine
			}
		}}
		err := fn(httptrace.WithClientTrace(ctx, trace))
		if err != nil && written.Load() && !answered(err) {
			return &unknownOutcome{err: err}
		}
		return err
	}
}

// answered reports whether err is Slack's answer to a request: a refusal,
// so the request was not taken.
func answered(err error) bool {
	if _, ok := errors.AsType[slack.StatusCodeError](err); ok {
		return true
	}
	if _, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		return true
	}
	_, ok := errors.AsType[*slack.RateLimitedError](err)
	return ok
}
