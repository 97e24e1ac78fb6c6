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
// whose digest-schedule setting (Config.DigestSchedule by default), read
// in the workspace's own time zone, fell due in (since, until]. A scheduler calls it every few minutes with the
// interval since its last call. PostDigest is once per week, so a repeat
// is harmless. A workspace whose schedule cannot be read is skipped.
func (b *Bot) PostDueDigests(ctx context.Context, since, until time.Time, due Due) error {
	tenants, err := b.Tenants(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, t := range tenants {
		if !b.digestDue(ctx, t, since, until, due) {
			continue
		}
		if err := b.PostDigest(ctx, t, b.clock.Now()); err != nil {
			errs = append(errs, fmt.Errorf("digest %s: %w", t, err))
		}
	}
	return errors.Join(errs...)
}

// digestDue reports whether t's digest schedule, read in its time zone,
// fell due in (since, until]. A stored schedule the parser no longer
// reads falls back to the deployment's, and one that cannot be read at
// all (nor the time zone) skips the workspace.
func (b *Bot) digestDue(ctx context.Context, t Tenant, since, until time.Time, due Due) bool {
	s := b.Settings(ctx, t)
	ok, err := due(s.DigestSchedule, s.TZ, since, until)
	if err != nil && s.DigestSchedule != b.cfg.DigestSchedule {
		b.log.Warn("digest schedule unreadable, using the default", "tenant", t.String(), "err", err)
		ok, err = due(b.cfg.DigestSchedule, s.TZ, since, until)
	}
	return err == nil && ok
}
