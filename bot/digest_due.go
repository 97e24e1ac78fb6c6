package bot

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Due reports whether the cron spec, read in the time zone tz (an IANA
// name, UTC, or an offset like UTC+2: a workspace's tz setting), falls due
// in the interval (since, until]. cmd wires it to the cron parser of
// package schedule, so that the core imports none.
type Due func(spec, tz string, since, until time.Time) (bool, error)

// PostDueDigests posts the weekly digest of every workspace served here
// whose Config.DigestSchedule, read in the workspace's own time zone, fell
// due in (since, until]. A scheduler calls it every few minutes with the
// interval since its last call. PostDigest is once per week, so a repeat
// is harmless. A workspace whose schedule cannot be read is skipped.
func (b *Bot) PostDueDigests(ctx context.Context, since, until time.Time, due Due) error {
	tenants, err := b.Tenants(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, t := range tenants {
		tz := b.Settings(ctx, t).TZ
		if ok, err := due(b.cfg.DigestSchedule, tz, since, until); err != nil || !ok {
			continue
		}
		if err := b.PostDigest(ctx, t, b.clock.Now()); err != nil {
			errs = append(errs, fmt.Errorf("digest %s: %w", t, err))
		}
	}
	return errors.Join(errs...)
}
