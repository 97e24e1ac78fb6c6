package bot

import (
	"context"
	"time"
)

// RateStore counts members' hits for the rate limit (ratelimit.go).
type RateStore interface {
	// Hit counts one hit of the member under name (a rate limit's
	// "command" or "click") and returns the hits in the current window
	// of length window, this one included. Every replica sharing the
	// store counts in the same window.
	Hit(ctx context.Context, who MemberID, name string, window time.Duration) (int, error)
}

// ELIMITED is a member going faster than the rate limit allows.
const ELIMITED Code = "limited"

// RateLimit bounds how many commands and clicks one member may send in a
// window, across every replica (the counts live in the Store). Zero
// values switch a limit off: the shell and the core's tests run without.
type RateLimit struct {
	Commands int           // commands (and form submissions) per window
	Clicks   int           // button clicks per window
	Window   time.Duration // default one minute
}

// DefaultRateLimit is what a chat platform gets: generous for a person,
// who rarely types more than a few commands a minute, or clicks through
// more than a survey's buttons; tight for a script.
var DefaultRateLimit = RateLimit{Commands: 20, Clicks: 40, Window: time.Minute}

// slowDown returns the reply to a member over the limit of name
// ("command" or "click"), or false when they may go on. Only the first
// refusal of a window is logged, so that a flood does not flood the log.
// A store that cannot count lets the member through: the command then
// meets the same store, and says so if it is down.
func (b *Bot) slowDown(ctx context.Context, who MemberID, name string, limit int, lang Lang) (Reply, bool) {
	if limit <= 0 {
		return Reply{}, false
	}
	window := b.cfg.RateLimit.Window
	if window <= 0 {
		window = time.Minute
	}
	n, err := b.store.rates.Hit(ctx, who, name, window)
	switch {
	case err != nil:
		b.log.Debug("rate limit not counted", "member", who.String(), "code", string(ErrorCode(err)))
		return Reply{}, false
	case n <= limit:
		return Reply{}, false
	case n == limit+1:
		return b.fail(who, name, Errorf(ELIMITED, "err.slow_down"), lang, false), true
	}
	return Reply{Message: Message{Text: T(lang, "err.slow_down")}, Lang: lang, TryAgain: true}, true
}
