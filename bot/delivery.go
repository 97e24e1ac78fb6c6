package bot

import (
	"context"
	"time"
)

// DeliveryStore makes deliveries happen once: marks of messages sent,
// inbound deliveries seen, and the notices kept to send again (delivery.go,
// notify.go, scheduler.go).
type DeliveryStore interface {
	// MarkSent claims the delivery key (one message to one member) for ttl
	// and returns what it found: "" when it was free (and is now
	// "pending"), "pending" while another delivery of it may be under way,
	// "retry" when a "pending" mark's ttl ran out with neither a
	// confirmation nor an unmark (its holder died mid-send: the message
	// may have gone out; it is now "pending" again, for the caller),
	// "done" once delivered, or "unknown" after a send cut short whose
	// outcome is unknown. ConfirmSent makes the mark state ("done" or
	// "unknown") for ttl (the core keeps it far longer than any retry:
	// sentKept); UnmarkSent frees it after a failed delivery.
	MarkSent(ctx context.Context, t Tenant, key string, ttl time.Duration) (string, error)
	ConfirmSent(ctx context.Context, t Tenant, key, state string, ttl time.Duration) error
	UnmarkSent(ctx context.Context, t Tenant, key string) error

	// FirstSeen records key for ttl and reports whether it was new: one
	// caller among all replicas gets true.
	FirstSeen(ctx context.Context, t Tenant, key string, ttl time.Duration) (bool, error)

	// SaveNotice keeps a message whose delivery failed, together with the
	// job that sends it again (due at job.Due), in one step. The notice
	// expires after ttl.
	SaveNotice(ctx context.Context, n Notice, job Job, ttl time.Duration) error

	// GetNotice returns a kept notice, or ENOTFOUND once it was delivered
	// or expired.
	GetNotice(ctx context.Context, t Tenant, id string) (Notice, error)

	// DeleteNotice forgets a delivered notice.
	DeleteNotice(ctx context.Context, t Tenant, id string) error
}

// deliveryTTL is how long an inbound delivery is remembered: longer than
// the 5 minutes in which the platforms' signed requests are accepted, so
// that a replay is always recognised.
const deliveryTTL = 15 * time.Minute

// FirstDelivery reports whether key names an inbound delivery (a command,
// a click, a form, an event) seen for the first time in the workspace, on
// any replica: adapters pass the platform's own id of it (a Slack
// trigger_id or event_id, a Discord interaction id) or a hash of its
// signed body, and drop a delivery seen before. With the store down it
// answers true: the delivery then runs, and meets the outage itself.
func (b *Bot) FirstDelivery(ctx context.Context, t Tenant, key string) bool {
	first, err := b.store.delivery.FirstSeen(ctx, t, "in:"+key, deliveryTTL)
	if err != nil {
		b.log.Warn("delivery not deduplicated", "tenant", t.String(), "code", string(ErrorCode(err)))
		return true
	}
	return first
}
