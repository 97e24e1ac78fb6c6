package discord

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// transport is the HTTP transport of the discordgo session. It does two
// things discordgo cannot be told to do:
//
//   - discordgo computes its endpoint URLs from discordgo.EndpointAPI at
//     package init, so pointing it at DISCORD_API_URL (a REST proxy, or a
//     fake in tests) means rewriting each request's URL here;
//   - discordgo would retry a 502 at once, with no backoff (its retries
//     are off here, and so are its 429 sleeps: see call.go). transport
//     retries 5xx answers and network errors with exponential backoff
//     instead, bounded by
//     attempts and by the request's deadline (a wait that would outlive
//     it is not begun), then reports an unavailableError, which the
//     adapter codes EUNAVAILABLE. A POST whose answer was lost is not
//     sent again: it may have been taken.
type transport struct {
	base     http.RoundTripper
	apiURL   string // replaces discordgo.EndpointAPI; "" keeps Discord's
	attempts int
	backoff  time.Duration
}

// unavailableError is Discord still failing after every retry.
type unavailableError struct {
	status int
	err    error
}

func (e *unavailableError) Error() string {
	if e.err != nil {
		return fmt.Sprintf("discord unavailable after retries: %v", e.err)
	}
	return fmt.Sprintf("discord unavailable after retries: HTTP %d", e.status)
}

func (e *unavailableError) Unwrap() error { return e.err }

// RoundTrip sends req to the configured API base, retrying 5xx answers
// and network errors. A request body is replayed through GetBody, which
// http.NewRequest sets for the byte buffers discordgo uses.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	sent, _ := req.Context().Value(sentKey{}).(*sentState)
	if sent != nil {
		// First say a request may be on its way, then look at the
		// deadline: a caller who then sees none on its way and none
		// taken (lane.do) is sure that nothing will be.
		sent.inflight.Add(1)
		defer sent.inflight.Add(-1)
		if err := req.Context().Err(); err != nil {
			return nil, &unavailableError{err: errGaveUp}
		}
	}
	req = t.rewrite(req)
	wait := t.backoff
	for attempt := 1; ; attempt++ {
		resp, err := t.base.RoundTrip(req)
		if sent != nil && mayBeTaken(resp, err) {
			sent.taken.Store(true)
		}
		if err == nil && !retryable(resp.StatusCode) {
			return resp, nil
		}
		status := 0
		if err == nil {
			status = resp.StatusCode
			io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		if attempt >= t.attempts || req.Context().Err() != nil || (err != nil && !safeToResend(req, err)) {
			return nil, &unavailableError{status: status, err: err}
		}
		if dl, ok := req.Context().Deadline(); ok && time.Until(dl) < wait {
			// Waiting would outlive the caller: give up now, with the
			// last answer, which says the request was not taken.
			return nil, &unavailableError{status: status, err: err}
		}
		if req, err = rewind(req); err != nil {
			return nil, &unavailableError{status: status, err: err}
		}
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-req.Context().Done():
			timer.Stop()
			return nil, &unavailableError{status: status, err: errGaveUp}
		}
		wait *= 2
	}
}

// sentKey marks the context of a call whose caller needs to know whether
// Discord may have taken it (lane.do), with the sentState the transport
// keeps up to date.
type sentKey struct{}

// sentState is what the transport knows of one call's requests.
type sentState struct {
	inflight atomic.Int32 // requests on their way now
	taken    atomic.Bool  // one may have been taken: an answer other than a refusal, or none
}

// maybeTaken reports whether Discord may have taken one of the call's
// requests, or still may.
func (s *sentState) maybeTaken() bool { return s.inflight.Load() > 0 || s.taken.Load() }

// mayBeTaken reports whether a request answered so may have been taken:
// it was not refused (4xx, 5xx), nor failed before it left.
func mayBeTaken(resp *http.Response, err error) bool {
	if err == nil {
		return resp.StatusCode < http.StatusBadRequest
	}
	var op *net.OpError
	return !(errors.As(err, &op) && op.Op == "dial")
}

// errGaveUp is a request not sent: its caller's deadline passed before
// it left, or while it waited to be sent again after a failure.
var errGaveUp = errors.New("gave up before sending")

// safeToResend reports whether a request that failed with a network error
// may be sent again: it is idempotent, or it never left (the connection
// could not be made). A POST that was sent and then lost its answer may
// have been taken: sending it again could post a message twice.
func safeToResend(req *http.Request, err error) bool {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	}
	return !mayBeTaken(nil, err)
}

// rewrite points a request for Discord's API at apiURL.
func (t *transport) rewrite(req *http.Request) *http.Request {
	rest, ok := strings.CutPrefix(req.URL.String(), discordgo.EndpointAPI)
	if t.apiURL == "" || !ok {
		return req
	}
	u, err := url.Parse(t.apiURL + rest)
	if err != nil {
		return req
	}
	req = req.Clone(req.Context())
	req.URL, req.Host = u, u.Host
	return req
}

// rewind returns req with a fresh copy of its body, for a retry.
func rewind(req *http.Request) (*http.Request, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return req, nil
	}
	if req.GetBody == nil {
		return nil, fmt.Errorf("cannot replay the body of %s %s", req.Method, req.URL.Path)
	}
	body, err := req.GetBody()
	if err != nil {
		return nil, err
	}
	req = req.Clone(req.Context())
	req.Body = body
	return req, nil
}

// retryable reports whether an answer may succeed when asked again: the
// server failed, rather than refused.
func retryable(status int) bool {
	switch status {
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}
