package slack

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/mentorbot/mentorbot/bot"
	"github.com/slack-go/slack"
)

// webAPI is the part of slack-go's client this adapter calls. *slack.Client
// implements it; keeping it this small shows at a glance what the adapter
// needs from Slack (and which scopes).
type webAPI interface {
	OpenViewContext(ctx context.Context, triggerID string, view slack.ModalViewRequest) (*slack.ViewResponse, error)
	PublishViewContext(ctx context.Context, req slack.PublishViewContextRequest) (*slack.ViewResponse, error)
	AuthTestContext(ctx context.Context) (*slack.AuthTestResponse, error)
	GetUserInfoContext(ctx context.Context, user string, options ...slack.GetUserInfoOption) (*slack.User, error)
	OpenConversationContext(ctx context.Context, params *slack.OpenConversationParameters) (*slack.Channel, bool, bool, error)
	PostMessageContext(ctx context.Context, channel string, options ...slack.MsgOption) (string, string, error)
	UpdateMessageContext(ctx context.Context, channel, ts string, options ...slack.MsgOption) (string, string, string, error)
	UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error)
	GetConversationHistoryContext(ctx context.Context, params *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error)
	GetUsersPaginated(options ...slack.GetUsersOption) slack.UserPagination
}

// Retry is how Web API calls (and posts to response_url) are retried.
type Retry struct {
	// Attempts is the most calls made for one request, first one included.
	Attempts int
	// Base is the first backoff after a 5xx or network error; it doubles
	// up to Max, with some jitter.
	Base, Max time.Duration
	// MaxRetryAfter is the longest Retry-After the adapter waits for;
	// beyond it the call fails at once with EUNAVAILABLE.
	MaxRetryAfter time.Duration
}

// DefaultRetry waits about 7.5 seconds in all before giving up on a Slack
// that answers 5xx or nothing.
var DefaultRetry = Retry{Attempts: 5, Base: 500 * time.Millisecond, Max: 4 * time.Second, MaxRetryAfter: 60 * time.Second}

// lookup is the policy for profile lookups, which the core can do
// without (the member types their time zone instead): a member should not
// wait out a long rate limit on users.info for a nicety.
func (r Retry) lookup() Retry {
	r.Attempts = min(r.Attempts, 2)
	r.MaxRetryAfter = min(r.MaxRetryAfter, 2*time.Second)
	return r
}

// Slack error strings that mean the person cannot be reached: deleted,
// deactivated, unknown, or not a person.
var goneErrors = map[string]bool{
	"user_not_found": true, "users_not_found": true, "user_not_visible": true,
	"user_disabled": true, "cannot_dm_bot": true, "invalid_users": true,
}

// Slack error strings that refuse the token itself: the app was removed
// from the workspace, or its token revoked or expired. Nothing made with
// that token will work again.
var refusedTokenErrors = map[string]bool{
	"invalid_auth": true, "not_authed": true, "account_inactive": true,
	"token_revoked": true, "token_expired": true,
}

// Slack error strings that refuse a permission the app's grant lacks:
// a scope missing from the install (files:write for a file), a method
// the bot token may not call, or a workspace's policy (Enterprise Key
// Management, an org that did not grant the app the workspace). Trying
// again changes nothing until the workspace reinstalls the app.
var permissionErrors = map[string]bool{
	"missing_scope": true, "not_allowed_token_type": true, "no_permission": true,
	"ekm_access_denied": true, "access_denied": true, "team_access_not_granted": true,
}

// Slack error strings that are worth another try.
var transientErrors = map[string]bool{
	"ratelimited": true, "internal_error": true, "fatal_error": true,
	"service_unavailable": true, "request_timeout": true,
}

// call runs one Web API request, retrying it as r says: after the
// Retry-After delay on a 429, with exponential backoff on 5xx, network
// errors and Slack's transient error strings. It returns nil, or a coded
// error: EGONE (the person is gone), EUNAVAILABLE (Slack could not be
// reached in time), EFORBIDDEN (a permission the app's grant lacks:
// permissionErrors), EINTERNAL (any other refusal that retrying will not
// change).
func call(ctx context.Context, r Retry, method string, fn func(ctx context.Context) error) error {
	var err error
	for attempt := 1; ; attempt++ {
		err = fn(ctx)
		if err == nil {
			return nil
		}
		wait, retry := retryDelay(r, attempt, err)
		if !retry {
			return classify(method, err)
		}
		if attempt >= r.Attempts {
			break
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			break // waiting would outlive the caller: give up now
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return bot.Wrap(bot.EUNAVAILABLE, err, "slack %s: gave up after %d attempts", method, attempt)
		case <-t.C:
		}
	}
	return bot.Wrap(bot.EUNAVAILABLE, err, "slack %s: gave up", method)
}

// retryDelay says whether err is worth another try, and after how long.
// A send of unknown outcome (once) is not: Slack may have taken it.
func retryDelay(r Retry, attempt int, err error) (time.Duration, bool) {
	if outcomeUnknown(err) {
		return 0, false
	}
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		if rl.RetryAfter > r.MaxRetryAfter {
			return 0, false // beyond our patience: classify says EUNAVAILABLE
		}
		return max(rl.RetryAfter, r.Base), true
	}
	backoff := min(r.Base<<(attempt-1), r.Max)
	backoff += time.Duration(rand.Int64N(int64(backoff)/4 + 1)) // #nosec G404 -- jitter
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok {
		return backoff, sc.Code >= 500 || sc.Code == http.StatusTooManyRequests
	}
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		return backoff, transientErrors[se.Err]
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return 0, false
	}
	var nerr net.Error
	var uerr *url.Error
	if errors.As(err, &nerr) || errors.As(err, &uerr) {
		return backoff, true
	}
	return 0, false
}

