package bot

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Due returns the last time the cron spec, read in the time zone tz (an
// IANA name, UTC, or an offset like UTC+2: a workspace's tz setting), fell
// due in the interval (since, until], or the zero time if it did not. cmd
// wires it to the cron parser of package schedule, so that the core
// imports none.
type Due func(spec, tz string, since, until time.Time) (time.Time, error)

// PostDueDigests posts the weekly digest of every workspace served here
// whose digest-schedule setting (Config.DigestSchedule by default), read
// in the workspace's own time zone, fell due in (since, until]: the digest
// of the week before the one it fell due in, as of then. A scheduler calls
// it every few minutes over the last day, so that a digest missed (every
// replica down at the time, the platform failing, a replica killed
// mid-post) is posted at the next check: PostDigest is once per week, so
// the checks after it cost one read each. A workspace whose schedule
// cannot be read is skipped.
func (b *Bot) PostDueDigests(ctx context.Context, since, until time.Time, due Due) error {
	tenants, err := b.Tenants(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, t := range tenants {
		at := b.digestDue(ctx, t, since, until, due)
		if at.IsZero() {
			continue
		}
		// A digest that failed waits digestRetry before it is built and
		// tried again: one that keeps failing (a channel the bot left)
		// costs a try an hour over the day, not one every check.
		retry := "digest-retry:" + at.UTC().Format(time.RFC3339)
		if v, err := b.store.drafts.Draft(ctx, t, retry); err == nil {
			if failed, err := time.Parse(time.RFC3339, v); err == nil && b.clock.Now().Before(failed.Add(digestRetry)) {
				continue
			}
		}
		if err := b.PostDigest(ctx, t, at); err != nil {
			errs = append(errs, fmt.Errorf("digest %s: %w", t, err))
			if ErrorCode(err) != ESTALE {
				// Refused, not in flight on another replica (whose mark
				// runs out in minutes). Kept a little past the wait:
				// Redis expires it in real time.
				_ = b.store.drafts.SaveDraft(ctx, t, retry, b.clock.Now().UTC().Format(time.RFC3339), 2*digestRetry)
			}
		}
	}
	return errors.Join(errs...)
}

// digestRetry is how long a digest that failed waits before the next try.
const digestRetry = time.Hour

// digestDue returns when t's digest schedule, read in its time zone, last
// fell due in (since, until], or the zero time. A stored schedule the
// parser no longer reads falls back to the deployment's, and one that
// cannot be read at all (nor the time zone) skips the workspace.
func (b *Bot) digestDue(ctx context.Context, t Tenant, since, until time.Time, due Due) time.Time {
	s := b.Settings(ctx, t)
	at, err := due(s.DigestSchedule, s.TZ, since, until)
	if err != nil && s.DigestSchedule != b.cfg.DigestSchedule {
		b.log.Warn("digest schedule unreadable, using the default", "tenant", t.String(), "err", err)
		at, err = due(b.cfg.DigestSchedule, s.TZ, since, until)
	}
	if err != nil {
		return time.Time{}
	}
	return at
}
