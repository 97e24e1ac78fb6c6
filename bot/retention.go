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
// their numbers. A daily cron entry calls it; a zero or negative retention
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
	return errors.Join(errs...)
}