// classify codes an error that will not be retried.
func classify(method string, err error) error {
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		if goneErrors[se.Err] {
			return &bot.Error{Code: bot.EGONE, Key: "err.gone", Err: fmt.Errorf("slack %s: %w", method, err)}
		}
		if transientErrors[se.Err] {
			return bot.Wrap(bot.EUNAVAILABLE, err, "slack %s", method)
		}
		if permissionErrors[se.Err] {
			// Not "something went wrong, try again": it fails every time
			// until an admin reinstalls the app with the permission.
			return &bot.Error{Code: bot.EFORBIDDEN, Key: "install.missing_permission", Err: fmt.Errorf("slack %s: %w", method, err)}
		}
		return bot.Wrap(bot.EINTERNAL, err, "slack %s", method)
	}
	if _, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		return bot.Wrap(bot.EUNAVAILABLE, err, "slack %s", method)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return bot.Wrap(bot.EUNAVAILABLE, err, "slack %s", method)
	}
	return bot.Wrap(bot.EINTERNAL, err, "slack %s", method)
}

// slackError returns Slack's error string in err ("channel_not_found"), or "".
func slackError(err error) string {
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok {
		return se.Err
	}
	return ""
}

// tokenAPI is one bot token's Web API client that tells, once, when Slack
// refuses the token itself (refusedTokenErrors), whatever the method: the
// app_uninstalled event that says so may have been lost. It also tells
// denied of every refusal of a permission the grant lacks
// (permissionErrors), with the method, so that the log says which scope
// to grant. Every caller gets Slack's error as it was; refused and denied
// run in the caller's goroutine and must not wait long.
type tokenAPI struct {
	api     webAPI
	refused func(code string)
	denied  func(method, code string)
	told    atomic.Bool
}

var _ webAPI = (*tokenAPI)(nil)

// watchToken returns api, telling refused when Slack refuses its token,
// and denied when it refuses a permission the token lacks.
func watchToken(api webAPI, refused func(code string), denied func(method, code string)) *tokenAPI {
	return &tokenAPI{api: api, refused: refused, denied: denied}
}

// check tells refused, once, if err is Slack's refusal of the token, and
// denied if it is the refusal of a permission, by method.
func (t *tokenAPI) check(method string, err error) {
	if err == nil {
		return
	}
	e := slackError(err)
	if refusedTokenErrors[e] && t.told.CompareAndSwap(false, true) {
		t.refused(e)
	}
	if permissionErrors[e] && t.denied != nil {
		t.denied(method, e)
	}
}

func (t *tokenAPI) OpenViewContext(ctx context.Context, triggerID string, view slack.ModalViewRequest) (*slack.ViewResponse, error) {
	r, err := t.api.OpenViewContext(ctx, triggerID, view)
	t.check("views.open", err)
	return r, err
}

func (t *tokenAPI) PublishViewContext(ctx context.Context, req slack.PublishViewContextRequest) (*slack.ViewResponse, error) {
	r, err := t.api.PublishViewContext(ctx, req)
	t.check("views.publish", err)
	return r, err
}

func (t *tokenAPI) AuthTestContext(ctx context.Context) (*slack.AuthTestResponse, error) {
	r, err := t.api.AuthTestContext(ctx)
	t.check("auth.test", err)
	return r, err
}

func (t *tokenAPI) GetUserInfoContext(ctx context.Context, user string, options ...slack.GetUserInfoOption) (*slack.User, error) {
	r, err := t.api.GetUserInfoContext(ctx, user, options...)
	t.check("users.info", err)
	return r, err
}

func (t *tokenAPI) OpenConversationContext(ctx context.Context, params *slack.OpenConversationParameters) (*slack.Channel, bool, bool, error) {
	ch, no, already, err := t.api.OpenConversationContext(ctx, params)
	t.check("conversations.open", err)
	return ch, no, already, err
}

func (t *tokenAPI) PostMessageContext(ctx context.Context, channel string, options ...slack.MsgOption) (string, string, error) {
	ch, ts, err := t.api.PostMessageContext(ctx, channel, options...)
	t.check("chat.postMessage", err)
	return ch, ts, err
}

func (t *tokenAPI) UpdateMessageContext(ctx context.Context, channel, ts string, options ...slack.MsgOption) (string, string, string, error) {
	ch, ts2, text, err := t.api.UpdateMessageContext(ctx, channel, ts, options...)
	t.check("chat.update", err)
	return ch, ts2, text, err
}

func (t *tokenAPI) UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error) {
	r, err := t.api.UploadFileContext(ctx, params)
	t.check("files.upload", err)
	return r, err
}

func (t *tokenAPI) GetConversationHistoryContext(ctx context.Context, params *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error) {
	r, err := t.api.GetConversationHistoryContext(ctx, params)
	t.check("conversations.history", err)
	return r, err
}

// GetUsersPaginated is not watched: its pages are read by the
// pagination itself, with the inner client. A refused token is seen by
// the other methods, which every workspace served calls.
func (t *tokenAPI) GetUsersPaginated(options ...slack.GetUsersOption) slack.UserPagination {
	return t.api.GetUsersPaginated(options...)
}
