package bot

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DefaultRetention is how long closed pairs, their surveys and cancelled
// requests are kept when MENTORBOT_RETENTION does not say: two years.
const DefaultRetention = 2 * 365 * 24 * time.Hour

// Prune deletes, in every workspace served here, the pairs that ended
// (completed or cancelled) more than retention ago with their check-ins
// and surveys, the surveys answered more than retention ago, and the
// requests cancelled more than retention ago. The managers' counters keep
// their numbers. It also erases, whole, every workspace that removed the
// app more than retention ago and has not installed it again. A daily cron entry calls it; a zero or negative retention
// is Config.Retention (DefaultRetention unless set).
func (b *Bot) Prune(ctx context.Context, retention time.Duration) error {
	if retention <= 0 {
		retention = b.cfg.Retention
	}
	tenants, err := b.Tenants(ctx)
	if err != nil {
		return err
	}
	before := b.clock.Now().UTC().Add(-retention)
	var errs []error
	for _, t := range tenants {
		n, err := b.store.privacy.Prune(ctx, t, before)
		if err != nil {
			errs = append(errs, fmt.Errorf("prune %s: %w", t, err))
			continue
		}
		if n.Pairs+n.Requests > 0 {
			b.log.Info("retention: pruned", "tenant", t.String(), "pairs", n.Pairs, "requests", n.Requests)
		}
	}
	errs = append(errs, b.eraseUninstalled(ctx, before))
	return errors.Join(errs...)
}

// eraseUninstalled erases every workspace, on the platforms registered
// here, that removed the app before before and has not installed it
// again. Tenants leaves such workspaces out, so their installations are
// read instead. Each is read once more just before its erasure: a
// workspace that reinstalled since the list was read is kept.
func (b *Bot) eraseUninstalled(ctx context.Context, before time.Time) error {
	gone := func(in Installation) bool { return !in.UninstalledAt.IsZero() && in.UninstalledAt.Before(before) }
	var errs []error
	for name := range b.registered() {
		all, err := b.store.installs.Installations(ctx, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("installations of %s: %w", name, err))
			continue
		}
		for _, in := range all {
			if !gone(in) {
				continue
			}
			if now, err := b.store.installs.Installation(ctx, in.Tenant); err != nil || !gone(now) {
				if err != nil && ErrorCode(err) != ENOTFOUND {
					errs = append(errs, fmt.Errorf("installation of %s: %w", in.Tenant, err))
				}
				continue
			}
			if err := b.store.installs.EraseTenant(ctx, in.Tenant); err != nil {
				errs = append(errs, fmt.Errorf("erase %s: %w", in.Tenant, err))
				continue
			}
			b.log.Info("retention: erased a workspace that removed the app", "tenant", in.Tenant.String())
		}
	}
	return errors.Join(errs...)
}
