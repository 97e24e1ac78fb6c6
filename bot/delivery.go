package bot

import (
	"context"
	"time"
)

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
	first, err := b.store.FirstSeen(ctx, t, "in:"+key, deliveryTTL)
	if err != nil {
		b.log.Warn("delivery not deduplicated", "tenant", t.String(), "code", string(ErrorCode(err)))
		return true
	}
	return first
}
