package discord

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/mentorbot/mentorbot/bot"
)

// maxRateLimited is the most 429s one call waits out, for a caller with
// no deadline.
const maxRateLimited = 5

// call runs one REST request and asks again after a 429's Retry-After,
// as long as the wait fits before ctx's deadline. discordgo would sleep
// retry_after itself, deaf to ctx and holding the route's bucket (the
// session is told not to: ShouldRetryOnRateLimit is off); a wait that
// outlives the caller's deadline is given up at once instead, with
// EUNAVAILABLE and the busy sentence. Discord refused the request, so it
// did not reach it: the caller may send it again later (see bot.once).
func call(ctx context.Context, op string, fn func(opt discordgo.RequestOption) error) error {
	for attempt := 1; ; attempt++ {
		err := clipBody(hideToken(fn(discordgo.WithContext(ctx))))
		var rl *discordgo.RateLimitError
		if !errors.As(err, &rl) || rl.RateLimit == nil || rl.TooManyRequests == nil {
			return err
		}
		wait := rl.RetryAfter
		if dl, ok := ctx.Deadline(); (ok && time.Until(dl) < wait) || attempt >= maxRateLimited {
			return rateLimited(op, wait, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return rateLimited(op, wait, err) // refused, not cut short: not an unknown outcome
		case <-t.C:
		}
	}
}

// restCall runs one REST request with the bot's token on the REST lane
// (outbound.go), as call does. Each request is one task, never a sequence
// of them: a task that queued another and waited for it could hold every
// worker waiting.
func (a *Adapter) restCall(ctx context.Context, op string, fn func(opt discordgo.RequestOption) error) error {
	return a.out.rest.do(ctx, func(ctx context.Context) error { return call(ctx, op, fn) })
}

// hideToken blanks the interaction token in the URL that an error of
// net/http (url.Error) or of discordgo (RateLimitError) carries: the
// token answers as the bot for 15 minutes, and errors are logged. The
// URLs of webhooks/{app}/{token} and interactions/{id}/{token}/callback
// hold it; no other route does.
func hideToken(err error) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		ue.URL = withoutToken(ue.URL)
	}
	if rl, ok := errors.AsType[*discordgo.RateLimitError](err); ok && rl.RateLimit != nil {
		rl.URL = withoutToken(rl.URL)
	}
	return err
}

// maxErrorBody is the most of an error's body that a logged error
// quotes: Discord's own JSON errors are short, and the field errors of a
// 400 (Invalid Form Body) say which field is at fault.
const maxErrorBody = 1024

// clipBody bounds what a REST error says of the answer's body, which
// discordgo's RESTError quotes whole: a proxy in front of Discord (or
// DISCORD_API_URL's) may answer with a page of HTML, and the error is
// logged. A body that is not Discord's JSON error is not quoted at all,
// only its size and type; one that is, up to maxErrorBody. The error
// still unwraps to the RESTError (restStatus, restCode).
func clipBody(err error) error {
	re, ok := errors.AsType[*discordgo.RESTError](err)
	if !ok || re.Response == nil || re.Message != nil && len(re.ResponseBody) <= maxErrorBody {
		return err
	}
	return &clippedError{re}
}

// clippedError is a RESTError that says its status and at most a bounded
// part of its body.
type clippedError struct{ re *discordgo.RESTError }

func (e *clippedError) Unwrap() error { return e.re }

func (e *clippedError) Error() string {
	status := e.re.Response.Status
	if len(status) > 80 {
		status = strings.ToValidUTF8(status[:80], "") + "…"
	}
	body := e.re.ResponseBody
	if e.re.Message == nil {
		kind := e.re.Response.Header.Get("Content-Type")
		if kind, _, _ = strings.Cut(kind, ";"); kind == "" || len(kind) > 40 {
			kind = "unknown type"
		}
		return fmt.Sprintf("HTTP %s, a body of %d bytes (%s), not Discord's JSON error: not shown", status, len(body), kind)
	}
	return fmt.Sprintf("HTTP %s, %s… (%d bytes)", status, strings.ToValidUTF8(string(body[:maxErrorBody]), ""), len(body))
}

// withoutToken is u with the segment after webhooks/{app}/ or
// interactions/{id}/ replaced by "…".
func withoutToken(u string) string {
	parts := strings.Split(u, "/")
	for i := 0; i+2 < len(parts); i++ {
		if parts[i] == "webhooks" || parts[i] == "interactions" {
			_, query, _ := strings.Cut(parts[i+2], "?")
			parts[i+2] = "…"
			if query != "" {
				parts[i+2] += "?" + query
			}
		}
	}
	return strings.Join(parts, "/")
}

func rateLimited(op string, wait time.Duration, err error) error {
	return &bot.Error{Code: bot.EUNAVAILABLE, Key: "err.busy", Err: fmt.Errorf("discord %s: rate limited for %v, past the deadline: %w", op, wait, err)}
}

// editOriginal edits the original response to an interaction. discordgo's
// InteractionResponseEdit puts every edit, whatever its token, in one
// rate-limit bucket, whose lock it holds for the whole request: one edit
// that hangs would hold every other member's. Discord's buckets for
// webhooks are per webhook and token, and so is this one.
func (a *Adapter) editOriginal(ctx context.Context, i *discordgo.Interaction, edit *discordgo.WebhookEdit) error {
	uri := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	return call(ctx, "edit", func(opt discordgo.RequestOption) error {
		_, err := a.rest.RequestWithBucketID("PATCH", uri, edit, discordgo.EndpointWebhookToken(i.AppID, i.Token), opt)
		return err
	})
}

// openDM opens the DM channel with a user. discordgo's UserChannelCreate
// puts every user in one bucket, held for the whole request: one that
// hangs would hold every first DM. Here each recipient has its own.
func (a *Adapter) openDM(ctx context.Context, user string) (*discordgo.Channel, error) {
	var ch discordgo.Channel
	err := a.restCall(ctx, "open DM", func(opt discordgo.RequestOption) error {
		body, err := a.rest.RequestWithBucketID("POST", discordgo.EndpointUserChannels("@me"),
			struct {
				RecipientID string `json:"recipient_id"`
			}{user}, discordgo.EndpointUserChannels("@me")+"#"+user, opt)
		if err != nil {
			return err
		}
		return discordgo.Unmarshal(body, &ch)
	})
	if err != nil {
		return nil, err
	}
	return &ch, nil
}
